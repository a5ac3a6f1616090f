//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Copies the folder `from` to `to`, recursively, leaving out `target` folders.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let name = e.file_name();
        if name == "target" {
            continue;
        }
        let dest = to.join(&name);
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A fresh folder under the temporary directory holding a copy of the small fixture's
/// `data/`, named by the test file (`kind`) and the case.
#[allow(dead_code)] // not every test file that shares these helpers uses each
pub fn scratch(kind: &str, name: &str) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("smtp-codes-{kind}-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/data");
    copy_dir(&fixture, &root.join("data"));
    root
}

/// Runs `cargo codegen ARGS --root ROOT`.
#[allow(dead_code)]
pub fn codegen(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

/// A command's standard output and standard error, as text.
#[allow(dead_code)]
pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}
