//! The views of `tables/vocabulary.rs`: the shared vocabularies of `model/vocabulary.rs`.

use super::*;

pub struct TermV {
    pub variant: &'static str,
    /// The identifier, as a Rust literal.
    pub id: String,
    pub doc: String,
    /// The words, as a Rust literal.
    pub words: String,
}

pub struct VocabularyV {
    pub name: &'static str,
    pub doc: &'static str,
    pub words_doc: &'static str,
    /// `` `"recipient"`, `"sender"` or `"none"` ``.
    pub ids_doc: String,
    /// The `ALL` constant, laid out.
    pub all: String,
    pub terms: Vec<TermV>,
}

/// One view per vocabulary, in the order the file lists them.
pub fn vocabularies() -> Vec<VocabularyV> {
    [SIDES, BOUNCES, VENDOR_RETRY]
        .iter()
        .map(|voc| {
            let ids: Vec<String> = voc
                .terms
                .iter()
                .map(|t| format!("`\"{}\"`", t.id))
                .collect();
            let ids_doc = match ids.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => ids.join(""),
            };
            VocabularyV {
                name: voc.name,
                doc: voc.doc,
                words_doc: voc.words_doc,
                ids_doc,
                all: all_array(voc.name, voc.terms.iter().map(|t| t.variant)),
                terms: voc
                    .terms
                    .iter()
                    .map(|t| TermV {
                        variant: t.variant,
                        id: rust_str(t.id),
                        doc: rust_doc(t.doc).join(" "),
                        words: rust_str(t.words),
                    })
                    .collect(),
            }
        })
        .collect()
}
