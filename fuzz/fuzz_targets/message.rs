//! Any bytes as a whole message, and as an mbox file: reading never panics, every
//! recipient's fields are consistent, and the report stays within the crate's limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_bounce::limits::MAX_RECIPIENTS;
use smtp_bounce::{read_message, Action, Kind};

fuzz_target!(|data: &[u8]| {
    let report = read_message(data);
    assert!(report.recipients.len() <= MAX_RECIPIENTS);
    match report.kind {
        Kind::Bounce => assert!(report.failed().next().is_some() || !report.recipients.is_empty()),
        Kind::NotReport => assert!(report.recipients.is_empty()),
        _ => {}
    }
    for r in &report.recipients {
        if let Some(c) = r.classification {
            // The classification used the quoted reply code when there was one.
            if let (Some(code), false) = (r.reply_code, r.assumed_code) {
                assert_eq!(c.code, code);
            }
        }
        if r.action == Some(Action::Failed) {
            assert!(r.classification.is_some());
        }
        let _ = r.replies.iter().map(|x| x.text.len()).sum::<usize>();
    }
    for msg in smtp_bounce::mbox::split(data).take(8) {
        let _ = read_message(msg);
    }
    let _ = smtp_bounce::json::explain(&report);
    let _ = smtp_bounce::webhook::read_webhook(data);
});
