//! The explanation in words: one builder per section of the output, in the order shown.

use smtp_codes::classify::{
    retry::duration_str, Classification, Context, Outcome, PolicySource, Retry, RetryAdvice,
    RetryPolicy, Side,
};
use smtp_codes::vendor::VendorKind;
use smtp_codes::{
    Category, EnhancedCode, EnhancedState, ReplyCode, ReplyErrorKind, ReplyStatus, Troubleshooting,
};

use crate::facts::{self, Read};

/// Explains one reply in words; the flag is false when the input is not a reply.
pub fn explain(input: &str, site: &str, context: &Context<'_>) -> (String, bool) {
    let mut out = String::new();
    let read = match facts::read(input, context) {
        Ok(r) => r,
        Err(e) => {
            out.push_str(&format!("{}\n  not an SMTP reply: {e}\n", input.trim_end()));
            return (out, false);
        }
    };
    echo(&mut out, input);
    verdict(&mut out, &read.class);
    vendor(&mut out, &read.class);
    reply_code(&mut out, read.reply.code(), site);
    enhanced_code(&mut out, &read, site);
    if let Some(t) = facts::troubleshooting(&read) {
        troubleshooting(&mut out, t);
    }
    violations(&mut out, &read);
    (out, true)
}

/// The reply as given, then a blank line.
fn echo(out: &mut String, input: &str) {
    for line in input.lines() {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
}

/// The verdict first: what a person at 3 a.m. needs.
fn verdict(out: &mut String, c: &Classification<'_>) {
    let reason = c.reason;
    out.push_str(&format!("  {} ({})\n", reason.title(), reason.id()));
    out.push_str(&format!("  outcome:     {}\n", outcome_words(c)));
    out.push_str(&format!("  retry:       {}\n", retry_words(c.retry)));
    out.push_str(&format!("  whose side:  {}\n", side_words(c.side)));
    out.push_str(&format!("  what to do:  {}\n", wrap(reason.advice(), 15)));
    if let Some(p) = &c.retry_policy {
        out.push_str(&format!(
            "  next time:   {}\n",
            wrap(&next_time_words(p), 15)
        ));
    }
    out.push_str(&format!("  decided by:  {}\n", c.decided_by));
}

/// The retry policy in a sentence or two: whether, when, how, when to give up, and whether
/// to stop mailing the address; then whose policy it is.
fn next_time_words(p: &RetryPolicy) -> String {
    let mut s = String::from(match p.retry {
        Retry::Later => "retry later",
        Retry::AfterFix => "retry only after fixing the cause",
        Retry::Never => "do not retry this message",
    });
    let mut when = Vec::new();
    if let Some(d) = p.first_after {
        let mut w = String::from("first after ");
        let _ = duration_str(d, &mut w);
        when.push(w);
    }
    if let Some(d) = p.give_up_after {
        let mut w = String::from("give up after ");
        let _ = duration_str(d, &mut w);
        when.push(w);
    }
    if let Some(n) = p.give_up_attempts {
        when.push(format!("give up after {n} attempts"));
    }
    if !when.is_empty() {
        s.push_str(&format!(" ({})", when.join(", ")));
    }
    s.push('.');
    for extra in [p.how, p.backoff].into_iter().flatten() {
        s.push(' ');
        s.push_str(extra);
    }
    if p.suppress_address {
        s.push_str(" Stop mailing this address (add it to your suppression list).");
    }
    s.push_str(match p.source {
        PolicySource::UserRule => " [your rule's policy]",
        PolicySource::Vendor => " [the provider's policy]",
        PolicySource::Reason => " [the reason's policy]",
        PolicySource::Default => " [RFC 5321's defaults]",
    });
    s
}

/// What a provider or mail server means by this wording, when one is known.
fn vendor(out: &mut String, c: &Classification<'_>) {
    let Some(v) = c.vendor else { return };
    let heading = match (v.vendor.kind, v.token, v.pattern) {
        (_, Some(t), _) => format!("{} (tag {t})", v.vendor.name),
        (VendorKind::Mta, None, Some(p)) => format!("{}'s wording \"{p}\"", v.vendor.name),
        (_, None, Some(p)) => format!("{} (wording \"{p}\")", v.vendor.name),
        (_, None, None) => v.vendor.name.to_string(),
    };
    out.push_str(&format!("\n  Seen in the wild: {heading}\n"));
    out.push_str(&format!("    meaning:  {}\n", wrap(v.meaning, 14)));
    out.push_str(&format!("    cause:    {}\n", wrap(v.cause, 14)));
    out.push_str(&format!("    sender:   {}\n", wrap(v.sender_action, 14)));
    out.push_str(&format!("    receiver: {}\n", wrap(v.admin_action, 14)));
    out.push_str(&format!(
        "    source:   {} (read {})\n",
        v.source_url, v.read
    ));
}

/// The reply code with its registered meaning (and any other meanings it has).
fn reply_code(out: &mut String, code: ReplyCode, site: &str) {
    out.push('\n');
    match code.info() {
        Some(info) => {
            let status = match info.status {
                ReplyStatus::Standard => "",
                ReplyStatus::Historic => " [historic]",
                ReplyStatus::NonStandard => " [non-standard: no RFC defines it]",
            };
            out.push_str(&format!("  {}  {}{status}\n", code, info.text));
            out.push_str(&format!("       {}\n", wrap(info.description, 7)));
            for m in info.meanings.iter().skip(1) {
                let src = match (m.reference, m.vendor) {
                    (Some(r), _) => r.to_string(),
                    (None, Some(v)) => format!("{v}, non-standard"),
                    (None, None) => "non-standard".to_string(),
                };
                out.push_str(&format!("       also: \"{}\" ({src})\n", m.text));
            }
        }
        None => out.push_str(&format!("  {code}  not a registered reply code\n")),
    }
    out.push_str(&format!(
        "       {}: {}\n",
        code_class_words(code),
        severity_words(code.category())
    ));
    if let Some(p) = facts::basic_page(site, code) {
        out.push_str(&format!("       {p}\n"));
    }
}

/// The enhanced code the reply was read by, or why a malformed one was not used.
fn enhanced_code(out: &mut String, read: &Read<'_>, site: &str) {
    let positional = read.reply.enhanced();
    let Some(e) = read.class.enhanced else {
        if positional == EnhancedState::Malformed {
            let why = read
                .reply
                .violations()
                .find(|v| matches!(v.kind(), ReplyErrorKind::MalformedEnhancedCode(_)))
                .map(|v| v.to_string())
                .unwrap_or_else(|| "not a valid enhanced status code".to_string());
            out.push_str(&format!("\n  malformed enhanced status code: {why}\n"));
        }
        return;
    };
    out.push('\n');
    let note = match positional {
        EnhancedState::ClassMismatch(_) => {
            " (its class disagrees with the reply code; the reply code decides)"
        }
        EnhancedState::Inconsistent { .. } => " (lines carry different codes; the first is shown)",
        EnhancedState::Absent | EnhancedState::Malformed => {
            " (found in the text, not in the RFC 2034 position)"
        }
        EnhancedState::Valid(_) => "",
    };
    enhanced_meaning(out, e, note);
    out.push_str(&format!(
        "       class {}: {}\n",
        e.class().digit(),
        e.class().title()
    ));
    if let Some(p) = facts::enhanced_page(site, e) {
        out.push_str(&format!("       {p}\n"));
    }
}

/// The registered meaning of an enhanced code, or its subject when IANA lists no such code.
fn enhanced_meaning(out: &mut String, e: EnhancedCode, note: &str) {
    match e.info() {
        Some(info) => {
            out.push_str(&format!("  {e}  {}{note}\n", info.title()));
            out.push_str(&format!("       {}\n", wrap(info.description, 7)));
            if let Some(r) = info.replaced_by {
                out.push_str(&format!("       deprecated: use {r}\n"));
            }
            if let Some(r) = info.references.first() {
                out.push_str(&format!("       {r}: {}\n", r.url));
            }
        }
        None => {
            out.push_str(&format!("  {e}  not registered by IANA{note}\n"));
            if let Some(s) = e.subject_kind() {
                out.push_str(&format!("       subject {}: {}\n", s.number(), s.title()));
            }
        }
    }
}

/// The first causes and fixes for the code, from the registry's troubleshooting notes.
fn troubleshooting(out: &mut String, t: &Troubleshooting) {
    out.push_str(&format!("\n  Troubleshooting {}\n", t.code));
    out.push_str(&format!("    {}\n", wrap(t.summary, 4)));
    for c in t.causes.iter().take(3) {
        out.push_str(&format!("    cause:  {}\n", wrap(c, 12)));
    }
    for f in t.sender_fixes.iter().take(3) {
        out.push_str(&format!("    fix:    {}\n", wrap(f, 12)));
    }
}

/// Where the reply breaks RFC 5321 or RFC 2034. A pasted reply seldom keeps its CRLF; that
/// one is not worth reporting.
fn violations(out: &mut String, read: &Read<'_>) {
    let found: Vec<String> = read
        .reply
        .violations()
        .filter(|v| v.kind() != ReplyErrorKind::MissingLineEnding)
        .map(|v| v.to_string())
        .collect();
    if found.is_empty() {
        return;
    }
    out.push_str("\n  not strictly RFC 5321 / RFC 2034:\n");
    for v in found {
        out.push_str(&format!("    - {v}\n"));
    }
}

fn outcome_words(c: &Classification<'_>) -> String {
    match c.outcome {
        Outcome::Success => "success".into(),
        Outcome::Intermediate => "in progress: the server waits for more".into(),
        Outcome::Transient => "temporary failure, soft bounce if it lasts".into(),
        Outcome::Permanent => format!("permanent failure, {} bounce", c.bounce.as_str()),
    }
}

fn side_words(side: Side) -> &'static str {
    match side {
        Side::Recipient => "the recipient's (their address or mailbox)",
        Side::Sender => "the sender's (the address, the message, the account or its domain)",
        Side::SendingServer => "the sending server's (its IP, DNS, TLS, volume or protocol)",
        Side::ReceivingServer => "the receiving server's",
        Side::Network => "the network's (connections, DNS, routing)",
        Side::None => "nobody's in particular",
    }
}

