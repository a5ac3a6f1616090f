"""``Rule``: a text rule of the classifier, the built-in ones and the caller's own."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ._match import Phrase, has_phrase

if TYPE_CHECKING:
    from ._codes import EnhancedCode
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
        if self.classes and code // 100 not in self.classes:
            return None
        if self.codes and code not in self.codes:
            return None
        if self.enhanced and (
            enhanced is None or (enhanced.subject, enhanced.detail) not in self.enhanced
        ):
            return None
        if self.weak and not generic:
            return None
        found = None
        for p in self._any:
            if has_phrase(text, p):
                found = p.text
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
