//! `documents.yaml`: the documents the registry cites, each described once (title, status,
//! what obsoleted it), so that when a document is obsoleted one edit updates every page that
//! cites it, and each reply code's earlier definitions can be shown as a lineage.

use serde::Deserialize;

use super::*;

/// The standing of a document, as the RFC Editor lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    InternetStandard,
    DraftStandard,
    ProposedStandard,
    BestCurrentPractice,
    Informational,
    Experimental,
    Historic,
    InternetDraft,
}

impl DocumentStatus {
    /// The identifier used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentStatus::InternetStandard => "internet_standard",
            DocumentStatus::DraftStandard => "draft_standard",
            DocumentStatus::ProposedStandard => "proposed_standard",
            DocumentStatus::BestCurrentPractice => "best_current_practice",
            DocumentStatus::Informational => "informational",
            DocumentStatus::Experimental => "experimental",
            DocumentStatus::Historic => "historic",
            DocumentStatus::InternetDraft => "internet_draft",
        }
    }

    /// The words shown to readers.
    pub fn title(self) -> &'static str {
        match self {
            DocumentStatus::InternetStandard => "Internet Standard",
            DocumentStatus::DraftStandard => "Draft Standard",
            DocumentStatus::ProposedStandard => "Proposed Standard",
            DocumentStatus::BestCurrentPractice => "Best Current Practice",
            DocumentStatus::Informational => "Informational",
            DocumentStatus::Experimental => "Experimental",
            DocumentStatus::Historic => "Historic",
            DocumentStatus::InternetDraft => "Internet-Draft",
        }
    }
}

/// One document.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentEntry {
    pub document: DocumentId,
    /// The title, verbatim.
    pub title: String,
    pub status: DocumentStatus,
    /// The document that replaced it, when one did.
    #[serde(default)]
    pub obsoleted_by: Option<DocumentId>,
}

impl Registry {
    /// The description of `id`, when `documents.yaml` has one.
    pub fn document(&self, id: &DocumentId) -> Option<&DocumentEntry> {
        self.documents.iter().find(|d| &d.document == id)
    }

    /// `id` and the documents that obsoleted it in turn, oldest first: RFC 821, RFC 2821,
    /// RFC 5321.
    pub fn successors(&self, id: &DocumentId) -> Vec<DocumentId> {
        let mut out = vec![id.clone()];
        while let Some(next) = self
            .document(out.last().expect("not empty"))
            .and_then(|d| d.obsoleted_by.clone())
        {
            if out.contains(&next) {
                break;
            }
            out.push(next);
        }
        out
    }
}
