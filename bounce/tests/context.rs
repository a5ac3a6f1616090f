//! The command a report says the reply answered, and the remote host, reach the classifier
//! as its context: RFC 5321 section 4.5.3.1.10 (a 552 in reply to RCPT TO is treated as 452,
//! a transient failure) and a bare rejection of DATA read as a content rejection.
//! The two messages in `tests/context/` are Postfix-style reports written for this test.
#![cfg(feature = "json")]

use std::path::Path;

use serde_json::Value;
use smtp_bounce::json::explain_message;

fn recipient(name: &str) -> Value {
    let raw = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/context")
            .join(name),
    )
    .unwrap();
    let v = explain_message(&raw);
    assert_eq!(v["kind"], "bounce", "{name}: {v}");
    let recipients = v["recipients"].as_array().unwrap();
    assert_eq!(recipients.len(), 1, "{name}: {v}");
    recipients[0].clone()
}

#[test]
fn a_552_after_rcpt_is_transient() {
    let r = recipient("552-after-rcpt.eml");
    assert_eq!(r["command"], "RCPT");
    assert_eq!(r["remote_host"], "mx.example.net");
    assert_eq!(r["basic"], 552);
    // Without the command, a 5yz: do not retry. With it, RFC 5321 section 4.5.3.1.10.
    assert_eq!(r["retry"], "retry_later");
    assert_eq!(r["bounce"], "soft");
    // And what to do next time is the transient policy: retry later, keep the address.
    assert_eq!(r["retry_policy"]["retry"], "later");
    assert_eq!(r["retry_policy"]["suppress_address"], false);
}

#[test]
fn a_bare_rejection_of_data_is_the_content() {
    let r = recipient("550-after-data.eml");
    assert_eq!(r["command"], "DATA");
    assert_eq!(r["basic"], 550);
    assert_eq!(r["reason"], "content_rejected");
}
