//! The TypeScript package (`generated/typescript/`) builds and passes its own tests: its dev
//! dependencies install from the committed lockfile (`npm ci`), `tsc --strict` compiles it
//! without a diagnostic, `node --test` runs its suites (the reply vectors, the API, the
//! command line, the README's examples, the freshness of the site's browser bundle), and
//! `npm pack --dry-run` lists a clean tarball.
//!
//! The compiled output (`dist/`) is not committed: this test builds it, as `npm pack` does
//! through the package's `prepack` script, so a clean clone needs nothing but Node and npm.
//! Without them the test is skipped with a message; with `CI` set it fails instead.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn package() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../generated/typescript")
        .canonicalize()
        .expect("generated/typescript exists")
}

/// Is `program` installed? Outside CI a missing one skips the test with a message.
fn have(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "`{program}` is missing in CI"
        );
        eprintln!("skipping the TypeScript package test: `{program}` is not installed");
    }
    found
}

fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        out.status.success(),
        "`{program} {}` failed ({}):\n{}\n{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn the_package_builds_and_passes_its_tests() {
    if !have("node") || !have("npm") {
        return;
    }
    let dir = package();
    // One install at a time: the conformance test uses the same node_modules.
    let target = dir.join("../../target");
    std::fs::create_dir_all(&target).expect("target/ is writable");
    let lock = File::create(target.join("typescript-npm.lock")).expect("lock file");
    lock.lock().expect("the lock is taken");
    run("npm", &["ci", "--no-audit", "--no-fund"], &dir);
    let tsc = run(
        "node",
        &["node_modules/typescript/bin/tsc", "-p", "."],
        &dir,
    );
    assert!(tsc.stdout.is_empty(), "tsc reported diagnostics");
    // The site's search (browser/), with the DOM's types; test/browser.test.js then checks that
    // the committed bundle browser/engine.js is what these sources build.
    let tsc = run(
        "node",
        &["node_modules/typescript/bin/tsc", "-p", "browser"],
        &dir,
    );
    assert!(
        tsc.stdout.is_empty(),
        "tsc reported diagnostics in browser/"
    );
    let tests = run("node", &["--test", "test/"], &dir);
    let report = String::from_utf8_lossy(&tests.stdout);
    assert!(report.contains("# fail 0"), "node --test:\n{report}");
    let pack = run("npm", &["pack", "--dry-run", "--json"], &dir);
    lock.unlock().expect("the lock is released");

    // The tarball holds the package's manifest, README and compiled modules with their
    // declarations, and nothing else (no sources, tests, lockfile or node_modules).
    let listing: serde_json::Value = serde_json::from_slice(&pack.stdout).expect("npm pack --json");
    let files: Vec<&str> = listing[0]["files"]
        .as_array()
        .expect("a file list")
        .iter()
        .map(|f| f["path"].as_str().expect("a path"))
        .collect();
    for required in [
        "package.json",
        "README.md",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/bin/smtp-explain.js",
        "dist/tables/registry.js",
    ] {
        assert!(
            files.contains(&required),
            "{required} is missing: {files:?}"
        );
    }
    for f in &files {
        let expected = *f == "package.json"
            || *f == "README.md"
            || (f.starts_with("dist/") && (f.ends_with(".js") || f.ends_with(".d.ts")));
        assert!(expected, "unexpected file in the tarball: {f}");
    }
    assert_eq!(listing[0]["name"], "smtp-codes");
}

/// The package's version is the generated crate's (both come from the generator).
#[test]
fn the_package_version_is_the_crates() {
    let dir = package();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("package.json")).expect("package.json"))
            .expect("package.json is JSON");
    let cargo = std::fs::read_to_string(dir.join("../rust/Cargo.toml")).expect("Cargo.toml");
    let version = cargo
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("the crate has a version");
    assert_eq!(manifest["version"], version);
    let lock: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("package-lock.json")).expect("package-lock.json"),
    )
    .expect("package-lock.json is JSON");
    assert_eq!(
        lock["packages"][""]["version"], version,
        "package-lock.json is stale: run `npm install --package-lock-only` in generated/typescript"
    );
}
