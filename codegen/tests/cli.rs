//! The `cargo codegen` command on a scratch project: generate, check, orphans, hand-written
//! files, and writing nothing when the registry is invalid.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("smtp-codes-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/data");
    copy_dir(&fixture, &root.join("data"));
    root
}

fn codegen(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn generate_then_check_is_fresh() {
    let root = scratch("fresh");
    let g = codegen(&root, &[]);
    assert!(g.status.success(), "{}", text(&g));
    assert!(root.join("generated/json/smtp-codes.json").exists());
    assert!(root.join("generated/rust/src/tables/mod.rs").exists());
    let c = codegen(&root, &["check"]);
    assert!(c.status.success(), "{}", text(&c));
    let again = codegen(&root, &["generate"]);
    assert!(
        text(&again).contains("0 written"),
        "a second run rewrites nothing: {}",
        text(&again)
    );
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn check_names_stale_missing_and_orphan_files_and_never_writes() {
    let root = scratch("stale");
    assert!(codegen(&root, &[]).status.success());
    let json = root.join("generated/json/smtp-codes.json");
    fs::write(&json, b"{}\n").unwrap();
    fs::remove_file(root.join("generated/rust/src/tables/class.rs")).unwrap();
    let orphan = root.join("site/old-page.html");
    fs::create_dir_all(orphan.parent().unwrap()).unwrap();
    fs::write(&orphan, format!("<!-- {} -->\n", codegen::outputs::MARKER)).unwrap();
    let c = codegen(&root, &["check"]);
    assert_eq!(c.status.code(), Some(1));
    let out = text(&c);
    assert!(
        out.contains("stale: generated/json/smtp-codes.json"),
        "{out}"
    );
    assert!(
        out.contains("missing: generated/rust/src/tables/class.rs"),
        "{out}"
    );
    assert!(out.contains("orphan: site/old-page.html"), "{out}");
    assert!(out.contains("run `cargo codegen`"), "{out}");
    assert_eq!(fs::read(&json).unwrap(), b"{}\n", "check never writes");
    assert!(orphan.exists(), "check never deletes");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn generate_removes_orphans_and_keeps_hand_written_files() {
    let root = scratch("orphans");
    assert!(codegen(&root, &[]).status.success());
    let orphan = root.join("generated/rust/src/tables/retired.rs");
    fs::write(&orphan, format!("// {}\n", codegen::outputs::MARKER)).unwrap();
    let orphan_dir = root.join("site/gone/deep.html");
    fs::create_dir_all(orphan_dir.parent().unwrap()).unwrap();
    fs::write(
        &orphan_dir,
        format!("<!-- {} -->\n", codegen::outputs::MARKER),
    )
    .unwrap();
    let hand = root.join("generated/rust/src/hand_written.rs");
    fs::write(&hand, "// written by a person\n").unwrap();
    let g = codegen(&root, &[]);
    assert!(g.status.success(), "{}", text(&g));
    assert!(!orphan.exists() && !orphan_dir.exists());
    assert!(
        !root.join("site/gone").exists(),
        "emptied folders are removed"
    );
    assert!(text(&g).contains("removed generated/rust/src/tables/retired.rs"));
    assert_eq!(
        fs::read_to_string(&hand).unwrap(),
        "// written by a person\n"
    );
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn an_invalid_registry_writes_nothing() {
    let root = scratch("invalid");
    assert!(codegen(&root, &[]).status.success());
    // Make outputs stale and plant an orphan, then break the registry.
    let json = root.join("generated/json/smtp-codes.json");
    fs::write(&json, b"{}\n").unwrap();
    let orphan = root.join("site/orphan.html");
    fs::create_dir_all(orphan.parent().unwrap()).unwrap();
    fs::write(&orphan, format!("<!-- {} -->\n", codegen::outputs::MARKER)).unwrap();
    let enhanced = root.join("data/enhanced.yaml");
    let broken = fs::read_to_string(&enhanced)
        .unwrap()
        .replace("- code: X.1.2", "- code: X.1.1");
    fs::write(&enhanced, broken).unwrap();
    let classes = root.join("data/classes.yaml");
    let broken = fs::read_to_string(&classes)
        .unwrap()
        .replace("- class: 4", "- class: 6");
    fs::write(&classes, broken).unwrap();
    let g = codegen(&root, &[]);
    assert_eq!(g.status.code(), Some(1));
    let err = String::from_utf8_lossy(&g.stderr);
    assert!(
        err.contains("data/enhanced.yaml:35:3: duplicate code `X.1.1`"),
        "{err}"
    );
    assert!(
        err.contains("data/classes.yaml:13:3: class `6` does not exist"),
        "{err}"
    );
    assert!(err.contains("problems found; nothing was written"), "{err}");
    assert_eq!(fs::read(&json).unwrap(), b"{}\n", "nothing was written");
    assert!(orphan.exists(), "nothing was removed");
    let v = codegen(&root, &["validate"]);
    assert_eq!(v.status.code(), Some(1));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn iana_diff_command() {
    let root = scratch("iana");
    fs::create_dir_all(root.join("data/iana")).unwrap();
    let real = codegen::project_root().join("data/iana/smtp-enhanced-status-codes.xml");
    let d = codegen(&root, &["iana-diff", real.to_str().unwrap()]);
    // The small fixture has 4 of IANA's 81 codes: everything else is reported missing.
    assert_eq!(d.status.code(), Some(1));
    let out = text(&d);
    assert!(
        out.contains("X.7.30: registered by IANA, missing from data/"),
        "{out}"
    );
    assert!(out.contains("X.1.3: sample_text differs"), "{out}");
    let missing = codegen(&root, &["iana-diff", "/nonexistent.xml"]);
    assert_eq!(missing.status.code(), Some(2));
    fs::remove_dir_all(&root).unwrap();
}
