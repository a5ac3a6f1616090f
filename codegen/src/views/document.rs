//! The registry as one JSON document (`generated/json/smtp-codes.json`): the serde view the
//! JSON renderer writes and the site reads, built once per generation.
//!
//! This is a published API: its shape is described by `smtp-codes.schema.json` (rendered from
//! `templates/json/`) and a test validates the output against it. Fields are only ever added.

use serde::Serialize;

use crate::model::*;
use crate::outputs::MARKER;

#[derive(Serialize)]
pub struct Root<'a> {
    pub generated_by: &'static str,
    pub registry_version: &'a str,
    pub iana_updated: &'a str,
    pub classes: Vec<Class<'a>>,
    pub subjects: Vec<Subject<'a>>,
    pub enhanced: Vec<Enhanced<'a>>,
    pub basic: Vec<Basic<'a>>,
    pub commands: Vec<Command<'a>>,
    pub troubleshooting: Vec<Troubleshooting<'a>>,
    pub vendors: Vec<VendorEntryJson<'a>>,
    pub vendor_sources: Vec<VendorJson<'a>>,
    pub classifier: ClassifierJson<'a>,
}

#[derive(Serialize)]
pub struct ReasonJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub side: &'static str,
    pub bounce: &'static str,
    pub sisimai: Option<&'a str>,
    pub advice: &'a str,
}

#[derive(Serialize)]
pub struct CodeReasonJson<'a> {
    pub code: String,
    pub reason: &'a str,
}

#[derive(Serialize)]
pub struct RuleJson<'a> {
    pub id: &'a str,
    pub reason: &'a str,
    pub any: &'a [String],
    pub all: &'a [String],
    pub none: &'a [String],
    pub classes: &'a [u8],
    pub codes: &'a [u16],
    pub enhanced: Vec<String>,
    pub weak: bool,
}

#[derive(Serialize)]
pub struct ClassifierJson<'a> {
    pub reasons: Vec<ReasonJson<'a>>,
    pub enhanced_defaults: Vec<CodeReasonJson<'a>>,
    pub generic_enhanced: Vec<String>,
    pub subject_defaults: Vec<CodeReasonJson<'a>>,
    pub basic_defaults: Vec<CodeReasonJson<'a>>,
    pub rules: Vec<RuleJson<'a>>,
}

fn classifier(c: &crate::model::Classifier) -> ClassifierJson<'_> {
    ClassifierJson {
        reasons: c
            .reasons
            .iter()
            .map(|r| ReasonJson {
                id: &r.id,
                title: &r.title,
                side: r.side.as_str(),
                bounce: r.bounce.as_str(),
                sisimai: r.sisimai.as_deref(),
                advice: &r.advice,
            })
            .collect(),
        enhanced_defaults: c
            .enhanced
            .iter()
            .map(|e| CodeReasonJson {
                code: e.code.to_string(),
                reason: &e.reason,
            })
            .collect(),
        generic_enhanced: c.generic_enhanced.iter().map(|k| k.to_string()).collect(),
        subject_defaults: c
            .subjects
            .iter()
            .map(|e| CodeReasonJson {
                code: format!("X.{}", e.subject),
                reason: &e.reason,
            })
            .collect(),
        basic_defaults: c
            .basic
            .iter()
            .map(|e| CodeReasonJson {
                code: e.code.to_string(),
                reason: &e.reason,
            })
            .collect(),
        rules: c
            .rules
            .iter()
            .map(|r| RuleJson {
                id: &r.id,
                reason: &r.reason,
                any: &r.any,
                all: &r.all,
                none: &r.none,
                classes: &r.classes,
                codes: &r.codes,
                enhanced: r.enhanced.iter().map(|k| k.to_string()).collect(),
                weak: r.weak,
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct Ref {
    pub document: String,
    pub section: Option<String>,
    pub url: String,
}

fn refs(r: &[Reference]) -> Vec<Ref> {
    r.iter().map(reference).collect()
}

fn reference(r: &Reference) -> Ref {
    Ref {
        document: r.document.to_string(),
        section: r.section.as_ref().map(|s| s.0.clone()),
        url: r.url(),
    }
}

#[derive(Serialize)]
pub struct Iana<'a> {
    pub description: &'a str,
    pub reference: &'a str,
    pub submitter: &'a str,
    pub change_controller: &'a str,
    pub date: Option<&'a str>,
    pub updated: Option<&'a str>,
}

fn iana(r: &IanaRecord) -> Iana<'_> {
    Iana {
        description: &r.description,
        reference: &r.reference,
        submitter: &r.submitter,
        change_controller: &r.change_controller,
        date: r.date.as_ref().map(|d| d.0.as_str()),
        updated: r.updated.as_ref().map(|d| d.0.as_str()),
    }
}

#[derive(Serialize)]
pub struct Class<'a> {
    pub class: u8,
    pub name: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub references: Vec<Ref>,
    pub notes: Option<&'a str>,
    pub iana: Iana<'a>,
}