fn retry_words(retry: RetryAdvice) -> &'static str {
    match retry {
        RetryAdvice::Done => "nothing to retry",
        RetryAdvice::Continue => "continue: send what the server asked for",
        RetryAdvice::RetryLater => "yes, later: 4yz is temporary (RFC 5321 section 4.2.1)",
        RetryAdvice::DoNotRetry => "no, not unchanged: 5yz is permanent (RFC 5321 section 4.2.1)",
    }
}

fn code_class_words(code: ReplyCode) -> &'static str {
    match code.first_digit() {
        2 => "2yz positive completion",
        3 => "3yz positive intermediate",
        4 => "4yz transient negative",
        _ => "5yz permanent negative",
    }
}

fn severity_words(category: Category) -> &'static str {
    match category {
        Category::Syntax => "x0z syntax",
        Category::Information => "x1z information",
        Category::Connections => "x2z connections",
        Category::Unspecified => "x3z/x4z unspecified",
        Category::MailSystem => "x5z mail system",
        Category::NonStandard => "second digit outside RFC 5321's grammar",
    }
}

/// Folds text into words wrapped at 96 columns; the text starts at column `indent` and so do
/// its continuation lines.
fn wrap(text: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut col = indent;
    for word in text.split_whitespace() {
        if col + word.len() + 1 > 96 && col > indent {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if !out.is_empty() {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
    out
}
