//! Parses the whole reply corpus (218 real replies, `generated/rust/tests/corpus/`) with
//! smtp-codes, lettre's response parser and smtp-proto's `ResponseReceiver`, in one run.
//!
//! `cargo bench -p smtp-codes-bench` prints criterion's figures per parser, then a summary:
//! throughput in MB/s and replies/s, the ratio to each other parser, how many replies each
//! accepted, and heap allocations per parse, counted by the global allocator below.
//!
//! Every parser gets the wire form (each reply with CRLF after its last line) and produces
//! what its users read: the reply code and each line's text (smtp-codes: iterating
//! `Reply::lines`; lettre: `Response::message`, a `Vec<String>`; smtp-proto: one `String`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion, Throughput};

/// Counts allocations (and reallocations) on top of the system allocator.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const CORPUS: &str = include_str!("../../generated/rust/tests/corpus/replies-dev.jsonl");

/// The corpus replies in wire form.
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

/// One parser: parses a reply, returns something derived from all it read (so nothing is
/// optimised away) or `None` when it refuses the reply.
struct Parser {
    name: &'static str,
    parse: fn(&str) -> Option<usize>,
}

fn smtp_codes_parse(s: &str) -> Option<usize> {
    let reply = smtp_codes::Reply::parse(s).ok()?;
    let mut n = reply.code().as_u16() as usize;
    for line in reply.lines() {
        n += line.text().len();
    }
    if let Some(e) = reply.enhanced_code() {
        n += e.detail() as usize;
    }
    Some(n)
}

fn smtp_codes_parse_only(s: &str) -> Option<usize> {
    let reply = smtp_codes::Reply::parse(s).ok()?;
    Some(reply.code().as_u16() as usize + reply.line_count())
}

fn lettre_parse(s: &str) -> Option<usize> {
    let r = lettre::transport::smtp::response::Response::from_str(s).ok()?;
    let code: u16 = r.code().into();
    Some(code as usize + r.message().map(str::len).sum::<usize>())
}

fn smtp_proto_parse(s: &str) -> Option<usize> {
    let mut receiver = smtp_proto::response::parser::ResponseReceiver::default();
    let r = receiver.parse(&mut s.as_bytes().iter()).ok()?;
    Some(r.code as usize + r.esc[2] as usize + r.message.len())
}

const PARSERS: [Parser; 4] = [
    Parser {
        name: "smtp-codes",
        parse: smtp_codes_parse,
    },
    Parser {
        name: "smtp-codes (parse only, lines not read)",
        parse: smtp_codes_parse_only,
    },
    Parser {
        name: "lettre",
        parse: lettre_parse,
    },
    Parser {
        name: "smtp-proto",
        parse: smtp_proto_parse,
    },
];

fn run_all(p: &Parser, replies: &[String]) -> usize {
    let mut acc = 0;
    for r in replies {
        acc += (p.parse)(black_box(r)).unwrap_or(1);
    }
    acc
}

fn criterion_benches(c: &mut Criterion) {
    let replies = corpus();
    let bytes: usize = replies.iter().map(String::len).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    for p in &PARSERS {
        group.bench_function(p.name, |b| b.iter(|| run_all(p, &replies)));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = criterion_benches
}

/// Times whole-corpus passes for at least `budget`; returns seconds per pass (best of 5).
fn seconds_per_pass(p: &Parser, replies: &[String], budget: Duration) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let mut passes = 0u32;
        while start.elapsed() < budget / 5 {
            black_box(run_all(p, replies));
            passes += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / f64::from(passes));
    }
    best
}

fn summary() {
    let replies = corpus();
    let bytes: usize = replies.iter().map(String::len).sum();
    println!(
        "\nSummary: {} replies, {} bytes, one pass = every reply parsed once",
        replies.len(),
        bytes
    );
    let mut rows = Vec::new();
    for p in &PARSERS {
        let accepted = replies.iter().filter(|r| (p.parse)(r).is_some()).count();
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        black_box(run_all(p, &replies));
        let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
        let secs = seconds_per_pass(p, &replies, Duration::from_secs(2));
        rows.push((p.name, secs, accepted, allocations));
    }
    println!(
        "{:<42} {:>10} {:>12} {:>9} {:>14}",
        "parser", "MB/s", "replies/s", "accepted", "allocs/reply"
    );
    for (name, secs, accepted, allocations) in &rows {
        println!(
            "{:<42} {:>10.1} {:>12.0} {:>5}/{:<3} {:>14.2}",
            name,
            bytes as f64 / secs / 1e6,
            replies.len() as f64 / secs,
            accepted,
            replies.len(),
            *allocations as f64 / replies.len() as f64
        );
    }
    let ours = rows[0].1;
    for (name, secs, ..) in &rows[2..] {
        println!("smtp-codes is {:.1}x as fast as {name}", secs / ours);
    }
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // SMTP_BENCH_SUMMARY=0 skips the summary (for profiling one criterion benchmark).
    if std::env::var_os("SMTP_BENCH_SUMMARY").is_none_or(|v| v != "0") {
        summary();
    }
}
