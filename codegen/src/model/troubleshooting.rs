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
}
