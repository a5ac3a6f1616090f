//! `generated/c/smtp_codes.h`: the single-header C library, from `templates/c/smtp_codes.h`.
//!
//! The header is C99 and C++11 at once and follows the single-file convention: every file
//! may include it for the enum, macros and declarations; one file defines
//! `SMTP_CODES_IMPLEMENTATION` first and gets the tables and functions. The tables are
//! large (every text of every code), so they exist once per program rather than once per
//! translation unit.
//!
//! As for Rust, the views below hold every string already escaped, by exactly two functions:
//! [`c_str`] for string literals and [`c_comment`] for text inside `/* */` comments. C
//! identifiers come from the stored `UpperCamelCase` names through
//! [`names::c_macro_stem`](crate::names::c_macro_stem) and nowhere else.
//!
//! The info structs point into flat arrays (all meanings, all references, all associated
//! codes) by offset and count. Each flat array ends with an all-zero sentinel, so that no
//! array is ever empty (ISO C and C++ forbid zero-length arrays) and every pointer in a
//! table is a valid pointer, even when its count is 0.

use askama::Template;

use crate::model::*;
use crate::names::c_macro_stem;
use crate::outputs::{Outputs, MARKER};
use crate::views::text::finish;

/// Where the header goes.
pub const HEADER_PATH: &str = "generated/c/smtp_codes.h";

mod escape;
#[cfg(test)]
use escape::COMMENT_WIDTH;
pub use escape::{c_comment, c_str, c_str_wrapped};
use escape::{c_opt, c_opt_wrapped, comment_lines};

/// A reference as the initializer of a `struct smtp_reference`.
pub struct RefC {
    pub document: String,
    pub section: String,
    pub url: String,
}

fn ref_c(r: &Reference) -> RefC {
    RefC {
        document: c_str(&r.document.to_string()),
        section: c_opt(r.section.as_ref().map(|s| s.0.as_str())),
        url: c_str(&r.url()),
    }
}

/// The initializer of a `struct smtp_meaning`.
pub struct MeaningC {
    /// `550 meaning 1`, for the comment beside the initializer.
    pub label: String,
    pub text: String,
    pub summary: String,
    pub document: String,
    pub section: String,
    pub url: String,
    pub vendor: String,
    pub standard: u8,
}

/// A 3-digit reply code: an enum constant (standard and historic only) and a table entry.
pub struct ReplyC {
    pub code: u16,
    /// `MAILBOX_UNAVAILABLE`: after `SMTP_REPLY_` in the enum, bare in `SMTP_REPLY_MAP`.
    pub macro_name: String,
    /// Standard or historic: in the enum and the X-macro.
    pub registered: bool,
    /// The enum constant's doc comment, line by line, escaped.
    pub doc: Vec<String>,
    pub name: String,
    /// The text as one literal (for the X-macro).
    pub text: String,
    /// The text as wrapped literal pieces (for the table).
    pub text_wrapped: String,
    pub text_note: String,
    pub description: String,
    pub status: &'static str,
    pub nonstandard_kind: String,
    pub notes: String,
    pub meanings_at: usize,
    pub meanings_len: usize,
    pub references_at: usize,
    pub references_len: usize,
}

/// An enumerated enhanced code: two macros and a table entry.
pub struct EnhancedC {
    pub subject: u16,
    pub detail: u16,
    /// `BAD_DESTINATION_MAILBOX_ADDRESS`.
    pub macro_name: String,
    pub doc: Vec<String>,
    pub name: String,
    /// The sample text as one literal (for the X-macro).
    pub sample_text: String,
    /// The sample text as wrapped literal pieces (for the table).
    pub sample_text_wrapped: String,
    pub description: String,
    pub basic_codes_at: usize,
    pub basic_codes_len: usize,
    pub basic_codes_text: String,
    /// `SMTP_CODES_CLASS_BIT(4) | SMTP_CODES_CLASS_BIT(5)`, or `0`.
    pub basic_code_classes: String,
    pub any_basic_code: u8,
    pub usable_as: String,
    pub deprecated: u8,
    pub replaced_by: String,
    pub notes: String,
    pub references_at: usize,
    pub references_len: usize,
}

