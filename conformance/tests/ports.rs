//! Every port answers exactly as the Rust crate: the shared corpus (see the crate docs) goes
//! through `smtp-explain --jsonl` of the Rust crate and of each port, and the outputs must be
//! byte-for-byte equal.
//!
//! Each port is compared three times: as the corpus stands, and in each of [`CONTEXTS`] (the
//! same corpus with `--command` and `--remote-host`, which change the verdict of many replies:
//! 552 to RCPT, bare rejections of DATA, vendors identified by their host). The context runs
//! are their own tests (`<port>_port_agrees_with_context`), so that a failure says which part
//! of the contract a port misses.
//!
//! A port whose toolchain is missing is skipped with a message locally and fails in CI
//! (`CI` set), as the C header test does with compilers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use smtp_codes_conformance::{corpus, first_difference, project_root, run_jsonl};

/// Lines in the corpus (seeds first, then mutations).
const CORPUS_LINES: usize = 120_000;
const SEED: u64 = 0x5354_4d50_2043_4f44;

/// The contexts every port is also compared in: what the replies answered and who sent them.
/// One names a vendor's host (Gmail's) with RCPT, the other a vendor's host (Exchange
/// Online's) with DATA, so that between them every context rule and host identification runs.
const CONTEXTS: [&[&str]; 2] = [
    &[
        "--command",
        "RCPT",
        "--remote-host",
        "gmail-smtp-in.l.google.com",
    ],
    &[
        "--command",
        "DATA",
        "--remote-host",
        "x.mail.protection.outlook.com",
    ],
];

/// Builds the Rust `smtp-explain` in its own target folder (so that this test never waits on,
/// nor reads a stale binary from, the build that runs it), once per test run, and returns its
/// path.
fn rust_explain(root: &Path) -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| build_rust_explain(root))
}

fn build_rust_explain(root: &Path) -> PathBuf {
    let target = root.join("target/conformance");
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--offline",
            "--quiet",
            "-p",
            "smtp-explain",
            "--bin",
            "smtp-explain",
        ])
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "building smtp-explain failed");
    target.join("debug/smtp-explain")
}

#[allow(dead_code)] // used by the ports' tests
fn in_ci() -> bool {
    std::env::var_os("CI").is_some()
}

#[allow(dead_code)] // used by the ports' tests
/// Is `program` on the PATH? Outside CI a missing one skips the port with a message.
fn have(program: &str, port: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(!in_ci(), "{port}: `{program}` is missing in CI");
        eprintln!("skipping the {port} port: `{program}` is not installed");
    }
    found
}

#[test]
fn the_corpus_is_large_and_varied() {
    let root = project_root();
    let input = corpus(&root, CORPUS_LINES, SEED);
    let lines: Vec<&[u8]> = input
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    assert!(lines.len() >= 100_000, "{} lines", lines.len());
    let multi = lines
        .iter()
        .filter(|l| l.windows(4).any(|w| w == b"\\r\\n" || w == b"\\n55"))
        .count();
    let non_ascii = lines
        .iter()
        .filter(|l| l.iter().any(|&b| b >= 0x80))
        .count();
    let not_strings = lines.iter().filter(|l| l.first() != Some(&b'"')).count();
    assert!(
        multi > 10_000 && non_ascii > 1_000 && not_strings > 50,
        "{multi} {non_ascii} {not_strings}"
    );
    assert_eq!(
        input,
        corpus(&root, CORPUS_LINES, SEED),
        "the corpus is deterministic"
    );
}

/// The corpus, made once per test run.
fn corpus_input() -> &'static [u8] {
    static INPUT: OnceLock<Vec<u8>> = OnceLock::new();
    INPUT.get_or_init(|| corpus(&project_root(), CORPUS_LINES, SEED))
}

