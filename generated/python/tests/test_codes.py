"""Codes and lookups: round trips over every code, and the errors for bad ones."""

from __future__ import annotations

import pytest

import smtp_codes
from smtp_codes import (
    EnhancedCode,
    EnhancedCodeError,
    ReplyCode,
    ReplyCodeError,
    ReplyStatus,
    enhanced_info,
    parse_reply_code,
    reply_info,
)
from smtp_codes._tables.codes import ENHANCED, REPLIES


def test_reply_code_enum_holds_the_registered_codes() -> None:
    assert int(ReplyCode.MAILBOX_UNAVAILABLE) == 550
    assert ReplyCode(250) is ReplyCode.OK
    standard = {c for c, i in REPLIES.items() if i.status is not ReplyStatus.NONSTANDARD}
    assert {int(c) for c in ReplyCode} == standard
    for member in ReplyCode:
        assert member.info.code == member
        assert member.info.name.upper() == member.name.replace("_", "")
        assert str(member) == str(int(member))


def test_reply_code_properties() -> None:
    c = ReplyCode.MAILBOX_UNAVAILABLE
    assert c.is_permanent and c.is_failure and not c.is_transient and c.first_digit == 5
    assert ReplyCode.SERVICE_NOT_AVAILABLE.is_transient
    assert ReplyCode.START_MAIL_INPUT.is_intermediate
    assert ReplyCode.OK.is_success and not ReplyCode.OK.is_failure
    assert c.text == "Requested action not taken: mailbox unavailable"


def test_parse_reply_code() -> None:
    assert parse_reply_code("550") is ReplyCode.MAILBOX_UNAVAILABLE
    assert parse_reply_code(b"571") == 571
    assert parse_reply_code(599) == 599
    cases: list[tuple[str | bytes | int, str]] = [
        ("", "empty"),
        ("55", "wrong_length"),
        ("5500", "wrong_length"),
        ("5a0", "not_a_digit"),
        ("650", "invalid_first_digit"),
        (199, "out_of_range"),
    ]
    for bad, kind in cases:
        with pytest.raises(ReplyCodeError) as e:
            parse_reply_code(bad)
        assert e.value.kind == kind


def test_every_enhanced_code_round_trips() -> None:
    for c in (2, 4, 5):
        for s in range(0, 1000, 7):
            for d in (0, 1, 9, 10, 99, 100, 999):
                code = EnhancedCode(c, s, d)
                assert EnhancedCode.parse(str(code)) == code
                assert EnhancedCode.parse(str(code).encode()) == code


def test_registered_enhanced_codes() -> None:
    for (subject, detail), info in ENHANCED.items():
        code = EnhancedCode(5, subject, detail)
        assert code.info is info
        assert code.known == info.code == f"X.{subject}.{detail}"
        assert enhanced_info(info.code) is info
    unknown = EnhancedCode.parse("5.7.509")
    assert unknown.info is None and unknown.known is None and not unknown.is_registered


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "empty"),
        ("6.1.1", "invalid_class"),
        ("55.1.1", "invalid_class"),
        ("5", "missing_part"),
        ("5.1", "missing_part"),
        ("5..1", "empty_part"),
        ("5.x.1", "not_a_digit"),
        ("5.01.1", "leading_zero"),
        ("5.1.1000", "too_many_digits"),
        ("5.1.1x", "trailing_characters"),
        ("5.1.1.2", "trailing_characters"),
    ],
)
def test_enhanced_code_errors(text: str, kind: str) -> None:
    with pytest.raises(EnhancedCodeError) as e:
        EnhancedCode.parse(text)
    assert e.value.kind == kind
    assert "enhanced status code" in str(e.value)


def test_enhanced_code_constructor_checks_ranges() -> None:
    with pytest.raises(EnhancedCodeError):
        EnhancedCode(5, 1000, 1)
    with pytest.raises(EnhancedCodeError):
        EnhancedCode(3, 1, 1)


def test_consistency_with_reply_codes() -> None:
    code = EnhancedCode.parse("5.1.1")
    assert code.is_consistent_with(550)
    assert not code.is_consistent_with(554)  # X.1.1 lists 451 and 550
    assert not code.is_consistent_with(451)  # class 5 against 4xx
    assert EnhancedCode.parse("5.7.509").is_consistent_with(550)


def test_lookups() -> None:
    info = reply_info(550)
    assert info is not None and info.status is ReplyStatus.STANDARD
    assert info.troubleshooting is not None and info.troubleshooting.code == "550"
    nonstandard = reply_info(101)
    assert nonstandard is not None and not nonstandard.is_standard
    assert reply_info(299) is None
    assert smtp_codes.troubleshooting("5.1.1") is not None
    assert smtp_codes.troubleshooting(550) is not None
    assert smtp_codes.REGISTRY_VERSION and smtp_codes.__version__


def test_records_are_frozen() -> None:
    info = reply_info(550)
    assert info is not None
    with pytest.raises(AttributeError):
        info.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        EnhancedCode(5, 1, 1).detail = 2  # type: ignore[misc]


def test_enhanced_code_constants() -> None:
    from smtp_codes import enhanced_codes

    names = enhanced_codes.__all__
    assert len(names) > len(ENHANCED)
    for name in names:
        code = getattr(enhanced_codes, name)
        assert isinstance(code, EnhancedCode)
        info = code.info
        assert info is not None
        prefix = {2: "SUCCESS_", 4: "TRANSIENT_", 5: "PERMANENT_"}[code.class_]
        assert name.startswith(prefix)
        assert name[len(prefix) :].replace("_", "") == info.name.upper()
    assert enhanced_codes.PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS == EnhancedCode(5, 1, 1)
