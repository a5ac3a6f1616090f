//! Reading one message: its MIME structure, the report parts, the text, and the assembly of
//! one result per recipient.

use std::borrow::Cow;

use crate::classify::{classify_recipient, Evidence};
use mail_parser::{MessageParser, MimeHeaders, PartType};
use smtp_codes::EnhancedCode;

use crate::fields::{self, address_value, typed, Group};
use crate::formats::{
    AUTO_REPLY_FIELDS, AUTO_REPLY_SUBJECTS, BOUNCE_SENDERS, BOUNCE_SUBJECTS, COMMAND_PHRASES,
    DELAY_PHRASES, DSN_TEXT_FIELDS, FAILURE_PHRASES, FORMAT_MARKERS, REMOTE_HOST_INTRODUCERS,
    REPORTING_HOST_INTRODUCERS,
};
use crate::limits::{MAX_MESSAGE_BYTES, MAX_PARTS, MAX_RECIPIENTS, MAX_TEXT_BYTES};
use crate::scan::{self, contains_ci, find_ci, fold, host_at, starts_with_ci};
use crate::text::{self, Block};
use crate::{Action, Kind, Recipient, Report};

/// What the MIME walk collects from a message.
#[derive(Default)]
struct Parts {
    /// Bodies of `message/delivery-status` and `message/global-delivery-status` parts.
    dsn: Vec<String>,
    /// Body of the first `message/feedback-report` part.
    feedback: Option<String>,
    /// The human-readable report text (text parts, cut before any copy of the original).
    text: String,
    /// The first text part, uncut, for finding a report embedded in it.
    first_text: String,
    /// `text/html` parts, used only when there is no plain text.
    html: String,
    /// The `To` field of the returned message (attached or its headers).
    original_to: Option<String>,
    /// Whether the top-level type is `multipart/report` with `report-type=feedback-report`.
    feedback_report_type: bool,
}

fn push_capped(dst: &mut String, src: &str) {
    let room = MAX_TEXT_BYTES.saturating_sub(dst.len());
    let mut cut = src.len().min(room);
    while !src.is_char_boundary(cut) {
        cut -= 1;
    }
    dst.push_str(&src[..cut]);
    if !dst.ends_with('\n') && dst.len() < MAX_TEXT_BYTES {
        dst.push('\n');
    }
}

/// Text of an HTML part: tags dropped, block ends as newlines, common entities decoded.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len().min(MAX_TEXT_BYTES));
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |e| lt + e + 1);
        let tag = rest[lt..tag_end].to_ascii_lowercase();
        if ["<br", "<p", "</p", "<div", "</div", "<tr", "</tr", "<li"]
            .iter()
            .any(|t| tag.starts_with(t))
        {
            out.push('\n');
        }
        rest = &rest[tag_end..];
        if out.len() > MAX_TEXT_BYTES {
            break;
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn original_to_of(headers: &str) -> Option<String> {
    fields::groups(headers)
        .first()
        .and_then(|g| g.get("To").map(str::to_owned))
}

fn walk(msg: &mail_parser::Message<'_>) -> Parts {
    let mut p = Parts::default();
    if let Some(ct) = msg.root_part().content_type() {
        p.feedback_report_type = ct.ctype().eq_ignore_ascii_case("multipart")
            && ct
                .attribute("report-type")
                .is_some_and(|t| t.eq_ignore_ascii_case("feedback-report"));
    }
    for part in msg.parts.iter().take(MAX_PARTS) {
        let (ctype, subtype) = match part.content_type() {
            Some(ct) => (
                ct.ctype().to_ascii_lowercase(),
                ct.subtype().unwrap_or("").to_ascii_lowercase(),
            ),
            None => ("text".to_owned(), "plain".to_owned()),
        };
        match (ctype.as_str(), subtype.as_str(), &part.body) {
            (_, _, PartType::Multipart(_)) => {}
            ("message", "delivery-status" | "global-delivery-status", _)
            | ("text", "delivery-status", _) => {
                p.dsn
                    .push(String::from_utf8_lossy(part.contents()).into_owned());
            }
            ("message", "feedback-report", _) if p.feedback.is_none() => {
                p.feedback = Some(String::from_utf8_lossy(part.contents()).into_owned());
            }
            ("message", "feedback-report", _) => {}
            (_, _, PartType::Message(m)) => {
                p.original_to = p
                    .original_to
                    .take()
                    .or_else(|| m.header_raw("To").map(|t| t.trim().to_owned()));
            }
            ("text", "rfc822-headers", _) | ("message", "rfc822-headers", _) => {
                p.original_to = p
                    .original_to
                    .take()
                    .or_else(|| original_to_of(&String::from_utf8_lossy(part.contents())));
            }
            (_, _, PartType::Text(t)) => {
                if p.first_text.is_empty() {
                    push_capped(&mut p.first_text, t);
                }
                let cut = text::cut_original(t);
                if p.original_to.is_none() && cut.len() < t.len() {
                    p.original_to = original_to_of(cut_to_headers(&t[cut.len()..]));
                }
                push_capped(&mut p.text, cut);
            }
            (_, _, PartType::Html(h)) if p.text.is_empty() && p.html.len() < MAX_TEXT_BYTES => {
                let t = html_text(h);
                push_capped(&mut p.html, text::cut_original(&t));
            }
            _ => {}
        }
    }
    p
}

/// The header block of a returned message copied into text: from its first field line.
fn cut_to_headers(rest: &str) -> &str {
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        let is_field = line.split_once(':').is_some_and(|(n, _)| {
            !n.is_empty() && n.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
        });
        if is_field {
            return &rest[at..];
        }
        at += line.len();
    }
    ""
}

