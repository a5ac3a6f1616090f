//! The registry's data model: what the YAML files hold, as typed Rust values.
//!
//! Every struct here deserializes strictly (`deny_unknown_fields`), and the small value types
//! ([`EnhancedKey`], [`FullEnhanced`], [`DocumentId`], [`Date`], [`CodeRef`]) reject malformed
//! text while deserializing, so that such errors point at the exact line. Rules that span
//! entries or files (order, uniqueness, cross-references) live in `validate`.
//! Renderers read these types; they never see YAML.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

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

/// Parses a sub-code: 1 to 3 ASCII digits, no leading zero (RFC 3463 section 2).
fn parse_subcode(s: &str) -> Option<u16> {
    let ok = !s.is_empty()
        && s.len() <= 3
        && s.bytes().all(|b| b.is_ascii_digit())
        && !(s.len() > 1 && s.starts_with('0'));
    if ok {
        s.parse().ok()
    } else {
        None
    }
}

/// A class-independent enhanced code as the registry keys it: `X.<subject>.<detail>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedKey {
    pub subject: u16,
    pub detail: u16,
}

impl FromStr for EnhancedKey {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "`{s}` is not a class-independent enhanced code; write `X.<subject>.<detail>` \
                 with 1 to 3 digits each and no leading zeros, such as `X.1.1`"
            )
        };
        let rest = s.strip_prefix("X.").ok_or_else(bad)?;
        let (a, b) = rest.split_once('.').ok_or_else(bad)?;
        Ok(EnhancedKey {
            subject: parse_subcode(a).ok_or_else(bad)?,
            detail: parse_subcode(b).ok_or_else(bad)?,
        })
    }
}
deserialize_from_str!(EnhancedKey, "an enhanced code such as X.1.1");

impl fmt::Display for EnhancedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "X.{}.{}", self.subject, self.detail)
    }
}

/// An enhanced code with its class digit, as it appears on the wire: `5.7.708`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FullEnhanced {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl FullEnhanced {
    pub fn key(&self) -> EnhancedKey {
        EnhancedKey {
            subject: self.subject,
            detail: self.detail,
        }
    }
}

impl FromStr for FullEnhanced {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let mut parts = s.split('.');
        let (c, a, b) = (parts.next(), parts.next(), parts.next());
        let class = match c {
            Some("2") => 2,
            Some("4") => 4,
            Some("5") => 5,
            _ => {
                return Err(format!(
                    "`{s}` is not an enhanced status code: the class digit must be 2, 4 or 5 \
                     (RFC 3463 section 2), as in `5.7.1`"
                ))
            }
        };
        let bad = || {
            format!(
                "`{s}` is not an enhanced status code; write `<class>.<subject>.<detail>` with \
                 1 to 3 digits each and no leading zeros, such as `5.7.1`"
            )
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(FullEnhanced {
            class,
            subject: a.and_then(parse_subcode).ok_or_else(bad)?,
            detail: b.and_then(parse_subcode).ok_or_else(bad)?,
        })
    }
}
deserialize_from_str!(FullEnhanced, "an enhanced code such as 5.7.1");

impl fmt::Display for FullEnhanced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// A code a troubleshooting or vendor entry points at: an enhanced `X.s.d` or a basic `NNN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CodeRef {
    Enhanced(EnhancedKey),
    Basic(u16),
}

impl FromStr for CodeRef {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if s.starts_with('X') {
            return s.parse().map(CodeRef::Enhanced);
        }
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') {
            return Ok(CodeRef::Basic(s.parse().expect("three digits")));
        }
        Err(format!(
            "`{s}` is neither an enhanced code (`X.7.1`) nor a 3-digit reply code (`550`)"
        ))
    }
}
deserialize_from_str!(CodeRef, "a code such as X.7.1 or 550");

impl fmt::Display for CodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeRef::Enhanced(k) => k.fmt(f),
            CodeRef::Basic(b) => b.fmt(f),
        }
    }
}

/// A document a reference names: an RFC or an Internet-Draft.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentId {
    Rfc(u32),
    Draft(String),
}

