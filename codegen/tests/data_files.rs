//! The files of a registry as an unlucky user leaves them: missing, empty, misnamed, stray,
//! not UTF-8, with a tab or a byte-order mark, an alias bomb, a string or a file too long.
//! Each case copies the small fixture, does one thing to it, and checks every message.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};

fn small() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/data")
}

/// Loads a copy of the small fixture after `change`; every diagnostic, or `Ok` when valid.
fn load_after(case: &str, change: impl FnOnce(&Path)) -> Result<(), Vec<String>> {
    let dir = std::env::temp_dir().join(format!("smtp-codes-files-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&small(), &dir);
    change(&dir);
    let result = codegen::load::load_as(&dir, "data");
    let _ = fs::remove_dir_all(&dir);
    result
        .map(|_| ())
        .map_err(|e| e.0.iter().map(|d| d.to_string()).collect())
}

fn assert_errors(case: &str, change: impl FnOnce(&Path), expected: &[&str]) {
    match load_after(case, change) {
        Ok(()) => panic!("case {case}: the broken registry was accepted"),
        Err(got) => assert_eq!(got, expected, "case {case}"),
    }
}

/// Replaces the first `find` in `dir/file` with `replace`.
fn edit(dir: &Path, file: &str, find: &str, replace: &str) {
    let p = dir.join(file);
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(find), "`{find}` not in {file}");
    fs::write(&p, text.replacen(find, replace, 1)).unwrap();
}

#[test]
fn a_missing_data_file() {
    assert_errors(
        "missing",
        |d| fs::remove_file(d.join("troubleshooting.yaml")).unwrap(),
        &["data/troubleshooting.yaml: the file is missing; the registry needs it (see data/README.md)"],
    );
}

#[test]
fn an_empty_data_file() {
    for (case, contents) in [("empty", ""), ("comments-only", "# nothing yet\n\n")] {
        assert_errors(
            case,
            |d| fs::write(d.join("troubleshooting.yaml"), contents).unwrap(),
            &["data/troubleshooting.yaml: the file is empty; it should hold a list of troubleshooting entries (see data/README.md)"],
        );
    }
    // The vectors would otherwise vanish from the outputs without a word.
    assert_errors(
        "empty-vectors",
        |d| fs::write(d.join("reply-vectors.yaml"), "").unwrap(),
        &["data/reply-vectors.yaml: the file is empty; it should hold a list of reply vectors (see data/README.md)"],
    );
}

#[test]
fn a_missing_or_empty_vendors_folder() {
    assert_errors(
        "no-vendors",
        |d| fs::remove_dir_all(d.join("vendors")).unwrap(),
        &["data/vendors: the vendors folder is missing; it holds one `<vendor-id>.yaml` per provider or mail server (see data/README.md)"],
    );
    assert_errors(
        "empty-vendors",
        |d| fs::remove_file(d.join("vendors/example-mail.yaml")).unwrap(),
        &["data/vendors: the vendors folder holds no vendor file; add one `<vendor-id>.yaml` per provider or mail server (see data/README.md)"],
    );
}

#[test]
fn files_the_loader_would_never_read() {
    assert_errors(
        "yml-vendor",
        |d| {
            fs::rename(
                d.join("vendors/example-mail.yaml"),
                d.join("vendors/example-mail.yml"),
            )
            .unwrap()
        },
        &["data/vendors/example-mail.yml: unexpected file: the registry never reads it; rename it to `example-mail.yaml`, or move it out of data/"],
    );
    assert_errors(
        "strays",
        |d| {
            fs::rename(d.join("commands.yaml"), d.join("commands.yml")).unwrap();
            fs::write(d.join("notes.txt"), "todo\n").unwrap();
            fs::create_dir(d.join("vendors/old")).unwrap();
            // Hidden files are an editor's or git's, not data.
            fs::write(d.join(".gitkeep"), "").unwrap();
        },
        &[
            "data/commands.yaml: the file is missing; the registry needs it (see data/README.md)",
            "data/commands.yml: unexpected file: the registry never reads it; rename it to `commands.yaml`, or move it out of data/",
            "data/notes.txt: unexpected file: the registry never reads it; the loader reads only registry.yaml, classes.yaml, subjects.yaml, enhanced.yaml, basic.yaml, nonstandard.yaml, commands.yaml, troubleshooting.yaml, classifier.yaml, bounce-formats.yaml, documents.yaml, editions.yaml, reply-vectors.yaml, or move it out of data/",
            "data/vendors/old: unexpected file: the registry never reads it; the loader reads only <vendor-id>.yaml, or move it out of data/",
        ],
    );
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    assert_errors(
        "latin1",
        |d| {
            let p = d.join("commands.yaml");
            let text = fs::read_to_string(&p).unwrap();
            fs::write(&p, text.replacen("transaction", "transacti\u{f3}n", 1).replace('\u{f3}', "\u{0}"))
                .unwrap();
            let mut bytes = fs::read(&p).unwrap();
            let at = bytes.iter().position(|b| *b == 0).unwrap();
            bytes[at] = 0xF3;
            fs::write(&p, bytes).unwrap();
        },
        &["data/commands.yaml:8:34: byte 0xF3 is not UTF-8; save the file as UTF-8 (data files are UTF-8 text)"],
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let loaded = load_after("bom", |d| {
        let p = d.join("classes.yaml");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(fs::read(&p).unwrap());
        fs::write(&p, bytes).unwrap();
    });
    assert_eq!(loaded, Ok(()));
}

#[test]
fn a_tab_in_the_indentation_is_named_on_its_line() {
    assert_errors(
        "tab",
        |d| edit(d, "commands.yaml", "\n  description: Starts", "\n\tdescription: Starts"),
        &["data/commands.yaml:8:1: a tab in the indentation: indent with spaces, YAML does not allow tabs there (the YAML parser stopped at line 7, column 10: while scanning a plain scalar, found a tab)"],
    );
}

#[test]
fn an_alias_bomb_is_located_at_its_first_alias() {
    assert_errors(
        "alias-bomb",
        |d| {
            let mut bomb = String::from("\nbomb_a: &a [x, x, x, x, x, x, x, x, x, x]\n");
            for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"].iter().zip(["a", "b", "c", "d", "e", "f", "g"]) {
                let row = vec![format!("*{prev}"); 10].join(", ");
                bomb.push_str(&format!("bomb_{name}: &{name} [{row}]\n"));
            }
            let p = d.join("registry.yaml");
            let lines = fs::read_to_string(&p).unwrap().lines().count();
            assert_eq!(lines, 7, "the expected line below counts on it");
            let mut text = fs::read_to_string(&p).unwrap();
            text.push_str(&bomb);
            fs::write(&p, text).unwrap();
        },
        &["data/registry.yaml:10:13: YAML error: repetition limit exceeded: the anchors and aliases (`&name`, `*name`) from here on expand to too much data; data files need no aliases, write the values out"],
    );
}

#[test]
fn a_string_too_long_for_a_c_literal() {
    let long = "word ".repeat(801);
    assert_errors(
        "long-string",
        |d| edit(d, "commands.yaml", "description: Starts a transaction.", &format!("description: {long}")),
        &["data/commands.yaml:8:3: this text is 4004 bytes, over the limit of 4000 bytes for one string (the C header writes it as one string literal, and C compilers need only accept 4095 characters in one); shorten it"],
    );
    // At the limit it is accepted.
    let at_limit = "w".repeat(codegen::yaml::MAX_STRING_BYTES);
    let loaded = load_after("string-at-limit", |d| {
        edit(
            d,
            "commands.yaml",
            "description: Starts a transaction.",
            &format!("description: {at_limit}"),
        )
    });
    assert_eq!(loaded, Ok(()));
}

#[test]
fn a_file_too_large() {
    assert_errors(
        "huge",
        |d| {
            let p = d.join("commands.yaml");
            let mut text = fs::read_to_string(&p).unwrap();
            text.push_str(&"# padding\n".repeat(codegen::yaml::MAX_FILE_BYTES / 10 + 1));
            fs::write(&p, text).unwrap();
        },
        &["data/commands.yaml: the file is 1048972 bytes, over the limit of 1048576 bytes for a data file; split it or shorten its texts"],
    );
}