/// The MIME structure of `raw`. mail-parser 0.11.9 has a `debug_assert!` that some
/// malformed multipart messages reach ("Invalid part ID, could not find multipart."; found
/// by fuzzing): release builds skip it and recover, debug builds would panic. The panic is
/// caught here so that a debug build reads such a message as "not a report" instead of
/// failing; with `panic = "abort"` nothing can catch it, and only debug builds are affected.
fn parse_mime(raw: &[u8]) -> Option<mail_parser::Message<'_>> {
    std::panic::catch_unwind(|| parser().parse(raw))
        .ok()
        .flatten()
}

/// The MIME parser, built once: MIME headers plus the few the reader reads structured
/// (`Date`, `Subject`, `From`, `Reply-To`, `To`, `Cc`, `Bcc`); every other field stays raw
/// (`header_raw` reads it). Tokenizing the `Received` fields of the report and of the
/// returned message was a sixth of the reading time, for nothing the reader uses.
fn parser() -> &'static MessageParser {
    static PARSER: std::sync::OnceLock<MessageParser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| MessageParser::new().with_minimal_headers())
}

/// Reads a whole message (RFC 5322 bytes) into a [`Report`]. Never panics; reads at most
/// [`MAX_MESSAGE_BYTES`](crate::limits::MAX_MESSAGE_BYTES).
pub fn read_message(raw: &[u8]) -> Report {
    read_at(raw, 0)
}

/// Where a whole report (headers and all) is pasted into a text part: the start of its
/// header block, found from its `Content-Type: multipart/report` line.
fn embedded_report(text: &str) -> Option<&str> {
    let at = [
        "\ncontent-type: multipart/report",
        "\ncontent-type: message/delivery-status",
    ]
    .iter()
    .find_map(|m| find_ci(text, m, 0))?;
    let start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let block = &text[start..];
    let block = match block.strip_prefix("From ") {
        Some(_) => block.split_once('\n').map_or("", |(_, rest)| rest),
        None => block,
    };
    Some(block)
}

/// How deep reports pasted into reports are followed.
const MAX_EMBEDDED_DEPTH: usize = 2;

