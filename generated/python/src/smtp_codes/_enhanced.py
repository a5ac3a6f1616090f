"""Enhanced-code-shaped tokens: the one in the RFC 2034 position, and codes found elsewhere
in reply text."""

from __future__ import annotations

import re
from enum import Enum

from ._codes import EnhancedCode, EnhancedCodeError, _enhanced_error, parse_enhanced_prefix


class EnhancedState(Enum):
    """What stands in the enhanced status code's place (the start of the text, RFC 2034
    section 4) of a reply or a line."""

    ABSENT = "absent"
    """Nothing shaped like an enhanced code begins the text."""
    VALID = "valid"
    """A well-formed code whose class agrees with the reply code."""
    MALFORMED = "malformed"
    """Something shaped like a code begins the text but is not a valid one (``5.01.1``)."""
    CLASS_MISMATCH = "class_mismatch"
    """A well-formed code whose class differs from the reply code's first digit."""
    INCONSISTENT = "inconsistent"
    """Lines of one reply carry different codes (a whole reply only)."""


# Three runs of digits joined by dots; greedy runs never backtrack into each other.
_SHAPE = re.compile(rb"([0-9]+)\.([0-9]+)\.([0-9]+)")

NONE = 0
VALID = 1
MALFORMED = 2

Token = tuple[int, "EnhancedCode | EnhancedCodeError | None", int]


def _part_ok(digits: bytes) -> bool:
    return len(digits) <= 3 and (len(digits) == 1 or digits[0] != 48)


def scan_token(s: bytes, start: int = 0) -> Token:
    """Reads an enhanced-code-shaped token at ``s[start:]``: three runs of digits joined by
    dots, not followed by ``.digit`` (an IP address or a version number). Returns
    ``(VALID, code, length)``, ``(MALFORMED, error, length)`` or ``(NONE, None, 0)``. A
    valid code directly followed by a letter, digit or ``_`` is malformed."""
    m = _SHAPE.match(s, start)
    if m is None:
        return NONE, None, 0
    end = m.end()
    size = end - start
    following = s[end : end + 2]
    if following[:1] == b"." and len(following) == 2 and 48 <= following[1] <= 57:
        return NONE, None, 0
    c, subject, detail = m.group(1, 2, 3)
    if c in (b"2", b"4", b"5") and _part_ok(subject) and _part_ok(detail):
        code = EnhancedCode(c[0] - 48, int(subject), int(detail))
        if following:
            b = following[0]
            if 48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122 or b == 95:
                return MALFORMED, _enhanced_error("trailing_characters", position=size), size
        return VALID, code, size
    r = parse_enhanced_prefix(s[start:end])
    if isinstance(r, EnhancedCodeError):
        return MALFORMED, r, size
    return MALFORMED, _enhanced_error("trailing_characters", position=r[1]), size


_OPENS = frozenset(b" \t#([<{;:,=\"'")
_CLOSES = frozenset(b" \t)]>};:,.\"'!?\r\n")
_CANDIDATE = re.compile(rb"[245]\.")


def find_in_text(text: bytes) -> EnhancedCode | None:
    """The first well-formed enhanced code inside ``text`` that stands as a token of its own:
    at the start or after whitespace or opening punctuation (``#``, ``(``, ``;``, ...), and
    followed by the end, whitespace or closing punctuation."""
    for m in _CANDIDATE.finditer(text):
        i = m.start()
        if i and text[i - 1] not in _OPENS:
            continue
        kind, code, size = scan_token(text, i)
        if kind == VALID:
            after = i + size
            if after == len(text) or text[after] in _CLOSES:
                assert isinstance(code, EnhancedCode)
                return code
    return None
