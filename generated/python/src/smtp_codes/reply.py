"""Reading whole SMTP replies: ``Reply.parse`` (lenient: what servers and bounce messages
really contain) and ``Reply.parse_strict`` (RFC 5321 and RFC 2034 to the letter).

>>> reply = Reply.parse("550-5.1.1 The email account does not exist.\\r\\n550 5.1.1 Try again")
>>> reply.code, str(reply.enhanced_code), reply.enhanced_state
(550, '5.1.1', <EnhancedState.VALID: 'valid'>)
>>> [line.text for line in reply.lines]
['The email account does not exist.', 'Try again']
>>> str(Reply.parse("550 550 5.1.1 User unknown").enhanced_in_text())
'5.1.1'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from . import _errors as msg
from ._codes import EnhancedCode, EnhancedCodeError, ReplyCodeError, reply_code_from_bytes
from ._enhanced import MALFORMED, VALID, EnhancedState, find_in_text, scan_token
from ._errors import ReplyError, ReplyErrorKind

if TYPE_CHECKING:
    from .classify import Classification

__all__ = [
    "RFC_MAX_LINE",
    "EnhancedState",
    "Line",
    "Mode",
    "Reply",
    "ReplyError",
    "ReplyErrorKind",
    "Separator",
    "Terminator",
]

RFC_MAX_LINE = 512
"""RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets, CRLF included."""


class Mode(Enum):
    """How strictly to read a reply."""

    LENIENT = "lenient"
    """Read what servers and bounces contain; only fatal problems fail."""
    STRICT = "strict"
    """Follow RFC 5321 and RFC 2034 to the letter; fail on the first departure."""


class Separator(Enum):
    """What follows a line's reply code."""

    HYPHEN = "hyphen"
    """``-``: more lines follow."""
    SPACE = "space"
    """A space: the last line."""
    NONE = "none"
    """Nothing: the bare code (``250``), the last line."""
    COLON = "colon"
    """``:``, as Yahoo's bounces print replies; lenient only."""
    TAB = "tab"
    """A tab; lenient only."""
    OTHER = "other"
    """Any other byte, which lenient reading takes as the start of the text."""


class Terminator(Enum):
    """How a line ends."""

    CRLF = "crlf"
    LF = "lf"
    NONE = "none"


_HYPHEN, _SPACE, _COLON, _TAB = 45, 32, 58, 9
_NO_SEPARATOR = -1
_SEPARATORS = {
    _HYPHEN: Separator.HYPHEN,
    _SPACE: Separator.SPACE,
    _COLON: Separator.COLON,
    _TAB: Separator.TAB,
}
# A byte outside RFC 5321's textstring (tab, space and printable US-ASCII).
_BAD_TEXT = re.compile(rb"[^\t\x20-\x7e]")


class _Parts:
    """Where the parts of one line lie in the input (absolute offsets)."""

    __slots__ = (
        "code",
        "end",
        "enhanced",
        "next",
        "sep",
        "start",
        "state",
        "terminator",
        "text_start",
    )

    def __init__(self, start: int, end: int, nxt: int, terminator: Terminator, code: int) -> None:
        self.start = start
        self.end = end
        self.next = nxt
        self.terminator = terminator
        self.code = code
        self.sep = _NO_SEPARATOR
        self.state = EnhancedState.ABSENT
        self.enhanced: EnhancedCode | None = None
        self.text_start = end

    @property
    def is_last(self) -> bool:
        return self.sep != _HYPHEN


def _whitespace(data: bytes, start: int, end: int) -> int:
    i = start
    while i < end and data[i] in (32, 9):
        i += 1
    return i - start


