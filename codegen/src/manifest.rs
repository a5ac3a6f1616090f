//! The data files the registry is made of, declared in one place.
//!
//! Every file in [`FILES`] must exist and hold data, and `vendors/` must hold at least one
//! vendor file: a registry that silently lost a file would publish outputs with that content
//! stripped (and delete the pages made from it). Anything else in `data/` or `data/vendors/`
//! (a `.yml` where `.yaml` is meant, a misspelt name, a stray copy) is an error too, since the
//! loader would never read it.

use std::fs;
use std::io;
use std::path::Path;

use crate::diag::{Diagnostics, Location};

pub const REGISTRY: &str = "registry.yaml";
pub const CLASSES: &str = "classes.yaml";
pub const SUBJECTS: &str = "subjects.yaml";
pub const ENHANCED: &str = "enhanced.yaml";
pub const BASIC: &str = "basic.yaml";
pub const NONSTANDARD: &str = "nonstandard.yaml";
pub const COMMANDS: &str = "commands.yaml";
pub const TROUBLESHOOTING: &str = "troubleshooting.yaml";
pub const CLASSIFIER: &str = "classifier.yaml";
pub const BOUNCE_FORMATS: &str = "bounce-formats.yaml";
pub const DOCUMENTS: &str = "documents.yaml";
pub const EDITIONS: &str = "editions.yaml";
pub const REPLY_VECTORS: &str = "reply-vectors.yaml";

/// Every data file at the top of `data/`, each required.
pub const FILES: [&str; 13] = [
    REGISTRY,
    CLASSES,
    SUBJECTS,
    ENHANCED,
    BASIC,
    NONSTANDARD,
    COMMANDS,
    TROUBLESHOOTING,
    CLASSIFIER,
    BOUNCE_FORMATS,
    DOCUMENTS,
    EDITIONS,
    REPLY_VECTORS,
];

/// The folder of vendor files: one `<vendor-id>.yaml` per provider or mail server.
pub const VENDORS: &str = "vendors";

/// The extension of every data file.
pub const EXTENSION: &str = ".yaml";

/// What else `data/` may hold: its README and the folder of vendored upstream files, which
/// `registry.yaml` lists with their sources (`iana/`: the IANA XML snapshot).
pub const OTHER: [&str; 2] = ["README.md", "iana"];

/// Checks the files of `data_dir` (shown as `shown_dir` in messages) against the manifest
/// and returns the vendor files to read, as `vendors/<name>.yaml`, sorted. A missing data
/// file is reported when it is read.
pub fn survey(data_dir: &Path, shown_dir: &str, diags: &mut Diagnostics) -> Vec<String> {
    match names(data_dir) {
        Ok(names) => {
            for n in names {
                if !FILES.contains(&n.as_str()) && n != VENDORS && !OTHER.contains(&n.as_str()) {
                    diags.push(
                        Location::file(format!("{shown_dir}/{n}")),
                        unexpected(&n, &FILES),
                    );
                }
            }
        }
        Err(e) => {
            diags.push(
                Location::file(shown_dir),
                format!("cannot list the folder: {e}"),
            );
            return Vec::new();
        }
    }
    vendor_files(data_dir, shown_dir, diags)
}

fn vendor_files(data_dir: &Path, shown_dir: &str, diags: &mut Diagnostics) -> Vec<String> {
    let shown = format!("{shown_dir}/{VENDORS}");
    let names = match names(&data_dir.join(VENDORS)) {
        Ok(n) => n,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            diags.push(
                Location::file(&shown),
                "the vendors folder is missing; it holds one `<vendor-id>.yaml` per provider or \
                 mail server (see data/README.md)",
            );
            return Vec::new();
        }
        Err(e) => {
            diags.push(
                Location::file(&shown),
                format!("cannot list the folder: {e}"),
            );
            return Vec::new();
        }
    };
    let mut files = Vec::new();
    let mut strays = 0;
    for n in names {
        let is_file = data_dir.join(VENDORS).join(&n).is_file();
        if is_file && n.ends_with(EXTENSION) {
            files.push(format!("{VENDORS}/{n}"));
        } else {
            let expected = format!("<vendor-id>{EXTENSION}");
            strays += 1;
            diags.push(
                Location::file(format!("{shown}/{n}")),
                unexpected(&n, &[expected.as_str()]),
            );
        }
    }
    if files.is_empty() && strays == 0 {
        diags.push(
            Location::file(&shown),
            "the vendors folder holds no vendor file; add one `<vendor-id>.yaml` per provider or \
             mail server (see data/README.md)",
        );
    }
    files
}

/// The names in `dir`, sorted; hidden files (`.gitkeep`, an editor's `.swp`) are not data.
fn names(dir: &Path) -> io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The message for a file the loader would never read.
fn unexpected(name: &str, expected: &[&str]) -> String {
    let hint = match meant(name, expected) {
        Some(right) => format!("rename it to `{right}`"),
        None => format!("the loader reads only {}", expected.join(", ")),
    };
    format!("unexpected file: the registry never reads it; {hint}, or move it out of data/")
}

/// The name a YAML file with another spelling of the extension was meant to have:
/// `postfix.yml` in `vendors/` is `postfix.yaml`; `classes.YAML` is `classes.yaml`.
fn meant(name: &str, expected: &[&str]) -> Option<String> {
    let (stem, ext) = name.rsplit_once('.')?;
    if !matches!(ext.to_ascii_lowercase().as_str(), "yml" | "yaml") {
        return None;
    }
    let wanted = format!("{stem}{EXTENSION}");
    let any_name = expected.iter().any(|e| e.starts_with('<'));
    (any_name || expected.contains(&wanted.as_str())).then_some(wanted)
}
