//! Every port answers exactly as the Rust crate: the shared corpus (see the crate docs) goes
//! through `smtp-explain --jsonl` of the Rust crate and of each port, and the outputs must be
//! byte-for-byte equal.
//!
//! A port whose toolchain is missing is skipped with a message locally and fails in CI
//! (`CI` set), as the C header test does with compilers.

use std::path::{Path, PathBuf};

use std::process::Command;

use smtp_codes_conformance::{corpus, first_difference, project_root, run_jsonl};

/// Lines in the corpus (seeds first, then mutations).
const CORPUS_LINES: usize = 120_000;
const SEED: u64 = 0x5354_4d50_2043_4f44;

/// Builds the Rust `smtp-explain` in its own target folder (so that this test never waits on,
/// nor reads a stale binary from, the build that runs it) and returns its path.
fn rust_explain(root: &Path) -> PathBuf {
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

/// The Rust crate's answers to the corpus, computed once per test run.
fn rust_answers() -> &'static (Vec<u8>, Vec<u8>) {
    static ANSWERS: std::sync::OnceLock<(Vec<u8>, Vec<u8>)> = std::sync::OnceLock::new();
    ANSWERS.get_or_init(|| {
        let root = project_root();
        let input = corpus(&root, CORPUS_LINES, SEED);
        let mut cmd = Command::new(rust_explain(&root));
        cmd.arg("--jsonl").env_remove("SMTP_CODES_SITE");
        let out = run_jsonl(cmd, &input);
        (input, out)
    })
}

/// Runs the port's `smtp-explain --jsonl` over the corpus and requires the Rust crate's bytes.
/// `cmd` is the port's command without `--jsonl`.
#[allow(dead_code)] // each port's test calls it
fn assert_port_agrees(port: &str, mut cmd: Command) {
    let (input, want) = rust_answers();
    cmd.arg("--jsonl").env_remove("SMTP_CODES_SITE");
    let got = run_jsonl(cmd, input);
    if let Some(diff) = first_difference(input, want, &got) {
        panic!("the {port} port differs from the Rust crate at {diff}");
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
#[test]
fn python_port_agrees() {
    if !have("python3", "Python") {
        return;
    }
    let root = project_root();
    let mut cmd = Command::new("python3");
    cmd.args(["-m", "smtp_codes"])
        .env("PYTHONPATH", root.join("generated/python/src"))
        .env("PYTHONDONTWRITEBYTECODE", "1");
    assert_port_agrees("Python", cmd);
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

#[test]
fn go_port_agrees() {
    let root = project_root();
    if !have_go() {
        return;
    }
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
    assert_port_agrees("Go", Command::new(binary));
}

/// The TypeScript package (`generated/typescript/`): its dev dependencies are installed from
/// the committed lockfile when missing (`npm ci`), the sources compiled with its `tsc` into
/// `target/conformance/typescript/` (this test's own copy, so that it never reads a half-written
/// `dist/` of the package's own test), and its `smtp-explain` run on the corpus.
#[test]
fn typescript_port_agrees() {
    if !have("node", "TypeScript") || !have("npm", "TypeScript") {
        return;
    }
    let root = project_root();
    let package = root.join("generated/typescript");
    let out = root.join("target/conformance/typescript");
    std::fs::create_dir_all(&out).expect("target/ is writable");
    // One npm ci at a time: codegen's package test installs into the same node_modules.
    let lock = std::fs::File::create(root.join("target/typescript-npm.lock")).expect("lock file");
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
    let mut cmd = Command::new("node");
    cmd.arg(out.join("dist/bin/smtp-explain.js"));
    assert_port_agrees("TypeScript", cmd);
}