def _read_code(data: bytes, start: int, end: int) -> int | ReplyCodeError:
    c = data[start : start + 4] if start + 4 <= end else data[start:end]
    if len(c) >= 3 and 50 <= c[0] <= 53 and 48 <= c[1] <= 57 and 48 <= c[2] <= 57:
        if len(c) == 3 or not 48 <= c[3] <= 57:
            return (c[0] - 48) * 100 + (c[1] - 48) * 10 + (c[2] - 48)
    digits = 0
    while start + digits < end and 48 <= data[start + digits] <= 57:
        digits += 1
    if digits > 3:
        return ReplyCodeError.wrong_length(digits)
    try:
        return reply_code_from_bytes(data[start : min(start + 3, end)])
    except ReplyCodeError as e:
        return e


def _read_line(data: bytes, start: int, number: int, scan: bool) -> _Parts | ReplyError:
    """Reads the line at ``start``; the error when it has no reply code."""
    size = len(data)
    i = data.find(b"\n", start)
    if i < 0:
        end = nxt = size
        terminator = Terminator.NONE
    elif i > start and data[i - 1] == 13:
        end, nxt, terminator = i - 1, i + 1, Terminator.CRLF
    else:
        end, nxt, terminator = i, i + 1, Terminator.LF
    code_start = start + _whitespace(data, start, end)
    code = _read_code(data, code_start, end)
    if isinstance(code, ReplyCodeError):
        return ReplyError(ReplyErrorKind.BAD_CODE, number, code_start, msg.bad_code(code.message))
    p = _Parts(start, end, nxt, terminator, code)
    if code_start + 3 >= end:
        return p
    sep = data[code_start + 3]
    after = code_start + 4
    if sep not in _SEPARATORS:
        p.sep = sep
        p.text_start = code_start + 3
        return p
    p.sep = sep
    p.text_start = after
    gap = _whitespace(data, after, end)
    if sep == _COLON and gap and data[after] == 32:
        p.text_start = after + 1
    if not scan:
        return p
    token_at = after + gap
    if token_at < end and 48 <= data[token_at] <= 57:
        kind, found, length = scan_token(data[token_at:end])
        if kind == MALFORMED:
            p.state = EnhancedState.MALFORMED
        elif kind == VALID:
            assert isinstance(found, EnhancedCode)
            p.enhanced = found
            p.state = (
                EnhancedState.VALID if found.class_ == code // 100 else EnhancedState.CLASS_MISMATCH
            )
            token_end = token_at + length
            p.text_start = token_end + 1 if token_end < end and data[token_end] == 32 else token_end
    return p


def _token_place(data: bytes, p: _Parts) -> tuple[int, int, int]:
    """The reply code's start, the enhanced code's place, and the whitespace before it."""
    code_start = p.start + _whitespace(data, p.start, p.end)
    after = code_start + 4
    gap = _whitespace(data, after, p.end) if p.sep in _SEPARATORS else 0
    return code_start, after + gap, gap


