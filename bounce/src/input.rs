//! What an input holds: one message, an mbox file, or an ESP webhook body, told apart by
//! its first bytes, and read into one [`Report`] per message or event.

use crate::webhook::{self, WebhookError};
use crate::{mbox, read_message, Report};

/// The shape of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// One RFC 5322 message.
    Message,
    /// An mbox file: messages each after a `From ` line.
    Mbox,
    /// A webhook body: a JSON object or array (first byte after white space `{` or `[`).
    Webhook,
}

impl InputKind {
    /// Tells the shape of `input` from its first bytes.
    pub fn of(input: &[u8]) -> InputKind {
        let start = input
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(input.len());
        match input.get(start) {
            Some(b'{' | b'[') => InputKind::Webhook,
            _ if input.starts_with(b"From ") => InputKind::Mbox,
            _ => InputKind::Message,
        }
    }
}

/// One report per message in `input`, whatever it holds: an mbox file gives one per
/// message, read as the iterator advances (so a large mbox never holds more than one
/// report at a time); a webhook body gives one per event, or an error when it is not a
/// webhook body this crate reads; anything else is one message.
///
/// ```
/// let mbox = b"From a@b Thu Jan  1 00:00:00 2026\nSubject: hello\n\nhi\n\n\
/// From c@d Thu Jan  1 00:00:01 2026\nSubject: hello again\n\nhi\n";
/// let reports: Vec<_> = smtp_bounce::read_input(mbox).unwrap().collect();
/// assert_eq!(reports.len(), 2);
/// assert!(smtp_bounce::read_input(b"{\"not\": \"a webhook\"}").is_err());
/// ```
pub fn read_input(input: &[u8]) -> Result<Box<dyn Iterator<Item = Report> + '_>, WebhookError> {
    Ok(match InputKind::of(input) {
        InputKind::Webhook => Box::new(webhook::read_webhook(input)?.into_iter()),
        InputKind::Mbox => Box::new(mbox::split(input).map(read_message)),
        InputKind::Message => Box::new(core::iter::once(read_message(input))),
    })
}
