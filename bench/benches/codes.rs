//! The value types and lookups of `smtp-codes`: parsing, formatting and registry lookups of
//! reply codes and enhanced status codes.
//!
//! `cargo bench -p smtp-codes-bench --bench codes`. Each benchmark runs over a small, fixed
//! mix of inputs (registered and unregistered codes) and reports the time per operation.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smtp_codes::{EnhancedCode, KnownEnhancedCode, ReplyCode};

const REPLY_TEXT: [&str; 8] = ["250", "354", "421", "450", "550", "552", "571", "299"];
const ENHANCED_TEXT: [&str; 8] = [
    "5.1.1", "4.2.2", "2.0.0", "5.7.26", "5.7.509", "4.4.316", "5.7.1", "4.7.0",
];

fn replies() -> Vec<ReplyCode> {
    REPLY_TEXT.iter().map(|s| s.parse().unwrap()).collect()
}

fn enhanced() -> Vec<EnhancedCode> {
    ENHANCED_TEXT.iter().map(|s| s.parse().unwrap()).collect()
}

fn bench(c: &mut Criterion) {
    let n = REPLY_TEXT.len() as u64;
    let mut g = c.benchmark_group("reply_code");
    g.throughput(Throughput::Elements(n));
    g.bench_function("parse", |b| {
        b.iter(|| {
            for s in REPLY_TEXT {
                black_box(black_box(s).parse::<ReplyCode>().ok());
            }
        })
    });
    let codes = replies();
    let mut buf = String::with_capacity(16);
    g.bench_function("display", |b| {
        b.iter(|| {
            for c in &codes {
                buf.clear();
                write!(buf, "{}", black_box(c)).unwrap();
                black_box(&buf);
            }
        })
    });
    g.bench_function("as_str", |b| {
        b.iter(|| {
            for c in &codes {
                black_box(black_box(c).as_str());
            }
        })
    });
    g.bench_function("info", |b| {
        b.iter(|| {
            for c in &codes {
                black_box(black_box(*c).info());
            }
        })
    });
    g.finish();

    let n = ENHANCED_TEXT.len() as u64;
    let mut g = c.benchmark_group("enhanced_code");
    g.throughput(Throughput::Elements(n));
    g.bench_function("parse", |b| {
        b.iter(|| {
            for s in ENHANCED_TEXT {
                black_box(black_box(s).parse::<EnhancedCode>().ok());
            }
        })
    });
    let codes = enhanced();
    g.bench_function("display", |b| {
        b.iter(|| {
            for c in &codes {
                buf.clear();
                write!(buf, "{}", black_box(c)).unwrap();
                black_box(&buf);
            }
        })
    });
    let mut ascii = [0u8; 11];
    g.bench_function("write_ascii", |b| {
        b.iter(|| {
            for c in &codes {
                black_box(black_box(c).write_ascii(&mut ascii));
            }
        })
    });
    g.bench_function("info", |b| {
        b.iter(|| {
            for c in &codes {
                black_box(black_box(*c).info());
            }
        })
    });
    let reply = ReplyCode::MAILBOX_UNAVAILABLE;
    g.bench_function("is_consistent_with", |b| {
        b.iter(|| {
            for c in &codes {
                black_box(black_box(*c).is_consistent_with(black_box(reply)));
            }
        })
    });
    g.bench_function("known_from_parts", |b| {
        b.iter(|| {
            for c in &codes {
                black_box(KnownEnhancedCode::from_parts(
                    black_box(c.subject()),
                    black_box(c.detail()),
                ));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
