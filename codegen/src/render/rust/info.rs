//! The views of `tables/info.rs`: what the registry says about each reply code, and the
//! troubleshooting entries.

use super::*;

pub struct MeaningV {
    pub text: String,
    pub summary: String,
    pub reference: String,
    pub vendor: String,
    pub sources: Vec<String>,
    pub standard: bool,
    pub commands: Vec<String>,
}

pub struct UseV {
    pub reference: RefV,
    pub context: String,
    pub commands: Vec<String>,
    pub enhanced: Vec<String>,
}

pub struct ReplyV {
    pub code: u16,
    pub variant: String,
    pub const_name: String,
    pub name: String,
    pub text: String,
    pub text_note: String,
    pub description: String,
    pub status: String,
    pub kind: String,
    pub confidence: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
    pub meanings: Vec<MeaningV>,
    pub uses: Vec<UseV>,
    pub commands: Vec<String>,
    pub introduced: String,
    pub references: Vec<RefV>,
    pub associated_enhanced: Vec<String>,
    pub notes: String,
    pub historic: bool,
    pub troubleshooting: String,
}

pub struct TroubleV {
    pub code: String,
    pub summary: String,
    pub causes: String,
    pub sender_fixes: String,
    pub admin_fixes: String,
    pub references: Vec<RefV>,
    pub nonconforming: Vec<NonconformingV>,
}

/// A nonconforming use: the full code and the note as a Rust string literal.
pub struct NonconformingV {
    pub code: String,
    pub note: String,
}

/// `Some(&TROUBLESHOOTING[i])` for a code with troubleshooting, else `None`.
pub fn trouble_ref(reg: &Registry, code: CodeRef) -> String {
    match reg.troubleshooting.iter().position(|t| t.code == code) {
        Some(i) => format!("Some(&TROUBLESHOOTING[{i}])"),
        None => "None".into(),
    }
}

/// One `ReplyInfo` entry (standard, historic or non-standard).
pub fn reply(reg: &Registry, b: &BasicEntry) -> ReplyV {
    let defining = b.defining_references();
    ReplyV {
        code: b.code,
        variant: b.name.clone(),
        const_name: rust_reply_const(&b.name),
        name: rust_str(&b.name),
        text: rust_str(&b.text),
        text_note: opt_str(b.text_note.as_deref()),
        description: rust_str(&one_line(&b.description)),
        status: match b.status {
            BasicStatus::Standard => "ReplyStatus::Standard",
            BasicStatus::Historic => "ReplyStatus::Historic",
            BasicStatus::Nonstandard => "ReplyStatus::NonStandard",
        }
        .into(),
        kind: match b.kind {
            None => "None".into(),
            Some(k) => format!(
                "Some(NonStandardKind::{})",
                match k {
                    NonstandardKind::Vendor => "Vendor",
                    NonstandardKind::ClientError => "ClientError",
                    NonstandardKind::RegistryAssociation => "RegistryAssociation",
                    NonstandardKind::ShortenedEnhanced => "ShortenedEnhanced",
                }
            ),
        },
        confidence: opt_str(b.confidence.as_deref()),
        doc_title: format!("`{}` {}", b.code, rust_doc(&b.text).join(" ")),
        doc: doc(&b.description),
        links: doc_links(&defining),
        meanings: b.meanings.iter().map(meaning).collect(),
        uses: b.uses.iter().map(|u| use_v(reg, u)).collect(),
        commands: command_list(&b.commands),
        introduced: some_reference(b.introduced.as_ref()),
        references: b.references.iter().map(ref_v).collect(),
        associated_enhanced: reg
            .enhanced_associated_with(b.code)
            .map(|e| format!("KnownEnhancedCode::{}", e.name))
            .collect(),
        notes: opt_str(b.notes.as_deref().map(one_line).as_deref()),
        historic: b.status == BasicStatus::Historic,
        troubleshooting: trouble_ref(reg, CodeRef::Basic(b.code)),
    }
}

/// `Some(Reference { .. })` or `None`, as a Rust expression.
fn some_reference(r: Option<&Reference>) -> String {
    match r {
        Some(r) => {
            let r = ref_v(r);
            format!(
                "Some(Reference {{ document: {}, section: {}, url: {} }})",
                r.document, r.section, r.url
            )
        }
        None => "None".into(),
    }
}

/// One meaning of a reply code.
fn meaning(m: &Meaning) -> MeaningV {
    let reference = m.document.as_ref().map(|d| Reference {
        document: d.clone(),
        section: m.section.clone(),
    });
    MeaningV {
        text: rust_str(&m.text),
        summary: opt_str(m.summary.as_deref().map(one_line).as_deref()),
        reference: some_reference(reference.as_ref()),
        vendor: opt_str(m.vendor.as_deref()),
        sources: m.sources.iter().map(|x| rust_str(x)).collect(),
        standard: !m.is_nonstandard(),
        commands: command_list(&m.commands),
    }
}

/// An extension's use of a reply code.
fn use_v(reg: &Registry, u: &Use) -> UseV {
    UseV {
        reference: ref_v(&Reference {
            document: u.document.clone(),
            section: u.section.clone(),
        }),
        context: rust_str(&one_line(&u.context)),
        commands: command_list(&u.commands),
        enhanced: u
            .enhanced
            .iter()
            .map(|k| enhanced_variant(reg, *k))
            .collect(),
    }
}

/// Markdown items as a slice literal of one-line strings, at 8 columns after `field: `.
fn list(v: &[String], field: &str) -> String {
    let items: Vec<String> = v.iter().map(|x| rust_str(&one_line(x))).collect();
    rust_slice(&items, 8, field.len() + 2)
}

/// The `TROUBLESHOOTING` entries.
pub fn troubleshooting(reg: &Registry) -> Vec<TroubleV> {
    reg.troubleshooting
        .iter()
        .map(|t| TroubleV {
            code: t.code.to_string(),
            summary: rust_str(&one_line(&t.summary)),
            causes: list(&t.causes, "causes"),
            sender_fixes: list(&t.sender_fixes, "sender_fixes"),
            admin_fixes: list(&t.admin_fixes, "admin_fixes"),
            references: t.references.iter().map(ref_v).collect(),
            nonconforming: t
                .nonconforming
                .iter()
                .map(|n| NonconformingV {
                    code: n.code.to_string(),
                    note: rust_str(&one_line(&n.note)),
                })
                .collect(),
        })
        .collect()
}