fn read_at(raw: &[u8], depth: usize) -> Report {
    let raw = &raw[..raw.len().min(MAX_MESSAGE_BYTES)];
    let Some(msg) = parse_mime(raw) else {
        return Report::not_report();
    };
    let header = |name: &str| msg.header_raw(name).map(fold).filter(|v| !v.is_empty());
    let subject = msg.subject().map(fold);
    let from = msg
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_owned);
    let from_raw = msg.header_raw("From").map(str::to_owned);
    let to = msg
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_owned);
    let mut parts = walk(&msg);
    // A provider's JSON notification mailed as the body (Amazon SES through SNS e-mail).
    let body = parts.first_text.trim();
    if parts.dsn.is_empty() && body.starts_with('{') {
        // Mail transports fold long lines; a folded JSON string is unfolded before a retry.
        let reports = crate::webhook::read_webhook(body.as_bytes()).or_else(|_| {
            let unfolded = body.replace("\r\n", "\n").replace("\n ", "");
            crate::webhook::read_webhook(unfolded.as_bytes())
        });
        if let Ok(reports) = reports {
            if let Some(mut report) = reports.into_iter().next() {
                report.date = msg.header_raw("Date").map(fold);
                report.subject = msg.subject().map(fold);
                return report;
            }
        }
    }
    if parts.dsn.is_empty() && parts.feedback.is_none() && depth < MAX_EMBEDDED_DEPTH {
        if let Some(inner) = embedded_report(&parts.first_text) {
            let report = read_at(inner.as_bytes(), depth + 1);
            if report.kind != Kind::NotReport {
                return report;
            }
        }
    }
    if parts.text.trim().is_empty() && !parts.html.is_empty() {
        parts.text = core::mem::take(&mut parts.html);
    }
    let mut report = Report {
        kind: Kind::NotReport,
        format: None,
        reporting_host: None,
        arrival_date: None,
        date: header("Date"),
        subject: subject.clone(),
        recipients: Vec::new(),
    };
    let text_lower = scan::Lowered::new(&parts.text);
    let dsn_lower: Vec<scan::Lowered> = parts.dsn.iter().map(|d| scan::Lowered::new(d)).collect();
    report.format = FORMAT_MARKERS
        .iter()
        .find(|(_, m)| text_lower.has(m) || dsn_lower.iter().any(|d| d.has(m)))
        .map(|(name, _)| *name);

    if parts.feedback.is_some() || parts.feedback_report_type {
        complaint(&mut report, &parts);
        return report;
    }

    let exclude: Vec<String> = from.iter().chain(to.iter()).cloned().collect();
    let blocks = text::blocks(&parts.text, &exclude);

    // Machine-readable fields: the delivery-status parts, or fields written into the text.
    let mut groups: Vec<Group> = parts.dsn.iter().flat_map(|d| fields::groups(d)).collect();
    if groups.is_empty()
        && DSN_TEXT_FIELDS
            .iter()
            .any(|f| has_line_starting(&parts.text, f))
    {
        groups = fields::groups(&parts.text);
    }
    let per_message = groups.iter().find(|g| !is_recipient_group(g));
    if let Some(g) = per_message {
        report.reporting_host = g.get("Reporting-MTA").map(|v| typed(v).1.to_owned());
        report.arrival_date = g.get("Arrival-Date").map(str::to_owned);
    }
    if report.reporting_host.is_none() {
        report.reporting_host = reporting_host_in(&parts.text, &text_lower);
    }
    let delay_words = DELAY_PHRASES.iter().any(|p| text_lower.has(p))
        || subject
            .as_deref()
            .is_some_and(|s| contains_ci(s, "(delay)") || contains_ci(s, "delayed"));

    // A diagnostic that the text gives once for all recipients ("Could not be delivered
    // because of 550 5.1.1 User unknown", before the list of addresses) applies to every
    // recipient whose own block says nothing.
    let recipient_groups = groups.iter().filter(|g| is_recipient_group(g)).count();
    let blocks_silent = blocks.iter().all(|b| scan::replies(&b.text).is_empty());
    let shared = if recipient_groups <= 1 || blocks_silent {
        parts.text.as_str()
    } else {
        ""
    };
    for g in groups
        .iter()
        .filter(|g| is_recipient_group(g))
        .take(MAX_RECIPIENTS)
    {
        report.recipients.push(from_group(g, &blocks, shared));
    }

    let bounce_like = is_bounce_sender(from_raw.as_deref())
        || subject
            .as_deref()
            .is_some_and(|s| BOUNCE_SUBJECTS.iter().any(|p| contains_ci(s, p)));
    if report.recipients.is_empty()
        && parts.dsn.is_empty()
        && is_auto_reply(&msg, subject.as_deref())
        && !bounce_like
    {
        report.kind = Kind::AutoReply;
        report.recipients.push(Recipient {
            recipient: from.clone(),
            ..empty_recipient()
        });
        return report;
    }

    if report.recipients.is_empty() {
        let failure_words = FAILURE_PHRASES.iter().any(|p| text_lower.has(p));
        let by_sender = is_bounce_sender(from_raw.as_deref());
        let by_subject = subject
            .as_deref()
            .is_some_and(|s| BOUNCE_SUBJECTS.iter().any(|p| contains_ci(s, p)));
        let is_bounce =
            (by_sender && by_subject) || (bounce_like && (failure_words || !blocks.is_empty()));
        if !is_bounce && parts.dsn.is_empty() {
            return report;
        }
        let action = if delay_words && !text_lower.has("permanent") {
            Action::Delayed
        } else {
            Action::Failed
        };
        let mut found: Vec<Block> = blocks;
        if found.is_empty() {
            let listed = header("X-Failed-Recipients").or(parts.original_to.clone());
            let addrs: Vec<String> = listed
                .as_deref()
                .map(|l| {
                    scan::addresses(l)
                        .map(|(s, e)| l[s..e].to_owned())
                        .collect()
                })
                .unwrap_or_default();
            let whole = parts.text.clone();
            found = addrs
                .into_iter()
                .map(|a| Block {
                    address: a,
                    text: whole.clone(),
                })
                .collect();
            if found.is_empty() {
                found.push(Block {
                    address: String::new(),
                    text: whole,
                });
            }
        }
        let shared = if found.len() <= 1 || blocks_silent {
            parts.text.as_str()
        } else {
            ""
        };
        for b in found.iter().take(MAX_RECIPIENTS) {
            report.recipients.push(from_text(b, action, shared));
        }
    }

    report.kind = kind_of(&report.recipients);
    report
}

