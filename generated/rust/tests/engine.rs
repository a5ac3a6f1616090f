//! The engine's rules over the whole of the data: vendor ranges, the ranking of evidence,
//! the context (command and remote host), and the retry policy's resolution, including that
//! the advice never contradicts the reply's class.
//! (Hand-written; the generator leaves this file alone.)

use core::time::Duration;

use serde_json::Value;
use smtp_codes::classify::{
    classify, Classifier, Context, ContextRule, DecidedBy, Outcome, PolicySource, Retry,
    RetryPolicy, Rule, RETRY_DEFAULT_PERMANENT, RETRY_DEFAULT_TRANSIENT,
};
use smtp_codes::vendor::{self, MatchKind, VendorEntry};
use smtp_codes::{Command, EnhancedCode, Reason, Reply, ReplyCode};

const DEV_CORPUS: &str = include_str!("corpus/replies-dev.jsonl");

fn code(n: u16) -> ReplyCode {
    ReplyCode::from_u16(n).unwrap()
}

fn enh(s: &str) -> EnhancedCode {
    s.parse().unwrap()
}

/// A reply code an entry stands for: its own, else its enhanced code's class's usual one.
fn entry_code(e: &VendorEntry) -> ReplyCode {
    let n = e
        .basic
        .unwrap_or(match e.enhanced.map(|x| x.class().digit()) {
            Some(2) => 250,
            Some(4) => 451,
            _ => 550,
        });
    code(n)
}

#[test]
fn a_range_entry_matches_every_code_in_its_range_and_none_outside() {
    let ranges: Vec<&VendorEntry> = vendor::entries()
        .iter()
        .filter(|e| e.enhanced_to.is_some())
        .collect();
    assert!(
        ranges.len() >= 3,
        "Microsoft's documented ranges are in the data"
    );
    for e in ranges {
        let (from, to) = (e.enhanced.unwrap(), e.enhanced_to.unwrap());
        let text = [e.token, e.pattern]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let at = |detail: u16| {
            let x = enh(&format!(
                "{}.{}.{detail}",
                from.class().digit(),
                from.subject()
            ));
            vendor::best_match(entry_code(e), Some(x), text.as_bytes())
        };
        for d in [
            from.detail(),
            (from.detail() + to.detail()) / 2,
            to.detail(),
        ] {
            assert_eq!(at(d), Some(e), "{from}-{to} at detail {d}");
        }
        assert_ne!(
            at(to.detail() + 1),
            Some(e),
            "{from}-{to} just past its end"
        );
        if from.detail() > 0 {
            assert_ne!(at(from.detail() - 1), Some(e), "{from}-{to} just before it");
        }
    }
}

#[test]
fn microsoft_throttling_range_reaches_the_verdict_inside_the_range() {
    let c = Classifier::new().classify_text(
        code(451),
        Some(enh("4.7.650")),
        b"4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. Access denied, please try again later",
    );
    assert_eq!(c.reason, Reason::RateLimited);
    let e = c.vendor.unwrap();
    assert!(matches!(c.decided_by, DecidedBy::VendorText(d) if d == e));
    assert_eq!(e.vendor.slug, "microsoft-exchange-online");
    assert_eq!(c.retry_policy.unwrap().source, PolicySource::Vendor);
}

/// Every pair of entries where one is selected by a token and another by a longer pattern
/// alone, both found in one reply with codes both accept: the token's entry wins.
#[test]
fn a_token_outranks_any_pattern_however_long() {
    let mut pairs = 0;
    for t in vendor::entries().iter().filter(|e| e.token.is_some()) {
        let t_len = t.token.map_or(0, str::len) + t.pattern.map_or(0, str::len);
        for p in vendor::entries()
            .iter()
            .filter(|e| e.token.is_none() && e.pattern.is_some_and(|p| p.len() > t_len))
        {
            let code = entry_code(t);
            let enhanced = t.enhanced.or(p.enhanced);
            if !t.codes_match(code, enhanced) || !p.codes_match(code, enhanced) {
                continue;
            }
            let text = format!(
                "{} {} {}",
                t.token.unwrap(),
                t.pattern.unwrap_or(""),
                p.pattern.unwrap()
            );
            let best = vendor::best_match(code, enhanced, text.as_bytes()).unwrap();
            assert_eq!(
                best.match_kind(code, enhanced, text.as_bytes()),
                Some(MatchKind::Token),
                "{text:?}: {} {:?} beat a token",
                best.vendor.slug,
                best.pattern
            );
            pairs += 1;
        }
    }
    assert!(
        pairs > 0,
        "the data has token entries to rank against patterns"
    );
}

