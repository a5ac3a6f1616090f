"""What providers and mail servers mean by their own codes and wordings.

The registry says what ``5.7.1`` means in RFC 3463; a vendor entry says what Microsoft means
by ``5.7.708``, or what Gmail means by ``550 5.7.1`` when the text says "relay denied".
Entries come from ``data/vendors/``, each citing the vendor's page and the date it was read.

>>> hit = best_match(550, "5.7.606", "Access denied, banned sending IP [192.0.2.1]")
>>> hit.vendor.slug
'microsoft-exchange-online'
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from ._codes import EnhancedCode, EnhancedLike, as_enhanced
from ._match import fold
from ._tables.vendors import VENDOR_ENTRIES, VENDORS
from ._vendor_types import Vendor, VendorEntry, VendorKind, VendorRetry

__all__ = [
    "MatchKind",
    "Vendor",
    "VendorEntry",
    "VendorKind",
    "VendorRetry",
    "best_match",
    "entries",
    "matches",
    "vendor",
    "vendors",
]


class MatchKind(IntEnum):
    """How strongly an entry matches a reply (``TEXT`` is stronger)."""

    CODE = 0
    """The entry has no pattern or token; its codes alone equal the reply's."""
    TEXT = 1
    """The entry's token or pattern is in the reply text, and its codes (if any) equal the
    reply's."""


def vendors() -> list[Vendor]:
    """Every vendor, by slug."""
    return list(VENDORS.values())


def entries() -> tuple[VendorEntry, ...]:
    """Every vendor entry."""
    return VENDOR_ENTRIES


def vendor(slug: str) -> Vendor | None:
    """The vendor with this slug."""
    return VENDORS.get(slug)


class _Candidate(NamedTuple):
    entry: VendorEntry
    needles: tuple[bytes, ...]
    """The lower-cased evidence (token, pattern) the text must hold; empty for a code entry."""
    registered: bool
    """A code entry whose enhanced code IANA registers: it never selects the vendor alone."""


# The entries grouped by the codes they name, in table order, so that a reply only looks at
# entries that can match it; the candidates of each (reply code, enhanced code) seen are
# kept, up to a bound.
_BY_CODES: dict[tuple[int | None, EnhancedCode | None], list[tuple[int, _Candidate]]] = {}
for _i, _e in enumerate(VENDOR_ENTRIES):
    _needles = tuple(f.encode("utf-8").lower() for f in (_e.token, _e.pattern) if f is not None)
    _registered = not _needles and _e.enhanced is not None and _e.enhanced.is_registered
    _BY_CODES.setdefault((_e.basic, _e.enhanced), []).append(
        (_i, _Candidate(_e, _needles, _registered))
    )
_CACHE: dict[tuple[int, EnhancedCode | None], tuple[_Candidate, ...]] = {}
_CACHE_LIMIT = 4096


def _candidates(code: int, enhanced: EnhancedCode | None) -> tuple[_Candidate, ...]:
    key = (code, enhanced)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    keys: list[tuple[int | None, EnhancedCode | None]] = [(None, None), (code, None)]
    if enhanced is not None:
        keys += [(None, enhanced), (code, enhanced)]
    found: list[tuple[int, _Candidate]] = []
    for k in keys:
        found.extend(_BY_CODES.get(k, ()))
    found.sort(key=lambda c: c[0])
    result = tuple(c for _, c in found)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def _kind(candidate: _Candidate, text: bytes) -> MatchKind | None:
    if candidate.needles:
        for needle in candidate.needles:
            if needle not in text:
                return None
        return MatchKind.TEXT
    return MatchKind.CODE if candidate.entry.enhanced is not None else None


def matches_folded(
    code: int, enhanced: EnhancedCode | None, text: bytes
) -> list[tuple[VendorEntry, MatchKind]]:
    """``matches`` on folded text."""
    out = []
    for candidate in _candidates(code, enhanced):
        kind = _kind(candidate, text)
        if kind is not None:
            out.append((candidate.entry, kind))
    return out


def best_match_folded(code: int, enhanced: EnhancedCode | None, text: bytes) -> VendorEntry | None:
    """``best_match`` on folded text."""
    best: VendorEntry | None = None
    best_kind = -1
    best_size = -1
    for entry, needles, registered in _candidates(code, enhanced):
        if needles:
            for needle in needles:
                if needle not in text:
                    break
            else:
                size = entry.specificity
                if best_kind < 1 or size > best_size:
                    best, best_kind, best_size = entry, 1, size
        elif best_kind < 0 and not registered and entry.enhanced is not None:
            # A code entry's evidence has length 0: it wins only over nothing.
            best, best_kind, best_size = entry, 0, 0
    return best


def _text(text: str | bytes) -> bytes:
    return fold([text.encode("utf-8") if isinstance(text, str) else text])


def matches(
    code: int, enhanced: EnhancedLike | None, text: str | bytes
) -> list[tuple[VendorEntry, MatchKind]]:
    """Every vendor entry that matches a reply (its code, enhanced code and text), with how
    it matches, in table order."""
    return matches_folded(code, as_enhanced(enhanced), _text(text))


def best_match(code: int, enhanced: EnhancedLike | None, text: str | bytes) -> VendorEntry | None:
    """The vendor entry that best explains a reply: one whose pattern or token is in the
    text (the longest such evidence wins, the first of equals), else one whose enhanced
    code, unregistered by IANA, is exactly the reply's. Registered enhanced codes alone do
    not select a vendor: ``5.1.1`` means the same everywhere."""
    return best_match_folded(code, as_enhanced(enhanced), _text(text))
