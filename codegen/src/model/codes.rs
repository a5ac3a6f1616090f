//! Code values: a class-independent enhanced code ([`EnhancedKey`]), a full one
//! ([`FullEnhanced`]), and a reference to either kind of code ([`CodeRef`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use super::*;

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