/// The Rust crate's answers to the corpus with these extra arguments (none, or one of
/// [`CONTEXTS`]), computed once per test run.
fn rust_answers_in(context: &[&str]) -> &'static [u8] {
    static PLAIN: OnceLock<Vec<u8>> = OnceLock::new();
    static IN_CONTEXT: [OnceLock<Vec<u8>>; CONTEXTS.len()] = [OnceLock::new(), OnceLock::new()];
    let cell = match CONTEXTS.iter().position(|c| *c == context) {
        Some(i) => &IN_CONTEXT[i],
        None => {
            assert!(context.is_empty(), "not one of CONTEXTS: {context:?}");
            &PLAIN
        }
    };
    cell.get_or_init(|| {
        let mut cmd = Command::new(rust_explain(&project_root()));
        cmd.arg("--jsonl")
            .args(context)
            .env_remove("SMTP_CODES_SITE");
        run_jsonl(cmd, corpus_input())
    })
}

/// The Rust crate's answers to the corpus as it stands, with the corpus.
fn rust_answers() -> (&'static [u8], &'static [u8]) {
    (corpus_input(), rust_answers_in(&[]))
}

/// Runs the port's `smtp-explain --jsonl` (with `context`'s arguments) over the corpus and
/// requires the Rust crate's bytes. `cmd` is the port's command without `--jsonl`.
fn assert_port_agrees_in(port: &str, mut cmd: Command, context: &[&str]) {
    let input = corpus_input();
    let want = rust_answers_in(context);
    cmd.arg("--jsonl")
        .args(context)
        .env_remove("SMTP_CODES_SITE");
    let got = run_jsonl(cmd, input);
    if let Some(diff) = first_difference(input, want, &got) {
        if context.is_empty() {
            panic!("the {port} port differs from the Rust crate at {diff}");
        }
        panic!(
            "the {port} port differs from the Rust crate with `{}` at {diff}",
            context.join(" ")
        );
    }
}

/// Runs the port's `smtp-explain --jsonl` over the corpus and requires the Rust crate's bytes.
/// `cmd` is the port's command without `--jsonl`.
fn assert_port_agrees(port: &str, cmd: Command) {
    assert_port_agrees_in(port, cmd, &[]);
}

/// [`assert_port_agrees`] in each of [`CONTEXTS`]; `cmd` makes the port's command.
fn assert_port_agrees_with_context(port: &str, cmd: impl Fn() -> Command) {
    for context in CONTEXTS {
        assert_port_agrees_in(port, cmd(), context);
    }
}

/// The context runs are worth making: in each context the Rust crate answers many lines
/// differently than without one, and the context's own rules decide some of them.
#[test]
fn each_context_changes_the_answers() {
    const DECIDED: &[u8] = b"\"decided_by\":\"the context: ";
    let plain: Vec<&[u8]> = rust_answers_in(&[]).split(|&b| b == b'\n').collect();
    for context in CONTEXTS {
        let answers: Vec<&[u8]> = rust_answers_in(context).split(|&b| b == b'\n').collect();
        assert_eq!(answers.len(), plain.len(), "{context:?}");
        let changed = answers.iter().zip(&plain).filter(|(a, p)| a != p).count();
        let by_context = answers
            .iter()
            .filter(|a| a.windows(DECIDED.len()).any(|w| w == DECIDED))
            .count();
        let host_vendor = answers
            .iter()
            .zip(&plain)
            .filter(|(a, p)| {
                let vendor = |l: &[u8]| {
                    serde_json::from_slice::<serde_json::Value>(l)
                        .map_or(serde_json::Value::Null, |v| v["vendor"].clone())
                };
                a != p && vendor(a) != vendor(p)
            })
            .count();
        assert!(
            changed > 1_000 && by_context > 100 && host_vendor > 0,
            "{context:?}: {changed} lines changed, {by_context} decided by the context, {host_vendor} with another vendor"
        );
    }
}

#[test]
fn rust_answers_every_line_with_the_same_keys() {
    let (input, out) = rust_answers();
    let inputs = input.iter().filter(|&&b| b == b'\n').count();
    let lines: Vec<serde_json::Value> = out
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), inputs);
    let keys = |v: &serde_json::Value| {
        v.as_object()
            .expect("an object")
            .keys()
            .cloned()
            .collect::<Vec<_>>()
    };
    let first = keys(&lines[0]);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(keys(l), first, "line {}", i + 1);
        assert_eq!(l["line"], i + 1);
    }
    let errors = lines.iter().filter(|l| !l["error"].is_null()).count();
    assert!(
        errors > 100 && errors < lines.len() / 2,
        "{errors} error lines"
    );
}

