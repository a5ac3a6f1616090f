//! The one place a recipient is classified.
//!
//! Every reader (standard reports, home-grown text, webhooks) ends in [`classify_recipient`],
//! which is given all the evidence the report holds about the failure, including the SMTP
//! command the reply answered and the remote host, which it hands to the classifier as its
//! [`Context`] (RFC 5321 section 4.5.3.1.10 for 552 after RCPT, a bare rejection after DATA as
//! content, the remote host choosing whose meaning of a code applies).

use smtp_codes::classify::{Classification, Classifier, Context};
use smtp_codes::{Command, EnhancedCode, ReplyCode};

use crate::Action;

/// What is known about one recipient's failure (or delivery).
pub(crate) struct Evidence<'a> {
    /// The remote server's reply code, when the report quotes one.
    pub reply_code: Option<ReplyCode>,
    /// The recipient's enhanced status code.
    pub status: Option<EnhancedCode>,
    /// What happened.
    pub action: Option<Action>,
    /// The remote server's words (the diagnostic), or the report's words about the recipient.
    pub text: &'a str,
    /// The SMTP command the reply answered, when the report says.
    pub command: Option<Command>,
    /// The remote server, when the report names it.
    pub remote_host: Option<&'a str>,
}

/// Classifies one recipient; the flag says whether the reply code had to be assumed (250,
/// 450 or 550 from the status class or the action) because the report quotes none.
pub(crate) fn classify_recipient(e: &Evidence<'_>) -> (Classification<'static>, bool) {
    let (code, assumed) = match (e.reply_code, e.status, e.action) {
        (Some(c), _, _) => (c, false),
        (None, Some(s), _) => (code_for_class(s.is_success(), s.is_transient()), true),
        (None, None, Some(Action::Delayed)) => (code_for_class(false, true), true),
        (None, None, Some(Action::Failed)) => (code_for_class(false, false), true),
        (None, None, _) => (code_for_class(true, false), true),
    };
    let mut context = Context::new();
    if let Some(command) = e.command {
        context = context.with_command(command);
    }
    if let Some(host) = e.remote_host {
        context = context.with_remote_host(host);
    }
    let c = Classifier::new().classify_text_with(code, e.status, e.text.as_bytes(), &context);
    (c, assumed)
}

/// The code the classifier is given when the report quotes none: 250, 450 or 550, the
/// generic code of the outcome.
fn code_for_class(success: bool, transient: bool) -> ReplyCode {
    let n = if success {
        250
    } else if transient {
        450
    } else {
        550
    };
    ReplyCode::from_u16(n).unwrap_or(ReplyCode::MAILBOX_UNAVAILABLE)
}