impl DocumentId {
    /// Where the document (and a section of it) can be read.
    pub fn url(&self, section: Option<&str>) -> String {
        let base = match self {
            DocumentId::Rfc(n) => format!("https://www.rfc-editor.org/rfc/rfc{n}.html"),
            DocumentId::Draft(d) => format!("https://datatracker.ietf.org/doc/html/{d}"),
        };
        match section {
            Some(s) => format!("{base}#{}", section_anchor(s)),
            None => base,
        }
    }
}

/// The anchor rfc-editor.org and datatracker use for a section: `section-4.2.3`,
/// `appendix-A`.
pub fn section_anchor(section: &str) -> String {
    match section.strip_prefix("Appendix ") {
        Some(a) => format!("appendix-{a}"),
        None => format!("section-{section}"),
    }
}

impl FromStr for DocumentId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some(n) = s.strip_prefix("RFC ") {
            if !n.is_empty()
                && !n.starts_with('0')
                && n.len() <= 5
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                return Ok(DocumentId::Rfc(n.parse().expect("digits")));
            }
        }
        if s.starts_with("draft-")
            && s.len() > 6
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.ends_with('-')
        {
            return Ok(DocumentId::Draft(s.to_string()));
        }
        Err(format!(
            "`{s}` is not a document name; write `RFC <number>` (one space, as in `RFC 5321`) \
             or an Internet-Draft name such as `draft-levine-mailbomb-header-00`"
        ))
    }
}
deserialize_from_str!(DocumentId, "a document such as RFC 5321");

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentId::Rfc(n) => write!(f, "RFC {n}"),
            DocumentId::Draft(d) => f.write_str(d),
        }
    }
}

/// A section number (`4.2.3`) or appendix (`Appendix A`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Section(pub String);

impl FromStr for Section {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let numeric = !s.is_empty()
            && s.split('.')
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        let appendix = s.strip_prefix("Appendix ").is_some_and(|a| {
            !a.is_empty()
                && a.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        });
        if numeric || appendix {
            Ok(Section(s.to_string()))
        } else {
            Err(format!(
                "`{s}` is not a section; write a section number such as `4.2.3` or `Appendix A`"
            ))
        }
    }
}
deserialize_from_str!(Section, "a section such as 4.2.3");

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A reference to a document, with the section when it is known.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub document: DocumentId,
    #[serde(default)]
    pub section: Option<Section>,
}

impl Reference {
    pub fn url(&self) -> String {
        self.document
            .url(self.section.as_ref().map(|s| s.0.as_str()))
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.section {
            Some(s) if s.0.starts_with("Appendix") => write!(f, "{}, {}", self.document, s),
            Some(s) => write!(f, "{}, section {}", self.document, s),
            None => write!(f, "{}", self.document),
        }
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub String);

impl FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        let valid = shape && {
            let m: u32 = s[5..7].parse().unwrap_or(0);
            let d: u32 = s[8..10].parse().unwrap_or(0);
            (1..=12).contains(&m) && (1..=31).contains(&d)
        };
        if valid {
            Ok(Date(s.to_string()))
        } else {
            Err(format!(
                "`{s}` is not a date; write `YYYY-MM-DD`, such as `2026-11-29`"
            ))
        }
    }
}
deserialize_from_str!(Date, "a date such as 2026-11-29");

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
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

/// `troubleshooting.yaml`: guidance for one code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TroubleshootingEntry {
    pub code: CodeRef,
    pub summary: String,
    pub causes: Vec<String>,
    pub sender_fixes: Vec<String>,
    pub admin_fixes: Vec<String>,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Codes the entry shows in a class their definition excludes, each with a note.
    #[serde(default)]
    pub nonconforming: Vec<NonconformingUse>,
}

/// A full enhanced code that a troubleshooting entry shows in a class its definition excludes
/// (a vendor's `4.1.2`, although X.1.2 is for permanent failures only), with our note on it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonconformingUse {
    pub code: FullEnhanced,
    /// Markdown: who sends it that way, and what the defining text says instead.
    pub note: String,
}

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
    pub classifier: crate::classifier::Classifier,
    /// Conformance vectors for reply parsers (`data/reply-vectors.yaml`), in file order.
    pub reply_vectors: Vec<crate::vectors::ReplyVector>,
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
