//! `classes.yaml`, `subjects.yaml` and `enhanced.yaml`: the parts of enhanced status codes.

use serde::Deserialize;

use super::*;

/// `classes.yaml`: a class sub-code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassEntry {
    pub class: u8,
    pub name: String,
    pub title: String,
    pub description: String,
    pub references: Vec<Reference>,
    pub iana: IanaRecord,
    #[serde(default)]
    pub notes: Option<String>,
}

/// `subjects.yaml`: a subject sub-code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectEntry {
    pub subject: u16,
    pub name: String,
    pub title: String,
    pub description: String,
    pub references: Vec<Reference>,
    pub iana: IanaRecord,
    #[serde(default)]
    pub notes: Option<String>,
}

/// IANA's "associated basic status code" column, structured, with IANA's text beside it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct BasicCodes {
    pub iana: String,
    #[serde(default)]
    pub codes: Vec<u16>,
    #[serde(default)]
    pub classes: Vec<u8>,
    #[serde(default)]
    pub any: bool,
}

/// How the registry words the association, derived from the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssociationKind {
    /// IANA says "Any".
    Any,
    /// IANA names no code.
    NotGiven,
    /// Only a class pattern such as "5XX".
    ClassOnly,
    /// Explicit numbers, perhaps with other codes of some classes allowed.
    Listed,
}

impl BasicCodes {
    pub fn kind(&self) -> AssociationKind {
        if self.any {
            AssociationKind::Any
        } else if !self.codes.is_empty() {
            AssociationKind::Listed
        } else if !self.classes.is_empty() {
            AssociationKind::ClassOnly
        } else {
            AssociationKind::NotGiven
        }
    }
}

/// The outcomes an enhanced code suits, per its defining text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Transient,
    Permanent,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Transient => "transient",
            Outcome::Permanent => "permanent",
        }
    }

    /// The class digit that reports this outcome.
    pub fn class(self) -> u8 {
        match self {
            Outcome::Success => 2,
            Outcome::Transient => 4,
            Outcome::Permanent => 5,
        }
    }
}

/// Lifecycle of an enhanced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Current,
    Deprecated,
}

impl Lifecycle {
    pub fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Current => "current",
            Lifecycle::Deprecated => "deprecated",
        }
    }
}

/// `enhanced.yaml`: an enumerated enhanced status code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnhancedEntry {
    pub code: EnhancedKey,
    pub name: String,
    pub sample_text: String,
    pub basic_codes: BasicCodes,
    pub usable_as: Vec<Outcome>,
    /// Where the defining text sets the class, when IANA's description does not say it.
    #[serde(default)]
    pub usable_as_source: Option<Reference>,
    pub description: String,
    pub status: Lifecycle,
    #[serde(default)]
    pub replaced_by: Option<EnhancedKey>,
    pub references: Vec<Reference>,
    pub iana: IanaRecord,
    #[serde(default)]
    pub notes: Option<String>,
}

/// What stands in for an empty sample text (X.6.10 has none) wherever a code is titled: doc
/// comments, the C header, the site's tables, and the crate's `EnhancedInfo::title`.
pub const NO_SAMPLE_TEXT: &str = "(no sample text)";

impl EnhancedEntry {
    /// The code's title: IANA's sample text, or [`NO_SAMPLE_TEXT`] when it gives none. The
    /// one place this rule lives; the crate gets the same rule as `EnhancedInfo::title`.
    pub fn title(&self) -> &str {
        if self.sample_text.is_empty() {
            NO_SAMPLE_TEXT
        } else {
            &self.sample_text
        }
    }

    /// The text an example reply shows after the code: the sample text, or `reply_text`
    /// (the reply code's own wording) when the registry gives no sample text.
    pub fn example_text<'a>(&'a self, reply_text: &'a str) -> &'a str {
        if self.sample_text.is_empty() {
            reply_text
        } else {
            &self.sample_text
        }
    }
}
