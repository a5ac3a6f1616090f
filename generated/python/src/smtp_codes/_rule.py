"""``Rule``: a text rule of the classifier, the built-in ones and the caller's own."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._match import Phrase, has_phrase

if TYPE_CHECKING:
    from ._codes import EnhancedCode
    from ._retry import RetryPolicy
    from ._tables.classifier import Reason


@dataclass(frozen=True)
class Rule:
    """If the reply's text has one of ``any``, all of ``all`` and none of ``none``
    (case-insensitive, on word boundaries; a ``*`` at either end of a phrase drops that
    boundary), and the reply fits the optional scopes, the reply gets ``reason``.

    ``weak`` rules (generic words such as "blocked") apply only to replies without an
    enhanced code, with an unregistered one, or with one that says little by itself
    (``X.s.0``, ``X.7.1``).
    """

    id: str
    reason: Reason
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    classes: tuple[int, ...] = ()
    """Reply first digits the rule applies to (empty: any)."""
    codes: tuple[int, ...] = ()
    """Reply codes the rule applies to (empty: any)."""
    enhanced: tuple[tuple[int, int], ...] = ()
    """Enhanced codes ``(subject, detail)`` the rule applies to (empty: any)."""
    weak: bool = False
    retry_policy: RetryPolicy | None = None
    """What to do next time when this rule decides; ``None`` leaves it to the reason's policy
    and the defaults. A caller's rule overrides the vendor's and the reason's policy (the
    classification's policy then says ``PolicySource.USER_RULE``)."""
    _any: tuple[Phrase, ...] = field(init=False, repr=False, compare=False)
    _all: tuple[Phrase, ...] = field(init=False, repr=False, compare=False)
    _none: tuple[Phrase, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("any", "all", "none"):
            phrases = tuple(getattr(self, name))
            object.__setattr__(self, name, phrases)
            object.__setattr__(self, "_" + name, tuple(Phrase.compile(p) for p in phrases))
        for name in ("classes", "codes", "enhanced"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def match_folded(
        self, code: int, enhanced: EnhancedCode | None, text: bytes, generic: bool
    ) -> str | None:
        """The phrase of ``any`` found in folded ``text``, if the rule applies. ``generic``
        tells whether ``enhanced`` says little by itself (unregistered, ``X.s.0``, ...)."""
        if not self.in_scope(code, enhanced, generic):
            return None
        return self.match_phrases(text, range(len(self._any)))

    def in_scope(self, code: int, enhanced: EnhancedCode | None, generic: bool) -> bool:
        """Whether the rule's scopes admit the reply (its phrases aside)."""
        if self.classes and code // 100 not in self.classes:
            return False
        if self.codes and code not in self.codes:
            return False
        if self.enhanced and (
            enhanced is None or (enhanced.subject, enhanced.detail) not in self.enhanced
        ):
            return False
        return not (self.weak and not generic)

    def match_phrases(self, text: bytes, candidates: Sequence[int] | range) -> str | None:
        """The first phrase of ``any`` (among the ``candidates``, indices in ``any`` order)
        found in folded ``text``, if ``all`` and ``none`` agree."""
        found = None
        phrases = self._any
        for i in candidates:
            if has_phrase(text, phrases[i]):
                found = phrases[i].text
                break
        if found is None:
            return None
        for p in self._all:
            if not has_phrase(text, p):
                return None
        for p in self._none:
            if has_phrase(text, p):
                return None
        return found


# A run of word bytes in folded text (ASCII letters are already lower case).
_WORD_RUN = re.compile(rb"[0-9a-z\x80-\xff]+")


def _key(phrase: Phrase) -> bytes | None:
    """A word that must stand whole in any text the phrase matches: a run of word bytes of
    the needle closed on both sides, by a non-word byte of the needle or by a boundary the
    phrase requires (the longest such run). ``None`` when there is none (``throttl*``)."""
    needle = phrase.needle
    best = None
    for m in _WORD_RUN.finditer(needle):
        a, b = m.span()
        closed = (a > 0 or phrase.bound_start) and (b < len(needle) or phrase.bound_end)
        if closed and (best is None or b - a > len(best)):
            best = needle[a:b]
    return best


def _prefix(phrase: Phrase) -> bytes | None:
    """For a phrase without a ``_key`` that must start at a word boundary (``throttl*``):
    the run of word bytes it starts with, which must begin a word of the text."""
    m = _WORD_RUN.match(phrase.needle)
    return m.group() if m is not None and phrase.bound_start else None


class RuleSet:
    """Rules in the order they are tried, with a prefilter: most phrases name a word that
    must stand whole in the text (``_key``), so one regular-expression pass splits the text
    into its words, a set intersection finds the phrases that can occur, and only those
    are searched, each with ``bytes.find``. Phrases that only begin a word (``throttl*``)
    are found by a second pass, one alternation of those beginnings anchored at word starts
    (longest first, so a shorter beginning is read off the longest one found); the rest, if
    any, are always searched.

    Each phrase of ``any`` has an id, ``rule index * 1024 + phrase index``, so that sorting
    the ids of the candidates gives the order in which the rules and their phrases are tried.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        by_key: dict[bytes, list[int]] = {}
        by_prefix: dict[bytes, list[int]] = {}
        always: list[int] = []
        self._phrases: dict[int, Phrase] = {}
        for r, rule in enumerate(self.rules):
            if len(rule._any) >= _ID_SPAN:
                raise ValueError(f"rule `{rule.id}` has more than {_ID_SPAN - 1} phrases")
            for p, phrase in enumerate(rule._any):
                ident = r * _ID_SPAN + p
                self._phrases[ident] = phrase
                key = _key(phrase)
                prefix = _prefix(phrase) if key is None else None
                if key is not None:
                    by_key.setdefault(key, []).append(ident)
                elif prefix is not None:
                    by_prefix.setdefault(prefix, []).append(ident)
                else:
                    always.append(ident)
        self._by_key: dict[bytes, tuple[int, ...]] = {k: tuple(v) for k, v in by_key.items()}
        self._always: tuple[int, ...] = tuple(always)
        prefixes = sorted(by_prefix, key=len, reverse=True)
        self._prefix_run = (
            re.compile(
                rb"(?<![0-9a-z\x80-\xff])(?:" + b"|".join(re.escape(p) for p in prefixes) + b")"
            )
            if prefixes
            else None
        )
        # For each beginning the pass can report, the phrases of every beginning it holds.
        self._by_prefix: dict[bytes, tuple[int, ...]] = {
            p: tuple(i for q in prefixes if p.startswith(q) for i in by_prefix[q]) for p in prefixes
        }
        self._scopes: dict[tuple[int, tuple[int, int] | None, bool], frozenset[int]] = {}

    def _in_scope(self, code: int, enhanced: EnhancedCode | None, generic: bool) -> frozenset[int]:
        """The rules whose scopes admit a reply, remembered per (code, enhanced, generic)."""
        key = (code, None if enhanced is None else (enhanced.subject, enhanced.detail), generic)
        found = self._scopes.get(key)
        if found is None:
            found = frozenset(
                r for r, rule in enumerate(self.rules) if rule.in_scope(code, enhanced, generic)
            )
            if len(self._scopes) >= 4096:
                self._scopes.clear()
            self._scopes[key] = found
        return found

    def first_match(
        self, code: int, enhanced: EnhancedCode | None, text: bytes, generic: bool
    ) -> tuple[Rule, str] | None:
        """The first rule that applies to the reply, and the phrase it found."""
        by_key = self._by_key
        ids = list(self._always)
        for word in by_key.keys() & set(_WORD_RUN.findall(text)):
            ids.extend(by_key[word])
        if self._prefix_run is not None:
            for found in set(self._prefix_run.findall(text)):
                ids.extend(self._by_prefix[found])
        ids.sort()
        in_scope = self._in_scope(code, enhanced, generic)
        phrases = self._phrases
        done = -1
        for ident in ids:
            r = ident // _ID_SPAN
            if r == done or r not in in_scope:
                continue
            if not has_phrase(text, phrases[ident]):
                continue
            # The first phrase of the rule that occurs: the rule applies if `all` and `none`
            # agree, and otherwise not at all.
            rule = self.rules[r]
            if all(has_phrase(text, p) for p in rule._all) and not any(
                has_phrase(text, p) for p in rule._none
            ):
                return rule, phrases[ident].text
            done = r
        return None


_ID_SPAN = 1024
