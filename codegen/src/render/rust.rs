//! `generated/rust/`: the `smtp-codes` crate, from the templates in `templates/rust/`.
//!
//! The views below hold every string already escaped for Rust (`text::rust_str` for literals,
//! `text::rust_doc` for doc comments) and every list already sorted, so the templates only
//! loop and interpolate. The output is rustfmt-clean as rendered; `cargo fmt --check` in CI
//! and a test keep it so.

use askama::Template;

use crate::model::*;
use crate::names::{screaming_snake, upper_camel};
use crate::outputs::{Outputs, MARKER};
use crate::render::json::replies_to;
use crate::render::text::{finish, one_line, rust_doc, rust_str};

/// A reference as Rust expressions.
pub struct RefV {
    pub document: String,
    pub section: String,
    pub url: String,
}

fn ref_v(r: &Reference) -> RefV {
    let document = match &r.document {
        DocumentId::Rfc(n) => format!("Document::Rfc({n})"),
        DocumentId::Draft(d) => format!("Document::Draft({})", rust_str(d)),
    };
    RefV {
        document,
        section: match &r.section {
            Some(s) => format!("Some({})", rust_str(&s.0)),
            None => "None".into(),
        },
        url: rust_str(&r.url()),
    }
}

fn opt_str(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", rust_str(s)),
        None => "None".into(),
    }
}

/// An array literal `[a, b]` laid out as rustfmt would, for a line that starts at `indent`
/// with `line_prefix` characters before the literal and one after it (`,` or `;`): empty, on
/// one line when it is short (rustfmt's `array_width`, 60) and the line fits in 100 columns,
/// else one element per line.
fn rust_array(items: &[String], indent: usize, line_prefix: usize) -> String {
    let inline = format!("[{}]", items.join(", "));
    if items.is_empty() || (inline.len() - 2 <= 60 && indent + line_prefix + inline.len() < 100) {
        return inline;
    }
    let pad = " ".repeat(indent + 4);
    let mut out = String::from("[\n");
    for item in items {
        out.push_str(&format!("{pad}{item},\n"));
    }
    out.push_str(&" ".repeat(indent));
    out.push(']');
    out
}

/// A slice literal `&[a, b]`, laid out like [`rust_array`].
fn rust_slice(items: &[String], indent: usize, line_prefix: usize) -> String {
    format!("&{}", rust_array(items, indent, line_prefix + 1))
}

/// `pub const ALL: [Ty; N] = [...]` at 4 columns, for enum variants.
fn all_array<'a>(ty: &str, variants: impl Iterator<Item = &'a String>) -> String {
    let items: Vec<String> = variants.map(|v| format!("{ty}::{v}")).collect();
    let prefix = format!("pub const ALL: [{ty}; {}] = ", items.len());
    format!("{prefix}{};", rust_array(&items, 4, prefix.len()))
}

/// Doc lines for a Markdown body, already escaped for rustdoc.
fn doc(markdown: &str) -> Vec<String> {
    rust_doc(markdown)
}

