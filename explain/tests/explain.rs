//! `smtp-explain`, run as a program: words, `--json` and `--jsonl`.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn explain(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-explain"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn explains_a_reply_in_words() {
    let (ok, out, _) = explain(&["550 5.1.1 <bob@example.com> User unknown"]);
    assert!(ok);
    for needle in [
        "Recipient does not exist (unknown_user)",
        "permanent failure, hard bounce",
        "whose side:  the recipient's",
        "Requested action not taken: mailbox unavailable",
        "5.1.1  Bad destination mailbox address",
        "site/basic/550.html",
        "site/enhanced/X.1.1.html",
        "decided by:",
        "Troubleshooting X.1.1",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in:\n{out}");
    }
}

#[test]
fn json_output_is_one_object() {
    let (ok, out, _) = explain(&[
        "--json",
        "--site",
        "https://example.org/codes",
        "550 5.7.26 Unauthenticated email is not accepted",
    ]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["basic"], 550);
    assert_eq!(v["enhanced"], "5.7.26");
    assert_eq!(v["class"], "permanent");
    assert_eq!(v["reason"], "email_auth_failure");
    assert_eq!(v["bounce"], "soft");
    assert_eq!(v["side"], "sender");
    assert_eq!(
        v["enhanced_info"]["page"],
        "https://example.org/codes/enhanced/X.7.26.html"
    );
}

#[test]
fn a_vendor_pattern_is_explained_with_the_vendor_meaning() {
    let (ok, out, _) = explain(&["--json", "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/"]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["vendor"]["vendor"], "microsoft-exchange-online");
    assert!(!v["vendor"]["meaning"].as_str().unwrap().is_empty());
    assert_eq!(v["reason"], "blocked");
    let (_, words, _) = explain(&["550 5.7.606 Access denied, banned sending IP [192.0.2.1]"]);
    assert!(words.contains("Seen in the wild: Microsoft"), "{words}");
}

#[test]
fn jsonl_keeps_order_and_reports_bad_lines() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-explain"))
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input = concat!(
        "\"250 2.0.0 OK\"\n",
        "not json\n",
        "\"550-5.7.1 first\\r\\n550 5.7.1 Relaying denied\"\n",
        "42\n",
        "\"hello\"\n",
        "\"354 Start mail input\"\n",
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(
        (
            lines[0]["basic"].as_u64(),
            lines[0]["enhanced"].as_str(),
            lines[0]["class"].as_str()
        ),
        (Some(250), Some("2.0.0"), Some("success"))
    );
    assert_eq!(lines[0]["bounce"], "none");
    assert!(lines[1]["error"].is_string() && lines[1]["basic"].is_null());
    assert_eq!(lines[2]["reason"], "relay_denied");
    assert_eq!(lines[2]["class"], "permanent");
    assert!(lines[3]["error"].is_string());
    assert!(lines[4]["error"].is_string(), "not a reply");
    assert_eq!(lines[5]["class"], "intermediate");
    assert_eq!(lines[5]["enhanced"], Value::Null);
    // Every line has the same keys, whatever path it took.
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(keys(l), keys(&lines[0]), "line {}", i + 1);
        assert_eq!(l["line"], i + 1);
    }
    assert_eq!(lines[1]["error_kind"], "not_json");
    assert_eq!(lines[3]["error_kind"], "not_string");
    assert!(lines[4]["error_kind"].is_string() && lines[4]["input"] == "hello");
    assert!(lines[0]["error"].is_null() && lines[0]["error_kind"].is_null());
}

#[test]
fn usage_errors() {
    let (ok, _, err) = explain(&[]);
    assert!(!ok && err.contains("usage"));
    let (ok, _, err) = explain(&["--frobnicate"]);
    assert!(!ok && err.contains("unknown option"));
    let (ok, out, _) = explain(&["not a reply"]);
    assert!(!ok && out.contains("not an SMTP reply"));
}

#[test]
fn the_retry_policy_is_shown_in_every_mode() {
    let (ok, out, _) = explain(&["--json", "550 5.1.1 <bob@example.com> User unknown"]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    let p = &v["retry_policy"];
    assert_eq!(p["retry"], "never");
    assert_eq!(p["suppress_address"], true);
    assert_eq!(p["source"], "reason");
    assert_eq!(p["first_after_secs"], Value::Null);
    let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "backoff",
            "first_after_secs",
            "give_up_after_secs",
            "give_up_attempts",
            "how",
            "retry",
            "source",
            "suppress_address"
        ]
    );
    let (_, out, _) = explain(&["--json", "451 4.3.0 Try again later"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["retry_policy"]["first_after_secs"], 1800);
    assert_eq!(v["retry_policy"]["give_up_after_secs"], 432_000);
    let (_, out, _) = explain(&["--json", "250 OK"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["retry_policy"], Value::Null);
    let (_, words, _) = explain(&["550 5.1.1 <bob@example.com> User unknown"]);
    assert!(words.contains("next time:   do not retry"), "{words}");
    assert!(words.contains("Stop mailing this address"), "{words}");
}

#[test]
fn the_command_and_remote_host_are_the_context() {
    let (ok, out, _) = explain(&["--json", "--command", "rcpt", "552 Too many"]);
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["class"], "transient");
    assert_eq!(v["retry"], "retry_later");
    assert_eq!(v["reason"], "too_many_recipients");
    let (_, out, _) = explain(&["--json", "552 Too many"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["class"], "permanent");
    let reply = "534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired";
    let (_, out, _) = explain(&["--json", reply]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["vendor"], Value::Null);
    let (_, out, _) = explain(&["--json", "--remote-host", "smtp.gmail.com", reply]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["vendor"]["vendor"], "google-gmail");
    let (ok, _, err) = explain(&["--command", "FROB", "550 x"]);
    assert!(!ok && err.contains("not an SMTP command"), "{err}");
    let (ok, _, err) = explain(&["--remote-host"]);
    assert!(!ok && err.contains("--remote-host needs"), "{err}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-explain"))
        .args(["--jsonl", "--command", "DATA"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\"554 Transaction failed\"\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_str(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(v["reason"], "content_rejected");
}
