//! The shared test corpus of the ports, in the manner of ua-parser's: one set of inputs that
//! every implementation (the Rust crate, TypeScript, Python, Go) must answer identically.
//!
//! The corpus is built deterministically from three sources: the hand-labelled reply vectors
//! (`generated/json/reply-vectors.json`), every real reply of the labelled dev corpus
//! (`generated/rust/tests/corpus/replies-dev.jsonl`), and the provider wordings in the
//! registry's vendor data; then mutated (multi-line, odd spacing, codes in the text, non-ASCII,
//! truncation, line endings, bad lines) by a seeded generator, so every run and every machine
//! sees the same lines. Each line is a `smtp-explain --jsonl` input line.
//!
//! [`run_jsonl`] feeds a corpus to a command and returns its standard output, and
//! [`first_difference`] compares two outputs line by line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// The workspace root (the folder above this crate).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("conformance/ has a parent")
        .to_path_buf()
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The seed replies: vectors, the dev corpus and the vendor data's codes, tokens and patterns.
pub fn seed_replies(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let vectors = read_json(&root.join("generated/json/reply-vectors.json"));
    for v in vectors["vectors"].as_array().into_iter().flatten() {
        if let Some(s) = v["input"].as_str() {
            out.push(s.to_string());
        }
    }
    let corpus =
        std::fs::read_to_string(root.join("generated/rust/tests/corpus/replies-dev.jsonl"))
            .expect("the dev corpus is readable");
    for line in corpus.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("the dev corpus is JSON lines");
        if let Some(s) = v["reply"].as_str() {
            out.push(s.to_string());
        }
    }
    let registry = read_json(&root.join("generated/json/smtp-codes.json"));
    for v in registry["vendors"].as_array().into_iter().flatten() {
        // A reply in the provider's words: its codes, then its token and pattern.
        let mut reply = v["basic"]
            .as_u64()
            .map_or("550".to_string(), |b| b.to_string());
        for key in ["enhanced", "token", "pattern"] {
            if let Some(s) = v[key].as_str() {
                reply.push(' ');
                reply.push_str(s);
            }
        }
        out.push(reply);
    }
    out
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Pieces the mutations splice in.
const CODES: [&str; 16] = [
    "250", "421", "450", "451", "452", "500", "501", "503", "530", "550", "551", "552", "553",
    "554", "571", "999",
];
const ENHANCED: [&str; 14] = [
    "5.1.1", "4.7.0", "5.7.1", "5.7.26", "4.2.2", "5.2.2", "5.7.606", "4.7.650", "2.0.0", "5.0.0",
    "5.01.1", "5.1.1000", "9.9.9", "X.1.1",
];
const WORDS: [&str; 16] = [
    "User unknown",
    "mailbox full",
    "blocked using zen.spamhaus.org",
    "Relaying denied",
    "TSS04",
    "try again later",
    "over quota",
    "Message rejected as spam",
    "RESOLVER.ADR.RecipNotFound",
    "too many connections",
    "authentication required",
    "DMARC policy",
    "Bonjour à tous — ümlaut",
    "日本語のテキスト",
    "\u{1F4E7} emoji",
    "5.7.1 in the text",
];

