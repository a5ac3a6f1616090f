//! ESP webhooks: the bounce, delay, delivery and complaint events that Amazon SES, SendGrid,
//! Mailgun, Postmark and SparkPost post as JSON, read into the same [`Report`]s as bounce
//! messages, one per event, with [`Report::format`] naming the provider.
//!
//! Field names follow each provider's documentation (read 2026-12-03):
//! - Amazon SES: "Amazon SNS notification contents for Amazon SES"
//!   (<https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html>): the
//!   `notificationType` (or `eventType` for event publishing) object with `bounce`
//!   (`bounceType`, `bouncedRecipients[]` of `emailAddress`, `action`, `status`,
//!   `diagnosticCode`, and `reportingMTA`, `remoteMtaIp`), `complaint`
//!   (`complainedRecipients[]`, `complaintFeedbackType`), `delivery` (`recipients[]`,
//!   `smtpResponse`) or `deliveryDelay` (`delayedRecipients[]`); as posted by SNS, the
//!   object is the string in the envelope's `Message` field.
//! - SendGrid: "Event Webhook Reference"
//!   (<https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event>): an array
//!   of events with `event` (`bounce`, `dropped`, `deferred`, `delivered`, `spamreport`),
//!   `email`, `status`, `reason`, `response`, `type` (`bounce` or `blocked`).
//! - Mailgun: "Webhook Payloads"
//!   (<https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-payloads>):
//!   `event-data` with `event` (`failed`, `rejected`, `delivered`, `complained`),
//!   `severity` (`permanent`, `temporary`), `recipient`, and `delivery-status` (`code`,
//!   `enhanced-code`, `message`, `description`, `mx-host`).
//! - Postmark: the bounce webhook and Bounce API object (`RecordType` `Bounce`, `Type`,
//!   `Email`, `Details`, `Description`, `BouncedAt`; `SpamComplaint`; `Delivery` with
//!   `Recipient` and `Details`), as in Postmark's official client libraries.
//! - SparkPost: the event webhook batch, an array of `{"msys": {"message_event": {...}}}`
//!   with `type` (`bounce`, `out_of_band`, `policy_rejection`, `delay`, `delivery`,
//!   `spam_complaint`), `rcpt_to`, `raw_reason`, `reason`, `error_code`, `bounce_class`.
//!
//! Events that say nothing about delivery (opens, clicks, "processed") are skipped.

use core::fmt;

use serde_json::Value;

use crate::fields::typed;
use crate::limits::{MAX_MESSAGE_BYTES, MAX_RECIPIENTS};
use crate::read::{complete, empty_recipient, kind_of, parse_status};
use crate::{Action, Kind, Recipient, Report};

/// Why a webhook body could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookError {
    what: String,
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

impl std::error::Error for WebhookError {}

fn err(what: impl Into<String>) -> WebhookError {
    WebhookError { what: what.into() }
}

/// Reads a webhook body (one event, an array of events, or an SNS envelope) into one
/// [`Report`] per delivery-related event.
pub fn read_webhook(body: &[u8]) -> Result<Vec<Report>, WebhookError> {
    if body.len() > MAX_MESSAGE_BYTES {
        return Err(err(format!(
            "the body is {} bytes; at most {MAX_MESSAGE_BYTES} are read",
            body.len()
        )));
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        err(format!(
            "not JSON: line {}, column {}: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let mut out = Vec::new();
    match &value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                match event(item) {
                    Ok(Some(r)) => out.push(r),
                    Ok(None) => {}
                    Err(e) => return Err(err(format!("event {}: {e}", i + 1))),
                }
            }
        }
        Value::Object(_) => out.extend(event(&value)?),
        _ => return Err(err("expected a JSON object or an array of events")),
    }
    Ok(out)
}

fn s<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str).filter(|x| !x.is_empty())
}

fn report(format: &'static str, kind: Kind, recipients: Vec<Recipient>) -> Report {
    let mut r = Report {
        kind,
        format: Some(format),
        reporting_host: None,
        arrival_date: None,
        date: None,
        subject: None,
        recipients,
    };
    r.recipients.truncate(MAX_RECIPIENTS);
    if kind == Kind::NotReport {
        r.kind = kind_of(&r.recipients);
    }
    r
}

/// One recipient of a failure, delay or delivery event, classified like a bounce message's.
fn delivery_recipient(
    address: Option<&str>,
    action: Action,
    status: Option<&str>,
    diagnostic: Option<&str>,
    remote_host: Option<&str>,
) -> Recipient {
    let mut r = Recipient {
        recipient: address.map(str::to_owned),
        action: Some(action),
        remote_host: remote_host.map(str::to_owned),
        ..empty_recipient()
    };
    let diag = diagnostic.map(|d| typed(d).1.to_owned());
    complete(
        &mut r,
        status.and_then(parse_status),
        diag.as_deref(),
        "",
        "",
    );
    r
}

fn complaint_recipient(address: Option<&str>, feedback_type: Option<&str>) -> Recipient {
    Recipient {
        recipient: address.map(str::to_owned),
        feedback_type: feedback_type.map(str::to_ascii_lowercase),
        ..empty_recipient()
    }
}