class _Checker:
    """The strict rules, one line at a time; remembers what they need from line to line."""

    __slots__ = ("after_last", "first_code", "first_enhanced", "first_has_token")

    def __init__(self) -> None:
        self.first_code: int | None = None
        self.first_has_token = False
        self.first_enhanced: EnhancedCode | None = None
        self.after_last = False

    def line(self, data: bytes, p: _Parts, number: int) -> list[ReplyError]:
        found: list[ReplyError] = []

        def at(kind: ReplyErrorKind, position: int, message: str) -> None:
            found.append(ReplyError(kind, number, position, message))

        code_start, token_start, token_gap = _token_place(data, p)
        if self.after_last:
            at(ReplyErrorKind.LINE_AFTER_LAST_LINE, p.start, msg.LINE_AFTER_LAST_LINE)
        self.after_last = p.is_last
        length = p.next - p.start
        if length > RFC_MAX_LINE:
            at(ReplyErrorKind.LINE_TOO_LONG, p.start, msg.line_too_long(length, RFC_MAX_LINE))
        if code_start != p.start:
            at(ReplyErrorKind.LEADING_WHITESPACE, p.start, msg.LEADING_WHITESPACE)
        if p.code // 10 % 10 > 5:
            at(ReplyErrorKind.CODE_OUTSIDE_GRAMMAR, code_start, msg.code_outside_grammar(p.code))
        if self.first_code is None:
            self.first_code = p.code
        if p.code != self.first_code:
            at(ReplyErrorKind.CODE_MISMATCH, code_start, msg.code_mismatch(self.first_code, p.code))
        sep_at = code_start + 3
        if p.sep not in (_HYPHEN, _SPACE, _NO_SEPARATOR):
            at(ReplyErrorKind.BAD_SEPARATOR, sep_at, msg.bad_separator(p.sep))
        has_token = p.state is not EnhancedState.ABSENT
        allowed_gap = 1 if p.sep == _COLON else 0
        if has_token and token_gap > allowed_gap:
            at(ReplyErrorKind.MISPLACED_ENHANCED_CODE, token_start, msg.MISPLACED_ENHANCED_CODE)
        if number == 1:
            self.first_has_token = has_token
        elif has_token != self.first_has_token:
            at(
                ReplyErrorKind.ENHANCED_CODE_NOT_ON_EVERY_LINE,
                token_start,
                msg.ENHANCED_CODE_NOT_ON_EVERY_LINE,
            )
        if p.state is EnhancedState.MALFORMED:
            kind, error, _ = scan_token(data[token_start : p.end])
            if kind == MALFORMED:
                assert isinstance(error, EnhancedCodeError)
                at(
                    ReplyErrorKind.MALFORMED_ENHANCED_CODE,
                    token_start,
                    msg.malformed_enhanced_code(error.message),
                )
        code = p.enhanced
        if code is not None:
            token_end = token_start + len(str(code))
            if p.text_start == token_end and token_end < p.end:
                at(
                    ReplyErrorKind.MISSING_SPACE_AFTER_ENHANCED_CODE,
                    token_end,
                    msg.MISSING_SPACE_AFTER_ENHANCED_CODE,
                )
            if p.code // 100 == 3:
                at(
                    ReplyErrorKind.ENHANCED_CODE_ON_INTERMEDIATE,
                    token_start,
                    msg.enhanced_code_on_intermediate(str(code)),
                )
            elif code.class_ != p.code // 100:
                at(
                    ReplyErrorKind.ENHANCED_CLASS_MISMATCH,
                    token_start,
                    msg.enhanced_class_mismatch(str(code), code.class_, p.code),
                )
            if self.first_enhanced is None:
                self.first_enhanced = code
            if self.first_enhanced != code:
                at(
                    ReplyErrorKind.INCONSISTENT_ENHANCED_CODE,
                    token_start,
                    msg.inconsistent_enhanced_code(str(self.first_enhanced), str(code)),
                )
        bad = _BAD_TEXT.search(data, sep_at + 1, p.end) if sep_at + 1 < p.end else None
        if bad is not None:
            i = bad.start()
            at(ReplyErrorKind.INVALID_TEXT_BYTE, i, msg.invalid_text_byte(data[i]))
        if p.terminator is Terminator.LF:
            at(ReplyErrorKind.BARE_LF, p.end, msg.BARE_LF)
        elif p.terminator is Terminator.NONE:
            at(ReplyErrorKind.MISSING_LINE_ENDING, p.end, msg.MISSING_LINE_ENDING)
        if not p.is_last and p.next >= len(data):
            at(ReplyErrorKind.INCOMPLETE, len(data), msg.INCOMPLETE)
        found.sort(key=lambda e: e.position)
        return found