fn has_line_starting(text: &str, prefix: &str) -> bool {
    text.lines().any(|l| starts_with_ci(l, prefix))
}

fn is_recipient_group(g: &Group) -> bool {
    g.has("Final-Recipient") || g.has("Original-Recipient")
}

/// Whether the `From` field (raw, as some bounces write a bare `mailer-daemon`) names a
/// bounce sender.
fn is_bounce_sender(from_raw: Option<&str>) -> bool {
    let Some(from) = from_raw else { return false };
    let addr = scan::first_address(from).unwrap_or(from);
    let local = addr.split('@').next().unwrap_or("");
    let local = local
        .rsplit(['<', ' ', '"'])
        .next()
        .unwrap_or(local)
        .trim()
        .to_ascii_lowercase();
    BOUNCE_SENDERS.iter().any(|s| local == *s) || local.starts_with("mailer-daemon")
}

fn is_auto_reply(msg: &mail_parser::Message<'_>, subject: Option<&str>) -> bool {
    let by_field = AUTO_REPLY_FIELDS.iter().any(|(name, value)| {
        msg.header_raw(*name)
            .is_some_and(|v| value.is_empty() || contains_ci(v, value))
    });
    by_field || subject.is_some_and(|s| AUTO_REPLY_SUBJECTS.iter().any(|p| contains_ci(s, p)))
}

pub(crate) fn kind_of(recipients: &[Recipient]) -> Kind {
    let has = |a: Action| recipients.iter().any(|r| r.action == Some(a));
    if has(Action::Failed) {
        Kind::Bounce
    } else if has(Action::Delayed) {
        Kind::Delay
    } else if has(Action::Delivered) || has(Action::Relayed) || has(Action::Expanded) {
        Kind::SuccessNotice
    } else if recipients.is_empty() {
        Kind::NotReport
    } else {
        Kind::Bounce
    }
}

