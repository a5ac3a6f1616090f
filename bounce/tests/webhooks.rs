//! ESP webhook bodies (hand-written fixtures in `tests/webhooks/`, shaped as each provider
//! documents; sources in its README) read into the same per-recipient results as bounces.

use std::path::Path;

use smtp_bounce::webhook::read_webhook;
use smtp_bounce::{Action, Kind, Report};
use smtp_codes::classify::Bounce;
use smtp_codes::Reason;

fn read(name: &str) -> Vec<Report> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/webhooks")
        .join(name);
    read_webhook(&std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn status(r: &Report, i: usize) -> Option<String> {
    r.recipients[i].status.map(|s| s.to_string())
}

#[test]
fn ses_bounce_through_sns() {
    let reports = read("ses-bounce-sns.json");
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!((r.kind, r.format), (Kind::Bounce, Some("Amazon SES")));
    assert_eq!(
        r.reporting_host.as_deref(),
        Some("a1-2.smtp-out.us-east-1.amazonses.com")
    );
    assert_eq!(r.subject.as_deref(), Some("Monthly report"));
    assert_eq!(r.recipients.len(), 2);
    assert_eq!(
        r.recipients[0].recipient.as_deref(),
        Some("alice@example.com")
    );
    assert_eq!(status(r, 0).as_deref(), Some("5.1.1"));
    assert_eq!(r.recipients[0].reply_code.map(|c| c.as_u16()), Some(550));
    assert_eq!(r.recipients[0].remote_host.as_deref(), Some("192.0.2.10"));
    let c = r.recipients[0].classification.unwrap();
    assert_eq!((c.reason, c.bounce), (Reason::UnknownUser, Bounce::Hard));
    assert_eq!(
        r.recipients[1].classification.unwrap().reason,
        Reason::MailboxFull
    );
}

#[test]
fn ses_complaint_and_delay() {
    let c = &read("ses-complaint.json")[0];
    assert_eq!(c.kind, Kind::Complaint);
    assert_eq!(c.recipients[0].feedback_type.as_deref(), Some("abuse"));
    assert!(c.failed().next().is_none());
    let d = &read("ses-delivery-delay.json")[0];
    assert_eq!(d.kind, Kind::Delay);
    assert_eq!(d.recipients[0].action, Some(Action::Delayed));
    assert_eq!(status(d, 0).as_deref(), Some("4.2.2"));
    assert_eq!(d.recipients[0].classification.unwrap().bounce, Bounce::Soft);
}

#[test]
fn sendgrid_events_one_report_each() {
    let reports = read("sendgrid-events.json");
    let kinds: Vec<Kind> = reports.iter().map(|r| r.kind).collect();
    // processed and open say nothing about delivery: skipped.
    assert_eq!(
        kinds,
        [
            Kind::Bounce,
            Kind::Bounce,
            Kind::Delay,
            Kind::SuccessNotice,
            Kind::Complaint
        ]
    );
    assert_eq!(
        reports[0].recipients[0].classification.unwrap().reason,
        Reason::UnknownUser
    );
    assert_eq!(
        reports[1].recipients[0].classification.unwrap().reason,
        Reason::Blocked
    );
    assert_eq!(
        reports[2].recipients[0].reply_code.map(|c| c.as_u16()),
        Some(421)
    );
    assert_eq!(reports[3].recipients[0].action, Some(Action::Delivered));
}

#[test]
fn mailgun_permanent_and_temporary() {
    let f = &read("mailgun-failed.json")[0];
    assert_eq!(f.kind, Kind::Bounce);
    let r = &f.recipients[0];
    assert_eq!(r.reply_code.map(|c| c.as_u16()), Some(550));
    assert_eq!(status(f, 0).as_deref(), Some("5.1.1"));
    assert_eq!(r.remote_host.as_deref(), Some("mx.example.com"));
    let t = &read("mailgun-temporary.json")[0];
    assert_eq!(
        (t.kind, t.recipients[0].action),
        (Kind::Delay, Some(Action::Delayed))
    );
    assert_eq!(
        t.recipients[0].classification.unwrap().reason,
        Reason::Greylisted
    );
}

#[test]
fn postmark_bounce_and_complaint() {
    let b = &read("postmark-bounce.json")[0];
    assert_eq!((b.kind, b.format), (Kind::Bounce, Some("Postmark")));
    assert_eq!(
        b.recipients[0].recipient.as_deref(),
        Some("olivia@example.com")
    );
    assert_eq!(b.recipients[0].reply_code.map(|c| c.as_u16()), Some(550));
    assert_eq!(status(b, 0).as_deref(), Some("5.1.1"));
    assert_eq!(read("postmark-spam.json")[0].kind, Kind::Complaint);
}

#[test]
fn sparkpost_batch() {
    let reports = read("sparkpost-batch.json");
    let kinds: Vec<Kind> = reports.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, [Kind::Bounce, Kind::Delay, Kind::Complaint]);
    assert_eq!(
        reports[0].recipients[0].classification.unwrap().reason,
        Reason::UnknownUser
    );
    assert_eq!(status(&reports[1], 0).as_deref(), Some("4.2.2"));
}

#[test]
fn bad_bodies_say_what_is_wrong() {
    let e = read_webhook(b"{\"x\": 1,}").unwrap_err().to_string();
    assert!(e.starts_with("not JSON: line 1"), "{e}");
    let e = read_webhook(b"[{\"hello\": \"world\"}]")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("event 1: not a webhook event"), "{e}");
    assert!(read_webhook(b"42").is_err());
}
