//! The JSON object `smtp-explain --message --json PATH` prints for one message: its `kind`
//! and, in the order the report lists them, one object per recipient.
//!
//! Every recipient object has the same keys, `null` where a value does not apply:
//!
//! | key | value |
//! |---|---|
//! | `recipient`, `original_recipient` | the addresses |
//! | `action` | `failed`, `delayed`, `delivered`, `relayed`, `expanded`, or `null` (complaints, auto-replies) |
//! | `status` | the enhanced status code as `"5.1.1"` |
//! | `basic` | the reply code the report quotes, as a number |
//! | `reason`, `bounce`, `retry`, `side` | the classification by `smtp_codes` (reason identifier, `hard`/`soft`/`none`, retry advice, whose side) |
//! | `retry_policy` | what to do next time ([`retry_policy`]: the same object as `smtp-explain --json` prints for a reply), or `null` |
//! | `sisimai_reason` | the corresponding Sisimai reason (`feedback` for complaints, `vacation` for auto-replies) |
//! | `crosswalk` | the reason's category in the bounce schemes of other systems (`amazon_ses`, `sendgrid`, `postmark`, `mailgun`, `sparkpost`, `kumomta`, `powermta`; `smtp_codes::Crosswalk`), or `null` when the reason is not a failure |
//! | `command` | the SMTP command the reply answered (`RCPT`, `DATA`, ...) |
//! | `remote_host` | the remote server |
//! | `diagnostic` | the diagnostic text |
//! | `replies` | the server replies found, outer first: `{"basic", "status", "text"}` |
//! | `last_attempt_date`, `feedback_type` | as reported |
//!
//! The message object holds `kind` (`bounce`, `delay`, `success_notice`, `auto_reply`,
//! `complaint`, `not_report`), `format`, `reporting_host`, `arrival_date`, `date`,
//! `subject` and `recipients`. Keys are sorted (serde_json's map), so the output is stable.
//!
//! ```
//! let raw = b"From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n\
//! <bob@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>:\r\n\
//!     Recipient address rejected: User unknown (in reply to RCPT TO command)\r\n";
//! let v = smtp_bounce::json::explain_message(raw);
//! assert_eq!(v["kind"], "bounce");
//! let r = &v["recipients"][0];
//! assert_eq!((r["status"].as_str(), r["basic"].as_u64()), (Some("5.1.1"), Some(550)));
//! assert_eq!((r["command"].as_str(), r["remote_host"].as_str()), (Some("RCPT"), Some("mx.example.com")));
//! assert_eq!((r["reason"].as_str(), r["sisimai_reason"].as_str()), (Some("unknown_user"), Some("userunknown")));
//! ```

use serde_json::{json, Value};

use crate::{read_input, read_message, webhook, Kind, Recipient, Report};

fn recipient(kind: Kind, r: &Recipient) -> Value {
    let c = r.classification.as_ref();
    let sisimai = match kind {
        Kind::Complaint => Some("feedback"),
        Kind::AutoReply => Some("vacation"),
        _ => c.and_then(|c| c.reason.sisimai()),
    };
    let replies: Vec<Value> = r
        .replies
        .iter()
        .map(|x| {
            json!({
                "basic": x.code.map(|c| c.as_u16()),
                "status": x.enhanced.map(|e| e.to_string()),
                "text": x.text,
            })
        })
        .collect();
    json!({
        "recipient": r.recipient,
        "original_recipient": r.original_recipient,
        "action": r.action.map(|a| a.as_str()),
        "status": r.status.map(|s| s.to_string()),
        "basic": r.reply_code.map(|c| c.as_u16()),
        "reason": c.map(|c| c.reason.id()),
        "bounce": c.map(|c| c.bounce.as_str()),
        "retry": c.map(|c| c.retry.as_str()),
        "side": c.map(|c| c.side.as_str()),
        "retry_policy": c.and_then(|c| c.retry_policy.as_ref()).map(retry_policy),
        "sisimai_reason": sisimai,
        "crosswalk": c.and_then(|c| c.reason.crosswalk()).map(|x| {
            x.schemes()
                .map(|(scheme, value)| (scheme.to_string(), Value::from(value)))
                .collect::<serde_json::Map<String, Value>>()
        }),
        "command": r.command.map(|c| c.as_str()),
        "remote_host": r.remote_host,
        "diagnostic": r.diagnostic,
        "replies": replies,
        "last_attempt_date": r.last_attempt_date,
        "feedback_type": r.feedback_type,
    })
}

/// What to do next time, as `smtp-explain --json` prints it: `retry` (`later`, `after_fix`,
/// `never`), durations in whole seconds (`first_after_secs`, `give_up_after_secs`),
/// `backoff`, `how`, `give_up_attempts`, `suppress_address`, and `source` (which level of
/// the data decided it).
pub fn retry_policy(p: &smtp_codes::classify::RetryPolicy) -> Value {
    json!({
        "retry": p.retry.as_str(),
        "first_after_secs": p.first_after.map(|d| d.as_secs()),
        "backoff": p.backoff,
        "how": p.how,
        "give_up_after_secs": p.give_up_after.map(|d| d.as_secs()),
        "give_up_attempts": p.give_up_attempts,
        "suppress_address": p.suppress_address,
        "source": p.source.as_str(),
    })
}

/// The JSON object for a report.
pub fn explain(report: &Report) -> Value {
    let recipients: Vec<Value> = report
        .recipients
        .iter()
        .map(|r| recipient(report.kind, r))
        .collect();
    json!({
        "kind": report.kind.as_str(),
        "format": report.format,
        "reporting_host": report.reporting_host,
        "arrival_date": report.arrival_date,
        "date": report.date,
        "subject": report.subject,
        "recipients": recipients,
    })
}

/// The JSON object for one message (RFC 5322 bytes).
pub fn explain_message(raw: &[u8]) -> Value {
    explain(&read_message(raw))
}

/// One JSON object per message in `input`, whatever it holds (see [`crate::read_input`]):
/// an mbox file gives one per message; a webhook body gives one per event, or an error;
/// anything else is one message.
pub fn explain_input(input: &[u8]) -> Result<Vec<Value>, webhook::WebhookError> {
    Ok(read_input(input)?.map(|r| explain(&r)).collect())
}
