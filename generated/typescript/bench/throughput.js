// Parse and classify throughput on the dev corpus (generated/rust/tests/corpus/replies-dev.jsonl,
// each reply in wire form with CRLF), the same work as the Rust benches
// `cargo bench -p smtp-codes-bench --bench parse` and `--bench classify`.
//
//   npm run build && node bench/throughput.js
//
// A benchmark, not a test: it prints figures and asserts nothing about speed.

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

import { classify, Reply } from "../dist/index.js";

const corpusFile = new URL("../../rust/tests/corpus/replies-dev.jsonl", import.meta.url);
const replies = readFileSync(corpusFile, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => `${JSON.parse(l).reply}\r\n`);
const encoder = new TextEncoder();
const bytes = replies.reduce((n, r) => n + encoder.encode(r).length, 0);

/** Seconds per pass over the corpus: best of 5 runs of at least `budget` seconds each. */
function secondsPerPass(pass, budget = 1) {
  let sink = 0;
  for (let i = 0; i < 50; i++) sink += pass(); // warm up the JIT
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    let passes = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < budget * 1000) {
      sink += pass();
      passes++;
      elapsed = performance.now() - start;
    }
    best = Math.min(best, elapsed / 1000 / passes);
  }
  if (sink === 42) console.log(""); // keep the work observable
  return best;
}

/** What the Rust parse bench derives from each reply: code, text lengths, enhanced detail. */
function parse() {
  let n = 0;
  for (const r of replies) {
    const reply = Reply.parse(r);
    n += reply.code;
    for (const t of reply.textBytes()) n += t.length;
    n += reply.enhancedCode?.detail ?? 0;
  }
  return n;
}

function parseAndClassify() {
  let n = 0;
  for (const r of replies) n += classify(Reply.parse(r)).reason.id.length;
  return n;
}

const parsed = replies.map((r) => Reply.parse(r));
function classifyOnly() {
  let n = 0;
  for (const reply of parsed) n += classify(reply).reason.id.length;
  return n;
}

console.log(`node ${process.version}; corpus: ${replies.length} replies, ${bytes} bytes`);
for (const [name, pass] of [
  ["parse", parse],
  ["parse_and_classify", parseAndClassify],
  ["classify_only", classifyOnly],
]) {
  const s = secondsPerPass(pass);
  const perReply = (s / replies.length) * 1e6;
  console.log(
    `${name.padEnd(20)} ${(s * 1e3).toFixed(3)} ms/pass  ${perReply.toFixed(2)} µs/reply  ${(replies.length / s / 1e3).toFixed(0)}k replies/s  ${(bytes / s / 1e6).toFixed(1)} MB/s`,
  );
}
