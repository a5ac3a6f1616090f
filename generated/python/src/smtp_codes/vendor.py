"""What providers and mail servers mean by their own codes and wordings.

The registry says what ``5.7.1`` means in RFC 3463; a vendor entry says what Microsoft means
by ``5.7.708``, or what Gmail means by ``550 5.7.1`` when the text says "relay denied".
Entries come from ``data/vendors/``, each citing the vendor's page and the date it was read.

>>> hit = best_match(550, "5.7.606", "Access denied, banned sending IP [192.0.2.1]")
>>> hit.vendor.slug
'microsoft-exchange-online'

An entry is found by its codes (a range such as Microsoft's ``4.7.500``-``4.7.699``
included), its token or its pattern; ``best_match`` ranks the entries that match a reply,
the first difference deciding:

1. how the text selected it: a token (the vendor's own tag, ``TSS04``, ``AS(2001)``) over a
   pattern however long, over the codes alone (``MatchKind``);
2. whether the reply is otherwise identified as the vendor's: its remote host ends in one of
   the vendor's ``hosts``, or its text holds one of the vendor's ``markers`` (Gmail's
   ``gsmtp``);
3. the length of the token and pattern together;
4. how precisely the entry names the enhanced code: exactly, over a range, over not at all;
5. the order of the tables (vendors by slug, entries as their file lists them).

An entry with neither token nor pattern matches on its codes only when it names an enhanced
code; when that code is registered by IANA (``4.7.26``), only when the reply is identified
as the vendor's (step 2): otherwise the registered meaning holds.

>>> reply = (534, "5.7.9", "https://support.google.com/mail/?p=WebLoginRequired")
>>> best_match(*reply) is None
True
>>> best_match_from(*reply, remote_host="smtp.gmail.com").vendor.slug
'google-gmail'
"""

from __future__ import annotations

from typing import NamedTuple

from ._codes import EnhancedCode, EnhancedLike, as_enhanced
from ._match import Phrase, fold, has_phrase
from ._tables.vendors import VENDOR_ENTRIES, VENDORS
from ._vendor_types import MatchKind, Vendor, VendorEntry, VendorKind, VendorRetry, host_in

__all__ = [
    "MatchKind",
    "Vendor",
    "VendorEntry",
    "VendorKind",
    "VendorRetry",
    "best_match",
    "best_match_from",
    "entries",
    "match_kind",
    "matches",
    "vendor",
    "vendor_of_host",
    "vendors",
]


def vendors() -> list[Vendor]:
    """Every vendor, by slug."""
    return list(VENDORS.values())


def entries() -> tuple[VendorEntry, ...]:
    """Every vendor entry."""
    return VENDOR_ENTRIES


def vendor(slug: str) -> Vendor | None:
    """The vendor with this slug."""
    return VENDORS.get(slug)


def vendor_of_host(host: str) -> Vendor | None:
    """The vendor whose ``hosts`` the remote host belongs to, if any (the longest matching
    suffix wins: ``olc.protection.outlook.com`` over ``outlook.com``; the earlier vendor of
    equals).

    >>> vendor_of_host("contoso-com.mail.protection.outlook.com").slug
    'microsoft-exchange-online'
    >>> vendor_of_host("mx.example.org") is None
    True
    """
    best: Vendor | None = None
    size = -1
    for v in VENDORS.values():
        for suffix in v.hosts:
            n = len(suffix.encode("utf-8"))
            if n > size and host_in(host, suffix):
                best, size = v, n
    return best


class _Candidate(NamedTuple):
    position: int
    """The entry's position in the table (ties keep the earlier)."""
    entry: VendorEntry
    needles: tuple[bytes, ...]
    """The lower-cased evidence (token, pattern) the text must hold; empty for a code entry."""
    kind: MatchKind
    """How the entry matches when its needles are in the text."""


def _candidate(i: int, e: VendorEntry) -> _Candidate | None:
    needles = tuple(f.encode("utf-8").lower() for f in (e.token, e.pattern) if f is not None)
    if e.token is not None:
        kind = MatchKind.TOKEN
    elif e.pattern is not None:
        kind = MatchKind.PATTERN
    elif e.enhanced is not None:
        kind = MatchKind.CODE
    else:
        return None
    return _Candidate(i, e, needles, kind)


# The entries grouped by the codes they name, in table order, so that a reply only looks at
# entries that can match it; range entries are tried for every reply with an enhanced code.
# The candidates of each (reply code, enhanced code) seen are kept, up to a bound.
_BY_CODES: dict[tuple[int | None, EnhancedCode | None], list[_Candidate]] = {}
_RANGES: list[_Candidate] = []
for _i, _e in enumerate(VENDOR_ENTRIES):
    _c = _candidate(_i, _e)
    if _c is None:
        continue
    if _e.enhanced_to is not None:
        _RANGES.append(_c)
    else:
        _BY_CODES.setdefault((_e.basic, _e.enhanced), []).append(_c)
