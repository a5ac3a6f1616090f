//! Semver-safe growth: a crate that uses `smtp-codes` keeps compiling, unchanged, when the
//! registry gains codes. A small downstream crate (matches on every registry enum, typed
//! statics of the code tables) is built against the crate generated from a copy of the small
//! fixture registry; an enhanced code and a reply code are added to the fixture, the crate is
//! regenerated with the real `cargo codegen`, and the downstream crate is built again. A
//! second check shows why this holds: a match without a wildcard arm is refused (E0004)
//! already today, because the enums are `#[non_exhaustive]`.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DOWNSTREAM_TOML: &str = r#"[package]
name = "downstream"
version = "0.1.0"
edition = "2021"
publish = false

[features]
# A match with no wildcard arm: must not compile against smtp-codes.
exhaustive = []

[dependencies]
smtp-codes = { path = "../generated/rust" }

[workspace]
"#;

const DOWNSTREAM_LIB: &str = r#"//! What a user of smtp-codes writes.

use smtp_codes::{
    Class, Command, EnhancedInfo, KnownEnhancedCode, KnownReplyCode, Reason, ReplyInfo, Subject,
};

/// Typed statics of the tables: their types must not name the number of codes.
pub static ALL_ENHANCED: &[KnownEnhancedCode] = KnownEnhancedCode::ALL;
pub static ALL_REPLIES: &[KnownReplyCode] = KnownReplyCode::ALL;
pub static ENHANCED_INFO: &[EnhancedInfo] = smtp_codes::ENHANCED;
pub static REPLY_INFO: &[ReplyInfo] = smtp_codes::REPLIES;
pub static REASONS: &[Reason] = Reason::ALL;
pub static COMMANDS: &[Command] = Command::ALL;
pub static SUBJECTS: &[Subject] = Subject::ALL;
pub static CLASSES: &[Class] = Class::ALL;

pub fn enhanced(k: KnownEnhancedCode) -> &'static str {
    match k {
        KnownEnhancedCode::OtherUndefinedStatus => "other",
        _ => "something else",
    }
}

pub fn reply(k: KnownReplyCode) -> u16 {
    match k {
        KnownReplyCode::Ok => 1,
        _ => 0,
    }
}

pub fn reason(r: Reason) -> bool {
    matches!(r, Reason::Unknown)
}

pub fn class(c: Class) -> &'static str {
    match c {
        Class::Success => "ok",
        Class::PersistentTransientFailure => "later",
        Class::PermanentFailure => "never",
        _ => "new class",
    }
}

pub fn subject(s: Subject) -> u16 {
    match s {
        Subject::Addressing => 1,
        _ => 0,
    }
}

pub fn command(c: Command) -> &'static str {
    c.as_str()
}

pub fn counts() -> [usize; 8] {
    [
        ALL_ENHANCED.len(),
        ALL_REPLIES.len(),
        ENHANCED_INFO.len(),
        REPLY_INFO.len(),
        REASONS.len(),
        COMMANDS.len(),
        SUBJECTS.len(),
        CLASSES.len(),
    ]
}

#[cfg(feature = "exhaustive")]
pub fn exhaustive(c: Class) -> u8 {
    match c {
        Class::Success => 2,
        Class::PersistentTransientFailure => 4,
        Class::PermanentFailure => 5,
    }
}
"#;

const NEW_ENHANCED: &str = r#"
- code: X.1.9
  name: HypotheticalExampleRefusal
  sample_text: "Hypothetical example refusal"
  basic_codes:
    iana: "550"
    codes: [550]
  usable_as: [transient, permanent]
  description: A code invented for this test.
  status: current
  references:
    - { document: RFC 9999, section: "4.1" }
  iana:
    description: "This status code is returned when a hypothetical condition holds."
    reference: "[RFC9999], Section 4.1"
    submitter: "A. Person"
    change_controller: "IESG"
"#;

const NEW_REPLY: &str = "\n- code: 557\n  name: HypotheticalRefusal\n  status: standard\n  text: \"Hypothetical refusal\"\n  text_source: { document: RFC 9999, section: \"4.2\" }\n  introduced: { document: RFC 9999, section: \"4.2\" }\n  description: A reply code invented for this test.\n  commands: [RCPT]\n  meanings:\n    - text: \"Hypothetical refusal\"\n      document: RFC 9999\n      section: \"4.2\"\n      commands: [RCPT]\n";

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn codegen(root: &Path) -> Output {
    run(Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("--root")
        .arg(root))
}

fn cargo_check(dir: &Path, target: &Path, features: &[&str]) -> Output {
    run(Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet"])
        .args(features)
        .env("CARGO_TARGET_DIR", target)
        .current_dir(dir))
}

fn append(path: &PathBuf, text: &str) {
    let before = fs::read_to_string(path).unwrap();
    fs::write(path, before + text).unwrap();
}

#[test]
fn a_downstream_crate_compiles_unchanged_after_codes_are_added() {
    let project = codegen::project_root();
    let root = std::env::temp_dir().join(format!("smtp-codes-downstream-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    copy_dir(
        &project.join("codegen/tests/fixtures/small/data"),
        &root.join("data"),
    );
    // The hand-written part of the crate, as in the project; the generator writes the rest.
    copy_dir(
        &project.join("generated/rust"),
        &root.join("generated/rust"),
    );
    let downstream = root.join("downstream");
    fs::create_dir_all(downstream.join("src")).unwrap();
    fs::write(downstream.join("Cargo.toml"), DOWNSTREAM_TOML).unwrap();
    fs::write(downstream.join("src/lib.rs"), DOWNSTREAM_LIB).unwrap();
    let target = project.join("target/downstream");

    let g = codegen(&root);
    assert!(g.status.success(), "{}", text(&g));
    let before = fs::read_to_string(root.join("generated/rust/src/tables/known.rs")).unwrap();
    let b = cargo_check(&downstream, &target, &[]);
    assert!(b.status.success(), "downstream, first build:\n{}", text(&b));
    let e = cargo_check(&downstream, &target, &["--features", "exhaustive"]);
    assert!(!e.status.success(), "an exhaustive match compiled");
    assert!(text(&e).contains("E0004"), "{}", text(&e));

    // One enhanced code and one reply code more, regenerated.
    append(&root.join("data/enhanced.yaml"), NEW_ENHANCED);
    append(&root.join("data/basic.yaml"), NEW_REPLY);
    let g = codegen(&root);
    assert!(g.status.success(), "{}", text(&g));
    let after = fs::read_to_string(root.join("generated/rust/src/tables/known.rs")).unwrap();
    assert!(!before.contains("HypotheticalExampleRefusal"));
    assert!(after.contains("HypotheticalExampleRefusal") && after.contains("HypotheticalRefusal"));

    let b = cargo_check(&downstream, &target, &[]);
    assert!(
        b.status.success(),
        "the unchanged downstream crate no longer compiles after codes were added:\n{}",
        text(&b)
    );
    let _ = fs::remove_dir_all(&root);
}