fn complaint(report: &mut Report, parts: &Parts) {
    report.kind = Kind::Complaint;
    let g = parts
        .feedback
        .as_deref()
        .map(fields::groups)
        .and_then(|gs| gs.into_iter().next())
        .unwrap_or_default();
    let feedback_type = g.get("Feedback-Type").map(|v| v.to_ascii_lowercase());
    report.reporting_host = g.get("Reporting-MTA").map(|v| typed(v).1.to_owned());
    report.arrival_date = g
        .get("Arrival-Date")
        .or(g.get("Received-Date"))
        .map(str::to_owned);
    let mut addrs: Vec<String> = g
        .all("Original-Rcpt-To")
        .filter_map(address_value)
        .collect();
    if addrs.is_empty() {
        addrs = g
            .all("Removal-Recipient")
            .filter_map(address_value)
            .collect();
    }
    if addrs.is_empty() {
        if let Some(to) = &parts.original_to {
            addrs = scan::addresses(to)
                .map(|(s, e)| to[s..e].to_owned())
                .collect();
        }
    }
    if addrs.is_empty() {
        addrs.push(String::new());
    }
    for a in addrs.into_iter().take(MAX_RECIPIENTS) {
        report.recipients.push(Recipient {
            recipient: (!a.is_empty()).then_some(a),
            feedback_type: feedback_type.clone(),
            remote_host: g.get("Source-IP").map(str::to_owned),
            ..empty_recipient()
        });
    }
}

pub(crate) fn empty_recipient() -> Recipient {
    Recipient {
        recipient: None,
        original_recipient: None,
        action: None,
        status: None,
        reply_code: None,
        replies: Vec::new(),
        diagnostic: None,
        command: None,
        remote_host: None,
        last_attempt_date: None,
        feedback_type: None,
        classification: None,
        assumed_code: false,
    }
}

pub(crate) fn parse_status(value: &str) -> Option<EnhancedCode> {
    let v = value.trim();
    let end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len());
    EnhancedCode::from_bytes(&v.as_bytes()[..end]).ok()
}

/// One recipient from a delivery-status field group, completed from the text block about
/// the same address.
fn from_group(g: &Group, blocks: &[Block], shared: &str) -> Recipient {
    let final_rcpt = g
        .get("Final-Recipient")
        .and_then(address_value)
        .or_else(|| g.get("X-Actual-Recipient").and_then(address_value));
    let original = g.get("Original-Recipient").and_then(address_value);
    let address = final_rcpt.clone().or(original.clone());
    let block = address
        .as_deref()
        .and_then(|a| blocks.iter().find(|b| b.address.eq_ignore_ascii_case(a)));
    let status_field = g.get("Status").and_then(parse_status);
    let diag = g.get("Diagnostic-Code").map(|d| typed(d).1.to_owned());
    let action = g
        .get("Action")
        .and_then(Action::from_field)
        .or_else(|| status_field.map(action_of_class))
        .or(Some(Action::Failed));
    let mut r = Recipient {
        recipient: address,
        original_recipient: original.filter(|o| Some(o) != final_rcpt.as_ref()),
        action,
        last_attempt_date: g.get("Last-Attempt-Date").map(str::to_owned),
        remote_host: g
            .get("Remote-MTA")
            .map(|v| typed(v).1.to_owned())
            .filter(|v| !v.is_empty()),
        ..empty_recipient()
    };
    let block_text = block.map(|b| b.text.as_str()).unwrap_or("");
    complete(&mut r, status_field, diag.as_deref(), block_text, shared);
    r
}

fn action_of_class(s: EnhancedCode) -> Action {
    if s.is_success() {
        Action::Delivered
    } else if s.is_transient() {
        Action::Delayed
    } else {
        Action::Failed
    }
}

/// One recipient from the report's text.
fn from_text(b: &Block, action: Action, shared: &str) -> Recipient {
    let mut r = Recipient {
        recipient: (!b.address.is_empty()).then(|| b.address.clone()),
        action: Some(action),
        ..empty_recipient()
    };
    complete(&mut r, None, None, &b.text, shared);
    r
}