/// The Python package (`generated/python/`), run from its source with `PYTHONPATH` pointing
/// at `src/` (no install needed: the package is pure Python with no dependencies).
fn python_explain() -> Command {
    let mut cmd = Command::new("python3");
    cmd.args(["-m", "smtp_codes"])
        .env("PYTHONPATH", project_root().join("generated/python/src"))
        .env("PYTHONDONTWRITEBYTECODE", "1");
    cmd
}

#[test]
fn python_port_agrees() {
    if have("python3", "Python") {
        assert_port_agrees("Python", python_explain());
    }
}

#[test]
fn python_port_agrees_with_context() {
    if have("python3", "Python") {
        assert_port_agrees_with_context("Python", python_explain);
    }
}

/// Go spells its version flag as a subcommand (`go version`), so `have` cannot ask it.
fn have_go() -> bool {
    let found = Command::new("go")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(!in_ci(), "Go: `go` is missing in CI");
        eprintln!("skipping the Go port: `go` is not installed");
    }
    found
}

/// The Go module's `smtp-explain` (`generated/go/`), built once per test run into
/// `target/go/`.
fn go_explain() -> Command {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    let binary = BINARY.get_or_init(|| {
        let root = project_root();
        let binary = root.join("target/go/smtp-explain");
        let status = Command::new("go")
            .args(["build", "-o"])
            .arg(&binary)
            .arg("./cmd/smtp-explain")
            .current_dir(root.join("generated/go"))
            .env("GOFLAGS", "-mod=mod")
            .env("GOPROXY", "off")
            .status()
            .expect("go runs");
        assert!(status.success(), "building the Go smtp-explain failed");
        binary
    });
    Command::new(binary)
}

#[test]
fn go_port_agrees() {
    if have_go() {
        assert_port_agrees("Go", go_explain());
    }
}

#[test]
fn go_port_agrees_with_context() {
    if have_go() {
        assert_port_agrees_with_context("Go", go_explain);
    }
}

/// The TypeScript package (`generated/typescript/`): its dev dependencies are installed from
/// the committed lockfile when missing (`npm ci`), the sources compiled with its `tsc` into
/// `target/conformance/typescript/` (this test's own copy, so that it never reads a half-written
/// `dist/` of the package's own test), once per test run, and its `smtp-explain` run on the
/// corpus.
fn typescript_explain() -> Command {
    static SCRIPT: OnceLock<PathBuf> = OnceLock::new();
    let script = SCRIPT.get_or_init(|| {
        let root = project_root();
        let package = root.join("generated/typescript");
        let out = root.join("target/conformance/typescript");
        std::fs::create_dir_all(&out).expect("target/ is writable");
        // One npm ci at a time: codegen's package test installs into the same node_modules.
        let lock =
            std::fs::File::create(root.join("target/typescript-npm.lock")).expect("lock file");
        lock.lock().expect("the lock is taken");
        if !package
            .join("node_modules/typescript/package.json")
            .exists()
        {
            let status = Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund"])
                .current_dir(&package)
                .status()
                .expect("npm runs");
            assert!(status.success(), "npm ci failed in {}", package.display());
        }
        let tsc = Command::new("node")
            .arg(package.join("node_modules/typescript/bin/tsc"))
            .arg("-p")
            .arg(&package)
            .arg("--outDir")
            .arg(out.join("dist"))
            .output()
            .expect("node runs tsc");
        assert!(
            tsc.status.success(),
            "tsc failed:\n{}",
            String::from_utf8_lossy(&tsc.stdout)
        );
        lock.unlock().expect("the lock is released");
        // The compiled files are ES modules: say so to node, as the package's package.json does.
        std::fs::write(out.join("package.json"), "{\"type\": \"module\"}\n").expect("written");
        out.join("dist/bin/smtp-explain.js")
    });
    let mut cmd = Command::new("node");
    cmd.arg(script);
    cmd
}

fn have_node() -> bool {
    have("node", "TypeScript") && have("npm", "TypeScript")
}

#[test]
fn typescript_port_agrees() {
    if have_node() {
        assert_port_agrees("TypeScript", typescript_explain());
    }
}

#[test]
fn typescript_port_agrees_with_context() {
    if have_node() {
        assert_port_agrees_with_context("TypeScript", typescript_explain);
    }
}
