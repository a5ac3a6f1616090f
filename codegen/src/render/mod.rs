//! Renderers: one module per output family. Each takes the validated [`Registry`] (and the
//! shared views of [`crate::views`]) and adds its files to an [`Outputs`] set; none of them
//! reads YAML, touches the disk, or imports another renderer.
//!
//! To add an output family, add a module here, one line in [`render_all`], and the paths it
//! writes to [`OWNED_ROOTS`].

pub mod c;
pub mod changelog;
pub mod go;
pub mod json;
pub mod python;
pub mod rust;
pub mod site;
pub mod typescript;
pub mod vectors;

use crate::model::Registry;
use crate::outputs::Outputs;
use crate::views::document;

/// Every path the generator owns, relative to the project root: a folder (ending in `/`),
/// all of whose files the generator writes, or a single file. Nothing else under
/// `generated/` and `site/` is the generator's to write or delete.
pub const OWNED_ROOTS: &[&str] = &[
    // render::c
    "generated/c/",
    // render::json and render::vectors
    "generated/json/",
    // render::rust: the crate's tables; the rest of the crate is hand-written
    rust::TABLES_DIR,
    // render::rust::bounce: the smtp-bounce crate's phrase tables; its reader is hand-written
    rust::bounce::TABLES_DIR,
    // render::vectors: the crate's own copy of the vectors, for its standalone tests
    "generated/rust/tests/reply-vectors.json",
    // render::go: the module's tables (package smtpcodes needs its typed constants in its own
    // folder, so the generated files sit beside the hand-written ones, named *_gen.go) and
    // its copy of the vectors
    "generated/go/classify_gen.go",
    "generated/go/commands_gen.go",
    "generated/go/enhanced_codes_gen.go",
    "generated/go/info_gen.go",
    "generated/go/registry_gen.go",
    "generated/go/reply_codes_gen.go",
    "generated/go/vendors_gen.go",
    "generated/go/testdata/reply-vectors.json",
    // render::python: the Python package's tables; the rest of the package is hand-written
    python::TABLES_DIR,
    // render::vectors: the Python package's own copy of the vectors, for its pytest suite
    "generated/python/tests/reply-vectors.json",
    // render::typescript: the npm package's tables and manifest; the rest is hand-written
    typescript::TABLES_DIR,
    typescript::MANIFEST,
    // render::vectors: the npm package's own copy of the vectors, for its node --test suite
    "generated/typescript/test/reply-vectors.json",
    // render::site
    "site/",
    // render::changelog: the crate's changelog, from data/editions.yaml
    "generated/rust/CHANGELOG.md",
];

/// Whether `path` (relative to the project root, with `/`) lies in an owned root.
pub fn is_owned(path: &str) -> bool {
    Outputs::owning(OWNED_ROOTS).owns(path)
}

/// Renders every output of the registry, in memory.
pub fn render_all(reg: &Registry) -> Result<Outputs, askama::Error> {
    let mut out = Outputs::owning(OWNED_ROOTS);
    let doc = document::build(reg);
    json::render(&doc, &mut out)?;
    rust::render(reg, &mut out)?;
    c::render(reg, &mut out)?;
    python::render(reg, &doc, &mut out);
    typescript::render(reg, &doc, &mut out);
    site::render_with(reg, &doc, &mut out)?;
    vectors::render(&reg.reply_vectors, &mut out);
    changelog::render(reg, &mut out);
    let vectors = out.files.get("generated/json/reply-vectors.json").cloned();
    go::render(reg, &doc, vectors.as_deref(), &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_output_lies_in_an_owned_root() {
        let reg = crate::load::load(&crate::project_root().join("data")).expect("data/ is valid");
        let out = render_all(&reg).unwrap();
        let stray: Vec<&String> = out.files.keys().filter(|p| !is_owned(p)).collect();
        assert!(stray.is_empty(), "outside OWNED_ROOTS: {stray:?}");
        assert!(is_owned("generated/rust/src/tables/mod.rs"));
        assert!(!is_owned("generated/rust/src/lib.rs"));
        assert!(!is_owned("generated/rust/src/tables"));
        assert!(!is_owned("site-old/x.html"));
    }
}
