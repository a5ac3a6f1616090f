//! Messages per second over the dev set of real bounces (`tests/bounces/emails/`, 213
//! messages), and memory per message, counted by a global allocator that tallies every
//! allocation.
//!
//! `nice cargo bench -p smtp-bounce --bench messages`
//!
//! Before timing, one pass prints, per message on average: the message's size, the bytes
//! allocated in total while reading it, and the peak of live heap bytes during the read.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smtp_bounce::read_message;

/// Counts bytes allocated, bytes live, and the peak of live bytes.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    ALLOCATED.fetch_add(n, Ordering::Relaxed);
    let live = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's layout and pointer unchanged;
// the counters are plain atomics and never affect the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        grew(new_size);
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn messages() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bounces/emails");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/bounces/emails")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("an email"))
        .collect()
}

fn memory(msgs: &[Vec<u8>]) {
    let (mut allocated, mut peak, mut size) = (0usize, 0usize, 0usize);
    for m in msgs {
        let before_alloc = ALLOCATED.load(Ordering::Relaxed);
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let report = read_message(m);
        peak += PEAK.load(Ordering::Relaxed) - base;
        drop(report);
        allocated += ALLOCATED.load(Ordering::Relaxed) - before_alloc;
        size += m.len();
    }
    let n = msgs.len();
    println!(
        "memory per message over {n} messages: size {} B, allocated {} B, peak live {} B",
        size / n,
        allocated / n,
        peak / n
    );
}

fn bench(c: &mut Criterion) {
    let msgs = messages();
    memory(&msgs);
    let mut g = c.benchmark_group("bounce_dev_set");
    g.throughput(Throughput::Elements(msgs.len() as u64));
    g.bench_function("read_message", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(read_message(black_box(m)).recipients.len());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