/// Everything the C template needs.
pub struct CView {
    pub marker: &'static str,
    /// Plain text (digits, dots and dashes, validated) for the opening comment.
    pub registry_version_plain: String,
    pub registry_version: String,
    pub iana_updated: String,
    pub iana_updated_plain: String,
    /// Every reply code in the registry, standard, historic and non-standard, by code.
    pub replies: Vec<ReplyC>,
    pub registered_count: usize,
    pub standard_count: usize,
    pub enhanced: Vec<EnhancedC>,
    pub meanings: Vec<MeaningC>,
    pub reply_references: Vec<RefC>,
    pub enhanced_references: Vec<RefC>,
    pub basic_codes: Vec<u16>,
}

/// Bitmask of class digits, as C.
fn class_bits(classes: impl IntoIterator<Item = u8>) -> String {
    let mut digits: Vec<u8> = classes.into_iter().collect();
    digits.sort_unstable();
    digits.dedup();
    if digits.is_empty() {
        return "0".into();
    }
    digits
        .iter()
        .map(|d| format!("SMTP_CODES_CLASS_BIT({d})"))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn reference_list(refs: &[Reference]) -> String {
    refs.iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// One meaning of reply code `code`, the `i`-th.
fn meaning_c(code: u16, i: usize, m: &Meaning) -> MeaningC {
    MeaningC {
        label: format!("{} meaning {}", code, i + 1),
        text: c_str_wrapped(&m.text, 8),
        summary: c_opt_wrapped(m.summary.as_deref()),
        document: c_opt(m.document.as_ref().map(|d| d.to_string()).as_deref()),
        section: c_opt(m.section.as_ref().map(|s| s.0.as_str())),
        url: c_opt(m.url().as_deref()),
        vendor: c_opt(m.vendor.as_deref()),
        standard: u8::from(!m.is_nonstandard()),
    }
}

/// The doc comment above a reply code: code and text, status, description, where defined.
fn reply_doc(b: &BasicEntry) -> Vec<String> {
    let mut doc = comment_lines(&format!("{} {}", b.code, b.text));
    if b.status == BasicStatus::Historic {
        doc.push("Historic: kept by its RFC for historical reasons only.".into());
    }
    doc.push(String::new());
    doc.extend(comment_lines(&b.description));
    let defining = b.defining_references();
    if !defining.is_empty() {
        doc.push(String::new());
        doc.extend(comment_lines(&format!(
            "Defined in {}.",
            reference_list(&defining)
        )));
    }
    doc
}

/// The doc comment above an enhanced code: code and title, description, association, where
/// defined.
fn enhanced_doc(e: &EnhancedEntry) -> Vec<String> {
    let mut doc = comment_lines(&format!("{} {}", e.code, e.title()));
    if let Some(r) = e.replaced_by {
        doc.push(format!("Deprecated: use {r} instead."));
    }
    doc.push(String::new());
    doc.extend(comment_lines(&e.description));
    doc.push(String::new());
    doc.extend(comment_lines(&format!(
        "IANA's associated basic codes: \"{}\".",
        e.basic_codes.iana
    )));
    if !e.references.is_empty() {
        doc.extend(comment_lines(&format!(
            "Defined in {}.",
            reference_list(&e.references)
        )));
    }
    doc
}

impl CView {
    /// The view of a validated registry (validation refuses names the header reserves, see
    /// [`names::check_c_reply_name`](crate::names::check_c_reply_name)).
    pub fn new(reg: &Registry) -> Self {
        let mut meanings = Vec::new();
        let mut reply_references = Vec::new();
        let mut replies = Vec::new();
        for b in &reg.basic {
            let macro_name = c_macro_stem(&b.name);
            let registered = b.status != BasicStatus::Nonstandard;
            let meanings_at = meanings.len();
            for (i, m) in b.meanings.iter().enumerate() {
                meanings.push(meaning_c(b.code, i, m));
            }
            let references_at = reply_references.len();
            reply_references.extend(b.references.iter().map(ref_c));
            let doc = reply_doc(b);
            replies.push(ReplyC {
                code: b.code,
                macro_name,
                registered,
                doc,
                name: c_str(&b.name),
                text: c_str(&b.text),
                text_wrapped: c_str_wrapped(&b.text, 8),
                text_note: c_opt_wrapped(b.text_note.as_deref()),
                description: c_str_wrapped(&b.description, 8),
                status: match b.status {
                    BasicStatus::Standard => "SMTP_STATUS_STANDARD",
                    BasicStatus::Historic => "SMTP_STATUS_HISTORIC",
                    BasicStatus::Nonstandard => "SMTP_STATUS_NONSTANDARD",
                },
                nonstandard_kind: c_opt(b.kind.map(|k| k.as_str())),
                notes: c_opt_wrapped(b.notes.as_deref()),
                meanings_at,
                meanings_len: b.meanings.len(),
                references_at,
                references_len: b.references.len(),
            });
        }

        let mut basic_codes = Vec::new();
        let mut enhanced_references = Vec::new();
        let mut enhanced = Vec::new();
        for e in &reg.enhanced {
            let basic_codes_at = basic_codes.len();
            basic_codes.extend(e.basic_codes.codes.iter().copied());
            let references_at = enhanced_references.len();
            enhanced_references.extend(e.references.iter().map(ref_c));
            let doc = enhanced_doc(e);
            enhanced.push(EnhancedC {
                subject: e.code.subject,
                detail: e.code.detail,
                macro_name: c_macro_stem(&e.name),
                doc,
                name: c_str(&e.name),
                sample_text: c_str(&e.sample_text),
                sample_text_wrapped: c_str_wrapped(&e.sample_text, 8),
                description: c_str_wrapped(&e.description, 8),
                basic_codes_at,
                basic_codes_len: e.basic_codes.codes.len(),
                basic_codes_text: c_str(&e.basic_codes.iana),
                basic_code_classes: class_bits(e.basic_codes.classes.iter().copied()),
                any_basic_code: u8::from(e.basic_codes.any),
                usable_as: class_bits(e.usable_as.iter().map(|o| o.class())),
                deprecated: u8::from(e.status == Lifecycle::Deprecated),
                replaced_by: c_opt(e.replaced_by.map(|k| k.to_string()).as_deref()),
                notes: c_opt_wrapped(e.notes.as_deref()),
                references_at,
                references_len: e.references.len(),
            });
        }

        CView {
            marker: MARKER,
            registry_version_plain: c_comment(&reg.meta.registry_version),
            registry_version: c_str(&reg.meta.registry_version),
            iana_updated: c_str(&reg.meta.iana_updated.0),
            iana_updated_plain: c_comment(&reg.meta.iana_updated.0),
            registered_count: replies.iter().filter(|r| r.registered).count(),
            standard_count: reg
                .basic
                .iter()
                .filter(|b| b.status == BasicStatus::Standard)
                .count(),
            replies,
            enhanced,
            meanings,
            reply_references,
            enhanced_references,
            basic_codes,
        }
    }

    /// The standard and historic codes: the enum and `SMTP_REPLY_MAP`.
    pub fn registered(&self) -> Vec<&ReplyC> {
        self.replies.iter().filter(|r| r.registered).collect()
    }
}

#[derive(Template)]
#[template(path = "c/smtp_codes.h")]
struct Header<'a> {
    v: &'a CView,
}

/// Renders the C header.
pub fn render(reg: &Registry, out: &mut Outputs) -> Result<(), askama::Error> {
    let v = CView::new(reg);
    out.add(HEADER_PATH, finish(Header { v: &v }.render()?));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_quotes_and_backslashes() {
        assert_eq!(c_str(r#"say "hi"\n"#), r#""say \"hi\"\\n""#);
        assert_eq!(c_str(r"C:\"), r#""C:\\""#);
        assert_eq!(c_str(""), r#""""#);
        assert_eq!(c_str("a\nb\tc\rd"), r#""a\nb\tc\rd""#);
    }

    #[test]
    fn literals_break_every_trigraph() {
        assert_eq!(c_str("??="), r#""?\?=""#);
        assert_eq!(c_str("??/"), r#""?\?/""#);
        assert_eq!(c_str("what???!"), r#""what?\?\?!""#);
        assert_eq!(c_str("? ?"), r#""? ?""#);
        for s in [
            "??=", "??(", "??/", "??)", "??'", "??<", "??!", "??>", "??-", "????",
        ] {
            assert!(!c_str(s).contains("??"), "{s}");
        }
    }

    #[test]
    fn literals_write_non_ascii_as_octal_utf8() {
        assert_eq!(c_str("é"), r#""\303\251""#);
        assert_eq!(c_str("中"), r#""\344\270\255""#);
        assert_eq!(c_str("😀"), r#""\360\237\230\200""#);
        // A hex digit after a non-ASCII character must not extend the escape: `\xa9a`
        // would be one (out-of-range) byte; `\251a` is two.
        assert_eq!(c_str("éa"), r#""\303\251a""#);
        assert_eq!(c_str("é1"), r#""\303\2511""#);
        assert_eq!(c_str("\u{0}7"), r#""\0007""#);
        assert_eq!(c_str("\u{7f}"), r#""\177""#);
        assert!(c_str("é中😀 ??= */ \"\\").is_ascii());
    }

    #[test]
    fn literals_leave_comment_markers_alone() {
        // Inside a string literal `*/` and `/*` are plain characters.
        assert_eq!(c_str("/* x */"), r#""/* x */""#);
    }

    #[test]
    fn wrapped_literals_are_the_same_bytes() {
        let s = "word ".repeat(40) + "é??=\"\\ end";
        let wrapped = c_str_wrapped(&s, 4);
        assert!(wrapped.lines().count() > 1);
        // Undo the pieces: every line is one literal; decoding is tested by the C compile
        // in tests/c_header.rs, here it is enough that the pieces are c_str of a partition.
        let mut joined = String::new();
        let mut rest = s.as_str();
        for line in wrapped.lines() {
            let line = line.trim_start();
            let piece = (1..=rest.len())
                .filter(|&n| rest.is_char_boundary(n))
                .find(|&n| c_str(&rest[..n]) == line)
                .expect("each line is c_str of a prefix of the rest");
            joined.push_str(&rest[..piece]);
            rest = &rest[piece..];
        }
        assert_eq!(joined, s);
        assert_eq!(c_str_wrapped("", 4), r#""""#);
    }

    #[test]
    fn comments_cannot_be_closed_or_nested() {
        assert_eq!(c_comment("a */ b"), r"a *\/ b");
        assert_eq!(c_comment("a /* b"), r"a /\* b");
        assert_eq!(c_comment("*/*"), r"*\/\*");
        assert_eq!(c_comment("/*/"), r"/\*\/");
        assert_eq!(c_comment("??="), r"?\?=");
        assert!(!c_comment("x*/y/*z").contains("*/"));
        assert!(!c_comment("x*/y/*z").contains("/*"));
    }

    #[test]
    fn comments_are_ascii_and_one_line() {
        assert_eq!(c_comment("café"), r"caf\u00E9");
        assert_eq!(c_comment("中"), r"\u4E2D");
        assert_eq!(c_comment("😀"), r"\U0001F600");
        assert_eq!(c_comment("a\nb\tc"), "a b c");
        assert_eq!(
            c_comment(r#"quotes " and \ stay"#),
            r#"quotes " and \ stay"#
        );
    }

    #[test]
    fn comment_lines_wrap_and_keep_paragraphs() {
        let text = format!("{}\n\nsecond */", "word ".repeat(30));
        let lines = comment_lines(&text);
        assert!(lines.iter().all(|l| l.len() <= COMMENT_WIDTH));
        assert!(lines.contains(&String::new()));
        assert_eq!(lines.last().unwrap(), r"second *\/");
    }

    #[test]
    fn the_registry_renders() {
        let reg = crate::load::load(&crate::project_root().join("data")).expect("registry loads");
        let v = CView::new(&reg);
        assert_eq!(v.replies.len(), reg.basic.len());
        assert_eq!(v.registered_count, reg.standard_basic().count());
        assert_eq!(v.enhanced.len(), reg.enhanced.len());
    }
}
