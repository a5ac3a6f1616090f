//! From a bounce message to a decision.
//!
//! [`read_message`] takes a whole message (RFC 5322 bytes), decides what kind of message it
//! is ([`Kind`]: a bounce, a delay notice, a success notice, an auto-reply, a complaint, or
//! not a report) and reports one [`Recipient`] per address it is about: the final and
//! original recipient, the action, the enhanced status code, the remote server's replies
//! (outer and nested), the SMTP command they answered, the hosts and dates, and what the
//! failure means, classified by [`smtp_codes::classify`].
//!
//! Standard reports are read field by field: RFC 3464 `message/delivery-status`, RFC 6533
//! `message/global-delivery-status`, inside RFC 6522 `multipart/report`, and RFC 5965
//! `message/feedback-report` complaints. The home-grown reports of Postfix, qmail, Exim,
//! Sendmail, Exchange, Gmail and others are read by one general text reader driven by the
//! tables in [`formats`] (generated from `data/bounce-formats.yaml`): markers, labels and
//! phrases, not one module per vendor.
//!
//! ```
//! let raw = b"From: MAILER-DAEMON@mx.example.jp\r\nSubject: failure notice\r\nTo: a@example.org\r\n\r\n\
//! Hi. This is the qmail-send program at mx.example.jp.\r\n\
//! I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\r\n\
//! <kijitora@example.jp>:\r\n192.0.2.1 does not like recipient.\r\n\
//! Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown\r\n";
//! let report = smtp_bounce::read_message(raw);
//! assert_eq!(report.kind, smtp_bounce::Kind::Bounce);
//! let r = &report.recipients[0];
//! assert_eq!(r.recipient.as_deref(), Some("kijitora@example.jp"));
//! assert_eq!(r.status.map(|s| s.to_string()).as_deref(), Some("5.1.1"));
//! assert_eq!(r.reply_code.map(|c| c.as_u16()), Some(550));
//! assert_eq!(r.classification.unwrap().reason, smtp_codes::Reason::UnknownUser);
//! ```
//!
//! Hostile input never panics, and the work and memory one message may cost are bounded
//! ([`limits`]).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod formats;
mod input;
pub mod limits;
pub mod mbox;
mod tables;

mod classify;
mod fields;
mod read;
mod scan;
mod text;
pub mod webhook;

#[cfg(feature = "json")]
pub mod json;

use smtp_codes::classify::Classification;
use smtp_codes::{Command, EnhancedCode, ReplyCode};

pub use input::{read_input, InputKind};
pub use read::read_message;

/// What a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A report that delivery failed for at least one recipient.
    Bounce,
    /// A report that delivery is delayed and still being tried.
    Delay,
    /// A report that delivery succeeded (delivered, relayed or expanded).
    SuccessNotice,
    /// An automatic reply (RFC 3834), such as an out-of-office message.
    AutoReply,
    /// A complaint (Abuse Reporting Format, RFC 5965).
    Complaint,
    /// None of the above.
    NotReport,
}

impl Kind {
    /// `"bounce"`, `"delay"`, `"success_notice"`, `"auto_reply"`, `"complaint"` or
    /// `"not_report"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Bounce => "bounce",
            Kind::Delay => "delay",
            Kind::SuccessNotice => "success_notice",
            Kind::AutoReply => "auto_reply",
            Kind::Complaint => "complaint",
            Kind::NotReport => "not_report",
        }
    }
}

/// What happened to a recipient (RFC 3464 section 2.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Delivery failed and will not be tried again.
    Failed,
    /// Delivery is delayed; it will be tried again.
    Delayed,
    /// Delivered.
    Delivered,
    /// Relayed to a system that sends no reports.
    Relayed,
    /// Delivered, and forwarded to more addresses.
    Expanded,
}