/// `[RFC 5321, section 4.2.3](url)` links, escaped for rustdoc.
fn doc_links(refs: &[Reference]) -> String {
    refs.iter()
        .map(|r| format!("[{}]({})", r, r.url()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `EnhancedCode` constant for the code `name` reported as `outcome`:
/// `PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS`. The site shows the same names.
pub fn enhanced_const_name(outcome: Outcome, name: &str) -> String {
    let prefix = match outcome {
        Outcome::Success => "Success",
        Outcome::Transient => "Transient",
        Outcome::Permanent => "Permanent",
    };
    format!("{}_{}", screaming_snake(prefix), screaming_snake(name))
}

/// `RCPT` -> `Rcpt`, `STARTTLS` -> `Starttls`.
pub fn command_variant(name: &str) -> String {
    let mut s = name.to_ascii_lowercase();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

pub struct ClassV {
    pub variant: String,
    pub digit: u8,
    pub title: String,
    pub description: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
}

pub struct SubjectV {
    pub variant: String,
    pub number: u16,
    pub title: String,
    pub description: String,
    pub doc_title: String,
    pub doc: Vec<String>,
    pub links: String,
}

pub struct CommandV {
    pub variant: String,
    /// `Command::Rcpt => &[...]`, laid out.
    pub replies_arm: String,
    pub wire: String,
    pub wire_plain: String,
    pub title: String,
    pub description: String,
    pub historic: bool,
    pub doc: Vec<String>,
}

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

pub struct TroubleV {
    pub code: String,
    pub summary: String,
    pub causes: String,
    pub sender_fixes: String,
    pub admin_fixes: String,
    pub references: Vec<RefV>,
}

pub struct ReasonV {
    pub variant: String,
    pub id: String,
    pub id_plain: String,
    pub title: String,
    pub title_plain: String,
    pub advice: String,
    pub side: &'static str,
    pub bounce: &'static str,
    pub sisimai: String,
    pub doc: Vec<String>,
}

pub struct RuleV {
    pub id: String,
    pub weak: bool,
    pub reason: String,
    pub any: String,
    pub all: String,
    pub none: String,
    pub classes: String,
    pub codes: String,
    pub enhanced: String,
}

pub struct VendorV {
    pub slug: String,
    pub name: String,
    pub kind: &'static str,
    pub description: String,
}

pub struct VendorEntryV {
    pub vendor: usize,
    pub basic: String,
    pub enhanced: String,
    pub token: String,
    pub pattern: String,
    pub refines: String,
    pub meaning: String,
    pub cause: String,
    pub sender_action: String,
    pub admin_action: String,
    pub retry: &'static str,
    pub reason: String,
    pub source_title: String,
    pub source_url: String,
    pub read: String,
}

/// Everything the Rust templates need.
pub struct RustView {
    pub marker: &'static str,
    pub registry_version: String,
    pub iana_updated: String,
    pub site_url: String,
    pub classes: Vec<ClassV>,
    pub subjects: Vec<SubjectV>,
    pub commands: Vec<CommandV>,
    /// Standard and historic codes (the `KnownReplyCode` enum).
    pub replies: Vec<ReplyV>,
    /// Non-standard codes (including ones no server sends, such as 101).
    pub nonstandard: Vec<ReplyV>,
    pub enhanced: Vec<EnhancedV>,
    pub reasons: Vec<ReasonV>,
    /// `(subject, detail, Reason variant)`.
    pub enhanced_defaults: Vec<(u16, u16, String)>,
    pub subject_defaults: Vec<(u16, String)>,
    /// `(subject, detail)` of the codes weak rules may refine.
    pub generic_enhanced: Vec<(u16, u16)>,
    pub basic_defaults: Vec<(u16, String)>,
    pub rules: Vec<RuleV>,
    pub vendors: Vec<VendorV>,
    pub vendor_entries: Vec<VendorEntryV>,
    pub troubleshooting: Vec<TroubleV>,
}

impl RustView {
    pub fn new(reg: &Registry) -> Self {
        let class_variant = |digit: u8| -> String {
            reg.class(digit)
                .map(|c| c.name.clone())
                .unwrap_or_else(|| format!("Class{digit}"))
        };
        let command_list = |cmds: &[String]| -> Vec<String> {
            cmds.iter()
                .map(|c| format!("Command::{}", command_variant(c)))
                .collect()
        };
        let enhanced_variant = |k: EnhancedKey| -> String {
            reg.enhanced(k)
                .map(|e| format!("KnownEnhancedCode::{}", e.name))
                .unwrap_or_default()
        };
        let classes = reg
            .classes
            .iter()
            .map(|c| ClassV {
                variant: c.name.clone(),
                digit: c.class,
                title: rust_str(&c.title),
                description: rust_str(&one_line(&c.description)),
                doc_title: format!("`{}.X.X` {}", c.class, rust_doc(&c.title).join(" ")),
                doc: doc(&c.description),
                links: doc_links(&c.references),
            })
            .collect();
        let subjects = reg
            .subjects
            .iter()
            .map(|s| SubjectV {
                variant: s.name.clone(),
                number: s.subject,
                title: rust_str(&s.title),
                description: rust_str(&one_line(&s.description)),
                doc_title: format!("`X.{}.X` {}", s.subject, rust_doc(&s.title).join(" ")),
                doc: doc(&s.description),
                links: doc_links(&s.references),
            })
            .collect();
        let known_reply = |code: u16| -> Option<&BasicEntry> {
            reg.basic(code)
                .filter(|b| b.status != BasicStatus::Nonstandard)
        };
        let commands = reg
            .commands
            .iter()
            .map(|c| CommandV {
                replies_arm: {
                    let items: Vec<String> = replies_to(reg, &c.name)
                        .into_iter()
                        .filter_map(known_reply)
                        .map(|b| format!("KnownReplyCode::{}", b.name))
                        .collect();
                    let prefix = format!("Command::{} => ", command_variant(&c.name));
                    format!("{prefix}{},", rust_slice(&items, 12, prefix.len()))
                },
                variant: command_variant(&c.name),
                wire: rust_str(&c.name),
                wire_plain: c.name.clone(),
                title: rust_str(&c.title),
                description: rust_str(&one_line(&c.description)),
                historic: c.status == CommandStatus::Historic,
                doc: doc(&c.description),
            })
            .collect();
        let trouble_ref = |code: CodeRef| -> String {
            match reg.troubleshooting.iter().position(|t| t.code == code) {
                Some(i) => format!("Some(&TROUBLESHOOTING[{i}])"),
                None => "None".into(),
            }
        };
        let reply = |b: &BasicEntry| -> ReplyV {
            let defining = b.defining_references();
            ReplyV {
                code: b.code,
                variant: b.name.clone(),
                const_name: screaming_snake(&b.name),
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
                meanings: b
                    .meanings
                    .iter()
                    .map(|m| MeaningV {
                        text: rust_str(&m.text),
                        summary: opt_str(m.summary.as_deref().map(one_line).as_deref()),
                        reference: match &m.document {
                            Some(d) => {
                                let r = ref_v(&Reference {
                                    document: d.clone(),
                                    section: m.section.clone(),
                                });
                                format!(
                                    "Some(Reference {{ document: {}, section: {}, url: {} }})",
                                    r.document, r.section, r.url
                                )
                            }
                            None => "None".into(),
                        },
                        vendor: opt_str(m.vendor.as_deref()),
                        sources: m.sources.iter().map(|x| rust_str(x)).collect(),
                        standard: !m.is_nonstandard(),
                        commands: command_list(&m.commands),
                    })
                    .collect(),
                uses: b
                    .uses
                    .iter()
                    .map(|u| UseV {
                        reference: ref_v(&Reference {
                            document: u.document.clone(),
                            section: u.section.clone(),
                        }),
                        context: rust_str(&one_line(&u.context)),
                        commands: command_list(&u.commands),
                        enhanced: u.enhanced.iter().map(|k| enhanced_variant(*k)).collect(),
                    })
                    .collect(),
                commands: command_list(&b.commands),
                introduced: match &b.introduced {
                    Some(r) => {
                        let r = ref_v(r);
                        format!(
                            "Some(Reference {{ document: {}, section: {}, url: {} }})",
                            r.document, r.section, r.url
                        )
                    }
                    None => "None".into(),
                },
                references: b.references.iter().map(ref_v).collect(),
                associated_enhanced: reg
                    .enhanced_associated_with(b.code)
                    .map(|e| format!("KnownEnhancedCode::{}", e.name))
                    .collect(),
                notes: opt_str(b.notes.as_deref().map(one_line).as_deref()),
                historic: b.status == BasicStatus::Historic,
                troubleshooting: trouble_ref(CodeRef::Basic(b.code)),
            }
        };
        let replies: Vec<ReplyV> = reg.standard_basic().map(reply).collect();
        let nonstandard: Vec<ReplyV> = reg
            .basic
            .iter()
            .filter(|b| b.status == BasicStatus::Nonstandard)
            .map(reply)
            .collect();
        let enhanced: Vec<EnhancedV> = reg
            .enhanced
            .iter()
            .enumerate()
            .map(|(index, e)| {
                let deprecated = e.status == Lifecycle::Deprecated;
                let doc_title = format!(
                    "`X.{}.{}` {}",
                    e.code.subject,
                    e.code.detail,
                    if e.sample_text.is_empty() {
                        "(no sample text)".to_string()
                    } else {
                        rust_doc(&e.sample_text).join(" ")
                    }
                );
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
                    basic_code_classes: e
                        .basic_codes
                        .classes
                        .iter()
                        .map(|c| format!("Class::{}", class_variant(*c)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    any_basic_code: e.basic_codes.any,
                    usable_as: e
                        .usable_as
                        .iter()
                        .map(|o| format!("Class::{}", class_variant(o.class())))
                        .collect::<Vec<_>>()
                        .join(", "),
                    deprecated,
                    replaced_by: match e.replaced_by {
                        Some(k) => format!("Some({})", enhanced_variant(k)),
                        None => "None".into(),
                    },
                    replaced_by_key: e.replaced_by.map(|k| k.to_string()).unwrap_or_default(),
                    references: e.references.iter().map(ref_v).collect(),
                    notes: opt_str(e.notes.as_deref().map(one_line).as_deref()),
                    troubleshooting: trouble_ref(CodeRef::Enhanced(e.code)),
                    doc_title: doc_title.clone(),
                    doc: doc(&e.description),
                    links: doc_links(&e.references),
                    constants: e
                        .usable_as
                        .iter()
                        .map(|o| {
                            let name = enhanced_const_name(*o, &e.name);
                            let class_variant = class_variant(o.class());
                            let head = format!("pub const {name}: EnhancedCode =");
                            let value = format!(
                                "EnhancedCode::registered(Class::{class_variant}, {}, {});",
                                e.code.subject, e.code.detail
                            );
                            // rustfmt keeps an item on one line when it fits in 100 columns
                            // (4 of them indentation), else breaks after `=`.
                            let declaration = if 4 + head.len() + 1 + value.len() <= 100 {
                                format!("{head} {value}")
                            } else {
                                format!("{head}\n        {value}")
                            };
                            EnhancedConstV {
                                declaration,
                                wire: format!("{}.{}.{}", o.class(), e.code.subject, e.code.detail),
                                doc_title: doc_title.clone(),
                                doc: doc(&e.description),
                                links: doc_links(&e.references),
                                deprecated,
                                key: e.code.to_string(),
                                replaced_by_key: e
                                    .replaced_by
                                    .map(|k| k.to_string())
                                    .unwrap_or_default(),
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let reason_variant = |id: &str| format!("Reason::{}", upper_camel(id));
        // Rule fields sit at 8 columns, after `any: ` and the like.
        let lits = |v: &[String], field: &str| {
            let items: Vec<String> = v.iter().map(|x| rust_str(x)).collect();
            rust_slice(&items, 8, field.len() + 2)
        };
        let nums = |v: &[u16]| {
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let cls = &reg.classifier;
        let reasons = cls
            .reasons
            .iter()
            .map(|r| ReasonV {
                variant: upper_camel(&r.id),
                id: rust_str(&r.id),
                id_plain: r.id.clone(),
                title: rust_str(&r.title),
                title_plain: rust_doc(&r.title).join(" "),
                advice: rust_str(&one_line(&r.advice)),
                side: r.side.variant(),
                bounce: r.bounce.variant(),
                sisimai: opt_str(r.sisimai.as_deref()),
                doc: doc(&r.advice),
            })
            .collect();
        let enhanced_defaults = cls
            .enhanced
            .iter()
            .map(|e| (e.code.subject, e.code.detail, reason_variant(&e.reason)))
            .collect();
        let subject_defaults = cls
            .subjects
            .iter()
            .map(|e| (e.subject, reason_variant(&e.reason)))
            .collect();
        let basic_defaults = cls
            .basic
            .iter()
            .map(|e| (e.code, reason_variant(&e.reason)))
            .collect();
        let rules = cls
            .rules
            .iter()
            .map(|r| RuleV {
                id: rust_str(&r.id),
                weak: r.weak,
                reason: reason_variant(&r.reason),
                any: lits(&r.any, "any"),
                all: lits(&r.all, "all"),
                none: lits(&r.none, "none"),
                classes: r
                    .classes
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                codes: nums(&r.codes),
                enhanced: r
                    .enhanced
                    .iter()
                    .map(|k| format!("({}, {})", k.subject, k.detail))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect();
        let vendors = reg
            .vendors
            .iter()
            .map(|v| VendorV {
                slug: rust_str(&v.vendor),
                name: rust_str(&v.name),
                kind: match v.kind {
                    VendorKind::Provider => "VendorKind::Provider",
                    VendorKind::Mta => "VendorKind::Mta",
                },
                description: rust_str(&one_line(&v.description)),
            })
            .collect();
        let mut vendor_entries = Vec::new();
        for (vi, v) in reg.vendors.iter().enumerate() {
            for e in &v.entries {
                let src = v.source(&e.source).expect("validated source id");
                vendor_entries.push(VendorEntryV {
                    vendor: vi,
                    basic: match e.basic {
                        Some(b) => format!("Some({b})"),
                        None => "None".into(),
                    },
                    enhanced: match e.enhanced {
                        Some(x) => format!(
                            "Some(crate::EnhancedCode::registered(crate::Class::{}, {}, {}))",
                            class_variant(x.class),
                            x.subject,
                            x.detail
                        ),
                        None => "None".into(),
                    },
                    token: opt_str(e.token.as_deref()),
                    pattern: opt_str(e.pattern.as_deref()),
                    refines: match e.refines {
                        CodeRef::Enhanced(k) => {
                            format!("Refines::Enhanced(crate::{})", enhanced_variant(k))
                        }
                        CodeRef::Basic(b) => format!(
                            "Refines::Reply(crate::KnownReplyCode::{})",
                            reg.basic(b).map(|x| x.name.clone()).unwrap_or_default()
                        ),
                    },
                    meaning: rust_str(&one_line(&e.meaning)),
                    cause: rust_str(&one_line(&e.cause)),
                    sender_action: rust_str(&one_line(&e.sender_action)),
                    admin_action: rust_str(&one_line(&e.admin_action)),
                    retry: match e.retry {
                        Retry::Never => "VendorRetry::Never",
                        Retry::Later => "VendorRetry::Later",
                        Retry::AfterFix => "VendorRetry::AfterFix",
                    },
                    reason: match &e.reason {
                        Some(r) => format!("Some(crate::{})", reason_variant(r)),
                        None => "None".into(),
                    },
                    source_title: rust_str(&src.title),
                    source_url: rust_str(&src.url),
                    read: rust_str(&src.read.0),
                });
            }
        }
        let list = |v: &[String], field: &str| {
            let items: Vec<String> = v.iter().map(|x| rust_str(&one_line(x))).collect();
            rust_slice(&items, 8, field.len() + 2)
        };
        let troubleshooting = reg
            .troubleshooting
            .iter()
            .map(|t| TroubleV {
                code: t.code.to_string(),
                summary: rust_str(&one_line(&t.summary)),
                causes: list(&t.causes, "causes"),
                sender_fixes: list(&t.sender_fixes, "sender_fixes"),
                admin_fixes: list(&t.admin_fixes, "admin_fixes"),
                references: t.references.iter().map(ref_v).collect(),
            })
            .collect();
        let generic_enhanced = cls
            .generic_enhanced
            .iter()
            .map(|k| (k.subject, k.detail))
            .collect();
        RustView {
            generic_enhanced,
            troubleshooting,
            reasons,
            enhanced_defaults,
            subject_defaults,
            basic_defaults,
            rules,
            vendors,
            vendor_entries,
            marker: MARKER,
            registry_version: reg.meta.registry_version.clone(),
            site_url: opt_str(reg.meta.site_url.as_deref()),
            iana_updated: reg.meta.iana_updated.0.clone(),
            classes,
            subjects,
            commands,
            replies,
            nonstandard,
            enhanced,
        }
    }

    /// The `Class` variant for a class digit.
    pub fn class_variant(&self, digit: u8) -> String {
        self.classes
            .iter()
            .find(|c| c.digit == digit)
            .map(|c| c.variant.clone())
            .unwrap_or_else(|| format!("Class{digit}"))
    }

    /// The `matches!` expression over the generic enhanced codes, laid out as rustfmt would
    /// at 4 columns: on one line when it fits in 100, else the pattern on its own lines.
    pub fn generic_matches(&self) -> String {
        let alts: Vec<String> = self
            .generic_enhanced
            .iter()
            .map(|(s, d)| format!("({s}, {d})"))
            .collect();
        let pattern = alts.join(" | ");
        let one_line = format!("matches!((subject, detail), {pattern})");
        if 4 + one_line.len() <= 100 {
            return one_line;
        }
        let pattern = if 8 + pattern.len() <= 100 {
            pattern
        } else {
            alts.join("\n        | ")
        };
        format!("matches!(\n        (subject, detail),\n        {pattern}\n    )")
    }

    pub fn class_all(&self) -> String {
        all_array("Class", self.classes.iter().map(|c| &c.variant))
    }

    pub fn subject_all(&self) -> String {
        all_array("Subject", self.subjects.iter().map(|c| &c.variant))
    }

    pub fn command_all(&self) -> String {
        all_array("Command", self.commands.iter().map(|c| &c.variant))
    }

    pub fn reply_all(&self) -> String {
        all_array("KnownReplyCode", self.replies.iter().map(|c| &c.variant))
    }

    pub fn enhanced_all(&self) -> String {
        all_array(
            "KnownEnhancedCode",
            self.enhanced.iter().map(|c| &c.variant),
        )
    }

    pub fn reason_all(&self) -> String {
        all_array("Reason", self.reasons.iter().map(|c| &c.variant))
    }

    /// `"200201202...599"`.
    pub fn all_codes_text(&self) -> String {
        (200..=599).map(|n: u16| n.to_string()).collect()
    }

    /// Every `EnhancedCode` constant, in order of code and class.
    pub fn enhanced_constants(&self) -> impl Iterator<Item = &EnhancedConstV> {
        self.enhanced.iter().flat_map(|e| &e.constants)
    }

    pub fn standard_count(&self) -> usize {
        self.replies.iter().filter(|r| !r.historic).count()
    }
}

macro_rules! rust_template {
    ($name:ident, $path:expr) => {
        #[derive(Template)]
        #[template(path = $path)]
        struct $name<'a> {
            v: &'a RustView,
        }
    };
}

rust_template!(TablesMod, "rust/tables/mod.rs");
rust_template!(ClassRs, "rust/tables/class.rs");
rust_template!(ClassifyRs, "rust/tables/classify.rs");
rust_template!(CommandRs, "rust/tables/command.rs");
rust_template!(EnhancedCodeRs, "rust/tables/enhanced_code.rs");
rust_template!(InfoRs, "rust/tables/info.rs");
rust_template!(KnownRs, "rust/tables/known.rs");
rust_template!(ReplyCodeRs, "rust/tables/reply_code.rs");
rust_template!(VendorRs, "rust/tables/vendor.rs");

/// The folder of the crate the generator owns; everything else in the crate is hand-written.
pub const TABLES_DIR: &str = "generated/rust/src/tables";

/// Renders the crate's generated files.
pub fn render(reg: &Registry, out: &mut Outputs) -> Result<(), askama::Error> {
    let v = RustView::new(reg);
    let v = &v;
    let files = [
        ("mod.rs", TablesMod { v }.render()?),
        ("class.rs", ClassRs { v }.render()?),
        ("classify.rs", ClassifyRs { v }.render()?),
        ("command.rs", CommandRs { v }.render()?),
        ("enhanced_code.rs", EnhancedCodeRs { v }.render()?),
        ("info.rs", InfoRs { v }.render()?),
        ("known.rs", KnownRs { v }.render()?),
        ("reply_code.rs", ReplyCodeRs { v }.render()?),
        ("vendor.rs", VendorRs { v }.render()?),
    ];

    for (path, text) in files {
        out.add(format!("{TABLES_DIR}/{path}"), finish(text));
    }
    Ok(())
}
