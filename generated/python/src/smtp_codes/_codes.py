"""Reply codes (``ReplyCodeBase``, the base of the generated ``ReplyCode`` enum) and enhanced
status codes (``EnhancedCode``), with their parsers and errors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from ._info import ClassInfo, EnhancedInfo, ReplyInfo, SubjectInfo


class ReplyCodeError(ValueError):
    """Why a text or number is not a reply code: three ASCII digits, the first 2 to 5
    (RFC 5321 section 4.2). ``kind`` is ``empty``, ``wrong_length``, ``not_a_digit``,
    ``invalid_first_digit`` or ``out_of_range``."""

    __module__ = "smtp_codes"

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    @classmethod
    def empty(cls) -> ReplyCodeError:
        return cls("empty", "reply code is empty; expected three digits such as 550")

    @classmethod
    def wrong_length(cls, length: int) -> ReplyCodeError:
        return cls(
            "wrong_length",
            f"reply code has {length} characters; expected exactly three digits such as 550",
        )

    @classmethod
    def not_a_digit(cls, position: int) -> ReplyCodeError:
        return cls(
            "not_a_digit",
            f"reply code has a character that is not an ASCII digit at byte {position}",
        )

    @classmethod
    def invalid_first_digit(cls, digit: int) -> ReplyCodeError:
        return cls(
            "invalid_first_digit",
            f"reply code starts with {digit}; the first digit must be 2, 3, 4 or 5 "
            "(RFC 5321 section 4.2)",
        )

    @classmethod
    def out_of_range(cls, value: int) -> ReplyCodeError:
        return cls(
            "out_of_range",
            f"{value} is not a reply code; reply codes are 200 to 599 (RFC 5321 section 4.2)",
        )


def reply_code_from_bytes(s: bytes) -> int:
    """Parses exactly three ASCII digits, the first 2 to 5; raises ``ReplyCodeError``."""
    if not s:
        raise ReplyCodeError.empty()
    for i in range(min(len(s), 3)):
        if not 48 <= s[i] <= 57:
            raise ReplyCodeError.not_a_digit(i)
    if len(s) != 3:
        raise ReplyCodeError.wrong_length(len(s))
    d1 = s[0] - 48
    if d1 < 2 or d1 > 5:
        raise ReplyCodeError.invalid_first_digit(d1)
    return d1 * 100 + (s[1] - 48) * 10 + (s[2] - 48)


def parse_reply_code(text: str | bytes | int) -> int:
    """A reply code from ``"550"``, ``b"550"`` or ``550``, as an ``int`` (a ``ReplyCode``
    member when the code is registered); raises ``ReplyCodeError``. Any code from 200 to 599
    is accepted, registered or not (servers send ``571``)."""
    if isinstance(text, int):
        if not 200 <= text <= 599:
            raise ReplyCodeError.out_of_range(text)
        value = text
    else:
        value = reply_code_from_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    from ._tables.codes import ReplyCode

    try:
        return ReplyCode(value)
    except ValueError:
        return value


class ReplyCodeBase(IntEnum):
    """What every registered reply code can tell about itself (the members are generated)."""

    @property
    def first_digit(self) -> int:
        """2, 3, 4 or 5."""
        return int(self) // 100

    @property
    def is_success(self) -> bool:
        """``2yz``: the request completed."""
        return int(self) // 100 == 2

    @property
    def is_intermediate(self) -> bool:
        """``3yz``: the server waits for more."""
        return int(self) // 100 == 3

    @property
    def is_transient(self) -> bool:
        """``4yz``: a temporary failure; retry later."""
        return int(self) // 100 == 4

    @property
    def is_permanent(self) -> bool:
        """``5yz``: a permanent failure; do not repeat the request unchanged."""
        return int(self) // 100 == 5

    @property
    def is_failure(self) -> bool:
        """``4yz`` or ``5yz``."""
        return int(self) >= 400

    @property
    def info(self) -> ReplyInfo:
        """What the registry says about this code."""
        from ._tables.codes import REPLIES

        return REPLIES[int(self)]

    @property
    def text(self) -> str:
        """The reply text as the defining RFC writes it."""
        return self.info.text

    def __str__(self) -> str:
        return str(int(self))


class EnhancedCodeError(ValueError):
    """Why a text is not an enhanced status code (RFC 3463 section 2: ``class.subject.detail``,
    class 2, 4 or 5, subject and detail 1 to 3 digits without leading zeros). ``kind`` is
    ``empty``, ``invalid_class``, ``missing_part``, ``empty_part``, ``not_a_digit``,
    ``leading_zero``, ``too_many_digits``, ``trailing_characters`` or ``out_of_range``."""

    __module__ = "smtp_codes"

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


def _enhanced_error(
    kind: str, part: str = "", position: int = 0, value: int = 0
) -> EnhancedCodeError:
    messages = {
        "empty": "enhanced status code is empty; expected class.subject.detail such as 5.1.1",
        "invalid_class": "enhanced status code must start with class 2, 4 or 5 "
        "(RFC 3463 section 2)",
        "missing_part": f"enhanced status code ends before its {part}; expected "
        "class.subject.detail such as 5.1.1",
        "empty_part": f"enhanced status code has an empty {part}",
        "not_a_digit": "enhanced status code has a character that is not an ASCII digit in "
        f"its {part} at byte {position}",
        "leading_zero": f"enhanced status code has a leading zero in its {part} "
        "(RFC 3463 section 2 forbids them)",
        "too_many_digits": f"enhanced status code has more than 3 digits in its {part} "
        "(RFC 3463 allows 1 to 3)",
        "trailing_characters": "enhanced status code is followed by unexpected characters "
        f"at byte {position}",
        "out_of_range": f"enhanced status code {part} {value} is above 999 "
        "(RFC 3463 allows 1 to 3 digits)",
    }
    return EnhancedCodeError(kind, messages[kind])


def _read_part(s: bytes, start: int, part: str) -> tuple[int, int] | EnhancedCodeError:
    i = start
    n = len(s)
    while i < n and 48 <= s[i] <= 57:
        if i - start == 3:
            return _enhanced_error("too_many_digits", part)
        i += 1
    if i == start:
        if i == n or s[i] == 46:
            return _enhanced_error("empty_part", part)
        return _enhanced_error("not_a_digit", part, i)
    if i - start > 1 and s[start] == 48:
        return _enhanced_error("leading_zero", part)
    return int(s[start:i]), i


def parse_enhanced_prefix(s: bytes) -> tuple[EnhancedCode, int] | EnhancedCodeError:
    """Reads a code at the start of ``s``: the code and the bytes it took, or the error
    (returned, not raised)."""
    if not s:
        return _enhanced_error("empty")
    c = s[0] - 48
    if c not in (2, 4, 5):
        return _enhanced_error("invalid_class")
    if len(s) == 1:
        return _enhanced_error("missing_part", "subject")
    if s[1] != 46:
        if 48 <= s[1] <= 57:
            return _enhanced_error("invalid_class")
        return _enhanced_error("missing_part", "subject")
    r = _read_part(s, 2, "subject")
    if isinstance(r, EnhancedCodeError):
        return r
    subject, i = r
    if i == len(s):
        return _enhanced_error("missing_part", "detail")
    if s[i] != 46:
        return _enhanced_error("not_a_digit", "subject", i)
    r = _read_part(s, i + 1, "detail")
    if isinstance(r, EnhancedCodeError):
        return r
    detail, end = r
    return EnhancedCode(c, subject, detail), end


@dataclass(frozen=True, order=True)
class EnhancedCode:
    """An enhanced mail system status code such as ``5.1.1`` (RFC 3463): any well-formed
    code, registered or not (``5.7.509``). Ordered by class, subject, detail.

    >>> code = EnhancedCode.parse("5.1.1")
    >>> (code.class_, code.subject, code.detail)
    (5, 1, 1)
    >>> code.info.sample_text
    'Bad destination mailbox address'
    >>> str(code), code.is_permanent
    ('5.1.1', True)
    """

    class_: int
    """2 (success), 4 (persistent transient failure) or 5 (permanent failure)."""
    subject: int
    detail: int

    def __post_init__(self) -> None:
        if self.class_ not in (2, 4, 5):
            raise _enhanced_error("invalid_class")
        if not 0 <= self.subject <= 999:
            raise _enhanced_error("out_of_range", "subject", value=self.subject)
        if not 0 <= self.detail <= 999:
            raise _enhanced_error("out_of_range", "detail", value=self.detail)

    @classmethod
    def parse(cls, text: str | bytes) -> EnhancedCode:
        """Parses a whole text as one code; raises ``EnhancedCodeError``."""
        s = text.encode("utf-8") if isinstance(text, str) else text
        r = parse_enhanced_prefix(s)
        if isinstance(r, EnhancedCodeError):
            raise r
        code, used = r
        if used != len(s):
            raise _enhanced_error("trailing_characters", position=used)
        return code

    def __str__(self) -> str:
        return f"{self.class_}.{self.subject}.{self.detail}"

    @property
    def info(self) -> EnhancedInfo | None:
        """What the IANA registry says about ``X.subject.detail``; ``None`` for codes it
        does not define."""
        from ._tables.codes import ENHANCED

        return ENHANCED.get((self.subject, self.detail))

    @property
    def is_registered(self) -> bool:
        """Whether IANA defines this subject and detail."""
        return self.info is not None

    @property
    def known(self) -> str | None:
        """The registered class-independent code, ``"X.1.1"``, or ``None``."""
        return None if self.info is None else f"X.{self.subject}.{self.detail}"

    @property
    def class_info(self) -> ClassInfo:
        """The class's registered title and description."""
        from ._tables.codes import CLASSES

        return CLASSES[self.class_]

    @property
    def subject_info(self) -> SubjectInfo | None:
        """The registered subject (X.0 to X.7), if the subject number is one."""
        from ._tables.codes import SUBJECTS

        return SUBJECTS.get(self.subject)

    @property
    def is_success(self) -> bool:
        return self.class_ == 2

    @property
    def is_transient(self) -> bool:
        return self.class_ == 4

    @property
    def is_permanent(self) -> bool:
        return self.class_ == 5

    def class_matches(self, reply: int) -> bool:
        """Whether the class digit equals the reply code's first digit."""
        return self.class_ == reply // 100

    def is_consistent_with(self, reply: int) -> bool:
        """Whether this code may accompany ``reply``: the classes agree and, for a registered
        code, IANA's associated basic codes admit it."""
        if not self.class_matches(reply):
            return False
        info = self.info
        return info is None or info.allows(reply)


EnhancedLike = Union[EnhancedCode, str]


def as_enhanced(code: EnhancedLike | None) -> EnhancedCode | None:
    """An ``EnhancedCode`` from itself or its text."""
    if code is None or isinstance(code, EnhancedCode):
        return code
    return EnhancedCode.parse(code)
