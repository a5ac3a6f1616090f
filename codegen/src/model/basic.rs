//! `basic.yaml`, `nonstandard.yaml` and `commands.yaml`: 3-digit reply codes and the
//! commands they answer.

use serde::{Deserialize, Deserializer};

use super::*;

/// Status of a 3-digit reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BasicStatus {
    Standard,
    Historic,
    Nonstandard,
}

impl BasicStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BasicStatus::Standard => "standard",
            BasicStatus::Historic => "historic",
            BasicStatus::Nonstandard => "nonstandard",
        }
    }
}

/// Why a non-standard code exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonstandardKind {
    /// A vendor or product uses it.
    Vendor,
    /// A mail client's own error number, never sent by a server.
    ClientError,
    /// It appears only in IANA's associated-basic-code column.
    RegistryAssociation,
    /// The digits of an enhanced code written as a 3-digit number (511 for 5.1.1).
    ShortenedEnhanced,
}

impl NonstandardKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NonstandardKind::Vendor => "vendor",
            NonstandardKind::ClientError => "client_error",
            NonstandardKind::RegistryAssociation => "registry_association",
            NonstandardKind::ShortenedEnhanced => "shortened_enhanced",
        }
    }
}

/// One meaning of a reply code: an RFC's, or a vendor's (marked by `vendor`/`source`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meaning {
    pub text: String,
    #[serde(default)]
    pub document: Option<DocumentId>,
    #[serde(default)]
    pub section: Option<Section>,
    #[serde(default)]
    pub commands: Vec<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub vendor: Option<String>,
    /// The pages a non-standard meaning comes from (one URL, or a list).
    #[serde(default, rename = "source", deserialize_with = "one_or_many")]
    pub sources: Vec<String>,
    #[serde(default)]
    pub read: Option<Date>,
}

/// Accepts one string or a list of strings.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

impl Meaning {
    /// A meaning that no RFC gives (a vendor's or a secondary source's).
    pub fn is_nonstandard(&self) -> bool {
        self.document.is_none()
    }

    pub fn url(&self) -> Option<String> {
        match &self.document {
            Some(d) => Some(d.url(self.section.as_ref().map(|s| s.0.as_str()))),
            None => self
                .sources
                .iter()
                .find(|s| s.starts_with("https://") || s.starts_with("http://"))
                .cloned(),
        }
    }
}

/// An extension's own use of a reply code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Use {
    pub document: DocumentId,
    #[serde(default)]
    pub section: Option<Section>,
    pub context: String,
    #[serde(default)]
    pub commands: Vec<String>,
    #[serde(default)]
    pub enhanced: Vec<EnhancedKey>,
}

/// `basic.yaml` and `nonstandard.yaml`: a 3-digit reply code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicEntry {
    pub code: u16,
    pub name: String,
    pub status: BasicStatus,
    #[serde(default)]
    pub kind: Option<NonstandardKind>,
    pub text: String,
    #[serde(default)]
    pub text_note: Option<String>,
    #[serde(default)]
    pub text_source: Option<Reference>,
    #[serde(default)]
    pub introduced: Option<Reference>,
    /// Earlier documents, since obsoleted, that defined or used the code (RFC 821, RFC 2821
    /// for a code RFC 5321 now defines), oldest first.
    #[serde(default)]
    pub history: Vec<Reference>,
    pub description: String,
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub commands: Vec<String>,
    pub meanings: Vec<Meaning>,
    #[serde(default)]
    pub uses: Vec<Use>,
    #[serde(default)]
    pub references: Vec<Reference>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub conflicts: Option<String>,
}

impl BasicEntry {
    /// The documents that define the code's text and meanings, without repeats: where its
    /// `text` is quoted from, then each RFC meaning's section.
    pub fn defining_references(&self) -> Vec<Reference> {
        let rfc_meanings = self.meanings.iter().filter_map(|m| {
            m.document.clone().map(|document| Reference {
                document,
                section: m.section.clone(),
            })
        });
        let mut out: Vec<Reference> = Vec::new();
        for r in self.text_source.iter().cloned().chain(rfc_meanings) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// A code that servers really send: three digits, first digit 2 to 5.
    pub fn is_wire_valid(&self) -> bool {
        (200..=599).contains(&self.code)
    }
}

/// Lifecycle of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandStatus {
    Current,
    Historic,
}

impl CommandStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CommandStatus::Current => "current",
            CommandStatus::Historic => "historic",
        }
    }
}

/// `commands.yaml`: a command (or the greeting, `CONNECT`, or `ANY`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandEntry {
    pub name: String,
    pub title: String,
    pub description: String,
    pub status: CommandStatus,
    #[serde(default)]
    pub references: Vec<Reference>,
}
