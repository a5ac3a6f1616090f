//! The registry as one JSON document (`generated/json/smtp-codes.json`): the serde view the
//! JSON renderer writes and the site reads, built once per generation.
//!
//! This is a published API: its shape is described by `smtp-codes.schema.json` (rendered from
//! `templates/json/`) and a test validates the output against it. Fields are only ever added.

use serde::Serialize;

use crate::model::*;
use crate::outputs::MARKER;

mod build;
pub use build::build;

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
    pub documents: Vec<DocumentJson<'a>>,
}

/// A document the registry cites (`data/documents.yaml`).
#[derive(Serialize)]
pub struct DocumentJson<'a> {
    pub document: String,
    pub title: &'a str,
    pub status: &'static str,
    pub obsoleted_by: Option<String>,
    pub url: String,
}

#[derive(Serialize)]
pub struct ReasonJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub side: &'static str,
    pub bounce: &'static str,
    pub sisimai: Option<&'a str>,
    /// The reason's category in each crosswalk scheme, by scheme id; `None` when the reason
    /// is not a failure.
    pub crosswalk: Option<std::collections::BTreeMap<&'a str, &'a str>>,
    pub advice: &'a str,
    pub retry_policy: Option<RetryPolicyJson<'a>>,
}

/// A scheme of bounce categories (`crosswalks` in `data/classifier.yaml`).
#[derive(Serialize)]
pub struct CrosswalkJson<'a> {
    pub scheme: &'a str,
    pub title: &'a str,
    pub field: &'a str,
    pub splits_hard_soft: bool,
    pub sources: Vec<SchemeSourceJson<'a>>,
    pub values: Vec<SchemeValueJson<'a>>,
}

#[derive(Serialize)]
pub struct SchemeSourceJson<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub read: &'a str,
}

#[derive(Serialize)]
pub struct SchemeValueJson<'a> {
    pub value: &'a str,
    pub title: Option<&'a str>,
    pub hard: bool,
}

/// What to do next time (`data/classifier.yaml` documents the fields).
#[derive(Serialize)]
pub struct RetryPolicyJson<'a> {
    pub retry: &'static str,
    pub first_after: Option<&'a str>,
    pub backoff: Option<&'a str>,
    pub how: Option<&'a str>,
    pub give_up_after: Option<&'a str>,
    pub give_up_attempts: Option<u32>,
    pub suppress_address: bool,
}

#[derive(Serialize)]
pub struct RetryDefaultsJson<'a> {
    pub transient: RetryPolicyJson<'a>,
    pub permanent: RetryPolicyJson<'a>,
}

pub(crate) fn retry_policy(p: &crate::model::RetryPolicy) -> RetryPolicyJson<'_> {
    RetryPolicyJson {
        retry: p.retry.as_str(),
        first_after: p.first_after.as_deref(),
        backoff: p.backoff.as_deref(),
        how: p.how.as_deref(),
        give_up_after: p.give_up_after.as_deref(),
        give_up_attempts: p.give_up_attempts,
        suppress_address: p.suppress_address,
    }
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
    /// As the data gives them (`null` in the JSON when it does not).
    pub retry_defaults: Option<RetryDefaultsJson<'a>>,
    /// What the ports' tables carry: the data's defaults, else RFC 5321's
    /// (`Classifier::retry_defaults_or_rfc`). Not part of the JSON.
    #[serde(skip)]
    pub effective_retry_defaults: RetryDefaultsJson<'a>,
    pub reasons: Vec<ReasonJson<'a>>,
    pub enhanced_defaults: Vec<CodeReasonJson<'a>>,
    pub generic_enhanced: Vec<String>,
    pub subject_defaults: Vec<CodeReasonJson<'a>>,
    pub basic_defaults: Vec<CodeReasonJson<'a>>,
    pub rules: Vec<RuleJson<'a>>,
    pub crosswalks: Vec<CrosswalkJson<'a>>,
}

fn crosswalk(s: &CrosswalkScheme) -> CrosswalkJson<'_> {
    CrosswalkJson {
        scheme: &s.scheme,
        title: &s.title,
        field: &s.field,
        splits_hard_soft: s.splits_hard_soft,
        sources: s
            .sources
            .iter()
            .map(|x| SchemeSourceJson {
                url: &x.url,
                title: &x.title,
                read: &x.read.0,
            })
            .collect(),
        values: s
            .values
            .iter()
            .map(|v| SchemeValueJson {
                value: &v.value,
                title: v.title.as_deref(),
                hard: v.hard,
            })
            .collect(),
    }
}

fn classifier(c: &crate::model::Classifier) -> ClassifierJson<'_> {
    ClassifierJson {
        retry_defaults: c.retry_defaults.as_ref().map(|d| RetryDefaultsJson {
            transient: retry_policy(&d.transient),
            permanent: retry_policy(&d.permanent),
        }),
        effective_retry_defaults: RetryDefaultsJson {
            transient: retry_policy(&c.retry_defaults_or_rfc().transient),
            permanent: retry_policy(&c.retry_defaults_or_rfc().permanent),
        },
        reasons: c
            .reasons
            .iter()
            .map(|r| ReasonJson {
                id: &r.id,
                title: &r.title,
                side: r.side.as_str(),
                bounce: r.bounce.as_str(),
                sisimai: r.sisimai.as_deref(),
                crosswalk: (r.bounce != Bounce::None).then(|| {
                    c.crosswalk(r)
                        .map(|(s, v)| (s.scheme.as_str(), v))
                        .collect()
                }),
                advice: &r.advice,
                retry_policy: r.retry_policy.as_ref().map(retry_policy),
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
        crosswalks: c.crosswalks.iter().map(crosswalk).collect(),
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
    pub history: Vec<Ref>,
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
    /// The last code of the range the entry stands for, from `enhanced`.
    pub enhanced_to: Option<String>,
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
    pub retry_policy: Option<RetryPolicyJson<'a>>,
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
    pub hosts: &'a [String],
    pub markers: &'a [String],
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
