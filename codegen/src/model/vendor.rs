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
    /// The last code of a documented range that starts at `enhanced` (`4.7.500` to
    /// `4.7.699`): same class and subject, a detail not below `enhanced`'s.
    #[serde(default)]
    pub enhanced_to: Option<FullEnhanced>,
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
    /// Suffixes of the host names of the vendor's receiving servers (`google.com`): a reply
    /// from such a host is the vendor's.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Fragments of reply text only the vendor sends (Gmail's `gsmtp` trailer): a reply that
    /// holds one is the vendor's.
    #[serde(default)]
    pub markers: Vec<String>,
    pub sources: Vec<VendorSource>,
    pub entries: Vec<VendorEntry>,
}

impl VendorEntry {
    /// The codes as the vendor sends them (`550 5.7.26`); empty when the entry quotes only a
    /// text (a delivery report rather than an SMTP reply).
    pub fn wire(&self) -> String {
        [
            self.basic.map(|b| b.to_string()),
            self.enhanced.map(|x| x.to_string()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// What tells this entry apart from the vendor's other entries with the same code: its
    /// token, else the text it matches, else nothing (the code alone decides).
    pub fn distinguisher(&self) -> Option<&str> {
        self.token
            .as_deref()
            .or(self.pattern.as_deref())
            .filter(|s| !s.trim().is_empty())
    }
}

/// Lower-case ASCII letters and digits, every other run of characters one `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl VendorFile {
    /// A fragment identifier for each entry, in order: the codes and the distinguishing text,
    /// as a slug (`550-5-7-26-unauthenticated`), numbered `-2`, `-3` when entries share one.
    /// Code pages link to a vendor's entry with it; it only changes when the entry's codes
    /// or distinguishing text do.
    pub fn anchors(&self) -> Vec<String> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        self.entries
            .iter()
            .map(|e| {
                let wire = e.wire();
                let codes = if wire.is_empty() {
                    e.refines.to_string()
                } else {
                    wire
                };
                let text: String = e.distinguisher().unwrap_or("").chars().take(40).collect();
                let base = slug(&format!("{codes} {text}"));
                let n = seen.entry(base.clone()).or_insert(0);
                *n += 1;
                if *n == 1 {
                    base
                } else {
                    format!("{base}-{n}")
                }
            })
            .collect()
    }

    /// The anchor of one entry (see [`VendorFile::anchors`]).
    pub fn anchor_of(&self, entry: &VendorEntry) -> String {
        let i = self
            .entries
            .iter()
            .position(|e| std::ptr::eq(e, entry))
            .unwrap_or(0);
        self.anchors().swap_remove(i)
    }

    pub fn source(&self, id: &str) -> Option<&VendorSource> {
        self.sources.iter().find(|s| s.id == id)
    }
}
