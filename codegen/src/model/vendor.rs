//! `data/vendors/*.yaml`: what providers and mail servers mean by their codes.

use serde::Deserialize;

use super::*;

/// What a vendor advises about retrying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Retry {
    Never,
    Later,
    AfterFix,
}

impl Retry {
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Later => "later",
            Retry::AfterFix => "after_fix",
        }
    }

    /// Its term in [`VENDOR_RETRY`]: variant and words.
    pub fn term(self) -> &'static Term {
        VENDOR_RETRY.term(self.as_str())
    }
}

/// Kind of vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VendorKind {
    Provider,
    Mta,
}

impl VendorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            VendorKind::Provider => "provider",
            VendorKind::Mta => "mta",
        }
    }
}

/// A page a vendor file cites.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorSource {
    pub id: String,
    pub title: String,
    pub url: String,
    pub read: Date,
    #[serde(default)]
    pub published: Option<Date>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One vendor meaning.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorEntry {
    pub basic: Option<u16>,
    pub enhanced: Option<FullEnhanced>,
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub pattern: Option<String>,
    pub refines: CodeRef,
    pub meaning: String,
    pub cause: String,
    pub sender_action: String,
    pub admin_action: String,
    pub retry: Retry,
    #[serde(default)]
    pub reason: Option<String>,
    pub source: String,
    #[serde(default)]
    pub note: Option<String>,
    /// What to do next time, where the vendor says more than the reason's policy.
    #[serde(default)]
    pub retry_policy: Option<super::RetryPolicy>,
}

/// `vendors/<slug>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorFile {
    pub vendor: String,
    pub name: String,
    pub kind: VendorKind,
    pub description: String,
    pub sources: Vec<VendorSource>,
    pub entries: Vec<VendorEntry>,
}

impl VendorFile {
    pub fn source(&self, id: &str) -> Option<&VendorSource> {
        self.sources.iter().find(|s| s.id == id)
    }
}
