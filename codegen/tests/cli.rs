//! The `cargo codegen` command on a scratch project: generate, check, orphans, hand-written
//! files, and writing nothing when the registry is invalid.

mod common;
use common::{codegen, text};

use std::fs;
use std::path::{Path, PathBuf};

fn scratch(name: &str) -> PathBuf {
    common::scratch("cli", name)
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
    // The small fixture has a few of IANA's codes: the others are reported missing.
    assert_eq!(d.status.code(), Some(1));
    let out = text(&d);
    let xml = codegen::iana::parse_xml(&fs::read_to_string(&real).unwrap()).unwrap();
    let last = &xml.enumerated.last().unwrap().code;
    assert!(
        out.contains(&format!("{last}: registered by IANA, missing from data/")),
        "{out}"
    );
    assert!(out.contains("X.1.3: sample_text differs"), "{out}");
    let missing = codegen(&root, &["iana-diff", "/nonexistent.xml"]);
    assert_eq!(missing.status.code(), Some(2));
    fs::remove_dir_all(&root).unwrap();
}

/// Changes the registry so that every output family has new contents to write.
fn change_the_registry(root: &Path) {
    let p = root.join("data/basic.yaml");
    let text = fs::read_to_string(&p).unwrap();
    let changed = text.replacen("  description: ", "  description: Changed. ", 1);
    assert_ne!(text, changed);
    fs::write(&p, changed).unwrap();
}

/// Every hidden temporary or set-aside file the write path may leave under `dir`.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(leftovers(&p));
        } else if p.to_string_lossy().contains(".codegen-") {
            found.push(p);
        }
    }
    found
}

#[test]
fn a_target_that_cannot_be_written_leaves_the_old_tree() {
    let root = scratch("unwritable");
    assert!(codegen(&root, &[]).status.success());
    let json = root.join("generated/json/smtp-codes.json");
    let before = fs::read(&json).unwrap();
    // A hand-written file where the site needs a folder: not even root can write through it.
    fs::remove_dir_all(root.join("site/basic")).unwrap();
    fs::write(root.join("site/basic"), "a person's notes\n").unwrap();
    change_the_registry(&root);
    let g = codegen(&root, &[]);
    assert_eq!(g.status.code(), Some(1), "{}", text(&g));
    let err = String::from_utf8_lossy(&g.stderr);
    assert!(
        err.contains("site/basic: cannot create the folder that site/basic/101.html needs (a file of that name is in the way): "),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(
        fs::read(&json).unwrap(),
        before,
        "generated/ kept its old contents"
    );
    assert_eq!(
        fs::read_to_string(root.join("site/basic")).unwrap(),
        "a person's notes\n"
    );
    assert_eq!(leftovers(&root), Vec::<PathBuf>::new());
    // Out of the way, the next run writes everything, and clears what a killed run left.
    fs::remove_file(root.join("site/basic")).unwrap();
    let killed = root.join("generated/json/.smtp-codes.json.codegen-tmp");
    fs::write(&killed, "half a file").unwrap();
    assert!(codegen(&root, &[]).status.success());
    assert_eq!(leftovers(&root), Vec::<PathBuf>::new());
    assert!(codegen(&root, &["check"]).status.success());
    assert_ne!(fs::read(&json).unwrap(), before);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_folder_where_a_file_goes_is_named() {
    let root = scratch("dir-in-the-way");
    assert!(codegen(&root, &[]).status.success());
    let header = root.join("generated/c/smtp_codes.h");
    fs::remove_file(&header).unwrap();
    fs::create_dir(&header).unwrap();
    change_the_registry(&root);
    let g = codegen(&root, &[]);
    assert_eq!(g.status.code(), Some(1), "{}", text(&g));
    let err = String::from_utf8_lossy(&g.stderr);
    assert!(
        err.contains("generated/c/smtp_codes.h: cannot read the file: Is a directory"),
        "{err}"
    );
    assert_eq!(leftovers(&root), Vec::<PathBuf>::new());
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_file_without_the_marker_is_never_overwritten() {
    let root = scratch("not-owned");
    assert!(codegen(&root, &[]).status.success());
    let json = root.join("generated/json/smtp-codes.json");
    let header = root.join("generated/c/smtp_codes.h");
    fs::write(&json, "{\"mine\": true}\n").unwrap();
    let header_before = fs::read(&header).unwrap();
    change_the_registry(&root);
    let g = codegen(&root, &[]);
    assert_eq!(g.status.code(), Some(1), "{}", text(&g));
    let err = String::from_utf8_lossy(&g.stderr);
    assert!(
        err.contains(&format!(
            "generated/json/smtp-codes.json: exists without the `{}` line, so it is not the generator's to overwrite",
            codegen::outputs::MARKER
        )),
        "{err}"
    );
    assert!(
        err.contains("1 file(s) in the way are not the generator's; nothing was written"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&json).unwrap(), "{\"mine\": true}\n");
    assert_eq!(
        fs::read(&header).unwrap(),
        header_before,
        "nothing was written"
    );
    fs::remove_dir_all(&root).unwrap();
}
