"""``ReplyError``: what is wrong with a reply, and where; ``ReplyErrorKind`` names each kind."""

from __future__ import annotations

from enum import Enum


class ReplyErrorKind(Enum):
    """What is wrong with a reply. The values are the stable names the conformance vectors
    use. ``EMPTY``, ``BAD_CODE``, ``TRAILING_DATA`` and ``TOO_LARGE`` are fatal in lenient
    mode too; the others are RFC violations that lenient parsing reads through."""

    EMPTY = "empty"
    BAD_CODE = "bad_code"
    TRAILING_DATA = "trailing_data"
    LINE_TOO_LONG = "line_too_long"
    TOO_LARGE = "too_large"
    LEADING_WHITESPACE = "leading_whitespace"
    CODE_OUTSIDE_GRAMMAR = "code_outside_grammar"
    CODE_MISMATCH = "code_mismatch"
    BAD_SEPARATOR = "bad_separator"
    MISPLACED_ENHANCED_CODE = "misplaced_enhanced_code"
    MALFORMED_ENHANCED_CODE = "malformed_enhanced_code"
    MISSING_SPACE_AFTER_ENHANCED_CODE = "missing_space_after_enhanced_code"
    ENHANCED_CODE_ON_INTERMEDIATE = "enhanced_code_on_intermediate"
    ENHANCED_CLASS_MISMATCH = "enhanced_class_mismatch"
    INCONSISTENT_ENHANCED_CODE = "inconsistent_enhanced_code"
    ENHANCED_CODE_NOT_ON_EVERY_LINE = "enhanced_code_not_on_every_line"
    INVALID_TEXT_BYTE = "invalid_text_byte"
    BARE_LF = "bare_lf"
    MISSING_LINE_ENDING = "missing_line_ending"
    INCOMPLETE = "incomplete"
    LINE_AFTER_LAST_LINE = "line_after_last_line"
    TRAILING_WHITESPACE = "trailing_whitespace"

    @property
    def is_fatal(self) -> bool:
        """Whether lenient parsing fails on this kind too."""
        return self in _FATAL


_FATAL = frozenset(
    {
        ReplyErrorKind.EMPTY,
        ReplyErrorKind.BAD_CODE,
        ReplyErrorKind.TRAILING_DATA,
        ReplyErrorKind.TOO_LARGE,
    }
)


class ReplyError(ValueError):
    """Something wrong with a reply, located by line (from 1) and byte offset. Parsing raises
    it; ``Reply.violations`` lists the non-fatal ones of a leniently parsed reply.

    ``str(error)`` is ``"line L, byte B: what is wrong"``; ``message`` is the last part.
    """

    __module__ = "smtp_codes"

    def __init__(self, kind: ReplyErrorKind, line: int, position: int, message: str) -> None:
        super().__init__(f"line {line}, byte {position}: {message}")
        self.kind = kind
        self.line = line
        self.position = position
        self.message = message

    def __repr__(self) -> str:
        return f"ReplyError({self.kind.value!r}, line={self.line}, position={self.position})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReplyError):
            return NotImplemented
        return (self.kind, self.line, self.position, self.message) == (
            other.kind,
            other.line,
            other.position,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.kind, self.line, self.position, self.message))


# The messages, word for word the Rust crate's.


def empty() -> str:
    return "the reply is empty"


def bad_code(reason: str) -> str:
    return f"the line does not start with a reply code: {reason}"


TRAILING_DATA = "data follows the last line of the reply (a line whose code is not followed by `-`)"


def line_too_long(length: int, limit: int) -> str:
    return (
        f"the line is {length} bytes long with its line ending; the limit is {limit} "
        "(RFC 5321 section 4.5.3.1.5 allows 512)"
    )


def too_large(capacity: int) -> str:
    return f"the reply does not fit in the {capacity}-byte buffer"


LEADING_WHITESPACE = (
    "the line starts with whitespace; the reply code must come first (RFC 5321 section 4.2)"
)


def code_outside_grammar(code: int) -> str:
    return f"reply code {code} has a second digit above 5, outside RFC 5321's grammar (section 4.2)"


def code_mismatch(first: int, found: int) -> str:
    return (
        f"reply code {found} differs from the first line's {first}; every line must carry "
        "the same code (RFC 5321 section 4.2.1)"
    )


def bad_separator(found: int) -> str:
    return (
        f"the reply code is followed by byte 0x{found:02x}; expected a space, `-` or the "
        "line ending (RFC 5321 section 4.2)"
    )


MISPLACED_ENHANCED_CODE = (
    "the enhanced status code does not begin the text: extra spaces come first (RFC 2034 section 4)"
)


def malformed_enhanced_code(reason: str) -> str:
    return (
        "the text begins with something shaped like an enhanced status code that is not "
        f"one: {reason}"
    )


MISSING_SPACE_AFTER_ENHANCED_CODE = (
    "the enhanced status code is not followed by a space or the line ending"
)


def enhanced_code_on_intermediate(code: str) -> str:
    return (
        f"enhanced status code {code} on a 3xx reply; RFC 2034 section 4 leaves 3xx replies "
        "without one"
    )


def enhanced_class_mismatch(code: str, class_digit: int, reply: int) -> str:
    return (
        f"enhanced status code {code} has class {class_digit} but the reply code is {reply}; "
        "they must agree (RFC 2034 section 4), and the reply code decides"
    )


def inconsistent_enhanced_code(first: str, found: str) -> str:
    return (
        f"enhanced status code {found} differs from the first one, {first}; every line must "
        "carry the same (RFC 2034 section 4)"
    )


ENHANCED_CODE_NOT_ON_EVERY_LINE = (
    "some lines carry an enhanced status code and this one does not, or the other way round "
    "(RFC 2034 section 4)"
)


def invalid_text_byte(byte: int) -> str:
    return (
        f"byte 0x{byte:02x} is not allowed in reply text; RFC 5321's textstring is tab, "
        "space and printable US-ASCII"
    )


BARE_LF = "the line ends in a bare LF; RFC 5321 section 2.3.8 requires CRLF"
MISSING_LINE_ENDING = "the last line has no CRLF"
INCOMPLETE = "the input ends after a continuation line (`-`): the reply's last line is missing"
LINE_AFTER_LAST_LINE = (
    "a line follows the reply's last line; every line but the last must have `-` after its "
    "code (RFC 5321 section 4.2.1)"
)
TRAILING_WHITESPACE = "whitespace follows the reply's last line"