impl Action {
    /// The RFC 3464 keyword: `"failed"`, `"delayed"`, `"delivered"`, `"relayed"`,
    /// `"expanded"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Action::Failed => "failed",
            Action::Delayed => "delayed",
            Action::Delivered => "delivered",
            Action::Relayed => "relayed",
            Action::Expanded => "expanded",
        }
    }

    /// Reads an `Action:` value, tolerating the variants servers write ("failure").
    pub fn from_field(value: &str) -> Option<Action> {
        let v = value
            .trim()
            .split([' ', '(', ';'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Some(match v.as_str() {
            "failed" | "failure" | "fail" | "error" => Action::Failed,
            "delayed" | "delay" => Action::Delayed,
            "delivered" | "deliverable" => Action::Delivered,
            "relayed" => Action::Relayed,
            "expanded" => Action::Expanded,
            _ => return None,
        })
    }
}

/// A server reply quoted in a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerReply {
    /// The 3-digit reply code, if the report gives one.
    pub code: Option<ReplyCode>,
    /// The enhanced status code right after the reply code, if any.
    pub enhanced: Option<EnhancedCode>,
    /// The reply's text, whitespace folded, starting at the reply code.
    pub text: String,
}

/// What a report says about one recipient.
#[derive(Debug, Clone, PartialEq)]
pub struct Recipient {
    /// The address the report is about (`Final-Recipient`, or the address the text names).
    pub recipient: Option<String>,
    /// The address as the sender gave it (`Original-Recipient`), when different.
    pub original_recipient: Option<String>,
    /// What happened; `None` for complaints and auto-replies.
    pub action: Option<Action>,
    /// The enhanced status code that the report gives for the recipient: the `Status:` field,
    /// or the code in the remote server's reply when the field is a generic `X.0.0` or
    /// absent.
    pub status: Option<EnhancedCode>,
    /// The remote server's reply code, if the report quotes one.
    pub reply_code: Option<ReplyCode>,
    /// The remote server's replies found for this recipient, outer first; a report that
    /// wraps one reply in another ("Remote Server returned '550 5.1.1 ...'") lists both.
    pub replies: Vec<ServerReply>,
    /// The diagnostic text: the `Diagnostic-Code` value, or the report's words.
    pub diagnostic: Option<String>,
    /// The SMTP command the reply answered, when the report says.
    pub command: Option<Command>,
    /// The remote server (`Remote-MTA`, or the host the text names).
    pub remote_host: Option<String>,
    /// `Last-Attempt-Date`, as written.
    pub last_attempt_date: Option<String>,
    /// For complaints, the ARF `Feedback-Type` (`abuse`, `opt-out`, ...).
    pub feedback_type: Option<String>,
    /// What the failure means, for bounces and delays.
    pub classification: Option<Classification<'static>>,
    /// Whether the classification had to assume a reply code (from the status class or
    /// the action) because the report quotes none.
    pub assumed_code: bool,
}

/// What a message is and what it says, per recipient.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The kind of message.
    pub kind: Kind,
    /// The server or provider whose format was recognised, if any.
    pub format: Option<&'static str>,
    /// The host that wrote the report (`Reporting-MTA`, or named in the text).
    pub reporting_host: Option<String>,
    /// `Arrival-Date`, as written.
    pub arrival_date: Option<String>,
    /// The report's `Date` header, as written.
    pub date: Option<String>,
    /// The report's subject.
    pub subject: Option<String>,
    /// One entry per recipient, in the order the report lists them.
    pub recipients: Vec<Recipient>,
}

impl Report {
    fn not_report() -> Report {
        Report {
            kind: Kind::NotReport,
            format: None,
            reporting_host: None,
            arrival_date: None,
            date: None,
            subject: None,
            recipients: Vec::new(),
        }
    }

    /// The recipients whose delivery failed.
    pub fn failed(&self) -> impl Iterator<Item = &Recipient> {
        self.recipients
            .iter()
            .filter(|r| r.action == Some(Action::Failed))
    }
}
