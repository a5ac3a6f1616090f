//! The generated crate builds and tests on its own: copied out of the workspace, `cargo test`
//! passes with default features, with none, and with all that need no network.

mod common;
use common::copy_dir;

use std::fs;
use std::process::Command;

#[test]
fn the_crate_tests_on_its_own() {
    let root = codegen::project_root();
    let dir = std::env::temp_dir().join(format!("smtp-codes-standalone-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&root.join("generated/rust"), &dir);
    // The workspace's lock file pins the same versions the workspace tested with.
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let target = root.join("target/standalone-crate");
    for features in [
        &[][..],
        &["--no-default-features"][..],
        &["--features", "std,serde"][..],
    ] {
        let out = Command::new(env!("CARGO"))
            .arg("test")
            .arg("--offline")
            .arg("--quiet")
            .args(features)
            .env("CARGO_TARGET_DIR", &target)
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cargo test {features:?} failed in a standalone copy:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = fs::remove_dir_all(&dir);
}
