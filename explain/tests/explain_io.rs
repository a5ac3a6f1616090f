//! `smtp-explain` as an unlucky user meets it: output cut off by a reader that stops early
//! or a full disk, a directory as standard input, bytes that are not UTF-8 as an argument
//! and on standard input. Each test spawns the binary.

use std::fs::File;
use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

fn explain() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smtp-explain"))
}

/// Far more output than a pipe buffers (64 KiB on Linux), so the program is still writing
/// when its reader goes away.
fn many_replies() -> Vec<&'static str> {
    vec!["550 5.1.1 <bob@example.com> User unknown"; 400]
}

/// Reads one byte of `child`'s output, closes the pipe, and waits for the end.
fn close_after_one_byte(mut child: Child) -> Output {
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly_in_every_mode() {
    for mode in [None, Some("--json")] {
        let child = explain()
            .args(mode)
            .args(many_replies())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = close_after_one_byte(child);
        assert_eq!(out.status.code(), Some(0), "{mode:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{mode:?}");
    }
    let mut child = explain()
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Fed from a thread: the program may stop reading at any point once its output is gone.
    let feeder = std::thread::spawn(move || {
        for _ in 0..2_000 {
            if stdin.write_all(b"\"550 5.1.1 User unknown\"\n").is_err() {
                break;
            }
        }
    });
    let out = close_after_one_byte(child);
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "--jsonl: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "--jsonl");
}

#[test]
fn a_full_disk_is_reported_in_every_mode() {
    let Ok(full) = File::options().write(true).open("/dev/full") else {
        eprintln!("skipped: no /dev/full on this system");
        return;
    };
    let cases: [(&[&str], &[u8]); 4] = [
        (&["550 5.1.1 User unknown"], b""),
        (&["--json", "550 5.1.1 User unknown"], b""),
        (&["--jsonl"], b"\"550 5.1.1 User unknown\"\n"),
        (&["--version"], b""),
    ];
    for (args, input) in cases {
        let mut child = explain()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            "smtp-explain: cannot write standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_directory_as_standard_input_ends_the_run_with_a_message() {
    let Ok(dir) = File::open("/") else {
        eprintln!("skipped: a directory cannot be opened as a file here");
        return;
    };
    let out = explain().arg("--jsonl").stdin(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, b"", "no error line per failed read");
    assert!(
        stderr(&out).starts_with("smtp-explain: cannot read standard input: "),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_read_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let arg = OsStr::from_bytes(b"550 5.1.1 <b\xffb@example.com> User unknown");
    let out = explain().arg("--json").arg(arg).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["input"],
        "550 5.1.1 <b\u{fffd}b@example.com> User unknown"
    );
    assert_eq!(v["enhanced"], "5.1.1");
    let words = explain().arg(arg).output().unwrap();
    assert_eq!(words.status.code(), Some(0));
    assert!(String::from_utf8(words.stdout)
        .unwrap()
        .contains("b\u{fffd}b@example.com"));
    let option = explain()
        .arg(OsStr::from_bytes(b"--\xff"))
        .output()
        .unwrap();
    assert_eq!(option.status.code(), Some(2));
    assert!(stderr(&option).starts_with("smtp-explain: unknown option `--\u{fffd}`"));
}

#[test]
fn standard_input_that_is_not_utf8_gives_one_error_line_each() {
    let mut child = explain()
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input: &[u8] = b"\xff\xfe\n\"550 5.1.1 b\xffb\"\n\"250 OK\"\n\"550 \\u00ff\"";
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = std::str::from_utf8(&out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for l in &lines[..2] {
        assert_eq!(l["error_kind"], "not_utf8");
        assert_eq!(l["error"], "the line is not UTF-8");
        assert_eq!(l["input"], Value::Null);
    }
    assert_eq!(lines[2]["basic"], 250);
    assert_eq!(lines[3]["input"], "550 \u{ff}");
    assert_eq!(lines[3]["error"], Value::Null);
}
