//! `generated/rust/`: the `smtp-codes` crate, from the templates in `templates/rust/`.
//!
//! The views below hold every string already escaped for Rust (`text::rust_str` for literals,
//! `text::rust_doc` for doc comments) and every list already sorted, so the templates only
//! loop and interpolate. The output is rustfmt-clean as rendered; `cargo fmt --check` in CI
//! and a test keep it so.

use askama::Template;

pub mod bounce;
mod class;
mod classify;
mod command;
mod enhanced;
mod info;
mod vendor;
mod vocabulary;

pub use class::{ClassV, SubjectV};
pub use classify::{ReasonPolicyV, ReasonV, RuleV, SchemeV};
pub use command::CommandV;
pub use enhanced::{EnhancedConstV, EnhancedV};
pub use info::{MeaningV, ReplyV, TroubleV, UseV};
pub use vendor::{VendorEntryV, VendorV};
pub use vocabulary::{TermV, VocabularyV};

use crate::model::*;
use crate::names::{
    rust_command_variant as command_variant, rust_enhanced_const, rust_reason_variant,
    rust_reply_const,
};
use crate::outputs::{Outputs, MARKER};
use crate::views::text::{duration_secs, finish, one_line, rust_doc, rust_str};

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

/// `pub const ALL: &'static [Ty] = &[...]` at 4 columns, for enum variants.
fn all_array<S: AsRef<str>>(ty: &str, variants: impl Iterator<Item = S>) -> String {
    let items: Vec<String> = variants.map(|v| format!("{ty}::{}", v.as_ref())).collect();
    // A slice, not an array: the type must not change when the registry grows.
    let prefix = format!("pub const ALL: &'static [{ty}] = &");
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

/// The `Class` variant for a class digit.
fn class_variant(reg: &Registry, digit: u8) -> String {
    reg.class(digit)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| format!("Class{digit}"))
}

/// `Command::Rcpt` and the like, for a list of command names.
fn command_list(cmds: &[String]) -> Vec<String> {
    cmds.iter()
        .map(|c| format!("Command::{}", command_variant(c)))
        .collect()
}

/// `KnownEnhancedCode::BadDestinationMailboxAddress` for `X.1.1`.
fn enhanced_variant(reg: &Registry, k: EnhancedKey) -> String {
    reg.enhanced(k)
        .map(|e| format!("KnownEnhancedCode::{}", e.name))
        .unwrap_or_default()
}

/// Everything the Rust templates need.
pub struct RustView {
    pub marker: &'static str,
    pub registry_version: String,
    pub iana_updated: String,
    pub site_url: String,
    /// [`NO_SAMPLE_TEXT`], as a Rust literal.
    pub no_sample_text: String,
    pub classes: Vec<ClassV>,
    pub subjects: Vec<SubjectV>,
    pub commands: Vec<CommandV>,
    /// Standard and historic codes (the `KnownReplyCode` enum).
    pub replies: Vec<ReplyV>,
    /// Non-standard codes (including ones no server sends, such as 101).
    pub nonstandard: Vec<ReplyV>,
    pub enhanced: Vec<EnhancedV>,
    pub reasons: Vec<ReasonV>,
    pub schemes: Vec<SchemeV>,
    pub crosswalk_pairs: String,
    /// `(subject, detail, Reason variant)`.
    pub enhanced_defaults: Vec<(u16, u16, String)>,
    pub subject_defaults: Vec<(u16, String)>,
    /// `(subject, detail)` of the codes weak rules may refine.
    pub generic_enhanced: Vec<(u16, u16)>,
    pub basic_defaults: Vec<(u16, String)>,
    pub rules: Vec<RuleV>,
    pub reason_policies: Vec<ReasonPolicyV>,
    /// The transient and permanent defaults, as `RetryPolicy` expressions.
    pub retry_default_transient: String,
    pub retry_default_permanent: String,
    pub vendors: Vec<VendorV>,
    pub vendor_entries: Vec<VendorEntryV>,
    pub troubleshooting: Vec<TroubleV>,
    pub vocabularies: Vec<VocabularyV>,
}

impl RustView {
    pub fn new(reg: &Registry) -> Self {
        let (retry_default_transient, retry_default_permanent) = classify::retry_defaults(reg);
        RustView {
            marker: MARKER,
            registry_version: reg.meta.registry_version.clone(),
            site_url: opt_str(reg.meta.site_url.as_deref()),
            no_sample_text: rust_str(NO_SAMPLE_TEXT),
            iana_updated: reg.meta.iana_updated.0.clone(),
            classes: class::classes(reg),
            subjects: class::subjects(reg),
            commands: command::commands(reg),
            replies: reg.standard_basic().map(|b| info::reply(reg, b)).collect(),
            nonstandard: reg
                .basic
                .iter()
                .filter(|b| b.status == BasicStatus::Nonstandard)
                .map(|b| info::reply(reg, b))
                .collect(),
            enhanced: enhanced::enhanced(reg),
            reasons: classify::reasons(reg),
            schemes: classify::schemes(reg),
            crosswalk_pairs: classify::crosswalk_pairs(reg),
            enhanced_defaults: classify::enhanced_defaults(reg),
            subject_defaults: classify::subject_defaults(reg),
            generic_enhanced: classify::generic_enhanced(reg),
            basic_defaults: classify::basic_defaults(reg),
            rules: classify::rules(reg),
            reason_policies: classify::reason_policies(reg),
            retry_default_transient,
            retry_default_permanent,
            vendors: vendor::vendors(reg),
            vendor_entries: vendor::vendor_entries(reg),
            troubleshooting: info::troubleshooting(reg),
            vocabularies: vocabulary::vocabularies(),
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
rust_template!(ReasonRs, "rust/tables/reason.rs");
rust_template!(ReplyCodeRs, "rust/tables/reply_code.rs");
rust_template!(VendorRs, "rust/tables/vendor.rs");
rust_template!(VocabularyRs, "rust/tables/vocabulary.rs");

/// The folder of the crate the generator owns; everything else in the crate is hand-written.
pub const TABLES_DIR: &str = "generated/rust/src/tables/";

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
        ("reason.rs", ReasonRs { v }.render()?),
        ("reply_code.rs", ReplyCodeRs { v }.render()?),
        ("vendor.rs", VendorRs { v }.render()?),
        ("vocabulary.rs", VocabularyRs { v }.render()?),
    ];

    for (path, text) in files {
        out.add(format!("{TABLES_DIR}{path}"), finish(text));
    }
    bounce::render(reg, out)
}
