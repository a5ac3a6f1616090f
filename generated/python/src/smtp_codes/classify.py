"""What a reply means for the sender: retry or not, hard or soft bounce, the reason, and whose
side the problem is on, each with the evidence that decided it.

The knowledge is data (``data/classifier.yaml`` and ``data/vendors/``, generated into
``smtp_codes._tables``); this module applies it in this order, the first step that gives a
reason winning:

1. the caller's own ``Rule``\\ s (``Classifier(rules)``);
2. a provider's entry whose token or pattern is in the text (``smtp_codes.vendor`` ranks
   them: a token over any pattern, then a reply identified as that vendor's, then the
   longer evidence);
3. the built-in text rules, in order;
4. a mail server's (Postfix, Exim, ...) entry whose wording is in the text;
5. a vendor entry with neither token nor pattern for the reply's enhanced code: an
   unregistered code (``5.7.606``, or one in a range such as ``4.7.500``-``4.7.699``)
   always; a code IANA registers (``4.7.26``) only when the reply is identified as that
   vendor's (its marker such as ``gsmtp`` in the text, or the ``Context.remote_host``);
6. the ``Context``, when the codes say little (no enhanced code, an unregistered one, or a
   catch-all such as ``X.7.0`` or ``X.7.1``): a permanent rejection in reply to ``DATA`` or
   ``BDAT`` is a content rejection, and 552 in reply to ``RCPT TO`` means too many
   recipients (``ContextRule``);
7. the default reason of the registered enhanced code (``X.1.1``: unknown user);
8. the default reason of an unregistered code's subject (``X.7.*``);
9. the default reason of the reply code;
10. ``Reason.UNKNOWN``.

Success (2yz) and intermediate (3yz) replies take the reply code's default reason. Retry
advice comes from the reply code (RFC 5321 section 4.2.1), with one exception the RFC makes:
552 in reply to ``RCPT TO`` is treated as 452, transient (section 4.5.3.1.10).

What to do next time (``Classification.retry_policy``, a ``RetryPolicy``; ``None`` for 2yz
and 3yz) is resolved from the data, the first that applies:

1. a caller's ``Rule`` that decided the reason and carries its own ``retry_policy``;
2. the vendor entry that decided the reason, if it has a policy;
3. the reason's policy, adjusted to the reply's class: on a transient reply a policy that
   says ``NEVER`` does not count; on a permanent reply one that says ``LATER`` counts as
   ``AFTER_FIX`` with no timing (a 5yz is not repeated unchanged);
4. ``RETRY_DEFAULT_TRANSIENT`` or ``RETRY_DEFAULT_PERMANENT`` (RFC 5321).

A policy that says ``LATER`` takes each timing field it leaves out from
``RETRY_DEFAULT_TRANSIENT``; ``source`` still names the level that chose ``retry``.
``suppress_address`` is only ever true on a permanent reply.

>>> text = "Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org"
>>> c = classify_text(550, "5.7.1", text)
>>> c.reason, c.side, c.bounce
(<Reason.BLOCKED: 'blocked'>, <Side.SENDING_SERVER: 'sending_server'>, <Bounce.SOFT: 'soft'>)
>>> str(c.decided_by)
'text rule `block-lists` (found "spamhaus")'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from ._codes import EnhancedCode, EnhancedLike, as_enhanced
from ._match import TEXT_CAPACITY, contains_phrase, fold
from ._reason import Bounce, Side
from ._retry import PolicySource, Retry, RetryPolicy
from ._rule import Rule, RuleSet
from ._tables.classifier import (
    BASIC_DEFAULTS,
    ENHANCED_DEFAULTS,
    GENERIC_ENHANCED,
    RETRY_DEFAULT_PERMANENT,
    RETRY_DEFAULT_TRANSIENT,
    RULES,
    SUBJECT_DEFAULTS,
    Reason,
)
from ._tables.codes import ENHANCED
from ._tables.commands import Command
from ._vendor_types import MatchKind, VendorEntry, VendorKind
from .reply import Reply
from .vendor import best_match_folded

__all__ = [
    "RETRY_DEFAULT_PERMANENT",
    "RETRY_DEFAULT_TRANSIENT",
    "RULES",
    "TEXT_CAPACITY",
    "Bounce",
    "Classification",
    "Classifier",
    "Context",
    "ContextRule",
    "DecidedBy",
    "Evidence",
    "Outcome",
    "PolicySource",
    "Retry",
    "RetryAdvice",
    "RetryPolicy",
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


class ContextRule(Enum):
    """A rule the ``Context`` applies when the codes say little."""

    RCPT_TOO_MANY_RECIPIENTS = "rcpt_too_many_recipients"
    """552 in reply to ``RCPT TO``: too many recipients, treated as 452 (transient), per
    RFC 5321 section 4.5.3.1.10."""
    DATA_REJECTED = "data_rejected"
    """A permanent (5yz) rejection in reply to ``DATA`` or ``BDAT`` (the message's content):
    a content rejection."""

    @property
    def reason(self) -> Reason | None:
        """The reason the rule gives: ``too_many_recipients`` or ``content_rejected``
        (``None`` only for a registry whose taxonomy lacks it, where the rule does not
        apply)."""
        return _REASON_BY_ID.get(
            "too_many_recipients"
            if self is ContextRule.RCPT_TOO_MANY_RECIPIENTS
            else "content_rejected"
        )

    def as_str(self) -> str:
        """``"rcpt_too_many_recipients"`` or ``"data_rejected"``."""
        return str(self.value)

    def __str__(self) -> str:
        if self is ContextRule.RCPT_TOO_MANY_RECIPIENTS:
            return (
                "the context: 552 in reply to RCPT TO, too many recipients "
                "(RFC 5321 section 4.5.3.1.10: treated as 452)"
            )
        return "the context: a permanent rejection in reply to DATA, the content"


@dataclass(frozen=True)
class Context:
    """What the reply answered and where it came from; every part is optional (``Context()``
    knows nothing, and classifies as the context-free methods do).

    ``command`` is the command the reply answered (``Command.DATA`` also for the reply after
    the message's final dot, ``Command.CONNECT`` for the greeting); ``remote_host`` the name
    of the server that sent it (``gmail-smtp-in.l.google.com``): a host under one of a
    vendor's ``hosts`` identifies the reply as that vendor's.

    >>> from smtp_codes import Command
    >>> rcpt = Context(Command.RCPT)
    >>> c = Classifier().classify_text_with(552, None, "Requested action aborted", rcpt)
    >>> c.outcome.value, c.reason.id, c.decided_by.context.value
    ('transient', 'too_many_recipients', 'rcpt_too_many_recipients')
    >>> gmail = Context().with_remote_host("smtp.gmail.com")
    >>> text = "https://support.google.com/mail/?p=WebLoginRequired"
    >>> Classifier().classify_text(534, "5.7.9", text).vendor is None
    True
    >>> c = Classifier().classify_text_with(534, "5.7.9", text, gmail)
    >>> c.vendor.vendor.slug, str(c.decided_by)
    ('google-gmail', "Google Gmail and Google Workspace's meaning of 5.7.9")
    """

    command: Command | None = None
    remote_host: str | None = None

    def with_command(self, command: Command) -> Context:
        """This context, answering ``command``."""
        return replace(self, command=command)

    def with_remote_host(self, host: str) -> Context:
        """This context, from ``host``."""
        return replace(self, remote_host=host)

    def too_many_recipients(self, code: int) -> bool:
        """552 in reply to RCPT TO."""
        return code == 552 and self.command is not None and self.command.value == "RCPT"

    def rule_for(self, code: int) -> ContextRule | None:
        """The rule that applies to a failure reply, if any. (Commands are compared by name:
        they are data.)"""
        if self.too_many_recipients(code):
            return ContextRule.RCPT_TOO_MANY_RECIPIENTS
        if code // 100 == 5 and self.command is not None and self.command.value in _DATA:
            return ContextRule.DATA_REJECTED
        return None


_DATA = ("DATA", "BDAT")
_REASON_BY_ID: dict[str, Reason] = {r.value: r for r in Reason}


_NO_CONTEXT = Context()


class Evidence(Enum):
    """What kind of evidence decided a classification."""

    USER_RULE = "user_rule"
    VENDOR_TEXT = "vendor_text"
    TEXT_RULE = "text_rule"
    VENDOR_CODE = "vendor_code"
    CONTEXT = "context"
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
    context: ContextRule | None = None

    def __str__(self) -> str:
        ev = self.evidence
        if ev is Evidence.USER_RULE and self.rule is not None:
            return f'your rule `{self.rule.id}` (found "{self.phrase}")'
        if ev is Evidence.TEXT_RULE and self.rule is not None:
            return f'text rule `{self.rule.id}` (found "{self.phrase}")'
        if ev is Evidence.VENDOR_TEXT and self.vendor is not None:
            e = self.vendor
            # A tag is the more specific evidence (it ranks first), so it is named first.
            if e.token is not None:
                return f"{e.vendor.name} tag {e.token}"
            if e.pattern is not None:
                return f'{e.vendor.name} wording "{e.pattern}"'
            return e.vendor.name
        if ev is Evidence.VENDOR_CODE and self.vendor is not None:
            e = self.vendor
            if e.enhanced is not None and e.enhanced_to is not None:
                return f"{e.vendor.name}'s own code range {e.enhanced}-{e.enhanced_to}"
            if e.enhanced is not None and e.enhanced.is_registered:
                return f"{e.vendor.name}'s meaning of {e.enhanced}"
            if e.enhanced is not None:
                return f"{e.vendor.name}'s own code {e.enhanced}"
            return f"{e.vendor.name}'s own code"
        if ev is Evidence.CONTEXT and self.context is not None:
            return str(self.context)
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
    retry_policy: RetryPolicy | None = None
    """What to do next time; ``None`` for success (2yz) and intermediate (3yz) replies (see
    the module documentation for how it is resolved)."""


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
        return self.classify_with(reply, _NO_CONTEXT)

    def classify_with(self, reply: Reply, context: Context) -> Classification:
        """``classify`` knowing what the reply answered and where it came from."""
        enhanced = reply.enhanced_code
        if enhanced is None:
            enhanced = reply.enhanced_in_text()
        return self._classify(reply.code, enhanced, fold(reply.texts), context)

    def classify_text(
        self, code: int, enhanced: EnhancedLike | None, text: str | bytes
    ) -> Classification:
        """Classifies a reply given as its code, its enhanced code and its text."""
        return self.classify_text_with(code, enhanced, text, _NO_CONTEXT)

    def classify_text_with(
        self, code: int, enhanced: EnhancedLike | None, text: str | bytes, context: Context
    ) -> Classification:
        """``classify_text`` knowing what the reply answered and where it came from."""
        raw = text.encode("utf-8") if isinstance(text, str) else text
        return self._classify(code, as_enhanced(enhanced), fold([raw]), context)

    def classify_lines(
        self, code: int, enhanced: EnhancedLike | None, lines: Iterable[str | bytes]
    ) -> Classification:
        """Like ``classify_text``, for a multi-line reply given as its lines' texts."""
        return self.classify_lines_with(code, enhanced, lines, _NO_CONTEXT)

    def classify_lines_with(
        self,
        code: int,
        enhanced: EnhancedLike | None,
        lines: Iterable[str | bytes],
        context: Context,
    ) -> Classification:
        """``classify_lines`` knowing what the reply answered and where it came from."""
        raw = [t.encode("utf-8") if isinstance(t, str) else t for t in lines]
        return self._classify(code, as_enhanced(enhanced), fold(raw), context)

    def _classify(
        self, code: int, enhanced: EnhancedCode | None, text: bytes, context: Context
    ) -> Classification:
        found = best_match_folded(code, enhanced, text, context.remote_host)
        reason, decided_by = self._decide(code, enhanced, text, found, context)
        first = code // 100
        # RFC 5321 section 4.5.3.1.10: 552 to RCPT TO is treated as 452.
        if first == 5 and context.too_many_recipients(code):
            first = 4
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
            vendor=None if found is None else found[0],
            retry_policy=_resolve_policy(first, reason, decided_by),
        )
        return c

    def _decide(
        self,
        code: int,
        enhanced: EnhancedCode | None,
        text: bytes,
        found: tuple[VendorEntry, MatchKind] | None,
        context: Context,
    ) -> tuple[Reason, DecidedBy]:
        # Whether the codes say little: no enhanced code, an unregistered one, or a
        # catch-all (X.s.0, X.7.1).
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
        # A provider's own tag or wording is the most specific evidence there is. Mail server
        # software's wordings are generic frames that the text rules may read more
        # precisely, so they come after them.
        by_text = None
        by_code = None
        if found is not None:
            entry, kind = found
            if entry.reason is not None:
                if kind is MatchKind.CODE:
                    by_code = entry
                else:
                    by_text = entry
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
        if by_code is not None:
            assert by_code.reason is not None
            return by_code.reason, _decided_by(Evidence.VENDOR_CODE, id(by_code), vendor=by_code)
        if generic:
            rule_of_context = context.rule_for(code)
            if rule_of_context is not None:
                reason = rule_of_context.reason
                if reason is not None:
                    return reason, _decided_by(
                        Evidence.CONTEXT, rule_of_context, context=rule_of_context
                    )
        return _code_default(code, enhanced)


def _resolve_policy(first: int, reason: Reason, decided_by: DecidedBy) -> RetryPolicy | None:
    """The retry policy of a reply whose (adjusted) first digit is ``first``, resolved as the
    module documentation says."""
    if first < 4:
        return None
    transient = first == 4
    rule = decided_by.rule
    if (
        decided_by.evidence is Evidence.USER_RULE
        and rule is not None
        and rule.retry_policy is not None
    ):
        mine = replace(rule.retry_policy, source=PolicySource.USER_RULE)
        return mine.completed(RETRY_DEFAULT_TRANSIENT, permanent=not transient)
    entry = decided_by.vendor
    if (
        decided_by.evidence in (Evidence.VENDOR_TEXT, Evidence.VENDOR_CODE)
        and entry is not None
        and entry.retry_policy is not None
    ):
        return _table_policy(entry.retry_policy, transient, False)
    by_reason = reason.details.retry_policy
    if by_reason is not None:
        fitted = _table_policy(by_reason, transient, True)
        if fitted is not None:
            return fitted
    default = RETRY_DEFAULT_TRANSIENT if transient else RETRY_DEFAULT_PERMANENT
    return _table_policy(default, transient, False)


# The policies of the tables (which live as long as the module), fitted and completed for a
# transient or permanent reply: made once each, and shared (they are immutable).
_FITTED: dict[tuple[int, bool, bool], RetryPolicy | None] = {}


def _table_policy(p: RetryPolicy, transient: bool, of_reason: bool) -> RetryPolicy | None:
    """``p`` completed for the reply's class; a reason's policy (``of_reason``) first fitted
    to it: on a transient reply, ``NEVER`` does not count (``None``); on a permanent one,
    ``LATER`` becomes ``AFTER_FIX`` without timing."""
    key = (id(p), transient, of_reason)
    if key in _FITTED:
        return _FITTED[key]
    fitted: RetryPolicy | None = p
    if of_reason and transient and p.retry is Retry.NEVER:
        # `never` (with `suppress_address`) concerns permanent replies, as a hard bounce does.
        fitted = None
    elif of_reason and not transient and p.retry is Retry.LATER:
        # A permanent reply is not repeated unchanged: the reason's way of retrying becomes
        # the change to make first.
        fitted = RetryPolicy(
            Retry.AFTER_FIX,
            how=p.how,
            suppress_address=p.suppress_address,
            source=p.source,
        )
    if fitted is not None:
        fitted = fitted.completed(RETRY_DEFAULT_TRANSIENT, permanent=not transient)
    _FITTED[key] = fitted
    return fitted


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
