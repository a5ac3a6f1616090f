//! `reply-vectors.yaml`: conformance vectors for SMTP reply parsers, as typed values. They
//! are loaded and checked in `load::vectors` and rendered in `render::vectors`.
//!
//! The vectors are the reply parser's test cases as data, labelled by hand, so that parsers
//! in other languages can check themselves against the same expectations. They are written
//! twice with the same bytes: `generated/json/reply-vectors.json` for the world and
//! `generated/rust/tests/reply-vectors.json` for the crate's own test, which keeps the crate
//! self-contained when it is copied out of the repository.
//!

use serde::{Deserialize, Serialize};

use super::FullEnhanced;

/// How strictly the vector's input is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Lenient,
    Strict,
}

/// What stands in the enhanced code's place (RFC 2034 position).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnhancedState {
    Absent,
    Valid,
    Malformed,
    ClassMismatch,
    Inconsistent,
}

/// The error kinds a parser reports: the crate's `ReplyErrorKind::NAMES`, which
/// `tests/one_home.rs` checks this copy against.
pub const ERROR_KINDS: [&str; 22] = [
    "empty",
    "bad_code",
    "trailing_data",
    "line_too_long",
    "too_large",
    "leading_whitespace",
    "code_outside_grammar",
    "code_mismatch",
    "bad_separator",
    "misplaced_enhanced_code",
    "malformed_enhanced_code",
    "missing_space_after_enhanced_code",
    "enhanced_code_on_intermediate",
    "enhanced_class_mismatch",
    "inconsistent_enhanced_code",
    "enhanced_code_not_on_every_line",
    "invalid_text_byte",
    "bare_lf",
    "missing_line_ending",
    "incomplete",
    "line_after_last_line",
    "trailing_whitespace",
];

/// The kinds that make lenient parsing fail too.
pub const FATAL_KINDS: [&str; 4] = ["empty", "bad_code", "trailing_data", "line_too_long"];

/// The expected failure of an invalid input.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VectorError {
    pub kind: String,
    /// The line, counting from 1.
    pub line: usize,
    /// The byte offset in the input.
    pub position: usize,
}

/// What a classifier must make of a reply: the outcome of its code, the reason and the
/// bounce type (see data/classifier.yaml).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VectorClassification {
    /// `success`, `intermediate`, `transient` or `permanent`: the reply code's first digit.
    pub class: String,
    /// A reason id of the classifier's taxonomy.
    pub reason: String,
    /// `hard`, `soft` or `none`.
    pub bounce: String,
}

/// One vector as written in the YAML file. A missing optional field means null.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyVector {
    pub name: String,
    pub input: String,
    pub mode: Mode,
    #[serde(default)]
    pub max_line_length: Option<usize>,
    #[serde(default)]
    pub basic: Option<u16>,
    #[serde(default)]
    pub enhanced: Option<FullEnhanced>,
    #[serde(default)]
    pub enhanced_state: Option<EnhancedState>,
    #[serde(default)]
    pub enhanced_other: Option<FullEnhanced>,
    #[serde(default)]
    pub enhanced_in_text: Option<FullEnhanced>,
    #[serde(default)]
    pub lines: Option<Vec<String>>,
    #[serde(default)]
    pub complete: Option<bool>,
    #[serde(default)]
    pub error: Option<VectorError>,
    #[serde(default)]
    pub classification: Option<VectorClassification>,
    #[serde(default)]
    pub note: Option<String>,
}