/// When a tag decides, the evidence named is the tag, even if the entry also has a wording.
#[test]
fn the_tag_is_named_when_it_decides() {
    let reply = Reply::parse(
        "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume",
    )
    .unwrap();
    let c = classify(&reply);
    assert!(matches!(c.decided_by, DecidedBy::VendorText(e) if e.token == Some("TSS04")));
    assert_eq!(
        c.decided_by.to_string(),
        "Yahoo Mail and AOL Mail tag TSS04"
    );
}

/// A code-only entry for a code IANA registers explains a reply only when the reply is
/// identified as the vendor's; then it does.
#[test]
fn a_vendors_meaning_of_a_registered_code_needs_the_vendor_identified() {
    let mut checked = 0;
    for e in vendor::entries() {
        let Some(x) = e.enhanced.filter(|x| x.known().is_some()) else {
            continue;
        };
        if e.token.is_some() || e.pattern.is_some() || e.enhanced_to.is_some() {
            continue;
        }
        let c = entry_code(e);
        let bland = b"see the help page";
        assert_ne!(
            vendor::best_match(c, Some(x), bland),
            Some(e),
            "{} {x} explains a reply nothing identifies",
            e.vendor.slug
        );
        if let Some(host) = e.vendor.hosts.first() {
            let got = vendor::best_match_from(c, Some(x), bland, Some(&format!("mx.{host}")));
            assert_eq!(
                got.map(|g| g.vendor.slug),
                Some(e.vendor.slug),
                "{} {x} from its own host",
                e.vendor.slug
            );
            checked += 1;
        }
        if let Some(marker) = e.vendor.markers.first() {
            let text = format!("see the help page - {marker}");
            let got = vendor::best_match(c, Some(x), text.as_bytes());
            assert_eq!(got.map(|g| g.vendor.slug), Some(e.vendor.slug));
        }
    }
    assert!(checked > 0, "some vendor with hosts has a code-only entry");
}

#[test]
fn remote_host_suffixes_match_whole_labels() {
    let gmail = vendor::vendor("google-gmail").unwrap();
    assert!(gmail.serves_host("gmail-smtp-in.l.google.com"));
    assert!(gmail.serves_host("GMAIL-SMTP-IN.L.GOOGLE.COM."));
    assert!(gmail.serves_host("google.com"));
    assert!(!gmail.serves_host("notgoogle.com"));
    assert!(!gmail.serves_host("google.com.example.net"));
    assert!(!gmail.serves_host(""));
    let m365 = vendor::vendor_of_host("contoso-com.mail.protection.outlook.com").unwrap();
    assert_eq!(m365.slug, "microsoft-exchange-online");
    let olc = vendor::vendor_of_host("outlook-com.olc.protection.outlook.com").unwrap();
    assert_eq!(olc.slug, "microsoft-outlook-com");
    assert_eq!(
        vendor::vendor_of_host("mta5.am0.yahoodns.net")
            .unwrap()
            .slug,
        "yahoo"
    );
    assert_eq!(vendor::vendor_of_host("mx.example.org"), None);
}

#[test]
fn generic_wordings_go_to_the_right_entries() {
    // Yahoo's `doesn't have a` must not turn another 554 into an unknown user.
    let c = Classifier::new().classify_text(
        code(554),
        Some(enh("5.7.1")),
        b"Your server doesn't have a valid reverse DNS entry",
    );
    assert_ne!(c.reason, Reason::UnknownUser);
    assert_ne!(c.vendor.map(|e| e.vendor.slug), Some("yahoo"));
    // Microsoft's 5.7.367 quotes a downstream 'Relaying denied': Microsoft's, not Yahoo's.
    let reply = Reply::parse(
        "550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied",
    )
    .unwrap();
    let c = classify(&reply);
    assert_eq!(
        c.vendor.map(|e| e.vendor.slug),
        Some("microsoft-exchange-online")
    );
    // Gmail's 530 with its trailer is Gmail's, not SES's.
    let reply = Reply::parse(
        "530-5.7.0 Authentication Required. For more information, go to\r\n530 5.7.0  https://support.google.com/mail/?p=WantAuthError - gsmtp",
    )
    .unwrap();
    let c = classify(&reply);
    assert_eq!(c.vendor.map(|e| e.vendor.slug), Some("google-gmail"));
}

