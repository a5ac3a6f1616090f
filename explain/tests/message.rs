//! `smtp-explain --message`, run as a program: a message file, standard input, an mbox file
//! and webhook bodies, in words and as JSON; what a non-report and hostile input give; the
//! exit statuses. Fixtures: `tests/messages/` and the smtp-bounce crate's test messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(path: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    root.join(path).to_string_lossy().into_owned()
}

fn email(name: &str) -> String {
    fixture(&format!("../bounce/tests/bounces/emails/{name}"))
}

fn webhook(name: &str) -> String {
    fixture(&format!("../bounce/tests/webhooks/{name}"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-explain"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The program may stop reading early (a usage error); a closed pipe is not a failure here.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The objects of `--jsonl` output, one per line.
fn lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The keys issue 15's contract promises in every recipient object.
const RECIPIENT_KEYS: [&str; 9] = [
    "recipient",
    "action",
    "status",
    "basic",
    "reason",
    "bounce",
    "sisimai_reason",
    "command",
    "remote_host",
];

fn assert_contract(message: &Value) {
    assert!(message["kind"].is_string(), "{message}");
    for r in message["recipients"].as_array().unwrap() {
        for key in RECIPIENT_KEYS {
            assert!(r.get(key).is_some(), "missing {key} in {r}");
        }
        assert!(r["status"].is_null() || r["status"].is_string());
        assert!(r["basic"].is_null() || r["basic"].is_u64());
    }
}

#[test]
fn a_bounce_in_json() {
    let out = run(
        &["--message", "--json", &email("lhost-postfix-04.eml")],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_contract(&v);
    assert_eq!(v["kind"], "bounce");
    let r = &v["recipients"][0];
    assert_eq!(r["recipient"], "kijitora@example.co.jp");
    assert_eq!(r["action"], "failed");
    assert_eq!(r["status"], "5.1.1");
    assert_eq!(r["basic"], 550);
    assert_eq!(r["reason"], "unknown_user");
    assert_eq!(r["bounce"], "hard");
    assert_eq!(r["sisimai_reason"], "userunknown");
    assert_eq!(r["remote_host"], "mx01.example.co.jp");
    // The reason in the categories of other systems.
    assert_eq!(r["crosswalk"]["amazon_ses"], "Permanent/NoEmail");
    assert_eq!(r["crosswalk"]["sparkpost"], "10");
    assert_eq!(r["crosswalk"]["powermta"], "bad-mailbox");
}

#[test]
fn a_bounce_in_words_links_the_codes() {
    let out = run(
        &[
            "--message",
            "--site",
            "https://example.org/codes",
            &email("lhost-postfix-04.eml"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for needle in [
        "a bounce (delivery failed)",
        "kijitora@example.co.jp  failed",
        "codes:      550 5.1.1",
        "Recipient does not exist (unknown_user), hard bounce",
        "https://example.org/codes/enhanced/X.1.1.html",
        "remote:     mx01.example.co.jp",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn standard_input_reads_as_the_file_does() {
    let path = email("lhost-qmail-01.eml");
    let from_file = run(&["--message", "--jsonl", &path], b"");
    let from_stdin = run(
        &["--message", "--jsonl", "-"],
        &std::fs::read(&path).unwrap(),
    );
    assert_eq!(from_stdin.status.code(), Some(0));
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(lines(&from_stdin).len(), 1);
}

#[test]
fn an_mbox_gives_one_object_per_message_in_order() {
    let out = run(
        &[
            "--message",
            "--jsonl",
            &fixture("tests/messages/returned.mbox"),
        ],
        b"",
    );
    let all = lines(&out);
    all.iter().for_each(assert_contract);
    let kinds: Vec<&str> = all.iter().map(|v| v["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["bounce", "bounce", "complaint", "not_report"]);
    assert_eq!(
        all[1]["recipients"][0]["recipient"],
        "kijitora@example.ne.jp"
    );
    // The last message is not a report: the run says so in its status.
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "");
}

#[test]
fn webhook_bodies_give_one_object_per_event() {
    let out = run(
        &[
            "--message",
            "--jsonl",
            &webhook("sendgrid-events.json"),
            &webhook("ses-bounce-sns.json"),
        ],
        b"",
    );
    let all = lines(&out);
    assert!(all.len() >= 2, "{}", stdout(&out));
    all.iter().for_each(assert_contract);
    let ses = all.last().unwrap();
    assert_eq!(ses["format"], "Amazon SES");
    assert_eq!(ses["recipients"][0]["recipient"], "alice@example.com");
    assert_eq!(ses["recipients"][0]["status"], "5.1.1");
}

#[test]
fn recipients_keep_the_reports_order() {
    // A report about several recipients lists them in its own order.
    let raw = "From: MAILER-DAEMON@mx.example.org\r\nSubject: Undelivered Mail Returned to Sender\r\n\r\n\
<zed@example.com>: host mx.example.com[192.0.2.1] said: 550 5.1.1 <zed@example.com>:\r\n\
    Recipient address rejected: User unknown (in reply to RCPT TO command)\r\n\r\n\
<amy@example.com>: host mx.example.com[192.0.2.1] said: 552 5.2.2 <amy@example.com>:\r\n\
    Mailbox full (in reply to end of DATA command)\r\n";
    let out = run(&["--message", "--jsonl", "-"], raw.as_bytes());
    let v = &lines(&out)[0];
    assert_contract(v);
    let rs = v["recipients"].as_array().unwrap();
    let got: Vec<(&str, &str, u64, &str)> = rs
        .iter()
        .map(|r| {
            (
                r["recipient"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["basic"].as_u64().unwrap(),
                r["command"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("zed@example.com", "5.1.1", 550, "RCPT"),
            ("amy@example.com", "5.2.2", 552, "DATA"),
        ]
    );
}

#[test]
fn a_message_that_is_not_a_report() {
    let out = run(
        &["--message", "--json", &email("is-not-bounce-01.eml")],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["kind"], "not_report");
    assert_eq!(v["recipients"], Value::Array(vec![]));
    let words = run(&["--message", &email("is-not-bounce-01.eml")], b"");
    assert!(stdout(&words).contains("not a delivery report"));
}

#[test]
fn hostile_json_is_refused_with_a_clear_error_and_the_rest_still_runs() {
    // Nesting far beyond what serde_json follows: refused, named, never a crash.
    let deep = "[".repeat(100_000);
    let out = run(
        &["--message", "--jsonl", "-", &email("lhost-postfix-04.eml")],
        deep.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("smtp-explain: standard input: not JSON:") && err.contains("recursion"),
        "{err}"
    );
    assert_eq!(lines(&out).len(), 1, "the second input is still explained");
}

#[test]
fn hostile_messages_never_crash() {
    let mut nested = String::from("Content-Type: multipart/mixed; boundary=b0\r\n\r\n");
    for i in 1..5000 {
        nested.push_str(&format!(
            "--b{}\r\nContent-Type: multipart/mixed; boundary=b{i}\r\n\r\n",
            i - 1
        ));
    }
    let huge_header = format!("Subject: {}\r\n\r\nbody\r\n", "x".repeat(8 << 20));
    let broken = b"Content-Type: text/plain; charset=\"\xff\xfe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\xff==\r\n".to_vec();
    for input in [nested.into_bytes(), huge_header.into_bytes(), broken] {
        let out = run(&["--message", "--jsonl", "-"], &input);
        assert!(out.status.code().is_some(), "killed by a signal");
        assert_eq!(lines(&out).len(), 1, "{}", stderr(&out));
    }
}

#[test]
fn unreadable_inputs_are_named() {
    let dir = fixture("tests/messages");
    let out = run(&["--message", "no-such-file.eml", &dir], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("cannot read no-such-file.eml"), "{err}");
    assert!(err.contains(&format!("cannot read {dir}")), "{err}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--message"][..],
        &["--message", "--json"],
        &["--message", "--bogus", "x.eml"],
        &["--message", "--site"],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("smtp-explain: "), "{args:?}");
    }
    let help = run(&["--message", "--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--message"));
}

#[test]
fn reply_mode_is_unchanged_by_a_message_like_argument_after_dashes() {
    let out = run(&["--json", "--", "--message"], b"");
    assert_eq!(out.status.code(), Some(1), "not a reply, explained as one");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(!v["error"].is_null());
}
