//! `editions.yaml`: the registry's editions, newest first, each saying what it added, changed
//! and deprecated, and which crate version carries it. The changelog, the site's "What
//! changed" pages and the Atom feed are rendered from it; nothing reads the clock.

use serde::Deserialize;

use super::*;

/// One edition of the registry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Equal to `registry_version` in `registry.yaml` for the newest edition.
    pub edition: String,
    /// The day it was released.
    pub date: Date,
    /// The `smtp-codes` crate version that carries it (semver: a new code or vendor entry is a
    /// minor release).
    pub crate_version: String,
    /// Our words (Markdown): the edition in a sentence or two.
    pub summary: String,
    #[serde(default)]
    pub added: Vec<Change>,
    #[serde(default)]
    pub changed: Vec<Change>,
    #[serde(default)]
    pub deprecated: Vec<Change>,
}

/// One change: a code, a vendor's entries, or something else, with a note in our words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The code concerned, when the change is about one.
    #[serde(default)]
    pub code: Option<CodeRef>,
    /// The vendor concerned (slug of `vendors/<slug>.yaml`), when the change is about one.
    #[serde(default)]
    pub vendor: Option<String>,
    /// Our words (Markdown).
    pub note: String,
}

impl Edition {
    /// The three lists with their headings, in the order the outputs show them.
    pub fn sections(&self) -> [(&'static str, &[Change]); 3] {
        [
            ("Added", &self.added),
            ("Changed", &self.changed),
            ("Deprecated", &self.deprecated),
        ]
    }
}
