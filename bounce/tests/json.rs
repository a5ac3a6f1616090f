//! The JSON object for `smtp-explain --message --json`: its keys, their types, and the
//! values for a standard report, a home-grown one, a complaint and a non-report.
#![cfg(feature = "json")]

use std::path::Path;

use serde_json::Value;
use smtp_bounce::json::{explain_input, explain_message};

const RECIPIENT_KEYS: [&str; 18] = [
    "action",
    "basic",
    "bounce",
    "command",
    "crosswalk",
    "diagnostic",
    "feedback_type",
    "last_attempt_date",
    "original_recipient",
    "reason",
    "recipient",
    "remote_host",
    "replies",
    "retry",
    "retry_policy",
    "side",
    "sisimai_reason",
    "status",
];

fn email(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bounces/emails")
            .join(name),
    )
    .unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn every_recipient_object_has_the_same_keys() {
    for name in [
        "lhost-postfix-04.eml",
        "lhost-qmail-01.eml",
        "arf-17.eml",
        "rfc3834-02.eml",
        "is-not-bounce-01.eml",
    ] {
        let v = explain_message(&email(name));
        assert_eq!(
            keys(&v),
            [
                "arrival_date",
                "date",
                "format",
                "kind",
                "recipients",
                "reporting_host",
                "subject"
            ],
            "{name}"
        );
        for r in v["recipients"].as_array().unwrap() {
            assert_eq!(keys(r), RECIPIENT_KEYS, "{name}");
            assert!(r["status"].is_null() || r["status"].as_str().unwrap().split('.').count() == 3);
            assert!(r["basic"].is_null() || r["basic"].is_u64());
        }
    }
}

#[test]
fn a_qmail_bounce() {
    let v = explain_message(&email("lhost-qmail-01.eml"));
    assert_eq!(v["kind"], "bounce");
    assert_eq!(v["format"], "qmail");
    let r = &v["recipients"][0];
    assert_eq!(r["recipient"], "kijitora@example.ne.jp");
    assert_eq!(r["action"], "failed");
    assert_eq!(r["status"], "5.5.0");
    assert_eq!(r["basic"], 550);
    assert_eq!(r["command"], "RCPT");
    assert_eq!(r["remote_host"], "192.0.2.32");
    assert_eq!(r["reason"], "unknown_user");
    assert_eq!(r["bounce"], "hard");
    assert_eq!(r["sisimai_reason"], "userunknown");
}

#[test]
fn complaints_and_non_reports() {
    let v = explain_message(&email("arf-17.eml"));
    assert_eq!(v["kind"], "complaint");
    assert_eq!(v["recipients"].as_array().unwrap().len(), 2);
    assert_eq!(v["recipients"][0]["sisimai_reason"], "feedback");
    assert!(v["recipients"][0]["action"].is_null());
    let n = explain_message(&email("is-not-bounce-02.eml"));
    assert_eq!(n["kind"], "not_report");
    assert_eq!(n["recipients"], Value::Array(vec![]));
}

#[test]
fn input_kinds_mbox_and_webhooks() {
    let a = email("lhost-exim-02.eml");
    let b = email("lhost-postfix-04.eml");
    let mut mbox = b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n".to_vec();
    mbox.extend_from_slice(&a);
    mbox.extend_from_slice(b"\nFrom MAILER-DAEMON Thu Jan  1 00:00:01 2026\n");
    mbox.extend_from_slice(&b);
    let out = explain_input(&mbox).unwrap();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["recipients"].as_array().unwrap().len(), 2);
    assert_eq!(out[1]["recipients"][0]["status"], "5.1.1");
    let hooks = explain_input(br#"[{"event":"bounce","email":"a@example.com","status":"5.1.1","reason":"550 5.1.1 unknown"}]"#).unwrap();
    assert_eq!(hooks[0]["recipients"][0]["basic"], 550);
    assert!(explain_input(b"[1,]").is_err());
}