_CACHE: dict[tuple[int, EnhancedCode | None], tuple[_Candidate, ...]] = {}
_CACHE_LIMIT = 4096

# Each vendor's markers, compiled; vendors without any are left out.
_MARKERS: dict[str, tuple[Phrase, ...]] = {
    v.slug: tuple(Phrase.compile(m) for m in v.markers) for v in VENDORS.values() if v.markers
}


def _candidates(code: int, enhanced: EnhancedCode | None) -> tuple[_Candidate, ...]:
    key = (code, enhanced)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    keys: list[tuple[int | None, EnhancedCode | None]] = [(None, None), (code, None)]
    if enhanced is not None:
        keys += [(None, enhanced), (code, enhanced)]
    found: list[_Candidate] = []
    for k in keys:
        found.extend(_BY_CODES.get(k, ()))
    if enhanced is not None:
        found.extend(c for c in _RANGES if c.entry.codes_match(code, enhanced))
    found.sort(key=lambda c: c.position)
    result = tuple(found)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def _found(candidate: _Candidate, text: bytes) -> bool:
    for needle in candidate.needles:
        if needle not in text:
            return False
    return True


def _identified(v: Vendor, text: bytes, remote_host: str | None) -> bool:
    """Whether the reply is the vendor's: by its remote host, or by one of the vendor's
    markers in the (folded) text."""
    if remote_host is not None and v.serves_host(remote_host):
        return True
    markers = _MARKERS.get(v.slug)
    return markers is not None and any(has_phrase(text, m) for m in markers)


def matches_folded(
    code: int, enhanced: EnhancedCode | None, text: bytes
) -> list[tuple[VendorEntry, MatchKind]]:
    """``matches`` on folded text."""
    return [(c.entry, c.kind) for c in _candidates(code, enhanced) if _found(c, text)]


def best_match_folded(
    code: int, enhanced: EnhancedCode | None, text: bytes, remote_host: str | None = None
) -> tuple[VendorEntry, MatchKind] | None:
    """``best_match_from`` on folded text, with how the entry matched."""
    best: _Candidate | None = None
    best_key: tuple[int, bool, int, int] = (-1, False, -1, -1)
    registered: bool | None = None
    seen: dict[str, bool] = {}
    for c in _candidates(code, enhanced):
        if not _found(c, text):
            continue
        v = c.entry.vendor
        identified = seen.get(v.slug)
        if identified is None:
            identified = seen[v.slug] = _identified(v, text, remote_host)
        if c.kind is MatchKind.CODE and not identified:
            if registered is None:
                registered = enhanced is not None and enhanced.is_registered
            if registered:
                continue
        key = (int(c.kind), identified, c.entry.specificity, c.entry.code_precision)
        if key > best_key:
            best, best_key = c, key
    return None if best is None else (best.entry, best.kind)


def _text(text: str | bytes) -> bytes:
    return fold([text.encode("utf-8") if isinstance(text, str) else text])


def match_kind(
    entry: VendorEntry, code: int, enhanced: EnhancedLike | None, text: str | bytes
) -> MatchKind | None:
    """How ``entry`` matches a reply (case is ignored in ``text``), if it does. An entry
    with a token or pattern needs each in the text; one with neither matches on its codes,
    and only when it names an enhanced code. (Whether such a code-only match may explain
    the reply is ``best_match``'s concern.)"""
    c = _candidate(0, entry)
    if c is None or not entry.codes_match(code, as_enhanced(enhanced)):
        return None
    return c.kind if _found(c, _text(text)) else None


def matches(
    code: int, enhanced: EnhancedLike | None, text: str | bytes
) -> list[tuple[VendorEntry, MatchKind]]:
    """Every vendor entry that matches a reply (its code, enhanced code and text), with how
    it matches, in table order."""
    return matches_folded(code, as_enhanced(enhanced), _text(text))


def best_match(code: int, enhanced: EnhancedLike | None, text: str | bytes) -> VendorEntry | None:
    """The vendor entry that best explains a reply, ranked as the module documentation says,
    with no remote host known."""
    return best_match_from(code, enhanced, text, None)


def best_match_from(
    code: int, enhanced: EnhancedLike | None, text: str | bytes, remote_host: str | None
) -> VendorEntry | None:
    """``best_match`` for a reply from ``remote_host``, which identifies its vendor."""
    found = best_match_folded(code, as_enhanced(enhanced), _text(text), remote_host)
    return None if found is None else found[0]