/// Fills in the replies, status, command, remote host and classification from the
/// `Status` field, the `Diagnostic-Code` text and the recipient's text block.
pub(crate) fn complete(
    r: &mut Recipient,
    status_field: Option<EnhancedCode>,
    diag: Option<&str>,
    block: &str,
    shared: &str,
) {
    let diag = diag.filter(|d| !d.trim().is_empty());
    let mut replies = diag.map(scan::replies).unwrap_or_default();
    let in_diag = replies
        .iter()
        .rev()
        .find_map(|x| x.enhanced)
        .or_else(|| diag.and_then(|d| scan::enhanced_codes(d).last()));
    if replies.is_empty() {
        replies = scan::replies(block);
    }
    let silent = replies.is_empty() && scan::enhanced_codes(block).next().is_none();
    let block = if silent && !shared.is_empty() {
        replies = scan::replies(shared);
        if block.trim().is_empty() || !replies.is_empty() {
            shared
        } else {
            block
        }
    } else {
        block
    };
    let evidence: Cow<'_, str> = match diag {
        Some(d) if block.is_empty() => Cow::Borrowed(d),
        Some(d) => Cow::Owned(format!("{d}\n{block}")),
        None => Cow::Borrowed(block),
    };
    // The innermost reply is the remote server's own; outer ones are the reporter's summary.
    let reply_code = replies.iter().rev().find_map(|x| x.code);
    let in_block = || {
        replies
            .iter()
            .rev()
            .find_map(|x| x.enhanced)
            .or_else(|| scan::enhanced_codes(block).next())
    };
    // The remote server's own code (in the diagnostic) beats the reporter's summary; a
    // generic `X.0.0` summary also yields to a precise code in the text about the recipient.
    r.status = match (status_field, in_diag) {
        (_, Some(t)) => Some(t),
        (Some(f), None) => match in_block() {
            Some(t)
                if f.subject() == 0
                    && f.detail() == 0
                    && t.subject() != 0
                    && t.class() == f.class() =>
            {
                Some(t)
            }
            _ => Some(f),
        },
        (None, None) => in_block(),
    };
    r.reply_code = reply_code;
    let ev_lower = scan::Lowered::new(&evidence);
    r.command = COMMAND_PHRASES
        .iter()
        .find(|(p, _)| ev_lower.has(p))
        .map(|(_, c)| *c);
    if r.remote_host.is_none() {
        r.remote_host = remote_host_in(&evidence, &ev_lower);
    }
    r.diagnostic = diag
        .map(fold)
        .or_else(|| replies.first().map(|x| x.text.clone()))
        .or_else(|| Some(fold(block)).filter(|t| !t.is_empty()));
    r.replies = replies;
    // The classifier reads the remote server's words: the diagnostic when the report has
    // one, else the recipient's text.
    let (classification, assumed) = classify_recipient(&Evidence {
        reply_code,
        status: r.status,
        action: r.action,
        text: r.diagnostic.as_deref().unwrap_or(""),
        command: r.command,
        remote_host: r.remote_host.as_deref(),
    });
    r.classification = Some(classification);
    r.assumed_code = assumed;
}

fn remote_host_in(text: &str, lower: &scan::Lowered) -> Option<String> {
    for intro in REMOTE_HOST_INTRODUCERS {
        let mut from = 0;
        while let Some(i) = lower.find(intro, from) {
            from = i + intro.len();
            let word_start = i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric();
            if !word_start {
                continue;
            }
            if let Some(h) = host_at(&text[from..]) {
                return Some(h.to_owned());
            }
        }
    }
    None
}

fn reporting_host_in(text: &str, lower: &scan::Lowered) -> Option<String> {
    REPORTING_HOST_INTRODUCERS.iter().find_map(|intro| {
        let i = lower.find(intro, 0)?;
        host_at(&text[i + intro.len()..]).map(str::to_owned)
    })
}
