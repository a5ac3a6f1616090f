//! Classification throughput: every corpus reply parsed and classified (reason, bounce,
//! side, the evidence that decided it, the vendor entry that explains it).
//!
//! `cargo bench -p smtp-codes-bench --bench classify`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smtp_codes::classify::classify;
use smtp_codes::Reply;

const CORPUS: &str = include_str!("../../generated/rust/tests/corpus/replies-dev.jsonl");

fn corpus() -> Vec<String> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            format!("{}\r\n", v["reply"].as_str().expect("reply"))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let replies = corpus();
    let bytes: usize = replies.iter().map(String::len).sum();
    let mut g = c.benchmark_group("classify_corpus");
    g.throughput(Throughput::Elements(replies.len() as u64));
    g.bench_function("parse_and_classify", |b| {
        b.iter(|| {
            for r in &replies {
                let reply = Reply::parse(black_box(r.as_str())).unwrap();
                black_box(classify(&reply).reason);
            }
        })
    });
    let parsed: Vec<Reply<'_>> = replies
        .iter()
        .map(|r| Reply::parse(r.as_str()).unwrap())
        .collect();
    g.bench_function("classify_only", |b| {
        b.iter(|| {
            for reply in &parsed {
                black_box(classify(black_box(reply)).reason);
            }
        })
    });
    g.finish();
    println!("corpus: {} replies, {bytes} bytes", replies.len());
}

criterion_group!(benches, bench);
criterion_main!(benches);
