//! Hostile input: deep nesting, huge headers, many parts, broken encodings, random and
//! mutated bytes. Reading never panics, and reports stay within the crate's limits.

use std::path::Path;

use smtp_bounce::limits::MAX_RECIPIENTS;
use smtp_bounce::{mbox, read_message, Kind};

fn check(raw: &[u8]) {
    let r = read_message(raw);
    assert!(r.recipients.len() <= MAX_RECIPIENTS);
    if r.kind == Kind::NotReport {
        assert!(r.recipients.is_empty());
    }
    for m in mbox::split(raw).take(4) {
        let _ = read_message(m);
    }
    let _ = smtp_bounce::webhook::read_webhook(raw);
}

/// A small deterministic generator (xorshift), so that the test needs no dependency and
/// fails the same way every time.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn deep_nesting_and_many_parts() {
    let mut deep = String::from("From: MAILER-DAEMON@example.org\r\nSubject: Undeliverable\r\n");
    for i in 0..2000 {
        deep.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        ));
    }
    deep.push_str("Content-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; a@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n");
    check(deep.as_bytes());

    let mut many = String::from(
        "From: MAILER-DAEMON@example.org\r\nContent-Type: multipart/report; boundary=x\r\n\r\n",
    );
    for i in 0..5000 {
        many.push_str(&format!("--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; u{i}@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n"));
    }
    check(many.as_bytes());
    let r = read_message(many.as_bytes());
    assert_eq!(r.kind, Kind::Bounce);
    assert!(!r.recipients.is_empty() && r.recipients.len() <= MAX_RECIPIENTS);

    let mut nested = String::new();
    for _ in 0..500 {
        nested.push_str("Content-Type: message/rfc822\r\n\r\n");
    }
    nested.push_str("Subject: x\r\n\r\nbody\r\n");
    check(nested.as_bytes());
}

#[test]
fn huge_headers_and_fields() {
    let long = "a".repeat(3 << 20);
    check(format!("Subject: {long}\r\n\r\nbody").as_bytes());
    check(format!("From: MAILER-DAEMON@x.org\r\nSubject: failure notice\r\n\r\n<{long}@example.com>:\r\n550 {long}\r\n").as_bytes());
    let folded = " x\r\n".repeat(200_000);
    check(format!("X-Long:{folded}\r\n\r\nbody").as_bytes());
    let dsn = format!(
        "Content-Type: multipart/report; boundary=x\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; a@b.c\r\nDiagnostic-Code: smtp; 550{}\r\n--x--\r\n",
        " 550 5.1.1 '".repeat(100_000)
    );
    check(dsn.as_bytes());
}

#[test]
fn broken_encodings() {
    check(b"Content-Type: text/plain; charset=x-unknown\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64===\xff\xfe\r\n");
    check(b"Content-Type: message/delivery-status\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nFinal-Recipient: rfc822; a@b.c=\r\n=ZZ=\r\n");
    check(b"\xff\xfe\x00\x00From: \x80\x81\r\n\r\n\xc3\x28 550 5.1.1 <\xe2\x82@x.y>:");
    check(b"");
    check(b"\r\n\r\n\r\n");
    check(b"{\"Type\":\"Notification\",\"Message\":\"{\\\"notificationType\\\":\\\"Bounce\\\"}\"}");
}

#[test]
fn a_message_that_trips_a_mail_parser_debug_assertion() {
    // Found by fuzzing (fuzz target `message`); derived from a dev-set email (see
    // tests/bounces/README.md for its origin and licence).
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/mail-parser-debug-assert.eml");
    check(&std::fs::read(path).unwrap());
}

#[test]
fn random_and_mutated_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bounces/emails");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    seeds.sort();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..600 {
        let mut m = seeds[rng.below(seeds.len())].clone();
        for _ in 0..1 + rng.below(16) {
            if m.is_empty() {
                break;
            }
            let i = rng.below(m.len());
            match rng.below(5) {
                0 => m[i] = rng.next() as u8,
                1 => {
                    let end = (i + rng.below(256)).min(m.len());
                    m.drain(i..end);
                }
                2 => {
                    let end = (i + rng.below(512)).min(m.len());
                    let chunk = m[i..end].to_vec();
                    let at = rng.below(m.len());
                    m.splice(at..at, chunk);
                }
                3 => m
                    .splice(
                        i..i,
                        b"\r\n--x\r\nContent-Type: multipart/report; boundary=x\r\n\r\n"
                            .iter()
                            .copied(),
                    )
                    .for_each(drop),
                _ => m.truncate(i),
            }
        }
        check(&m);
    }
    for _ in 0..300 {
        let n = rng.below(4096);
        let m: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        check(&m);
    }
}
