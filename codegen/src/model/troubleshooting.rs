//! `troubleshooting.yaml`: causes and fixes for the codes people meet most.

use serde::Deserialize;

use super::*;

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
