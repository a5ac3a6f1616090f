//! Benchmarks only: see `benches/parse.rs` and `cargo bench -p smtp-codes-bench`.
