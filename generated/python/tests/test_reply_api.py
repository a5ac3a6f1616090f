"""The reply parser, the writer and the classifier, through the public API."""

from __future__ import annotations

import pytest

from smtp_codes import (
    Bounce,
    Classifier,
    EnhancedCode,
    EnhancedState,
    Reason,
    Reply,
    ReplyContext,
    ReplyError,
    ReplyErrorKind,
    ReplyWriter,
    Rule,
    Separator,
    Side,
    Terminator,
    WriteError,
    classify,
)
from smtp_codes.classify import Evidence, classify_text, contains_phrase
from smtp_codes.vendor import MatchKind, best_match, matches, vendor


def test_lines_and_their_parts() -> None:
    reply = Reply.parse("550-5.1.1 first\r\n550 5.1.1 second\r\n")
    first, second = reply.lines
    assert first.separator is Separator.HYPHEN and first.is_continuation
    assert second.separator is Separator.SPACE and not second.is_continuation
    assert first.raw == b"550-5.1.1 first" and first.text == "first"
    assert first.terminator is Terminator.CRLF and second.offset == 17
    assert first.enhanced_state is EnhancedState.VALID
    assert reply.is_multiline and reply.is_complete and reply.line_count == 2
    assert reply.violations() == []


def test_lenient_renderings_from_bounces() -> None:
    yahoo = Reply.parse("550: 5.2.2 Mailbox full")
    assert yahoo.lines[0].separator is Separator.COLON
    assert str(yahoo.enhanced_code) == "5.2.2"
    kinds = [v.kind.value for v in Reply.parse("550: 4.4.7 expired\n").violations()]
    assert kinds == ["bad_separator", "enhanced_class_mismatch", "bare_lf"]
    partial = Reply.parse("550-5.1.1 first line only")
    assert not partial.is_complete


def test_enhanced_states() -> None:
    def state(s: str) -> EnhancedState:
        return Reply.parse(s).enhanced_state

    assert state("550 5.1.1 User unknown") is EnhancedState.VALID
    assert state("550 4.4.7 QUEUE.Expired") is EnhancedState.CLASS_MISMATCH
    assert state("550 5.01.1 Oops") is EnhancedState.MALFORMED
    assert state("550-5.7.1 a\r\n550 5.7.26 b") is EnhancedState.INCONSISTENT
    assert state("550 User unknown") is EnhancedState.ABSENT
    r = Reply.parse("550-5.7.1 a\r\n550 5.7.26 b")
    assert (str(r.enhanced_code), str(r.enhanced_other)) == ("5.7.1", "5.7.26")


def test_errors_say_where_and_what() -> None:
    with pytest.raises(ReplyError) as e:
        Reply.parse_strict("550-5.1.1 first\r\n551 5.1.1 second\r\n")
    assert (e.value.kind, e.value.line, e.value.position) == (
        ReplyErrorKind.CODE_MISMATCH,
        2,
        17,
    )
    assert str(e.value).startswith("line 2, byte 17: reply code 551 differs")
    with pytest.raises(ReplyError) as e:
        Reply.parse("")
    assert e.value.kind is ReplyErrorKind.EMPTY and e.value.kind.is_fatal
    with pytest.raises(ReplyError) as e:
        Reply.parse("hello")
    assert e.value.kind is ReplyErrorKind.BAD_CODE
    assert "not an ASCII digit" in e.value.message
    with pytest.raises(ReplyError) as e:
        Reply.parse("550 a\r\nnot a line")
    assert e.value.kind is ReplyErrorKind.TRAILING_DATA
    with pytest.raises(ReplyError) as e:
        Reply.parse("550 " + "x" * 100, max_line_length=64)
    assert e.value.kind is ReplyErrorKind.LINE_TOO_LONG
    assert "104 bytes" in e.value.message


def test_bytes_and_non_utf8_input_never_crash() -> None:
    reply = Reply.parse(b"550 \xff\xfe bad bytes\r\n")
    assert reply.lines[0].text == "\ufffd\ufffd bad bytes"
    assert [v.kind.value for v in reply.violations()] == ["invalid_text_byte"]
    for junk in [
        b"\x00",
        b"5",
        b"55",
        b"5555",
        b"550-",
        b"550\r",
        b"\n\n\n",
        b"550 5.",
        b"2" * 600,
    ]:
        try:
            Reply.parse(junk).classify()
        except ReplyError:
            pass