#[test]
fn the_context_decides_only_where_the_codes_say_little() {
    let rcpt = Context::new().with_command(Command::Rcpt);
    let data = Context::new().with_command(Command::Data);
    let cl = Classifier::new();
    // RFC 5321 section 4.5.3.1.10.
    let c = cl.classify_text_with(code(552), None, b"Requested action aborted", &rcpt);
    assert_eq!(
        (c.outcome, c.reason, c.decided_by),
        (
            Outcome::Transient,
            Reason::TooManyRecipients,
            DecidedBy::Context(ContextRule::RcptTooManyRecipients)
        )
    );
    assert_eq!(c.retry_policy.unwrap().retry, Retry::Later);
    // A precise code keeps its reason; the 552 is still treated as 452.
    let c = cl.classify_text_with(code(552), Some(enh("5.2.2")), b"Mailbox full", &rcpt);
    assert_eq!(
        (c.outcome, c.reason),
        (Outcome::Transient, Reason::MailboxFull)
    );
    // Without the context, 552 is permanent.
    let c = cl.classify_text(code(552), None, b"Requested action aborted");
    assert_eq!(c.outcome, Outcome::Permanent);
    // 552 to DATA is not the RCPT case.
    let c = cl.classify_text_with(code(552), None, b"Requested action aborted", &data);
    assert_eq!(c.outcome, Outcome::Permanent);
    // A bare rejection of the message: its content.
    let c = cl.classify_text_with(code(554), None, b"Transaction failed", &data);
    assert_eq!(
        (c.reason, c.decided_by),
        (
            Reason::ContentRejected,
            DecidedBy::Context(ContextRule::DataRejected)
        )
    );
    let c = cl.classify_text_with(code(554), Some(enh("5.7.1")), b"Rejected", &data);
    assert_eq!(c.reason, Reason::ContentRejected);
    // More specific evidence wins over the context.
    let c = cl.classify_text_with(code(550), Some(enh("5.1.1")), b"Rejected", &data);
    assert_eq!(c.reason, Reason::UnknownUser);
    let c = cl.classify_text_with(code(554), None, b"Message too big", &data);
    assert_ne!(c.decided_by, DecidedBy::Context(ContextRule::DataRejected));
    // A transient reply to DATA is not a content rejection.
    let c = cl.classify_text_with(code(451), None, b"Try again", &data);
    assert!(!matches!(c.decided_by, DecidedBy::Context(_)));
    // An empty context classifies as the context-free methods do.
    let reply = Reply::parse("554 Transaction failed").unwrap();
    assert_eq!(
        cl.classify_with(&reply, &Context::default()),
        cl.classify(&reply)
    );
}

#[test]
fn the_defaults_are_rfc_5321s() {
    assert_eq!(RETRY_DEFAULT_TRANSIENT.retry, Retry::Later);
    assert_eq!(
        RETRY_DEFAULT_TRANSIENT.first_after,
        Some(Duration::from_secs(30 * 60))
    );
    assert_eq!(
        RETRY_DEFAULT_TRANSIENT.give_up_after,
        Some(Duration::from_secs(5 * 86_400))
    );
    assert_eq!(RETRY_DEFAULT_PERMANENT.retry, Retry::Never);
}

#[test]
fn the_policy_resolves_vendor_then_reason_then_default() {
    let cl = Classifier::new();
    // The reason's policy on a permanent reply.
    let c = cl.classify_text(code(550), Some(enh("5.1.1")), b"User unknown");
    let p = c.retry_policy.unwrap();
    assert_eq!(
        (p.retry, p.suppress_address, p.source),
        (Retry::Never, true, PolicySource::Reason)
    );
    // The same reason on a transient reply: `never` concerns permanent replies.
    let c = cl.classify_text(code(450), Some(enh("4.1.1")), b"User unknown");
    assert_eq!(c.reason, Reason::UnknownUser);
    let p = c.retry_policy.unwrap();
    assert_eq!(p, RETRY_DEFAULT_TRANSIENT);
    // A reason whose policy says after_fix holds on a transient reply too.
    let c = cl.classify_text(code(451), Some(enh("4.7.26")), b"SPF check failed");
    let p = c.retry_policy.unwrap();
    assert_eq!((p.retry, p.source), (Retry::AfterFix, PolicySource::Reason));
    assert!(!p.suppress_address);
    // A reason's `later` takes the default's timing where it says nothing.
    let c = cl.classify_text(
        code(421),
        Some(enh("4.7.0")),
        b"Too many messages, rate limited",
    );
    assert_eq!(c.reason, Reason::RateLimited);
    let p = c.retry_policy.unwrap();
    assert_eq!((p.retry, p.source), (Retry::Later, PolicySource::Reason));
    assert!(p.how.is_some());
    assert_eq!(p.first_after, RETRY_DEFAULT_TRANSIENT.first_after);
    assert_eq!(p.give_up_after, RETRY_DEFAULT_TRANSIENT.give_up_after);
    // On a permanent reply the same policy is the change to make first, with no timing.
    let c = cl.classify_text(
        code(550),
        Some(enh("5.7.0")),
        b"Too many messages, rate limited",
    );
    assert_eq!(c.reason, Reason::RateLimited);
    let p = c.retry_policy.unwrap();
    assert_eq!((p.retry, p.source), (Retry::AfterFix, PolicySource::Reason));
    assert!(p.how.is_some());
    assert_eq!((p.first_after, p.give_up_after), (None, None));
    // Success and intermediate replies have no policy.
    assert_eq!(cl.classify_text(code(250), None, b"OK").retry_policy, None);
    assert_eq!(
        cl.classify_text(code(354), None, b"Go ahead").retry_policy,
        None
    );
    // A permanent routing loop is not retried.
    let c = cl.classify_text(code(550), Some(enh("5.4.6")), b"Routing loop detected");
    assert_ne!(c.retry_policy.unwrap().retry, Retry::Later);
}

