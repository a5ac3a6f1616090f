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


# Each entry with its table position and the lower-cased evidence its text must hold,
# grouped by the codes it names, so that a reply only looks at entries that can match it.
_Candidate = tuple[int, VendorEntry, tuple[bytes, ...]]
_BY_CODES: dict[tuple[int | None, EnhancedCode | None], list[_Candidate]] = {}
for _i, _e in enumerate(VENDOR_ENTRIES):
    _needles = tuple(f.encode("utf-8").lower() for f in (_e.token, _e.pattern) if f is not None)
    _BY_CODES.setdefault((_e.basic, _e.enhanced), []).append((_i, _e, _needles))


def _candidates(code: int, enhanced: EnhancedCode | None) -> list[_Candidate]:
    keys: list[tuple[int | None, EnhancedCode | None]] = [(None, None), (code, None)]
    if enhanced is not None:
        keys += [(None, enhanced), (code, enhanced)]
    found: list[_Candidate] = []
    for key in keys:
        group = _BY_CODES.get(key)
        if group:
            found.extend(group)
    found.sort(key=lambda c: c[0])
    return found


def _kind(entry: VendorEntry, needles: tuple[bytes, ...], text: bytes) -> MatchKind | None:
    if needles:
        for needle in needles:
            if needle not in text:
                return None
        return MatchKind.TEXT
    return MatchKind.CODE if entry.enhanced is not None else None


def matches_folded(
    code: int, enhanced: EnhancedCode | None, text: bytes
) -> list[tuple[VendorEntry, MatchKind]]:
    """``matches`` on folded text."""
    out = []
    for _, entry, needles in _candidates(code, enhanced):
        kind = _kind(entry, needles, text)
        if kind is not None:
            out.append((entry, kind))
    return out


def best_match_folded(code: int, enhanced: EnhancedCode | None, text: bytes) -> VendorEntry | None:
    """``best_match`` on folded text."""
    best: VendorEntry | None = None
    best_rank = (-1, -1)
    for _, entry, needles in _candidates(code, enhanced):
        kind = _kind(entry, needles, text)
        if kind is None:
            continue
        if kind is MatchKind.CODE and entry.enhanced is not None and entry.enhanced.is_registered:
            continue
        rank = (int(kind), entry.specificity)
        if rank > best_rank:
            best, best_rank = entry, rank
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
