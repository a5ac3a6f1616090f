//! Every labelled reply of the corpus (`tests/corpus/replies-dev.jsonl`, 218 real replies)
//! parses leniently to its labelled reply code, enhanced code, enhanced code in the text and
//! class; and strict parsing, violations and the incremental buffer hold up on real data.

use serde_json::Value;
use smtp_codes::{Feed, Reply, ReplyBuffer, Severity};

const CORPUS: &str = include_str!("corpus/replies-dev.jsonl");

struct Record {
    line: usize,
    reply: String,
    basic: u16,
    enhanced: Option<String>,
    enhanced_in_text: Option<String>,
    class: String,
}

fn records() -> Vec<Record> {
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let v: Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
            let opt = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            Record {
                line: i + 1,
                reply: opt("reply").expect("reply"),
                basic: v["basic"].as_u64().expect("basic") as u16,
                enhanced: opt("enhanced"),
                enhanced_in_text: opt("enhanced_in_text"),
                class: opt("class").expect("class"),
            }
        })
        .collect()
}

fn class_name(s: Severity) -> &'static str {
    match s {
        Severity::PositiveCompletion => "success",
        Severity::PositiveIntermediate => "intermediate",
        Severity::TransientNegative => "transient",
        Severity::PermanentNegative => "permanent",
    }
}

#[test]
fn corpus_labels_come_out_exactly() {
    let records = records();
    assert_eq!(records.len(), 218);
    let (mut basic_ok, mut enhanced_ok, mut in_text_ok, mut class_ok) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for r in &records {
        let reply = match Reply::parse(&r.reply) {
            Ok(reply) => reply,
            Err(e) => {
                failures.push(format!("line {}: {e}: {:?}", r.line, r.reply));
                continue;
            }
        };
        let basic = reply.code().as_u16();
        let enhanced = reply.enhanced_code().map(|c| c.to_string());
        let in_text = reply.enhanced_in_text().map(|c| c.to_string());
        let class = class_name(reply.code().severity());
        basic_ok += usize::from(basic == r.basic);
        enhanced_ok += usize::from(enhanced == r.enhanced);
        in_text_ok += usize::from(in_text == r.enhanced_in_text);
        class_ok += usize::from(class == r.class);
        if basic != r.basic
            || enhanced != r.enhanced
            || in_text != r.enhanced_in_text
            || class != r.class
        {
            failures.push(format!(
                "line {}: got basic {basic} enhanced {enhanced:?} in text {in_text:?} class {class}; \
                 labelled {} {:?} {:?} {}: {:?}",
                r.line, r.basic, r.enhanced, r.enhanced_in_text, r.class, r.reply
            ));
        }
    }
    println!(
        "corpus: basic {basic_ok}/{n}, enhanced {enhanced_ok}/{n}, enhanced_in_text {in_text_ok}/{n}, class {class_ok}/{n}",
        n = records.len()
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every record, with CRLF line endings added, parses strictly exactly when lenient parsing
/// finds no violation, and the strict error is the first violation.
#[test]
fn strict_agrees_with_violations() {
    for r in records() {
        let wire = format!("{}\r\n", r.reply);
        let lenient = Reply::parse(&wire).unwrap();
        let first = lenient.violations().next();
        match (Reply::parse_strict(&wire), first) {
            (Ok(strict), None) => assert_eq!(strict, lenient, "line {}", r.line),
            (Err(e), Some(v)) => assert_eq!(e, v, "line {}", r.line),
            (s, v) => panic!("line {}: strict {s:?} but first violation {v:?}", r.line),
        }
    }
}

/// Fed one byte at a time, each record completes exactly at its end (unless it lacks its
/// last line, as one record does) and parses the same.
#[test]
fn byte_at_a_time() {
    for r in records() {
        let wire = format!("{}\r\n", r.reply);
        let complete = Reply::parse(&wire).unwrap().is_complete();
        let mut buf = ReplyBuffer::<4096>::new();
        let bytes = wire.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            let fed = buf.feed(core::slice::from_ref(b)).unwrap();
            if i + 1 < bytes.len() || !complete {
                assert_eq!(fed, Feed::NeedMore, "line {}", r.line);
            } else {
                assert_eq!(fed, Feed::Complete { consumed: 1 }, "line {}", r.line);
            }
        }
        assert_eq!(
            buf.reply().unwrap(),
            Reply::parse(&wire).unwrap(),
            "line {}",
            r.line
        );
    }
}