@dataclass(frozen=True)
class Line:
    """One line of a parsed reply."""

    raw: bytes
    """The line as received, without its line ending."""
    text_bytes: bytes
    """What follows the reply code, its separator and, when there is a valid one, the
    enhanced code and the single space after it."""
    code: int
    """This line's reply code."""
    separator: Separator
    separator_byte: int | None
    """The byte after the code (``None`` for a bare code)."""
    enhanced_state: EnhancedState
    """The enhanced code's place on this line (never ``INCONSISTENT``)."""
    enhanced_code: EnhancedCode | None
    terminator: Terminator
    number: int
    """The line number, from 1."""
    offset: int
    """The byte offset of the line's start in the input."""

    @property
    def text(self) -> str:
        """The text, decoded as UTF-8 (invalid bytes become U+FFFD)."""
        return self.text_bytes.decode("utf-8", "replace")

    @property
    def is_continuation(self) -> bool:
        """Whether more lines follow (the code is followed by ``-``)."""
        return self.separator is Separator.HYPHEN

    def enhanced_in_text(self) -> EnhancedCode | None:
        """The first enhanced code standing on its own inside the text."""
        return find_in_text(self.text_bytes)


def _line(data: bytes, p: _Parts, number: int) -> Line:
    if p.sep == _NO_SEPARATOR:
        separator, byte = Separator.NONE, None
    else:
        separator, byte = _SEPARATORS.get(p.sep, Separator.OTHER), p.sep
    return Line(
        data[p.start : p.end],
        data[p.text_start : p.end],
        p.code,
        separator,
        byte,
        p.state,
        p.enhanced,
        p.terminator,
        number,
        p.start,
    )


def _after_last(data: bytes, pos: int, number: int) -> str:
    rest = data[pos:]
    if not rest.strip(b" \t\r\n"):
        return "whitespace"
    if isinstance(_read_line(data, pos, number + 1, False), _Parts):
        return "line"
    return "data"


