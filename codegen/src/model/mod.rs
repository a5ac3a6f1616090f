//! The registry's data model: what the YAML files hold, as typed Rust values.
//!
//! Every struct here deserializes strictly (`deny_unknown_fields`), and the small value types
//! ([`EnhancedKey`], [`FullEnhanced`], [`DocumentId`], [`Date`], [`CodeRef`]) reject malformed
//! text while deserializing, so that such errors point at the exact line. Rules that span
//! entries or files (order, uniqueness, cross-references) live in `validate`.
//! Renderers read these types; they never see YAML.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserializer;

/// Implements `Deserialize` through `FromStr` (accepting YAML integers too, as text).
macro_rules! deserialize_from_str {
    ($t:ty, $what:expr) => {
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = scalar_text(d, $what)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// Reads a scalar (string, integer or float) as text.
fn scalar_text<'de, D: Deserializer<'de>>(d: D, what: &'static str) -> Result<String, D::Error> {
    struct V(&'static str);
    impl serde::de::Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_any(V(what))
}

mod basic;
mod bounce_formats;
mod classifier;
mod codes;
mod crosswalk;
mod documents;
mod editions;
mod enhanced;
mod meta;
mod refs;
mod troubleshooting;
mod vectors;
mod vendor;
mod vocabulary;

pub use basic::*;
pub use bounce_formats::*;
pub use classifier::*;
pub use codes::*;
pub use crosswalk::*;
pub use documents::*;
pub use editions::*;
pub use enhanced::*;
pub use meta::*;
pub use refs::*;
pub use troubleshooting::*;
pub use vectors::*;
pub use vendor::*;
pub use vocabulary::*;

/// Vendor entries by standard code; see [`Registry::vendor_variants_by_code`].
pub type VendorIndex<'r> = BTreeMap<CodeRef, Vec<(&'r VendorFile, &'r VendorEntry)>>;

/// The whole registry, loaded and validated. Collections are sorted by code.
#[derive(Debug, Clone)]
pub struct Registry {
    pub meta: Meta,
    pub classes: Vec<ClassEntry>,
    pub subjects: Vec<SubjectEntry>,
    pub enhanced: Vec<EnhancedEntry>,
    /// Standard, historic and non-standard codes together, sorted by code.
    pub basic: Vec<BasicEntry>,
    pub commands: Vec<CommandEntry>,
    pub troubleshooting: Vec<TroubleshootingEntry>,
    /// Sorted by slug.
    pub vendors: Vec<VendorFile>,
    pub classifier: Classifier,
    /// The bounce reader's phrase tables (`data/bounce-formats.yaml`).
    pub bounce_formats: BounceFormats,
    /// The documents cited, each described once (`data/documents.yaml`), sorted.
    pub documents: Vec<DocumentEntry>,
    /// The registry's editions, newest first (`data/editions.yaml`).
    pub editions: Vec<Edition>,
    /// Conformance vectors for reply parsers (`data/reply-vectors.yaml`), in file order.
    pub reply_vectors: Vec<ReplyVector>,
}

impl Registry {
    pub fn enhanced(&self, key: EnhancedKey) -> Option<&EnhancedEntry> {
        self.enhanced
            .binary_search_by_key(&key, |e| e.code)
            .ok()
            .map(|i| &self.enhanced[i])
    }

    pub fn basic(&self, code: u16) -> Option<&BasicEntry> {
        self.basic
            .binary_search_by_key(&code, |e| e.code)
            .ok()
            .map(|i| &self.basic[i])
    }

    pub fn subject(&self, subject: u16) -> Option<&SubjectEntry> {
        self.subjects.iter().find(|s| s.subject == subject)
    }

    pub fn class(&self, class: u8) -> Option<&ClassEntry> {
        self.classes.iter().find(|c| c.class == class)
    }

    pub fn command(&self, name: &str) -> Option<&CommandEntry> {
        self.commands.iter().find(|c| c.name == name)
    }

    /// The troubleshooting entry of `code` (entries are sorted by code).
    pub fn troubleshooting(&self, code: CodeRef) -> Option<&TroubleshootingEntry> {
        self.troubleshooting
            .binary_search_by_key(&code, |t| t.code)
            .ok()
            .map(|i| &self.troubleshooting[i])
    }

    /// Enhanced codes whose IANA association lists `code` explicitly.
    pub fn enhanced_associated_with(&self, code: u16) -> impl Iterator<Item = &EnhancedEntry> {
        self.enhanced
            .iter()
            .filter(move |e| e.basic_codes.codes.contains(&code))
    }

    /// Standard and historic reply codes.
    pub fn standard_basic(&self) -> impl Iterator<Item = &BasicEntry> {
        self.basic
            .iter()
            .filter(|b| b.status != BasicStatus::Nonstandard)
    }

    /// The reply codes (standard and historic) a command may get, including those any command
    /// may get.
    pub fn replies_to(&self, command: &str) -> Vec<u16> {
        self.standard_basic()
            .filter(|b| {
                b.commands
                    .iter()
                    .any(|c| c == command || (c == "ANY" && command != "CONNECT"))
            })
            .map(|b| b.code)
            .collect()
    }

    /// Vendor entries by the standard codes they bear on: the code they refine, the
    /// class-independent form of their enhanced code, and their reply code. Each list keeps
    /// the order of the vendors and their entries. Built once, so that pages need no scan.
    pub fn vendor_variants_by_code(&self) -> VendorIndex<'_> {
        let mut index: VendorIndex<'_> = BTreeMap::new();
        for v in &self.vendors {
            for e in &v.entries {
                let keys = [
                    Some(e.refines),
                    e.enhanced.map(|x| CodeRef::Enhanced(x.key())),
                    e.basic.map(CodeRef::Basic),
                ];
                for (i, key) in keys.iter().enumerate() {
                    let Some(key) = *key else { continue };
                    if keys[..i].contains(&Some(key)) {
                        continue;
                    }
                    index.entry(key).or_default().push((v, e));
                }
            }
        }
        index
    }
}
