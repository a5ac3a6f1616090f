//! What the classifier may know besides the reply: the command it answered and the host that
//! sent it.
//!
//! ```
//! use smtp_codes::classify::{Classifier, Context, ContextRule, DecidedBy, Outcome};
//! use smtp_codes::{Command, Reason, Reply};
//!
//! // RFC 5321 section 4.5.3.1.10: 552 in reply to RCPT TO is "too many recipients", a 452.
//! let reply = Reply::parse("552 Requested mail action aborted").unwrap();
//! let c = Classifier::new().classify_with(&reply, &Context::new().with_command(Command::Rcpt));
//! assert_eq!(c.outcome, Outcome::Transient);
//! assert_eq!(c.reason, Reason::TooManyRecipients);
//! assert_eq!(c.decided_by, DecidedBy::Context(ContextRule::RcptTooManyRecipients));
//!
//! // The remote host says whose reply it is: Gmail's meaning of a registered code applies
//! // only to Gmail's replies.
//! let reply = Reply::parse("534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired").unwrap();
//! assert_eq!(Classifier::new().classify(&reply).vendor, None);
//! let ctx = Context::new().with_remote_host("smtp.gmail.com");
//! let c = Classifier::new().classify_with(&reply, &ctx);
//! assert_eq!(c.vendor.map(|e| e.vendor.slug), Some("google-gmail"));
//! assert!(matches!(c.decided_by, DecidedBy::VendorCode(_)));
//! ```
//!
//! (Hand-written.)

use core::fmt;

use crate::{Command, Reason, ReplyCode};

/// What the reply answered and where it came from; every part is optional
/// ([`Context::default`] knows nothing, and classifies as the context-free methods do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context<'h> {
    /// The command the reply answered (`DATA` also for the reply after the
    /// message's final dot, `CONNECT` for the greeting).
    pub command: Option<Command>,
    /// The name of the server that sent the reply (`gmail-smtp-in.l.google.com`): a host
    /// under one of a vendor's [`hosts`](crate::vendor::Vendor::hosts) identifies the reply
    /// as that vendor's.
    pub remote_host: Option<&'h str>,
}

impl<'h> Context<'h> {
    /// Nothing known.
    pub const fn new() -> Context<'h> {
        Context {
            command: None,
            remote_host: None,
        }
    }

    /// This context, answering `command`.
    pub const fn with_command(self, command: Command) -> Context<'h> {
        Context {
            command: Some(command),
            ..self
        }
    }

    /// This context, from `host`.
    pub const fn with_remote_host(self, host: &'h str) -> Context<'h> {
        Context {
            remote_host: Some(host),
            ..self
        }
    }

    /// Whether the command is the one the registry names `name` (compared by name: the
    /// commands are data).
    fn command_is(&self, names: &[&str]) -> bool {
        self.command.is_some_and(|c| names.contains(&c.as_str()))
    }

    /// 552 in reply to RCPT TO.
    pub(crate) fn too_many_recipients(&self, code: ReplyCode) -> bool {
        self.command_is(&["RCPT"]) && code.as_u16() == 552
    }

    /// The rule that applies to a failure reply, if any.
    pub(crate) fn rule_for(&self, code: ReplyCode) -> Option<ContextRule> {
        if self.too_many_recipients(code) {
            Some(ContextRule::RcptTooManyRecipients)
        } else if self.command_is(&["DATA", "BDAT"]) && code.first_digit() == 5 {
            Some(ContextRule::DataRejected)
        } else {
            None
        }
    }
}

/// A rule the [`Context`] applies when the codes say little.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContextRule {
    /// 552 in reply to `RCPT TO`: too many recipients, treated as 452 (transient), per
    /// [RFC 5321 section 4.5.3.1.10](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.5.3.1.10).
    RcptTooManyRecipients,
    /// A permanent (5yz) rejection in reply to `DATA` or `BDAT` (the message's content): a
    /// content rejection.
    DataRejected,
}

impl ContextRule {
    /// The reason the rule gives: `too_many_recipients` or `content_rejected` (`None` only
    /// for a registry whose taxonomy lacks it, where the rule does not apply).
    pub fn reason(self) -> Option<Reason> {
        Reason::from_id(match self {
            ContextRule::RcptTooManyRecipients => "too_many_recipients",
            ContextRule::DataRejected => "content_rejected",
        })
    }

    /// `"rcpt_too_many_recipients"` or `"data_rejected"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ContextRule::RcptTooManyRecipients => "rcpt_too_many_recipients",
            ContextRule::DataRejected => "data_rejected",
        }
    }
}

impl fmt::Display for ContextRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContextRule::RcptTooManyRecipients => f.write_str(
                "the context: 552 in reply to RCPT TO, too many recipients (RFC 5321 section 4.5.3.1.10: treated as 452)",
            ),
            ContextRule::DataRejected => {
                f.write_str("the context: a permanent rejection in reply to DATA, the content")
            }
        }
    }
}