#[derive(Serialize)]
pub struct Subject<'a> {
    pub subject: u16,
    pub name: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub references: Vec<Ref>,
    pub notes: Option<&'a str>,
    pub iana: Iana<'a>,
}

#[derive(Serialize)]
pub struct Enhanced<'a> {
    pub code: String,
    pub subject: u16,
    pub detail: u16,
    pub name: &'a str,
    pub sample_text: &'a str,
    pub basic_codes: &'a [u16],
    pub basic_codes_text: &'a str,
    pub basic_codes_classes: &'a [u8],
    pub basic_codes_any: bool,
    pub usable_as: Vec<&'static str>,
    pub description: &'a str,
    pub status: &'static str,
    pub replaced_by: Option<String>,
    pub references: Vec<Ref>,
    pub notes: Option<&'a str>,
    pub iana: Iana<'a>,
}

#[derive(Serialize)]
pub struct MeaningJson<'a> {
    pub text: &'a str,
    pub document: Option<String>,
    pub section: Option<String>,
    pub url: Option<String>,
    pub standard: bool,
    pub commands: &'a [String],
    pub summary: Option<&'a str>,
    pub vendor: Option<&'a str>,
    pub sources: &'a [String],
    pub read: Option<&'a str>,
}

#[derive(Serialize)]
pub struct UseJson<'a> {
    pub document: String,
    pub section: Option<String>,
    pub url: String,
    pub context: &'a str,
    pub commands: &'a [String],
    pub enhanced: Vec<String>,
}

#[derive(Serialize)]
pub struct Basic<'a> {
    pub code: u16,
    pub name: &'a str,
    pub text: &'a str,
    pub text_note: Option<&'a str>,
    pub status: &'static str,
    pub kind: Option<&'static str>,
    pub severity: &'static str,
    pub category: &'static str,
    pub description: &'a str,
    pub meanings: Vec<MeaningJson<'a>>,
    pub commands: &'a [String],
    pub uses: Vec<UseJson<'a>>,
    pub text_source: Option<Ref>,
    pub introduced: Option<Ref>,
    pub references: Vec<Ref>,
    pub associated_enhanced: Vec<String>,
    pub confidence: Option<&'a str>,
    pub conflicts: Option<&'a str>,
    pub notes: Option<&'a str>,
}

#[derive(Serialize)]
pub struct Command<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub status: &'static str,
    pub references: Vec<Ref>,
    pub replies: Vec<u16>,
}

#[derive(Serialize)]
pub struct Troubleshooting<'a> {
    pub code: String,
    pub summary: &'a str,
    pub causes: &'a [String],
    pub sender_fixes: &'a [String],
    pub admin_fixes: &'a [String],
    pub references: Vec<Ref>,
    pub nonconforming: Vec<Nonconforming<'a>>,
}

/// A code the guidance shows in a class its definition excludes, with the note on it.
#[derive(Serialize)]
pub struct Nonconforming<'a> {
    pub code: String,
    pub note: &'a str,
}

