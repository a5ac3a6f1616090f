//! Where things are defined: documents, sections, references, dates.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use super::*;

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