class Reply:
    """A parsed SMTP reply, single or multi-line.

    ``Reply.parse`` reads leniently: bare LF, a missing final line ending or last line,
    ``550:`` (Yahoo), extra spaces, codes that differ between lines (the last line's wins),
    enhanced codes whose class disagrees. ``Reply.parse_strict`` fails on the first departure
    from RFC 5321 and RFC 2034; ``violations()`` lists them all for a lenient parse.
    Both raise ``ReplyError``.
    """

    __slots__ = (
        "_parts",
        "code",
        "enhanced_code",
        "enhanced_other",
        "enhanced_state",
        "is_complete",
        "line_count",
        "raw",
    )

    raw: bytes
    """The reply's bytes, exactly as given (UTF-8 for a ``str``)."""
    code: int
    """The reply code (a ``ReplyCode`` member when registered): the last line's."""
    enhanced_state: EnhancedState
    """The enhanced code in the RFC 2034 position, over all lines."""
    enhanced_code: EnhancedCode | None
    """The code in that position: ``VALID`` and ``CLASS_MISMATCH`` give theirs,
    ``INCONSISTENT`` the first line's."""
    enhanced_other: EnhancedCode | None
    """For ``INCONSISTENT``: the first code that differs from ``enhanced_code``."""
    line_count: int
    is_complete: bool
    """False when the input ended after a continuation line (lenient only)."""

    def __init__(
        self, data: str | bytes, *, strict: bool = False, max_line_length: int | None = None
    ) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self.raw = raw
        if not raw:
            raise ReplyError(ReplyErrorKind.EMPTY, 1, 0, msg.empty())
        checker = _Checker() if strict else None
        pos = 0
        number = 0
        first: EnhancedCode | None = None
        other: EnhancedCode | None = None
        malformed = False
        parts: list[_Parts] = []
        size = len(raw)
        while True:
            number += 1
            p = _read_line(raw, pos, number, True)
            if isinstance(p, ReplyError):
                raise p
            parts.append(p)
            length = p.next - p.start
            if max_line_length is not None and length > max_line_length:
                raise ReplyError(
                    ReplyErrorKind.LINE_TOO_LONG,
                    number,
                    p.start,
                    msg.line_too_long(length, max_line_length),
                )
            if checker is not None:
                found = checker.line(raw, p, number)
                if found:
                    raise found[0]
            state = p.state
            if p.enhanced is not None:
                c = p.enhanced
                if first is None:
                    first = c
                elif first != c and other is None:
                    other = c
            elif state is EnhancedState.MALFORMED:
                malformed = True
            pos = p.next
            if pos >= size:
                ends = True
            elif not p.is_last:
                ends = False
            else:
                after = _after_last(raw, pos, number)
                if after == "line":
                    ends = False
                elif after == "whitespace":
                    if strict:
                        raise ReplyError(
                            ReplyErrorKind.TRAILING_WHITESPACE,
                            number + 1,
                            pos,
                            msg.TRAILING_WHITESPACE,
                        )
                    ends = True
                else:
                    raise ReplyError(
                        ReplyErrorKind.TRAILING_DATA, number + 1, pos, msg.TRAILING_DATA
                    )
            if ends:
                break
        code = p.code
        self.code = code
        self.enhanced_code = first
        self.enhanced_other = other
        if first is not None and other is not None:
            self.enhanced_state = EnhancedState.INCONSISTENT
        elif first is not None:
            self.enhanced_state = (
                EnhancedState.VALID if first.class_ == code // 100 else EnhancedState.CLASS_MISMATCH
            )
        else:
            self.enhanced_state = EnhancedState.MALFORMED if malformed else EnhancedState.ABSENT
        self.line_count = number
        self.is_complete = p.is_last
        self._parts = parts

    @classmethod
    def parse(cls, data: str | bytes, *, max_line_length: int | None = None) -> Reply:
        """Parses one whole reply leniently; raises ``ReplyError`` on a fatal problem.
        ``max_line_length`` fails on a longer line (line ending included)."""
        return cls(data, max_line_length=max_line_length)

    @classmethod
    def parse_strict(cls, data: str | bytes, *, max_line_length: int | None = None) -> Reply:
        """Parses one whole reply strictly (RFC 5321, RFC 2034); raises ``ReplyError`` on
        the first departure."""
        return cls(data, strict=True, max_line_length=max_line_length)

    @property
    def lines(self) -> list[Line]:
        """The lines, in order."""
        return [_line(self.raw, p, n) for n, p in enumerate(self._parts, 1)]

    @property
    def texts(self) -> list[bytes]:
        """Each line's text, as bytes."""
        raw = self.raw
        return [raw[p.text_start : p.end] for p in self._parts]

    @property
    def is_multiline(self) -> bool:
        return self.line_count > 1

    def enhanced_in_text(self) -> EnhancedCode | None:
        """The first enhanced code found elsewhere in the text, standing as a token of its
        own (``(#5.1.1)``, Gmail's ``550 550 5.1.1``); the RFC 2034 position is not
        searched."""
        for text in self.texts:
            found = find_in_text(text)
            if found is not None:
                return found
        return None

    def violations(self) -> list[ReplyError]:
        """Every departure from RFC 5321 and RFC 2034, in input order, as
        ``parse_strict`` would report them one at a time. Empty for a strict reply."""
        checker = _Checker()
        out: list[ReplyError] = []
        for number, p in enumerate(self._parts, 1):
            out.extend(checker.line(self.raw, p, number))
        last = self._parts[-1]
        if last.next < len(self.raw):
            out.append(
                ReplyError(
                    ReplyErrorKind.TRAILING_WHITESPACE,
                    len(self._parts) + 1,
                    last.next,
                    msg.TRAILING_WHITESPACE,
                )
            )
        return out

    def classify(self) -> Classification:
        """What this reply means for the sender, with the built-in knowledge."""
        from .classify import classify

        return classify(self)

    def __repr__(self) -> str:
        return (
            f"Reply(code={self.code}, enhanced_state={self.enhanced_state.value}, "
            f"lines={self.line_count}, raw={self.raw!r})"
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reply) and self.raw == other.raw

    def __hash__(self) -> int:
        return hash(self.raw)