#[derive(Serialize)]
pub struct VendorEntryJson<'a> {
    pub vendor: &'a str,
    pub basic: Option<u16>,
    pub enhanced: Option<String>,
    pub token: Option<&'a str>,
    pub pattern: Option<&'a str>,
    pub meaning: &'a str,
    pub refines: String,
    pub cause: &'a str,
    pub sender_action: &'a str,
    pub admin_action: &'a str,
    pub retry: &'static str,
    pub reason: Option<&'a str>,
    /// The page's address.
    pub source: &'a str,
    pub source_title: &'a str,
    /// When the page was read.
    pub read: &'a str,
    /// The page's own date, when it shows one.
    pub published: Option<&'a str>,
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct VendorSourceJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: &'a str,
    pub read: &'a str,
    pub published: Option<&'a str>,
}

#[derive(Serialize)]
pub struct VendorJson<'a> {
    pub vendor: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub description: &'a str,
    pub sources: Vec<VendorSourceJson<'a>>,
}

fn vendor_source(s: &VendorSource) -> VendorSourceJson<'_> {
    VendorSourceJson {
        id: &s.id,
        title: &s.title,
        url: &s.url,
        read: &s.read.0,
        published: s.published.as_ref().map(|d| d.0.as_str()),
    }
}

/// RFC 5321 section 4.2.1: what the first digit says.
pub fn severity(code: u16) -> &'static str {
    match code / 100 {
        2 => "positive_completion",
        3 => "positive_intermediate",
        4 => "transient_negative",
        5 => "permanent_negative",
        _ => "none",
    }
}

/// RFC 5321 section 4.2.1: what the second digit says.
pub fn category(code: u16) -> &'static str {
    if !(200..=599).contains(&code) {
        return "none";
    }
    match (code / 10) % 10 {
        0 => "syntax",
        1 => "information",
        2 => "connections",
        3 => "unspecified",
        4 => "unspecified",
        5 => "mail_system",
        _ => "nonstandard",
    }
}

/// Builds the JSON document's value.
pub fn build(reg: &Registry) -> Root<'_> {
    Root {
        generated_by: MARKER,
        registry_version: &reg.meta.registry_version,
        iana_updated: &reg.meta.iana_updated.0,
        classes: reg
            .classes
            .iter()
            .map(|c| Class {
                class: c.class,
                name: &c.name,
                title: &c.title,
                description: &c.description,
                references: refs(&c.references),
                notes: c.notes.as_deref(),
                iana: iana(&c.iana),
            })
            .collect(),
        subjects: reg
            .subjects
            .iter()
            .map(|s| Subject {
                subject: s.subject,
                name: &s.name,
                title: &s.title,
                description: &s.description,
                references: refs(&s.references),
                notes: s.notes.as_deref(),
                iana: iana(&s.iana),
            })
            .collect(),
        enhanced: reg.enhanced.iter().map(enhanced).collect(),
        basic: reg.basic.iter().map(|b| basic(reg, b)).collect(),
        commands: reg
            .commands
            .iter()
            .map(|c| Command {
                name: &c.name,
                title: &c.title,
                description: &c.description,
                status: c.status.as_str(),
                references: refs(&c.references),
                replies: reg.replies_to(&c.name),
            })
            .collect(),
        troubleshooting: reg
            .troubleshooting
            .iter()
            .map(|t| Troubleshooting {
                code: t.code.to_string(),
                summary: &t.summary,
                causes: &t.causes,
                sender_fixes: &t.sender_fixes,
                admin_fixes: &t.admin_fixes,
                references: refs(&t.references),
                nonconforming: t
                    .nonconforming
                    .iter()
                    .map(|n| Nonconforming {
                        code: n.code.to_string(),
                        note: &n.note,
                    })
                    .collect(),
            })
            .collect(),
        vendors: reg
            .vendors
            .iter()
            .flat_map(|v| v.entries.iter().map(move |e| vendor_entry(v, e)))
            .collect(),
        vendor_sources: reg
            .vendors
            .iter()
            .map(|v| VendorJson {
                vendor: &v.vendor,
                name: &v.name,
                kind: v.kind.as_str(),
                description: &v.description,
                sources: v.sources.iter().map(vendor_source).collect(),
            })
            .collect(),
        classifier: classifier(&reg.classifier),
    }
}

