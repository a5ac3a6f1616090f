"""Reply text folded for matching, and phrase search on it.

Folding joins the lines with one space, folds runs of ASCII whitespace (space, tab, CR, LF,
form feed) into one space and lower-cases ASCII letters; bytes outside ASCII stay as they
are. Only the first ``TEXT_CAPACITY`` bytes of folded text are searched.

A phrase matches on word boundaries (a word byte is an ASCII letter or digit, or any byte
above 0x7f), unless it starts or ends with ``*``, which drops that boundary. The search is
``bytes.find`` (C speed, no regular expression): each phrase is compiled once into its needle
and the two boundary checks it needs, and the boundaries are checked only where the needle
occurs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

TEXT_CAPACITY = 4096
"""How much folded reply text the classifier reads."""

_UPPER = bytes(range(65, 91))
_FOLD = bytes.maketrans(_UPPER + b"\t\n\r\x0c", _UPPER.lower() + b"    ")
_WORD = bytes(
    1 if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122 or b >= 128) else 0 for b in range(256)
)


def fold(parts: Iterable[bytes]) -> bytes:
    """The folded form of a reply's line texts."""
    text = b" ".join(parts).translate(_FOLD)
    if b"  " in text or text[:1] == b" " or text[-1:] == b" ":
        text = b" ".join([w for w in text.split(b" ") if w])
    if len(text) > TEXT_CAPACITY:
        text = text[:TEXT_CAPACITY].rstrip(b" ")
    return text


class Phrase(NamedTuple):
    """A compiled phrase: the text as written, its needle, and which boundaries it needs."""

    text: str
    needle: bytes
    bound_start: bool
    bound_end: bool

    @classmethod
    def compile(cls, phrase: str) -> Phrase:
        raw = phrase.encode("utf-8")
        open_start = raw.startswith(b"*")
        open_end = raw.endswith(b"*") and len(raw) > 1
        needle = raw.lstrip(b"*").rstrip(b"*").translate(_FOLD)
        if not needle:
            return cls(phrase, b"", False, False)
        return cls(
            phrase,
            needle,
            not open_start and bool(_WORD[needle[0]]),
            not open_end and bool(_WORD[needle[-1]]),
        )


def has_phrase(text: bytes, phrase: Phrase) -> bool:
    """Whether the compiled ``phrase`` occurs in folded ``text``."""
    needle = phrase.needle
    if not needle:
        return False
    i = text.find(needle)
    if i < 0:
        return False
    bound_start = phrase.bound_start
    bound_end = phrase.bound_end
    if not bound_start and not bound_end:
        return True
    size = len(needle)
    end = len(text)
    word = _WORD
    while i >= 0:
        j = i + size
        if (not bound_start or i == 0 or not word[text[i - 1]]) and (
            not bound_end or j == end or not word[text[j]]
        ):
            return True
        i = text.find(needle, i + 1)
    return False


def contains_phrase(text: str | bytes, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text``, ignoring ASCII case and folding whitespace, on
    word boundaries unless the phrase starts or ends with ``*``.

    >>> contains_phrase("Message flagged as SPAM.", "spam")
    True
    >>> contains_phrase("antispam gateway", "spam"), contains_phrase("antispam gateway", "*spam")
    (False, True)
    """
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return has_phrase(fold([raw]), Phrase.compile(phrase))
