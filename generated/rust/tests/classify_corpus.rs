//! The classifier on the labelled corpus (`tests/corpus/replies-dev.jsonl`): the class is
//! always right (it follows the reply code), and the reason is right on at least 90% of the
//! replies whose label rests on the text itself (`basis: text`). Run with `--nocapture` to see
//! the per-reason table.
//! (Hand-written; the generator leaves this file alone.)

use std::collections::BTreeMap;

use serde_json::Value;
use smtp_codes::classify::{classify, Bounce};
use smtp_codes::Reply;

const CORPUS: &str = include_str!("corpus/replies-dev.jsonl");

#[test]
fn reasons_on_the_labelled_corpus() {
    // reason -> (right, total) over text-basis replies, and over all replies.
    let mut text: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut all: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (i, line) in CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line).unwrap();
        let input = v["reply"].as_str().unwrap();
        let want = v["reason"].as_str().unwrap();
        let basis = v["basis"].as_str().unwrap();
        let reply = Reply::parse(input).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        let c = classify(&reply);
        assert_eq!(
            c.outcome.as_str(),
            v["class"].as_str().unwrap(),
            "line {}",
            i + 1
        );
        // Bounce follows the outcome: none for success and intermediate, soft for transient.
        match c.outcome.as_str() {
            "success" | "intermediate" => assert_eq!(c.bounce, Bounce::None),
            "transient" => assert_eq!(c.bounce, Bounce::Soft),
            _ => assert_ne!(c.bounce, Bounce::None),
        }
        let right = c.reason.id() == want;
        let e = all.entry(want.to_string()).or_default();
        e.1 += 1;
        e.0 += u32::from(right);
        if basis == "text" {
            let e = text.entry(want.to_string()).or_default();
            e.1 += 1;
            e.0 += u32::from(right);
        }
        if !right {
            misses.push(format!(
                "line {} [{basis}] labelled {want}, got {} ({}): {}",
                i + 1,
                c.reason,
                c.decided_by,
                input.lines().next().unwrap_or("")
            ));
        }
    }
    let sum =
        |m: &BTreeMap<String, (u32, u32)>| m.values().fold((0, 0), |a, x| (a.0 + x.0, a.1 + x.1));
    let (t_ok, t_n) = sum(&text);
    let (a_ok, a_n) = sum(&all);
    println!(
        "reason accuracy, text basis: {t_ok}/{t_n} = {:.1}%",
        100.0 * f64::from(t_ok) / f64::from(t_n)
    );
    println!(
        "reason accuracy, all replies: {a_ok}/{a_n} = {:.1}%",
        100.0 * f64::from(a_ok) / f64::from(a_n)
    );
    println!("{:<28} {:>9} {:>9}", "reason", "text", "all");
    for (reason, (ok, n)) in &all {
        let t = text
            .get(reason)
            .map_or("-".to_string(), |(o, n)| format!("{o}/{n}"));
        println!("{reason:<28} {t:>9} {:>9}", format!("{ok}/{n}"));
    }
    for m in &misses {
        println!("miss: {m}");
    }
    assert!(t_n >= 100, "the corpus has its text-basis replies");
    assert!(
        f64::from(t_ok) >= 0.9 * f64::from(t_n),
        "reason right on only {t_ok} of {t_n} text-basis replies:\n{}",
        misses.join("\n")
    );
}