/// One enhanced code.
fn enhanced(e: &EnhancedEntry) -> Enhanced<'_> {
    Enhanced {
        code: e.code.to_string(),
        subject: e.code.subject,
        detail: e.code.detail,
        name: &e.name,
        sample_text: &e.sample_text,
        basic_codes: &e.basic_codes.codes,
        basic_codes_text: &e.basic_codes.iana,
        basic_codes_classes: &e.basic_codes.classes,
        basic_codes_any: e.basic_codes.any,
        usable_as: e.usable_as.iter().map(|o| o.as_str()).collect(),
        description: &e.description,
        status: e.status.as_str(),
        replaced_by: e.replaced_by.map(|r| r.to_string()),
        references: refs(&e.references),
        notes: e.notes.as_deref(),
        iana: iana(&e.iana),
    }
}

/// One reply code.
fn basic<'a>(reg: &'a Registry, b: &'a BasicEntry) -> Basic<'a> {
    Basic {
        code: b.code,
        name: &b.name,
        text: &b.text,
        text_note: b.text_note.as_deref(),
        status: b.status.as_str(),
        kind: b.kind.map(|k| k.as_str()),
        severity: severity(b.code),
        category: category(b.code),
        description: &b.description,
        meanings: b.meanings.iter().map(meaning).collect(),
        commands: &b.commands,
        uses: b.uses.iter().map(use_json).collect(),
        text_source: b.text_source.as_ref().map(reference),
        introduced: b.introduced.as_ref().map(reference),
        references: refs(&b.references),
        associated_enhanced: reg
            .enhanced_associated_with(b.code)
            .map(|e| e.code.to_string())
            .collect(),
        confidence: b.confidence.as_deref(),
        conflicts: b.conflicts.as_deref(),
        notes: b.notes.as_deref(),
    }
}

/// One meaning of a reply code.
fn meaning(m: &Meaning) -> MeaningJson<'_> {
    MeaningJson {
        text: &m.text,
        document: m.document.as_ref().map(|d| d.to_string()),
        section: m.section.as_ref().map(|s| s.0.clone()),
        url: m.url(),
        standard: !m.is_nonstandard(),
        commands: &m.commands,
        summary: m.summary.as_deref(),
        vendor: m.vendor.as_deref(),
        sources: &m.sources,
        read: m.read.as_ref().map(|d| d.0.as_str()),
    }
}

/// An extension's use of a reply code.
fn use_json(u: &Use) -> UseJson<'_> {
    UseJson {
        document: u.document.to_string(),
        section: u.section.as_ref().map(|s| s.0.clone()),
        url: u.document.url(u.section.as_ref().map(|s| s.0.as_str())),
        context: &u.context,
        commands: &u.commands,
        enhanced: u.enhanced.iter().map(|k| k.to_string()).collect(),
    }
}

/// One vendor entry, with its source's address, title and dates.
fn vendor_entry<'a>(v: &'a VendorFile, e: &'a VendorEntry) -> VendorEntryJson<'a> {
    let source = v.source(&e.source).expect("validated source id");
    VendorEntryJson {
        vendor: &v.vendor,
        basic: e.basic,
        enhanced: e.enhanced.map(|x| x.to_string()),
        token: e.token.as_deref(),
        pattern: e.pattern.as_deref(),
        meaning: &e.meaning,
        refines: e.refines.to_string(),
        cause: &e.cause,
        sender_action: &e.sender_action,
        admin_action: &e.admin_action,
        retry: e.retry.as_str(),
        reason: e.reason.as_deref(),
        source: &source.url,
        source_title: &source.title,
        read: &source.read.0,
        published: source.published.as_ref().map(|d| d.0.as_str()),
        note: e.note.as_deref(),
    }
}
