//! `registry.yaml`: the registry's own description ([`Meta`]).

use serde::Deserialize;

use super::*;

/// The package version of a registry with no editions (a fixture without `editions.yaml`).
pub const UNRELEASED_VERSION: &str = "0.0.0";

impl Registry {
    /// The version of the packages the generator writes (the Rust crate's, the Python
    /// package's `__version__`): the `crate_version` of the newest edition in
    /// `data/editions.yaml`. Tests check it against `generated/rust/Cargo.toml`.
    pub fn package_version(&self) -> &str {
        self.editions
            .first()
            .map_or(UNRELEASED_VERSION, |e| e.crate_version.as_str())
    }
}

/// `registry.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub registry_version: String,
    pub iana_updated: Date,
    #[serde(default)]
    pub site_url: Option<String>,
    /// Where the project's source lives (the workspace's `repository`): the site links to it
    /// and to its issue tracker for reporting a mistake.
    #[serde(default)]
    pub repository: Option<String>,
    #[serde(default)]
    pub vendored: Vec<Vendored>,
}

/// A file copied into the project, with where it came from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vendored {
    pub path: String,
    pub origin: String,
    pub read: Date,
    #[serde(default)]
    pub note: Option<String>,
}

/// An IANA record's fields, verbatim (whitespace folded).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct IanaRecord {
    pub description: String,
    pub reference: String,
    pub submitter: String,
    pub change_controller: String,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
}
