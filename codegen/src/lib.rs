//! The smtp-codes generator.
//!
//! `data/*.yaml` is loaded into a typed, validated [`model::Registry`] ([`load`]), rendered in
//! memory into every output file ([`render`]), and then either written or compared with the
//! disk ([`outputs`]). One direction only: nothing reads the outputs back.

pub mod diag;
pub mod iana;
pub mod iana_import;
pub mod load;
pub mod manifest;
pub mod model;
pub mod names;
pub mod outputs;
pub mod render;
pub mod views;
pub mod yaml;

use std::path::Path;

/// Loads `root/data` and renders every output. The common path of `generate` and `check`.
pub fn build(root: &Path) -> Result<outputs::Outputs, BuildError> {
    let reg = load::load(&root.join("data")).map_err(BuildError::Invalid)?;
    render::render_all(&reg).map_err(BuildError::Render)
}

/// Why outputs could not be built.
#[derive(Debug)]
pub enum BuildError {
    /// The registry has problems; nothing may be written.
    Invalid(diag::Invalid),
    /// A template failed to render (a bug in the generator, not in the data).
    Render(askama::Error),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Invalid(i) => i.fmt(f),
            BuildError::Render(e) => write!(f, "rendering failed: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// The project root: the folder above `codegen/`.
pub fn project_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen lives one level below the project root")
        .to_path_buf()
}