fn event(v: &Value) -> Result<Option<Report>, WebhookError> {
    // Amazon SNS envelope: the SES notification is a JSON string in `Message`.
    if s(v, "Type") == Some("Notification") {
        let inner: Value = s(v, "Message")
            .ok_or_else(|| err("an SNS notification without a Message"))
            .and_then(|m| {
                serde_json::from_str(m).map_err(|e| err(format!("SNS Message is not JSON: {e}")))
            })?;
        return event(&inner);
    }
    if v.get("notificationType").is_some() || v.get("eventType").is_some() {
        return ses(v);
    }
    if let Some(data) = v.get("event-data") {
        return mailgun(data);
    }
    if let Some(msys) = v.get("msys") {
        return Ok(msys
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(sparkpost));
    }
    if v.get("RecordType").is_some() {
        return Ok(postmark(v));
    }
    if v.get("sg_event_id").is_some() || (v.get("event").is_some() && v.get("email").is_some()) {
        return Ok(sendgrid(v));
    }
    if v.get("event").is_some() && v.get("recipient").is_some() {
        return mailgun(v);
    }
    Err(err(
        "not a webhook event of Amazon SES, SendGrid, Mailgun, Postmark or SparkPost",
    ))
}

fn ses(v: &Value) -> Result<Option<Report>, WebhookError> {
    let kind = s(v, "notificationType").or(s(v, "eventType")).unwrap_or("");
    let list = |obj: &Value, key: &str| {
        obj.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let mut rep = match kind {
        "Bounce" => {
            let b = v
                .get("bounce")
                .ok_or_else(|| err("a Bounce notification without `bounce`"))?;
            let remote = s(b, "remoteMtaIp");
            let rcpts = list(b, "bouncedRecipients")
                .iter()
                .map(|x| {
                    let action = s(x, "action")
                        .and_then(Action::from_field)
                        .unwrap_or(Action::Failed);
                    delivery_recipient(
                        s(x, "emailAddress"),
                        action,
                        s(x, "status"),
                        s(x, "diagnosticCode"),
                        remote,
                    )
                })
                .collect();
            let mut r = report("Amazon SES", Kind::NotReport, rcpts);
            r.reporting_host = s(b, "reportingMTA").map(|m| typed(m).1.to_owned());
            r.date = s(b, "timestamp").map(str::to_owned);
            r
        }
        "DeliveryDelay" => {
            let d = v
                .get("deliveryDelay")
                .ok_or_else(|| err("a DeliveryDelay event without `deliveryDelay`"))?;
            let rcpts = list(d, "delayedRecipients")
                .iter()
                .map(|x| {
                    delivery_recipient(
                        s(x, "emailAddress"),
                        Action::Delayed,
                        s(x, "status"),
                        s(x, "diagnosticCode"),
                        s(d, "remoteMtaIp"),
                    )
                })
                .collect();
            let mut r = report("Amazon SES", Kind::Delay, rcpts);
            r.reporting_host = s(d, "reportingMTA").map(|m| typed(m).1.to_owned());
            r.date = s(d, "timestamp").map(str::to_owned);
            r
        }
        "Delivery" => {
            let d = v
                .get("delivery")
                .ok_or_else(|| err("a Delivery notification without `delivery`"))?;
            let rcpts = list(d, "recipients")
                .iter()
                .map(|x| {
                    delivery_recipient(
                        x.as_str(),
                        Action::Delivered,
                        None,
                        s(d, "smtpResponse"),
                        s(d, "remoteMtaIp"),
                    )
                })
                .collect();
            let mut r = report("Amazon SES", Kind::SuccessNotice, rcpts);
            r.reporting_host = s(d, "reportingMTA").map(|m| typed(m).1.to_owned());
            r.date = s(d, "timestamp").map(str::to_owned);
            r
        }
        "Complaint" => {
            let c = v
                .get("complaint")
                .ok_or_else(|| err("a Complaint notification without `complaint`"))?;
            let ft = s(c, "complaintFeedbackType");
            let rcpts = list(c, "complainedRecipients")
                .iter()
                .map(|x| complaint_recipient(s(x, "emailAddress"), ft))
                .collect();
            let mut r = report("Amazon SES", Kind::Complaint, rcpts);
            r.date = s(c, "timestamp").map(str::to_owned);
            r
        }
        _ => return Ok(None),
    };
    if let Some(mail) = v.get("mail") {
        rep.subject = mail
            .get("commonHeaders")
            .and_then(|h| s(h, "subject"))
            .map(str::to_owned);
    }
    Ok(Some(rep))
}

fn sendgrid(v: &Value) -> Option<Report> {
    let email = s(v, "email");
    let (kind, r) = match s(v, "event")? {
        "bounce" => (
            Kind::Bounce,
            delivery_recipient(email, Action::Failed, s(v, "status"), s(v, "reason"), None),
        ),
        "dropped" => (
            Kind::Bounce,
            delivery_recipient(email, Action::Failed, s(v, "status"), s(v, "reason"), None),
        ),
        "deferred" => (
            Kind::Delay,
            delivery_recipient(
                email,
                Action::Delayed,
                s(v, "status"),
                s(v, "response"),
                None,
            ),
        ),
        "delivered" => (
            Kind::SuccessNotice,
            delivery_recipient(email, Action::Delivered, None, s(v, "response"), None),
        ),
        "spamreport" => (Kind::Complaint, complaint_recipient(email, Some("abuse"))),
        _ => return None,
    };
    let mut rep = report("SendGrid", kind, vec![r]);
    rep.date = v.get("timestamp").map(|t| t.to_string());
    Some(rep)
}

fn mailgun(d: &Value) -> Result<Option<Report>, WebhookError> {
    let recipient = s(d, "recipient");
    let status = d.get("delivery-status");
    let diag = status.map(|st| {
        let text = s(st, "message").or(s(st, "description")).unwrap_or("");
        let code = st.get("code").and_then(Value::as_u64);
        match code {
            Some(c) if !text.trim_start().starts_with(&c.to_string()) => format!("{c} {text}"),
            _ => text.to_owned(),
        }
    });
    let enhanced = status.and_then(|st| s(st, "enhanced-code"));
    let mx = status.and_then(|st| s(st, "mx-host"));
    let (kind, r) = match s(d, "event").unwrap_or("") {
        "failed" | "rejected" => {
            let temporary = s(d, "severity") == Some("temporary");
            let action = if temporary {
                Action::Delayed
            } else {
                Action::Failed
            };
            let kind = if temporary { Kind::Delay } else { Kind::Bounce };
            (
                kind,
                delivery_recipient(recipient, action, enhanced, diag.as_deref(), mx),
            )
        }
        "delivered" => (
            Kind::SuccessNotice,
            delivery_recipient(recipient, Action::Delivered, enhanced, diag.as_deref(), mx),
        ),
        "complained" => (
            Kind::Complaint,
            complaint_recipient(recipient, Some("abuse")),
        ),
        _ => return Ok(None),
    };
    let mut rep = report("Mailgun", kind, vec![r]);
    rep.date = d.get("timestamp").map(|t| t.to_string());
    Ok(Some(rep))
}

fn postmark(v: &Value) -> Option<Report> {
    let record = s(v, "RecordType")?;
    let (kind, r) = match record {
        "Bounce" => {
            let email = s(v, "Email");
            match s(v, "Type").unwrap_or("") {
                "SpamComplaint" | "SpamNotification" => {
                    (Kind::Complaint, complaint_recipient(email, Some("abuse")))
                }
                "AutoResponder" => (
                    Kind::AutoReply,
                    Recipient {
                        recipient: email.map(str::to_owned),
                        ..empty_recipient()
                    },
                ),
                "Transient" => (
                    Kind::Delay,
                    delivery_recipient(
                        email,
                        Action::Delayed,
                        None,
                        s(v, "Details").or(s(v, "Description")),
                        None,
                    ),
                ),
                _ => (
                    Kind::Bounce,
                    delivery_recipient(
                        email,
                        Action::Failed,
                        None,
                        s(v, "Details").or(s(v, "Description")),
                        None,
                    ),
                ),
            }
        }
        "SpamComplaint" => (
            Kind::Complaint,
            complaint_recipient(s(v, "Email"), Some("abuse")),
        ),
        "Delivery" => (
            Kind::SuccessNotice,
            delivery_recipient(
                s(v, "Recipient"),
                Action::Delivered,
                None,
                s(v, "Details"),
                None,
            ),
        ),
        _ => return None,
    };
    let mut rep = report("Postmark", kind, vec![r]);
    rep.date = s(v, "BouncedAt").or(s(v, "DeliveredAt")).map(str::to_owned);
    rep.subject = s(v, "Subject").map(str::to_owned);
    Some(rep)
}

fn sparkpost(e: &Value) -> Option<Report> {
    let rcpt = s(e, "rcpt_to");
    let reason = s(e, "raw_reason").or(s(e, "reason"));
    let diag = match (s(e, "error_code"), reason) {
        (Some(c), Some(r)) if !r.trim_start().starts_with(c) => Some(format!("{c} {r}")),
        (_, r) => r.map(str::to_owned),
    };
    let (kind, r) = match s(e, "type")? {
        "bounce"
        | "out_of_band"
        | "policy_rejection"
        | "generation_failure"
        | "generation_rejection" => (
            Kind::Bounce,
            delivery_recipient(rcpt, Action::Failed, None, diag.as_deref(), None),
        ),
        "delay" => (
            Kind::Delay,
            delivery_recipient(rcpt, Action::Delayed, None, diag.as_deref(), None),
        ),
        "delivery" => (
            Kind::SuccessNotice,
            delivery_recipient(rcpt, Action::Delivered, None, diag.as_deref(), None),
        ),
        "spam_complaint" => (
            Kind::Complaint,
            complaint_recipient(rcpt, s(e, "fbtype").or(Some("abuse"))),
        ),
        _ => return None,
    };
    let mut rep = report("SparkPost", kind, vec![r]);
    rep.date = s(e, "timestamp").map(str::to_owned);
    Some(rep)
}
