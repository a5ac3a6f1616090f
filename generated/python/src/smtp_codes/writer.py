"""``ReplyWriter``: replies formatted as RFC 5321 and RFC 2034 want them.

>>> ReplyWriter(550, "5.1.1").format(["No such user here", "Check the address"])
'550-5.1.1 No such user here\\r\\n550 5.1.1 Check the address\\r\\n'
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from ._codes import EnhancedCode, EnhancedLike, as_enhanced, parse_reply_code
from ._enhanced import NONE, scan_token
from .reply import RFC_MAX_LINE

__all__ = ["ReplyContext", "ReplyWriter", "WriteError"]


class ReplyContext(Enum):
    """What a reply answers, which decides whether it may carry an enhanced code (RFC 2034
    section 4: every 2xx, 4xx and 5xx line except the greeting and the replies to HELO and
    EHLO; never 3xx)."""

    COMMAND = "command"
    """Any command other than HELO and EHLO."""
    GREETING = "greeting"
    """The greeting a server sends when the connection opens."""
    HELLO = "hello"
    """The reply to HELO or EHLO."""


class WriteError(ValueError):
    """Why ``ReplyWriter`` refused to write. ``kind`` is ``line_break``,
    ``invalid_character``, ``line_too_long``, ``class_mismatch``, ``ambiguous_text`` or
    ``code_outside_grammar``; ``line`` counts from 1 (0 when the whole reply is at fault)."""

    __module__ = "smtp_codes"

    def __init__(self, kind: str, line: int, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.line = line
        self.message = message


class ReplyWriter:
    """Writes a reply in wire form: every line gets the reply code, ``-`` or a space, and
    the enhanced code where RFC 2034 wants one (an enhanced code given for 3xx, the greeting
    or HELO/EHLO replies is left off). All lines are checked before anything is written;
    what it writes parses back, strictly, to the same code, enhanced code and texts."""

    def __init__(
        self,
        code: int,
        enhanced: EnhancedLike | None = None,
        context: ReplyContext = ReplyContext.COMMAND,
    ) -> None:
        self.code = parse_reply_code(code)
        self.enhanced: EnhancedCode | None = as_enhanced(enhanced)
        self.context = context

    @property
    def written_enhanced(self) -> EnhancedCode | None:
        """The enhanced code that will be written, if any."""
        if self.code // 100 == 3 or self.context is not ReplyContext.COMMAND:
            return None
        return self.enhanced

    def check(self, lines: Sequence[str]) -> None:
        """Raises ``WriteError`` for what ``format`` would refuse."""
        code = self.code
        if code // 10 % 10 > 5:
            raise WriteError(
                "code_outside_grammar",
                0,
                f"reply code {code} is outside RFC 5321's grammar (second digit 0 to 5, "
                "section 4.2)",
            )
        enhanced = self.written_enhanced
        if enhanced is not None and enhanced.class_ != code // 100:
            raise WriteError(
                "class_mismatch",
                0,
                f"enhanced code {enhanced} does not agree with reply code {code}: the class "
                "must equal the reply code's first digit (RFC 2034 section 4)",
            )
        prefix = 4 + (0 if enhanced is None else len(str(enhanced)) + 1)
        for number, text in enumerate(lines, 1):
            raw = text.encode("utf-8")
            for position, b in enumerate(raw):
                if b in (13, 10):
                    raise WriteError(
                        "line_break",
                        number,
                        f"line {number} contains CR or LF at byte {position}; give each line "
                        "of text separately",
                    )
                if not (b == 9 or 32 <= b <= 126):
                    raise WriteError(
                        "invalid_character",
                        number,
                        f"line {number} has a character at byte {position} that RFC 5321 does "
                        "not allow in reply text (tab, space and printable US-ASCII only)",
                    )
            if not raw and enhanced is not None:
                length = prefix - 1 + 2
            else:
                length = prefix + len(raw) + 2
            if length > RFC_MAX_LINE:
                raise WriteError(
                    "line_too_long",
                    number,
                    f"line {number} would be {length} bytes long with CRLF; RFC 5321 section "
                    "4.5.3.1.5 allows 512",
                )
            if enhanced is None and scan_token(raw.lstrip(b" \t"))[0] != NONE:
                raise WriteError(
                    "ambiguous_text",
                    number,
                    f"line {number} begins with something shaped like an enhanced status "
                    "code, which a reader would take for one",
                )

    def format(self, lines: Sequence[str]) -> str:
        """The reply: one line per item of ``lines`` (none gives one empty line), each
        ending in CRLF. Raises ``WriteError`` first if any line is not allowed."""
        if isinstance(lines, str):
            lines = [lines]
        self.check(lines)
        enhanced = self.written_enhanced
        count = max(len(lines), 1)
        out = []
        for i in range(count):
            text = lines[i] if i < len(lines) else ""
            out.append(str(self.code))
            out.append("-" if i + 1 < count else " ")
            if enhanced is not None:
                out.append(str(enhanced))
                if text:
                    out.append(" ")
            out.append(text)
            out.append("\r\n")
        return "".join(out)
