//! Retry policies as data (`retry_defaults`, a reason's and a vendor entry's `retry_policy`):
//! what the loader accepts, what it refuses, and what reaches the JSON.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};

fn small() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/data")
}

/// Loads a copy of the small fixture with `edits` (file, text to find, replacement) applied.
fn load(case: &str, edits: &[(&str, &str, &str)]) -> Result<codegen::model::Registry, Vec<String>> {
    let dir = std::env::temp_dir().join(format!("smtp-codes-retry-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&small(), &dir);
    for (file, find, replace) in edits {
        let p = dir.join(file);
        let text = fs::read_to_string(&p).unwrap();
        assert!(
            text.contains(find),
            "case {case}: `{find}` not found in {file}"
        );
        fs::write(&p, text.replacen(find, replace, 1)).unwrap();
    }
    let r = codegen::load::load_as(&dir, "data");
    let _ = fs::remove_dir_all(&dir);
    r.map_err(|e| e.0.iter().map(|d| d.to_string()).collect())
}

const DEFAULTS: (&str, &str, &str) = (
    "classifier.yaml",
    "reasons:\n",
    "retry_defaults:\n  transient:\n    retry: later\n    first_after: 30m\n    give_up_after: 5d\n  permanent:\n    retry: never\n\nreasons:\n",
);

fn reason_policy(policy: &str) -> (&'static str, &'static str, String) {
    (
        "classifier.yaml",
        "    advice: Check the address.\n",
        format!("    advice: Check the address.\n    retry_policy:\n{policy}"),
    )
}

fn vendor_policy(policy: &str) -> (&'static str, &'static str, String) {
    (
        "vendors/example-mail.yaml",
        "    source: codes\n",
        format!("    source: codes\n    retry_policy:\n{policy}"),
    )
}

fn errors_of(case: &str, edits: &[(&str, &str, String)]) -> Vec<String> {
    let edits: Vec<(&str, &str, &str)> =
        edits.iter().map(|(f, a, b)| (*f, *a, b.as_str())).collect();
    match load(case, &edits) {
        Ok(_) => panic!("case {case}: accepted"),
        Err(e) => e,
    }
}

#[test]
fn policies_load_and_reach_the_model() {
    let reason = reason_policy("      retry: never\n      suppress_address: true\n");
    let vendor = vendor_policy("      retry: never\n      suppress_address: true\n");
    let reg = load(
        "ok",
        &[
            DEFAULTS,
            (reason.0, reason.1, &reason.2),
            (vendor.0, vendor.1, &vendor.2),
        ],
    )
    .unwrap();
    let d = reg.classifier.retry_defaults.as_ref().unwrap();
    assert_eq!(d.transient.first_after.as_deref(), Some("30m"));
    assert_eq!(d.transient.give_up_after.as_deref(), Some("5d"));
    let r = reg.classifier.reason("unknown_user").unwrap();
    assert!(r.retry_policy.as_ref().unwrap().suppress_address);
    let e = &reg.vendors[0].entries[0];
    assert!(e.retry_policy.as_ref().unwrap().suppress_address);
}

#[test]
fn bad_durations_are_refused() {
    let r = reason_policy(
        "      retry: later\n      first_after: 30 minutes\n      give_up_after: 0d\n",
    );
    let got = errors_of("durations", &[(r.0, r.1, r.2)]);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got.iter().all(|e| e.contains("is not a duration")),
        "{got:#?}"
    );
    assert!(got[0].starts_with("data/classifier.yaml:"), "{got:#?}");
}

#[test]
fn never_cannot_say_when() {
    let r = reason_policy("      retry: never\n      first_after: 1h\n");
    let got = errors_of("never-when", &[(r.0, r.1, r.2)]);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("never retries cannot say when"), "{got:#?}");
}

#[test]
fn a_vendor_policy_must_agree_with_its_entry() {
    let v = vendor_policy("      retry: later\n");
    let got = errors_of("vendor-disagrees", &[(v.0, v.1, v.2)]);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(
        got[0].contains("the retry policy says `later` but the entry says `retry: never`"),
        "{got:#?}"
    );
}

#[test]
fn defaults_follow_the_reply_class() {
    let bad = (
        "classifier.yaml",
        "reasons:\n",
        "retry_defaults:\n  transient:\n    retry: never\n  permanent:\n    retry: later\n\nreasons:\n".to_string(),
    );
    let got = errors_of("defaults", &[bad]);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].contains("transient reply is retried"), "{got:#?}");
    assert!(
        got[1].contains("permanent reply is not retried unchanged"),
        "{got:#?}"
    );
}

#[test]
fn later_on_a_permanent_entry_needs_a_note() {
    let e = (
        "vendors/example-mail.yaml",
        "    retry: never\n",
        "    retry: later\n".to_string(),
    );
    let got = errors_of("later-5yz", &[e]);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].contains("contradicts its class"), "{got:#?}");
}

#[test]
fn the_projects_policies_reach_the_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let json: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(root.join("generated/json/smtp-codes.json")).unwrap(),
    )
    .unwrap();
    let d = &json["classifier"]["retry_defaults"];
    assert_eq!(
        d["transient"]["first_after"], "30m",
        "RFC 5321 section 4.5.4.1"
    );
    assert_eq!(d["transient"]["give_up_after"], "5d");
    assert_eq!(d["permanent"]["retry"], "never");
    let reasons = json["classifier"]["reasons"].as_array().unwrap();
    let unknown_user = reasons.iter().find(|r| r["id"] == "unknown_user").unwrap();
    assert_eq!(unknown_user["retry_policy"]["suppress_address"], true);
    let gmail_428 = json["vendors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["vendor"] == "google-gmail" && e["enhanced"] == "4.7.28")
        .unwrap();
    assert_eq!(gmail_428["retry_policy"]["first_after"], "10m");
}
