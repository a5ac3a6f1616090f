//! Runs every conformance vector (`tests/reply-vectors.json`, generated from
//! `data/reply-vectors.yaml`) through the parser, one-shot and through `ReplyBuffer` fed one
//! byte at a time.

use serde_json::Value;
use smtp_codes::{EnhancedCode, EnhancedState, ParseOptions, Reply, ReplyBuffer, ReplyError};

const VECTORS: &str = include_str!("reply-vectors.json");

fn code(v: &Value) -> Option<EnhancedCode> {
    v.as_str()
        .map(|s| s.parse().expect("vector codes are valid"))
}

fn options(v: &Value) -> ParseOptions {
    let o = match v["mode"].as_str() {
        Some("strict") => ParseOptions::strict(),
        Some("lenient") => ParseOptions::lenient(),
        other => panic!("unknown mode {other:?}"),
    };
    match v["max_line_length"].as_u64() {
        Some(m) => o.with_max_line_length(m as usize),
        None => o,
    }
}

/// What the vector says, checked against one parse; `Err` describes the difference.
fn check(v: &Value, result: Result<Reply<'_>, ReplyError>) -> Result<(), String> {
    if !v["error"].is_null() {
        let e = &v["error"];
        let want = (
            e["kind"].as_str().unwrap(),
            e["line"].as_u64().unwrap() as usize,
            e["position"].as_u64().unwrap() as usize,
        );
        return match result {
            Ok(r) => Err(format!("parsed ({r:?}), expected error {want:?}")),
            Err(got) if (got.kind().name(), got.line(), got.position()) == want => Ok(()),
            Err(got) => Err(format!(
                "error {:?} at line {} byte {} ({got}), expected {want:?}",
                got.kind().name(),
                got.line(),
                got.position()
            )),
        };
    }
    let r = result.map_err(|e| format!("failed: {e}"))?;
    let mut diffs = Vec::new();
    if u64::from(r.code().as_u16()) != v["basic"].as_u64().unwrap() {
        diffs.push(format!("basic {}", r.code()));
    }
    if r.enhanced().name() != v["enhanced_state"].as_str().unwrap() {
        diffs.push(format!("enhanced_state {:?}", r.enhanced()));
    }
    if r.enhanced_code() != code(&v["enhanced"]) {
        diffs.push(format!("enhanced {:?}", r.enhanced_code()));
    }
    let other = match r.enhanced() {
        EnhancedState::Inconsistent { other, .. } => Some(other),
        _ => None,
    };
    if other != code(&v["enhanced_other"]) {
        diffs.push(format!("enhanced_other {other:?}"));
    }
    if r.enhanced_in_text() != code(&v["enhanced_in_text"]) {
        diffs.push(format!("enhanced_in_text {:?}", r.enhanced_in_text()));
    }
    let lines: Vec<String> = r
        .lines()
        .map(|l| String::from_utf8_lossy(l.text()).into_owned())
        .collect();
    let want: Vec<String> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    if lines != want {
        diffs.push(format!("lines {lines:?}"));
    }
    if Some(r.is_complete()) != v["complete"].as_bool() {
        diffs.push(format!("complete {}", r.is_complete()));
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        Err(diffs.join(", "))
    }
}

#[test]
fn every_vector_holds() {
    let root: Value = serde_json::from_str(VECTORS).unwrap();
    let vectors = root["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 60, "only {} vectors", vectors.len());
    let mut failures = Vec::new();
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let input = v["input"].as_str().unwrap();
        let options = options(v);
        if let Err(e) = check(v, Reply::parse_with(input, options)) {
            failures.push(format!("{name}: {e}"));
        }
        // The same input, fed one byte at a time, until the buffer says the reply is complete.
        let mut buf = ReplyBuffer::<2048>::with_options(options);
        let mut fed = 0;
        let mut fed_error = None;
        for b in input.as_bytes() {
            fed += 1;
            match buf.feed(core::slice::from_ref(b)) {
                Ok(smtp_codes::Feed::NeedMore) => {}
                Ok(smtp_codes::Feed::Complete { .. }) => break,
                Err(e) => {
                    fed_error = Some(e);
                    break;
                }
            }
        }
        match fed_error {
            Some(e) => {
                if let Err(d) = check(v, Err(e)) {
                    failures.push(format!("{name} (fed byte by byte): {d}"));
                }
            }
            // A stream ends a reply at its first last line: what follows is the next reply.
            None if fed < input.len() => {
                if buf.reply() != Reply::parse_with(&input[..fed], options) {
                    failures.push(format!(
                        "{name} (fed byte by byte): differs from one-shot parsing"
                    ));
                }
            }
            None => {
                if let Err(d) = check(v, buf.reply()) {
                    failures.push(format!("{name} (fed byte by byte): {d}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors fail:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

#[test]
fn classifications_match_the_vectors() {
    let root: Value = serde_json::from_str(VECTORS).unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for v in root["vectors"].as_array().unwrap() {
        let want = &v["classification"];
        if want.is_null() {
            continue;
        }
        let input = v["input"].as_str().unwrap();
        let reply = Reply::parse_with(input, options(v)).unwrap();
        let c = smtp_codes::classify::classify(&reply);
        let got = (c.outcome.as_str(), c.reason.id(), c.bounce.as_str());
        let expected = (
            want["class"].as_str().unwrap(),
            want["reason"].as_str().unwrap(),
            want["bounce"].as_str().unwrap(),
        );
        checked += 1;
        if got != expected {
            failures.push(format!(
                "{}: got {got:?} ({}), expected {expected:?}",
                v["name"], c.decided_by
            ));
        }
    }
    assert!(checked >= 30, "{checked} vectors carry a classification");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
