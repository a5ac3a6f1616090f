"""The engine's rules over the whole of the data: vendor ranges, the ranking of evidence, the
context (command and remote host), and the retry policy's resolution, including that the
advice never contradicts the reply's class. (The cases of the Rust crate's
``tests/engine.rs``.)"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from smtp_codes import (
    Classification,
    Classifier,
    Command,
    Context,
    ContextRule,
    DecidedBy,
    EnhancedCode,
    Outcome,
    PolicySource,
    Reason,
    Reply,
    Retry,
    RetryPolicy,
    Rule,
    UnknownCommandError,
    classify,
)
from smtp_codes.classify import RETRY_DEFAULT_PERMANENT, RETRY_DEFAULT_TRANSIENT, Evidence
from smtp_codes.vendor import (
    MatchKind,
    VendorEntry,
    VendorRetry,
    best_match,
    best_match_from,
    entries,
    match_kind,
    vendor,
    vendor_of_host,
)

VECTORS = json.loads((Path(__file__).parent / "reply-vectors.json").read_text(encoding="utf-8"))


def enh(s: str) -> EnhancedCode:
    return EnhancedCode.parse(s)


def entry_code(e: VendorEntry) -> int:
    """A reply code an entry stands for: its own, else its enhanced code's class's usual one."""
    if e.basic is not None:
        return e.basic
    klass = None if e.enhanced is None else e.enhanced.class_
    return {2: 250, 4: 451}.get(klass or 5, 550)


def evidence(e: VendorEntry) -> str:
    return " ".join(f for f in (e.token, e.pattern) if f is not None)


def test_a_range_entry_matches_every_code_in_its_range_and_none_outside() -> None:
    ranges = [e for e in entries() if e.enhanced_to is not None]
    assert len(ranges) >= 3, "Microsoft's documented ranges are in the data"
    for e in ranges:
        first, last = e.enhanced, e.enhanced_to
        assert first is not None and last is not None

        def at(detail: int, e: VendorEntry = e, first: EnhancedCode = first) -> object:
            code = EnhancedCode(first.class_, first.subject, detail)
            return best_match(entry_code(e), code, evidence(e))

        for d in (first.detail, (first.detail + last.detail) // 2, last.detail):
            assert at(d) is e, f"{first}-{last} at detail {d}"
        assert at(last.detail + 1) is not e, f"{first}-{last} just past its end"
        if first.detail > 0:
            assert at(first.detail - 1) is not e, f"{first}-{last} just before it"
        # A range never matches a reply without an enhanced code.
        assert not e.codes_match(entry_code(e), None)


def test_microsoft_throttling_range_reaches_the_verdict_inside_the_range() -> None:
    c = Classifier().classify_text(
        451,
        "4.7.650",
        "4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP "
        "reputation. Access denied, please try again later",
    )
    assert c.reason is Reason.RATE_LIMITED
    e = c.vendor
    assert e is not None and e.vendor.slug == "microsoft-exchange-online"
    assert c.decided_by.evidence is Evidence.VENDOR_TEXT and c.decided_by.vendor is e
    assert c.retry_policy is not None and c.retry_policy.source is PolicySource.VENDOR


def test_decided_by_names_the_vendors_code() -> None:
    def words(e: VendorEntry) -> str:
        return str(DecidedBy(Evidence.VENDOR_CODE, vendor=e))

    ranged = next(e for e in entries() if e.enhanced_to is not None)
    name = ranged.vendor.name
    assert words(ranged) == f"{name}'s own code range {ranged.enhanced}-{ranged.enhanced_to}"
    assert str(ranged.enhanced_to).count(".") == 2
    own = replace(ranged, enhanced_to=None)
    assert words(own) == f"{name}'s own code {ranged.enhanced}"
    registered = replace(ranged, enhanced_to=None, enhanced=enh("5.7.1"))
    assert words(registered) == f"{name}'s meaning of 5.7.1"
    assert words(replace(ranged, enhanced_to=None, enhanced=None)) == f"{name}'s own code"


def test_a_token_outranks_any_pattern_however_long() -> None:
    pairs = 0
    for t in entries():
        if t.token is None:
            continue
        t_len = t.specificity
        for p in entries():
            if p.token is not None or p.pattern is None or len(p.pattern.encode()) <= t_len:
                continue
            code = entry_code(t)
            enhanced = t.enhanced or p.enhanced
            if not t.codes_match(code, enhanced) or not p.codes_match(code, enhanced):
                continue
            text = f"{t.token} {t.pattern or ''} {p.pattern}"
            best = best_match(code, enhanced, text)
            assert best is not None
            assert match_kind(best, code, enhanced, text) is MatchKind.TOKEN, (
                f"{text!r}: {best.vendor.slug} {best.pattern!r} beat a token"
            )
            pairs += 1
    assert pairs > 0, "the data has token entries to rank against patterns"


def test_a_vendors_meaning_of_a_registered_code_needs_the_vendor_identified() -> None:
    checked = 0
    for e in entries():
        x = e.enhanced
        if x is None or not x.is_registered:
            continue
        if e.token is not None or e.pattern is not None or e.enhanced_to is not None:
            continue
        c = entry_code(e)
        bland = "see the help page"
        assert best_match(c, x, bland) is not e, f"{e.vendor.slug} {x} explains a bare reply"
        if e.vendor.hosts:
            got = best_match_from(c, x, bland, f"mx.{e.vendor.hosts[0]}")
            assert got is not None and got.vendor.slug == e.vendor.slug
            checked += 1
        if e.vendor.markers:
            got = best_match(c, x, f"see the help page - {e.vendor.markers[0]}")
            assert got is not None and got.vendor.slug == e.vendor.slug
    assert checked > 0, "some vendor with hosts has a code-only entry"


def test_remote_host_suffixes_match_whole_labels() -> None:
    gmail = vendor("google-gmail")
    assert gmail is not None
    assert gmail.serves_host("gmail-smtp-in.l.google.com")
    assert gmail.serves_host("GMAIL-SMTP-IN.L.GOOGLE.COM.")
    assert gmail.serves_host("google.com")
    assert not gmail.serves_host("notgoogle.com")
    assert not gmail.serves_host("google.com.example.net")
    assert not gmail.serves_host("")
    m365 = vendor_of_host("contoso-com.mail.protection.outlook.com")
    assert m365 is not None and m365.slug == "microsoft-exchange-online"
    olc = vendor_of_host("outlook-com.olc.protection.outlook.com")
    assert olc is not None and olc.slug == "microsoft-outlook-com"
    yahoo = vendor_of_host("mta5.am0.yahoodns.net")
    assert yahoo is not None and yahoo.slug == "yahoo"
    assert vendor_of_host("mx.example.org") is None


def test_generic_wordings_go_to_the_right_entries() -> None:
    # Yahoo's `doesn't have a` must not turn another 554 into an unknown user.
    c = Classifier().classify_text(
        554, "5.7.1", "Your server doesn't have a valid reverse DNS entry"
    )
    assert c.reason is not Reason.UNKNOWN_USER
    assert c.vendor is None or c.vendor.vendor.slug != "yahoo"
    # Microsoft's 5.7.367 quotes a downstream 'Relaying denied': Microsoft's, not Yahoo's.
    c = classify(
        Reply.parse(
            "550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied"
        )
    )
    assert c.vendor is not None and c.vendor.vendor.slug == "microsoft-exchange-online"
    # Gmail's 530 with its trailer is Gmail's, not SES's.
    c = classify(
        Reply.parse(
            "530-5.7.0 Authentication Required. For more information, go to\r\n"
            "530 5.7.0  https://support.google.com/mail/?p=WantAuthError - gsmtp"
        )
    )
    assert c.vendor is not None and c.vendor.vendor.slug == "google-gmail"


def test_the_remote_host_identifies_the_vendor() -> None:
    reply = Reply.parse("534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired")
    assert Classifier().classify(reply).vendor is None
    c = Classifier().classify_with(reply, Context().with_remote_host("smtp.gmail.com"))
    assert c.vendor is not None and c.vendor.vendor.slug == "google-gmail"
    assert c.decided_by.evidence is Evidence.VENDOR_CODE
    assert str(c.decided_by) == f"{c.vendor.vendor.name}'s meaning of 5.7.9"


def test_the_context_decides_only_where_the_codes_say_little() -> None:
    rcpt = Context().with_command(Command.RCPT)
    data = Context().with_command(Command.DATA)
    cl = Classifier()
    # RFC 5321 section 4.5.3.1.10.
    c = cl.classify_text_with(552, None, "Requested action aborted", rcpt)
    assert (c.outcome, c.reason, c.decided_by.context) == (
        Outcome.TRANSIENT,
        Reason.TOO_MANY_RECIPIENTS,
        ContextRule.RCPT_TOO_MANY_RECIPIENTS,
    )
    assert c.decided_by.evidence is Evidence.CONTEXT
    assert str(c.decided_by) == (
        "the context: 552 in reply to RCPT TO, too many recipients "
        "(RFC 5321 section 4.5.3.1.10: treated as 452)"
    )
    assert c.bounce.value == "soft" and c.retry.value == "retry_later" and c.code == 552
    assert c.retry_policy is not None and c.retry_policy.retry is Retry.LATER
    # A precise code keeps its reason; the 552 is still treated as 452.
    c = cl.classify_text_with(552, "5.2.2", "Mailbox full", rcpt)
    assert (c.outcome, c.reason) == (Outcome.TRANSIENT, Reason.MAILBOX_FULL)
    # Without the context, 552 is permanent.
    assert cl.classify_text(552, None, "Requested action aborted").outcome is Outcome.PERMANENT
    # 552 to DATA is not the RCPT case.
    c = cl.classify_text_with(552, None, "Requested action aborted", data)
    assert c.outcome is Outcome.PERMANENT
    # A bare rejection of the message: its content.
    c = cl.classify_text_with(554, None, "Transaction failed", data)
    assert (c.reason, c.decided_by.context) == (Reason.CONTENT_REJECTED, ContextRule.DATA_REJECTED)
    assert str(c.decided_by) == "the context: a permanent rejection in reply to DATA, the content"
    c = cl.classify_text_with(554, "5.7.1", "Rejected", Context(Command.BDAT))
    assert c.reason is Reason.CONTENT_REJECTED
    # More specific evidence wins over the context.
    c = cl.classify_text_with(550, "5.1.1", "Rejected", data)
    assert c.reason is Reason.UNKNOWN_USER
    c = cl.classify_text_with(554, None, "Message too big", data)
    assert c.decided_by.context is not ContextRule.DATA_REJECTED
    # A transient reply to DATA is not a content rejection.
    c = cl.classify_text_with(451, None, "Try again", data)
    assert c.decided_by.evidence is not Evidence.CONTEXT
    # An empty context classifies as the context-free methods do.
    reply = Reply.parse("554 Transaction failed")
    assert cl.classify_with(reply, Context()) == cl.classify(reply)
    lines = ["Transaction", "failed"]
    assert cl.classify_lines_with(554, None, lines, data).reason is Reason.CONTENT_REJECTED
    assert cl.classify_lines(554, None, lines) == cl.classify_lines_with(
        554, None, lines, Context()
    )


def test_commands_parse_as_the_registry_names_them() -> None:
    assert Command.parse("rcpt") is Command.RCPT
    assert Command.parse("StartTLS") is Command.STARTTLS
    assert str(Command.DATA) == "DATA"
    for bad in ("FROB", "", "rcpt ", "\u017ftarttls"):
        with pytest.raises(UnknownCommandError):
            Command.parse(bad)
    assert ContextRule.DATA_REJECTED.as_str() == "data_rejected"
    assert ContextRule.RCPT_TOO_MANY_RECIPIENTS.reason is Reason.TOO_MANY_RECIPIENTS


def test_the_defaults_are_rfc_5321s() -> None:
    assert RETRY_DEFAULT_TRANSIENT.retry is Retry.LATER
    assert RETRY_DEFAULT_TRANSIENT.first_after == timedelta(minutes=30)
    assert RETRY_DEFAULT_TRANSIENT.give_up_after == timedelta(days=5)
    assert RETRY_DEFAULT_TRANSIENT.source is PolicySource.DEFAULT
    assert RETRY_DEFAULT_PERMANENT.retry is Retry.NEVER


def test_the_policy_resolves_vendor_then_reason_then_default() -> None:
    cl = Classifier()
    # The reason's policy on a permanent reply.
    p = cl.classify_text(550, "5.1.1", "User unknown").retry_policy
    assert p is not None
    assert (p.retry, p.suppress_address, p.source) == (Retry.NEVER, True, PolicySource.REASON)
    # The same reason on a transient reply: `never` concerns permanent replies.
    c = cl.classify_text(450, "4.1.1", "User unknown")
    assert c.reason is Reason.UNKNOWN_USER
    assert c.retry_policy == RETRY_DEFAULT_TRANSIENT
    # A reason whose policy says after_fix holds on a transient reply too.
    p = cl.classify_text(451, "4.7.26", "SPF check failed").retry_policy
    assert p is not None
    assert (p.retry, p.source, p.suppress_address) == (Retry.AFTER_FIX, PolicySource.REASON, False)
    # A reason's `later` takes the default's timing where it says nothing.
    c = cl.classify_text(421, "4.7.0", "Too many messages, rate limited")
    assert c.reason is Reason.RATE_LIMITED
    p = c.retry_policy
    assert p is not None
    assert (p.retry, p.source) == (Retry.LATER, PolicySource.REASON)
    assert p.how is not None
    assert p.first_after == RETRY_DEFAULT_TRANSIENT.first_after
    assert p.give_up_after == RETRY_DEFAULT_TRANSIENT.give_up_after
    # On a permanent reply the same policy is the change to make first, with no timing.
    c = cl.classify_text(550, "5.7.0", "Too many messages, rate limited")
    assert c.reason is Reason.RATE_LIMITED
    p = c.retry_policy
    assert p is not None
    assert (p.retry, p.source) == (Retry.AFTER_FIX, PolicySource.REASON)
    assert p.how is not None
    assert (p.first_after, p.give_up_after, p.backoff, p.give_up_attempts) == (
        None,
        None,
        None,
        None,
    )
    # Success and intermediate replies have no policy.
    assert cl.classify_text(250, None, "OK").retry_policy is None
    assert cl.classify_text(354, None, "Go ahead").retry_policy is None
    # A permanent routing loop is not retried.
    p = cl.classify_text(550, "5.4.6", "Routing loop detected").retry_policy
    assert p is not None and p.retry is not Retry.LATER


def test_a_users_rule_overrides_every_policy() -> None:
    mine = Rule(
        "acme-frozen",
        Reason.MAILBOX_DISABLED,
        any=("mailbox frozen",),
        retry_policy=RetryPolicy(Retry.LATER, give_up_attempts=3, source=PolicySource.VENDOR),
    )
    p = Classifier([mine]).classify_text(550, None, "Mailbox frozen").retry_policy
    assert p is not None
    assert p.source is PolicySource.USER_RULE
    assert p.give_up_attempts == 3
    assert p.first_after == RETRY_DEFAULT_TRANSIENT.first_after
    # A rule without a policy leaves it to the reason.
    plain = Rule("acme-frozen", Reason.UNKNOWN_USER, any=("mailbox frozen",))
    p = Classifier([plain]).classify_text(550, None, "Mailbox frozen").retry_policy
    assert p is not None and p.source is PolicySource.REASON


def check(c: Classification, what: str) -> None:
    """The policy never contradicts the class."""
    p = c.retry_policy
    if p is None:
        assert c.outcome in (Outcome.SUCCESS, Outcome.INTERMEDIATE), what
        return
    if c.outcome is Outcome.TRANSIENT:
        assert not p.suppress_address, f"{what}: transient but suppress"
    elif c.outcome is Outcome.PERMANENT:
        assert p.retry is not Retry.LATER or p.source is PolicySource.VENDOR, (
            f"{what}: permanent, but {p.source} says retry later"
        )
    else:
        pytest.fail(f"{what}: a policy on a success reply")
    if p.retry is Retry.NEVER:
        assert p.first_after is None and p.give_up_after is None and p.how is None, what


def test_advice_never_contradicts_the_class() -> None:
    for e in entries():
        c = Classifier().classify_text(entry_code(e), e.enhanced, evidence(e))
        check(c, f"{e.vendor.slug} {e.enhanced} {e.pattern!r}")
        # A 5yz vendor entry that says later has a policy of its own; its advice agrees.
        if (
            entry_code(e) // 100 == 5
            and e.retry_policy is not None
            and e.retry_policy.retry is Retry.LATER
        ):
            assert e.retry is VendorRetry.LATER
    replies = [v for v in VECTORS["vectors"] if v["error"] is None]
    assert len(replies) >= 50
    for v in replies:
        reply = Reply.parse(v["input"])
        for context in (Context(), Context(Command.RCPT), Context(Command.DATA)):
            check(Classifier().classify_with(reply, context), v["name"])


def test_policies_are_frozen_values() -> None:
    p = RETRY_DEFAULT_TRANSIENT
    with pytest.raises(AttributeError):
        p.retry = Retry.NEVER  # type: ignore[misc]
    assert replace(p, source=PolicySource.REASON) != p
    assert hash(replace(p)) == hash(p)
