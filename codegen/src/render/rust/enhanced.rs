//! The views of the enhanced codes: the `KnownEnhancedCode` variants and `ENHANCED` entries,
//! and the `EnhancedCode` constants.

use super::info::trouble_ref;
use super::*;

pub struct EnhancedConstV {
    /// The whole `pub const` item, laid out as rustfmt would.
    pub declaration: String,
    pub wire: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
    pub deprecated: bool,
    pub key: String,
    pub replaced_by_key: String,
}

pub struct EnhancedV {
    pub index: usize,
    pub subject: u16,
    pub detail: u16,
    pub key: String,
    pub variant: String,
    pub name: String,
    pub sample_text: String,
    pub description: String,
    pub basic_codes: String,
    pub basic_codes_text: String,
    pub basic_code_classes: String,
    pub any_basic_code: bool,
    pub usable_as: String,
    pub deprecated: bool,
    pub replaced_by: String,
    pub replaced_by_key: String,
    pub references: Vec<RefV>,
    pub notes: String,
    pub troubleshooting: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
    pub constants: Vec<EnhancedConstV>,
}

/// Every enumerated enhanced code, with its constants.
pub fn enhanced(reg: &Registry) -> Vec<EnhancedV> {
    reg.enhanced
        .iter()
        .enumerate()
        .map(|(index, e)| entry(reg, index, e))
        .collect()
}

/// `Class::PermanentFailure, ...` for a list of class digits.
fn class_list(reg: &Registry, digits: impl Iterator<Item = u8>) -> String {
    digits
        .map(|c| format!("Class::{}", class_variant(reg, c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The title after the code in doc comments: the sample text, or a note when it is empty.
fn doc_title(e: &EnhancedEntry) -> String {
    format!(
        "`X.{}.{}` {}",
        e.code.subject,
        e.code.detail,
        rust_doc(e.title()).join(" ")
    )
}

/// One `KnownEnhancedCode` variant and `ENHANCED` entry.
fn entry(reg: &Registry, index: usize, e: &EnhancedEntry) -> EnhancedV {
    EnhancedV {
        index,
        subject: e.code.subject,
        detail: e.code.detail,
        key: e.code.to_string(),
        variant: e.name.clone(),
        name: rust_str(&e.name),
        sample_text: rust_str(&e.sample_text),
        description: rust_str(&one_line(&e.description)),
        basic_codes: e
            .basic_codes
            .codes
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        basic_codes_text: rust_str(&e.basic_codes.iana),
        basic_code_classes: class_list(reg, e.basic_codes.classes.iter().copied()),
        any_basic_code: e.basic_codes.any,
        usable_as: class_list(reg, e.usable_as.iter().map(|o| o.class())),
        deprecated: e.status == Lifecycle::Deprecated,
        replaced_by: match e.replaced_by {
            Some(k) => format!("Some({})", enhanced_variant(reg, k)),
            None => "None".into(),
        },
        replaced_by_key: e.replaced_by.map(|k| k.to_string()).unwrap_or_default(),
        references: e.references.iter().map(ref_v).collect(),
        notes: opt_str(e.notes.as_deref().map(one_line).as_deref()),
        troubleshooting: trouble_ref(reg, CodeRef::Enhanced(e.code)),
        doc_title: doc_title(e),
        doc: doc(&e.description),
        links: doc_links(&e.references),
        constants: e.usable_as.iter().map(|o| constant(reg, e, *o)).collect(),
    }
}

/// The `EnhancedCode` constant of `e` in the class of `outcome`, laid out as rustfmt would.
fn constant(reg: &Registry, e: &EnhancedEntry, outcome: Outcome) -> EnhancedConstV {
    let name = rust_enhanced_const(outcome, &e.name);
    let class_variant = class_variant(reg, outcome.class());
    let head = format!("pub const {name}: EnhancedCode =");
    let value = format!(
        "EnhancedCode::registered(Class::{class_variant}, {}, {});",
        e.code.subject, e.code.detail
    );
    // rustfmt keeps an item on one line when it fits in 100 columns (4 of them indentation),
    // else breaks after `=`.
    let declaration = if 4 + head.len() + 1 + value.len() <= 100 {
        format!("{head} {value}")
    } else {
        format!("{head}\n        {value}")
    };
    EnhancedConstV {
        declaration,
        wire: format!("{}.{}.{}", outcome.class(), e.code.subject, e.code.detail),
        doc_title: doc_title(e),
        doc: doc(&e.description),
        links: doc_links(&e.references),
        deprecated: e.status == Lifecycle::Deprecated,
        key: e.code.to_string(),
        replaced_by_key: e.replaced_by.map(|k| k.to_string()).unwrap_or_default(),
    }
}