def test_writer_output_parses_back_strictly() -> None:
    w = ReplyWriter(550, EnhancedCode.parse("5.1.1"))
    out = w.format(["No such user here", "Check the address"])
    assert out == "550-5.1.1 No such user here\r\n550 5.1.1 Check the address\r\n"
    reply = Reply.parse_strict(out)
    assert reply.code == 550 and str(reply.enhanced_code) == "5.1.1"
    assert [line.text for line in reply.lines] == ["No such user here", "Check the address"]
    assert ReplyWriter(250).format([]) == "250 \r\n"
    greeting = ReplyWriter(220, "2.0.0", ReplyContext.GREETING)
    assert greeting.format(["mx.example.com ready"]) == "220 mx.example.com ready\r\n"


@pytest.mark.parametrize(
    ("writer", "lines", "kind"),
    [
        (ReplyWriter(550), ["a\r\nb"], "line_break"),
        (ReplyWriter(550), ["caf\u00e9"], "invalid_character"),
        (ReplyWriter(550), ["x" * 600], "line_too_long"),
        (ReplyWriter(550, "4.1.1"), ["x"], "class_mismatch"),
        (ReplyWriter(550), ["5.1.1 looks like a code"], "ambiguous_text"),
        (ReplyWriter(571), ["x"], "code_outside_grammar"),
    ],
)
def test_writer_refuses(writer: ReplyWriter, lines: list[str], kind: str) -> None:
    with pytest.raises(WriteError) as e:
        writer.format(lines)
    assert e.value.kind == kind


def test_classification_and_its_evidence() -> None:
    c = classify(Reply.parse("550 5.1.1 <bob@example.com> User unknown"))
    assert (c.reason, c.bounce, c.side) == (Reason.UNKNOWN_USER, Bounce.HARD, Side.RECIPIENT)
    assert c.decided_by.evidence is Evidence.TEXT_RULE
    c = classify(Reply.parse("250 2.0.0 OK"))
    assert c.reason is Reason.ACCEPTED and c.bounce is Bounce.NONE
    assert str(c.decided_by) == "reply code 250"
    c = classify(Reply.parse("552 sorry, mailbox is over quota temporarily (#5.1.1)"))
    assert str(c.enhanced) == "5.1.1"  # found in the text
    c = classify_text(550, "5.7.509", "Access denied")
    assert c.decided_by.evidence in (Evidence.VENDOR_CODE, Evidence.SUBJECT)
    c = classify_text(599, None, "")
    assert c.reason is Reason.UNKNOWN and c.decided_by.evidence is Evidence.NOTHING


def test_user_rules_come_first() -> None:
    mine = Rule("acme-frozen", Reason.MAILBOX_DISABLED, any=("mailbox frozen",))
    c = Classifier([mine]).classify_text(554, None, "Mailbox frozen by ACME")
    assert c.reason is Reason.MAILBOX_DISABLED
    assert str(c.decided_by) == 'your rule `acme-frozen` (found "mailbox frozen")'
    scoped = Rule("only-451", Reason.GREYLISTED, any=("frozen",), codes=(451,))
    assert Classifier([scoped]).classify_text(554, None, "frozen").reason is not Reason.GREYLISTED


def test_phrases_respect_word_boundaries() -> None:
    assert contains_phrase("Message flagged as SPAM.", "spam")
    assert not contains_phrase("antispam gateway", "spam")
    assert contains_phrase("antispam gateway", "*spam")
    assert contains_phrase("Throttling failure", "throttl*")
    assert not contains_phrase("Throttling failure", "throttl")
    assert not contains_phrase("youtube link", "ube")
    assert contains_phrase("IP bloqu\u00e9e", "bloqu\u00e9e")
    assert not contains_phrase("", "x")
    assert not contains_phrase("abc", "*")
    assert contains_phrase("the  email\r\naccount", "email account")


def test_vendors() -> None:
    hit = best_match(550, "5.7.606", "Access denied, banned sending IP [192.0.2.1]")
    assert hit is not None and hit.vendor.slug == "microsoft-exchange-online"
    found = matches(550, "5.7.606", "Access denied, banned sending IP [192.0.2.1]")
    assert (hit, MatchKind.PATTERN) in found
    assert MatchKind.CODE < MatchKind.PATTERN < MatchKind.TOKEN
    assert MatchKind.TOKEN.is_text and not MatchKind.CODE.is_text
    assert vendor("google-gmail") is not None and vendor("nobody") is None
