"""What a reply means for the sender: retry or not, hard or soft bounce, the reason, and whose
side the problem is on, each with the evidence that decided it.

The knowledge is data (``data/classifier.yaml`` and ``data/vendors/``, generated into
``smtp_codes._tables``); this module applies it in this order, the first step that gives a
reason winning:

1. the caller's own ``Rule``\\ s (``Classifier(rules)``);
2. a provider's entry whose pattern or token is in the text;
3. the built-in text rules, in order;
4. a mail server's (Postfix, Exim, ...) entry whose wording is in the text;
5. a vendor entry for the reply's exact, unregistered enhanced code (``5.7.606``);
6. the default reason of the registered enhanced code (``X.1.1``: unknown user);
7. the default reason of an unregistered code's subject (``X.7.*``);
8. the default reason of the reply code;
9. ``Reason.UNKNOWN``.

Success (2yz) and intermediate (3yz) replies take the reply code's default reason. Retry
advice comes from the reply code alone (RFC 5321 section 4.2.1).

>>> text = "Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org"
>>> c = classify_text(550, "5.7.1", text)
>>> c.reason, c.side, c.bounce
(<Reason.BLOCKED: 'blocked'>, <Side.SENDING_SERVER: 'sending_server'>, <Bounce.SOFT: 'soft'>)
>>> str(c.decided_by)
'text rule `block-lists` (found "spamhaus")'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ._codes import EnhancedCode, EnhancedLike, as_enhanced
from ._match import TEXT_CAPACITY, contains_phrase, fold
from ._reason import Bounce, Side
from ._rule import Rule, RuleSet
from ._tables.classifier import (
    BASIC_DEFAULTS,
    ENHANCED_DEFAULTS,
    GENERIC_ENHANCED,
    RULES,
    SUBJECT_DEFAULTS,
    Reason,
)
from ._tables.codes import ENHANCED
from ._vendor_types import VendorEntry, VendorKind
from .reply import Reply
from .vendor import best_match_folded

__all__ = [
    "RULES",
    "TEXT_CAPACITY",
    "Bounce",
    "Classification",
    "Classifier",
    "DecidedBy",
    "Evidence",
    "Outcome",
    "RetryAdvice",
    "Rule",
    "Side",
    "classify",
    "classify_text",
    "contains_phrase",
]


class Outcome(Enum):
    """The outcome the reply code's first digit states."""

    SUCCESS = "success"
    INTERMEDIATE = "intermediate"
    TRANSIENT = "transient"
    PERMANENT = "permanent"

    @classmethod
    def of(cls, code: int) -> Outcome:
        return _OUTCOMES[code // 100]


_OUTCOMES = {
    2: Outcome.SUCCESS,
    3: Outcome.INTERMEDIATE,
    4: Outcome.TRANSIENT,
    5: Outcome.PERMANENT,
}


class RetryAdvice(Enum):
    """What RFC 5321 section 4.2.1 says the client should do next."""

    DONE = "done"
    """2yz: nothing to retry."""
    CONTINUE = "continue"
    """3yz: send what the server asked for."""
    RETRY_LATER = "retry_later"
    """4yz: try the same request again later."""
    DO_NOT_RETRY = "do_not_retry"
    """5yz: do not repeat the same request unchanged."""

    @classmethod
    def of(cls, code: int) -> RetryAdvice:
        return _RETRIES[code // 100]


_RETRIES = {
    2: RetryAdvice.DONE,
    3: RetryAdvice.CONTINUE,
    4: RetryAdvice.RETRY_LATER,
    5: RetryAdvice.DO_NOT_RETRY,
}


class Evidence(Enum):
    """What kind of evidence decided a classification."""

    USER_RULE = "user_rule"
    VENDOR_TEXT = "vendor_text"
    TEXT_RULE = "text_rule"
    VENDOR_CODE = "vendor_code"
    ENHANCED_CODE = "enhanced_code"
    SUBJECT = "subject"
    REPLY_CODE = "reply_code"
    NOTHING = "nothing"


@dataclass(frozen=True)
class DecidedBy:
    """What decided a classification: the kind of evidence and the rule, phrase, vendor
    entry or code it was. ``str()`` says it in words."""

    evidence: Evidence
    rule: Rule | None = None
    phrase: str | None = None
    vendor: VendorEntry | None = None
    enhanced: EnhancedCode | None = None
    subject: int | None = None
    code: int | None = None

    def __str__(self) -> str:
        ev = self.evidence
        if ev is Evidence.USER_RULE and self.rule is not None:
            return f'your rule `{self.rule.id}` (found "{self.phrase}")'
        if ev is Evidence.TEXT_RULE and self.rule is not None:
            return f'text rule `{self.rule.id}` (found "{self.phrase}")'
        if ev is Evidence.VENDOR_TEXT and self.vendor is not None:
            e = self.vendor
            if e.pattern is not None:
                return f'{e.vendor.name} wording "{e.pattern}"'
            if e.token is not None:
                return f"{e.vendor.name} tag {e.token}"
            return e.vendor.name
        if ev is Evidence.VENDOR_CODE and self.vendor is not None:
            e = self.vendor
            if e.enhanced is not None:
                return f"{e.vendor.name}'s own code {e.enhanced}"
            return f"{e.vendor.name}'s own code"
        if ev is Evidence.ENHANCED_CODE and self.enhanced is not None:
            return f"registered enhanced code X.{self.enhanced.subject}.{self.enhanced.detail}"
        if ev is Evidence.SUBJECT:
            return f"enhanced code subject X.{self.subject}"
        if ev is Evidence.REPLY_CODE:
            return f"reply code {self.code}"
        return "nothing: no rule, vendor entry or code default applied"


@dataclass(frozen=True)
class Classification:
    """What a reply means for the sender."""

    code: int
    """The reply code."""
    enhanced: EnhancedCode | None
    """The enhanced code the classification used, if any."""
    outcome: Outcome
    retry: RetryAdvice
    bounce: Bounce
    reason: Reason
    side: Side
    decided_by: DecidedBy
    vendor: VendorEntry | None
    """The vendor entry that best explains the reply, whether or not it decided the reason."""


_EVIDENCE: dict[tuple[object, ...], DecidedBy] = {}


def _decided_by(evidence: Evidence, key: object, **fields: Any) -> DecidedBy:
    """The ``DecidedBy`` for built-in evidence, made once and shared (it is immutable).
    ``key`` identifies the evidence cheaply: a code, or the ``id`` of a built-in rule or
    vendor entry (those live as long as the module)."""
    key = (evidence, key, fields.get("phrase"))
    found = _EVIDENCE.get(key)
    if found is None:
        found = DecidedBy(evidence, **fields)
        if len(_EVIDENCE) >= 4096:
            _EVIDENCE.clear()
        _EVIDENCE[key] = found
    return found


def _code_default(code: int, enhanced: EnhancedCode | None) -> tuple[Reason, DecidedBy]:
    if enhanced is not None:
        key = (enhanced.subject, enhanced.detail)
        if key in ENHANCED:
            reason = ENHANCED_DEFAULTS.get(key)
            if reason is not None:
                return reason, _decided_by(Evidence.ENHANCED_CODE, enhanced, enhanced=enhanced)
        else:
            reason = SUBJECT_DEFAULTS.get(enhanced.subject)
            if reason is not None:
                return reason, _decided_by(
                    Evidence.SUBJECT, enhanced.subject, subject=enhanced.subject
                )
    reason = BASIC_DEFAULTS.get(code)
    if reason is not None:
        return reason, _decided_by(Evidence.REPLY_CODE, code, code=code)
    return Reason.UNKNOWN, _decided_by(Evidence.NOTHING, None)


class Classifier:
    """A classifier with the caller's rules, tried before the built-in knowledge.

    >>> mine = Rule("acme-frozen", Reason.MAILBOX_DISABLED, any=("mailbox frozen",))
    >>> Classifier([mine]).classify_text(554, None, "Mailbox frozen by ACME").reason
    <Reason.MAILBOX_DISABLED: 'mailbox_disabled'>
    """

    def __init__(self, rules: Sequence[Rule] = ()) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._rules = RuleSet(self.rules)

    def classify(self, reply: Reply) -> Classification:
        """Classifies a parsed reply: its code, its enhanced code (the RFC 2034 one, else
        one found in the text, such as ``#5.1.1``) and its lines' texts."""
        enhanced = reply.enhanced_code
        if enhanced is None:
            enhanced = reply.enhanced_in_text()
        return self._classify(reply.code, enhanced, fold(reply.texts))

    def classify_text(
        self, code: int, enhanced: EnhancedLike | None, text: str | bytes
    ) -> Classification:
        """Classifies a reply given as its code, its enhanced code and its text."""
        raw = text.encode("utf-8") if isinstance(text, str) else text
        return self._classify(code, as_enhanced(enhanced), fold([raw]))

    def classify_lines(
        self, code: int, enhanced: EnhancedLike | None, lines: Iterable[str | bytes]
    ) -> Classification:
        """Like ``classify_text``, for a multi-line reply given as its lines' texts."""
        raw = [t.encode("utf-8") if isinstance(t, str) else t for t in lines]
        return self._classify(code, as_enhanced(enhanced), fold(raw))

    def _classify(self, code: int, enhanced: EnhancedCode | None, text: bytes) -> Classification:
        vendor = best_match_folded(code, enhanced, text)
        reason, decided_by = self._decide(code, enhanced, text, vendor)
        first = code // 100
        if first < 4:
            bounce = Bounce.NONE
        elif first == 4:
            bounce = Bounce.SOFT
        else:
            bounce = reason.permanent_bounce
            if bounce is Bounce.NONE:
                bounce = Bounce.SOFT
        # The frozen dataclass, filled without its __init__ (which sets each field through
        # object.__setattr__, a quarter of the classifier's time).
        c = object.__new__(Classification)
        c.__dict__.update(
            code=code,
            enhanced=enhanced,
            outcome=_OUTCOMES[first],
            retry=_RETRIES[first],
            bounce=bounce,
            reason=reason,
            side=reason.side,
            decided_by=decided_by,
            vendor=vendor,
        )
        return c

    def _decide(
        self, code: int, enhanced: EnhancedCode | None, text: bytes, vendor: VendorEntry | None
    ) -> tuple[Reason, DecidedBy]:
        generic = (
            enhanced is None
            or (enhanced.subject, enhanced.detail) not in ENHANCED
            or (enhanced.subject, enhanced.detail) in GENERIC_ENHANCED
        )
        mine = self._rules.first_match(code, enhanced, text, generic) if self.rules else None
        if mine is not None:
            rule, phrase = mine
            return rule.reason, DecidedBy(Evidence.USER_RULE, rule=rule, phrase=phrase)
        # Success and intermediate replies need no text evidence: their code says it all.
        if code < 400:
            reason = BASIC_DEFAULTS.get(code)
            if reason is not None:
                return reason, _decided_by(Evidence.REPLY_CODE, code, code=code)
            return _code_default(code, enhanced)
        # A provider's own wording is the most specific evidence there is. Mail server
        # software's wordings are generic frames that the text rules may read more
        # precisely, so they come after them.
        by_text = None
        if vendor is not None and vendor.reason is not None:
            if vendor.pattern is not None or vendor.token is not None:
                by_text = vendor
        if by_text is not None and by_text.vendor.kind is VendorKind.PROVIDER:
            assert by_text.reason is not None
            return by_text.reason, _decided_by(Evidence.VENDOR_TEXT, id(by_text), vendor=by_text)
        built_in = _BUILT_IN.first_match(code, enhanced, text, generic)
        if built_in is not None:
            rule, phrase = built_in
            return rule.reason, _decided_by(Evidence.TEXT_RULE, id(rule), rule=rule, phrase=phrase)
        if by_text is not None:
            assert by_text.reason is not None
            return by_text.reason, _decided_by(Evidence.VENDOR_TEXT, id(by_text), vendor=by_text)
        if vendor is not None and vendor.reason is not None:
            if vendor.pattern is None and vendor.token is None:
                return vendor.reason, _decided_by(Evidence.VENDOR_CODE, id(vendor), vendor=vendor)
        return _code_default(code, enhanced)


_BUILT_IN = RuleSet(RULES)
_DEFAULT = Classifier()


def classify(reply: Reply) -> Classification:
    """Classifies a parsed reply with the built-in knowledge only.

    >>> c = classify(Reply.parse("550 5.1.1 <bob@example.com> User unknown"))
    >>> c.reason.id, c.bounce.value, c.side.value
    ('unknown_user', 'hard', 'recipient')
    """
    return _DEFAULT.classify(reply)


def classify_text(code: int, enhanced: EnhancedLike | None, text: str | bytes) -> Classification:
    """Classifies with the built-in knowledge only; see ``Classifier.classify_text``."""
    return _DEFAULT.classify_text(code, enhanced, text)