/// One mutation of `seed`.
pub fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut s = seed.to_string();
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        s = match rng.below(16) {
            0 => s.replace("\r\n", "\n"),
            1 => s.trim_end_matches(['\r', '\n']).to_string(),
            2 => {
                // Truncate at a random character boundary.
                let cut = rng.below(s.len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&i| s.is_char_boundary(i))
                    .unwrap_or(0);
                s[..cut].to_string()
            }
            3 => {
                // Make it multi-line with the same (or another) code.
                let code = if rng.chance(80) {
                    s.get(..3).unwrap_or("550").to_string()
                } else {
                    rng.pick(&CODES).to_string()
                };
                let sep = if rng.chance(85) { "-" } else { " " };
                format!("{code}{sep}{}\r\n{s}", rng.pick(&WORDS))
            }
            4 => s.replacen(' ', if rng.chance(50) { "  " } else { "\t" }, 1),
            5 => format!("{} {}", s.trim_end(), rng.pick(&WORDS)),
            6 => format!("{} {}", s.trim_end(), rng.pick(&ENHANCED)),
            7 => {
                // Replace the reply code.
                let code = rng.pick(&CODES);
                match s.get(3..) {
                    Some(rest) => format!("{code}{rest}"),
                    None => code.to_string(),
                }
            }
            8 => {
                // Replace or insert an enhanced code after the reply code.
                let esc = rng.pick(&ENHANCED);
                match (s.get(..4), s.get(4..)) {
                    (Some(head), Some(rest)) => {
                        let rest = rest.split_once(' ').map_or("", |(_, r)| r);
                        format!("{head}{esc} {rest}")
                    }
                    _ => format!("550 {esc} {s}"),
                }
            }
            9 => format!(" {s}"),
            10 => format!("{s}   "),
            11 => s.to_uppercase(),
            12 => s.to_lowercase(),
            13 => format!("{s}\r\n"),
            14 => {
                // A nested reply, as bounces quote them.
                format!("550 5.0.0 Remote server returned '{}'", s.trim_end())
            }
            _ => {
                // A stray control or odd byte in the text.
                let odd = [
                    '\u{0}', '\u{7}', '\u{7f}', '\u{a0}', '\u{2028}', '"', '\\', '\u{feff}',
                ];
                let at = rng.below(s.len() + 1);
                let at = (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                format!("{}{}{}", &s[..at], rng.pick(&odd), &s[at..])
            }
        };
    }
    s
}

/// The corpus as `--jsonl` input: every seed as is, then `total` lines in all with mutations,
/// and a few lines that are not replies at all (not JSON, not a string, not UTF-8, blank).
pub fn corpus(root: &Path, total: usize, seed: u64) -> Vec<u8> {
    let seeds = seed_replies(root);
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let push = |out: &mut Vec<u8>, s: &str| {
        out.extend_from_slice(
            serde_json::to_string(s)
                .expect("a string serializes")
                .as_bytes(),
        );
        out.push(b'\n');
    };
    for s in &seeds {
        push(&mut out, s);
    }
    let bad: [&[u8]; 8] = [
        b"not json",
        b"42",
        b"",
        b"[\"550 in an array\"]",
        b"\"unterminated",
        b"\xff\xfe\"550 5.1.1 not utf-8\"",
        b"\"\\ud800 lone surrogate\"",
        b"  \"550 5.1.1 spaces around\"  \r",
    ];
    for b in bad {
        out.extend_from_slice(b);
        out.push(b'\n');
    }
    for i in seeds.len() + bad.len()..total {
        if i % 997 == 0 {
            out.extend_from_slice(bad[rng.below(bad.len())]);
            out.push(b'\n');
            continue;
        }
        let base = rng.pick(&seeds).clone();
        push(&mut out, &mutate(&mut rng, &base));
    }
    out
}

/// Runs `cmd` with `input` on standard input and returns its standard output; panics with
/// the command's standard error when it fails.
pub fn run_jsonl(mut cmd: Command, input: &[u8]) -> Vec<u8> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("the command runs");
    writer.join().expect("the writer thread ends");
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The first line where `got` differs from `want`, with both lines and the input line, or
/// `None` when they are byte-for-byte equal.
pub fn first_difference(input: &[u8], want: &[u8], got: &[u8]) -> Option<String> {
    if want == got {
        return None;
    }
    let inputs: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    let w: Vec<&[u8]> = want.split(|&b| b == b'\n').collect();
    let g: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i), g.get(i));
        if a != b {
            let show = |x: Option<&&[u8]>| {
                x.map_or("<missing>".to_string(), |l| {
                    String::from_utf8_lossy(l).into_owned()
                })
            };
            return Some(format!(
                "line {}: input {}\n  rust: {}\n  port: {}",
                i + 1,
                show(inputs.get(i)),
                show(a),
                show(b)
            ));
        }
    }
    Some("outputs differ".to_string())
}