#[test]
fn a_users_rule_overrides_every_policy() {
    const MINE: [Rule<'static>; 1] = [Rule {
        any: &["mailbox frozen"],
        retry_policy: Some(RetryPolicy {
            give_up_attempts: Some(3),
            ..RetryPolicy::new(Retry::Later, PolicySource::Vendor)
        }),
        ..Rule::new("acme-frozen", Reason::MailboxDisabled)
    }];
    let c = Classifier::with_rules(&MINE).classify_text(code(550), None, b"Mailbox frozen");
    let p = c.retry_policy.unwrap();
    assert_eq!(p.source, PolicySource::UserRule);
    assert_eq!(p.give_up_attempts, Some(3));
    assert_eq!(p.first_after, RETRY_DEFAULT_TRANSIENT.first_after);
    // A rule without a policy leaves it to the reason.
    const PLAIN: [Rule<'static>; 1] = [Rule {
        any: &["mailbox frozen"],
        ..Rule::new("acme-frozen", Reason::UnknownUser)
    }];
    let c = Classifier::with_rules(&PLAIN).classify_text(code(550), None, b"Mailbox frozen");
    assert_eq!(c.retry_policy.unwrap().source, PolicySource::Reason);
}

/// Over every vendor entry at its own codes and wording, and over the dev corpus: the policy
/// never contradicts the class. A transient reply is never told to suppress the address; a
/// permanent reply is told to retry as it is only by a vendor entry (whose data carries a
/// note saying why, which the loader requires).
#[test]
fn advice_never_contradicts_the_class() {
    let check = |c: &smtp_codes::classify::Classification<'_>, what: &str| {
        let Some(p) = c.retry_policy else {
            assert!(matches!(
                c.outcome,
                Outcome::Success | Outcome::Intermediate
            ));
            return;
        };
        match c.outcome {
            Outcome::Transient => assert!(!p.suppress_address, "{what}: transient but suppress"),
            Outcome::Permanent => assert!(
                p.retry != Retry::Later || p.source == PolicySource::Vendor,
                "{what}: permanent, but {:?} says retry later",
                p.source
            ),
            _ => panic!("{what}: a policy on a success reply"),
        }
        if p.retry == Retry::Never {
            assert!(p.first_after.is_none() && p.give_up_after.is_none() && p.how.is_none());
        }
    };
    for e in vendor::entries() {
        let text = [e.token, e.pattern]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let c = Classifier::new().classify_text(entry_code(e), e.enhanced, text.as_bytes());
        check(
            &c,
            &format!("{} {:?} {:?}", e.vendor.slug, e.enhanced, e.pattern),
        );
        // A 5yz vendor entry that says later has a policy of its own (the loader requires a
        // note on it); the class's advice still says not to repeat it unchanged.
        if entry_code(e).first_digit() == 5
            && e.retry_policy.is_some_and(|p| p.retry == Retry::Later)
        {
            assert_eq!(e.retry, smtp_codes::vendor::VendorRetry::Later);
        }
    }
    for line in DEV_CORPUS.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        let reply = Reply::parse(v["reply"].as_str().unwrap()).unwrap();
        check(&classify(&reply), v["reply"].as_str().unwrap());
    }
}
