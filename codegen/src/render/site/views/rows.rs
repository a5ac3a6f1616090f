//! Table rows of reply and enhanced codes, as the index and listing pages show them.

use super::*;

/// A reply code in a table.
pub struct BasicRow {
    pub code: u16,
    pub link: Link,
    pub text: String,
    pub status: &'static str,
    pub nonstandard: bool,
    /// What the index's search matches words against (empty elsewhere).
    pub search: String,
}

pub fn basic_row(ctx: &Ctx, b: &BasicEntry) -> BasicRow {
    BasicRow {
        code: b.code,
        link: ctx.basic_link(b.code),
        text: ctx.text(&b.text),
        status: status_label(b),
        nonstandard: b.status == BasicStatus::Nonstandard,
        search: String::new(),
    }
}

/// A row of the index, with the text its search matches.
pub(crate) fn searchable_basic_row(ctx: &Ctx, b: &BasicEntry) -> BasicRow {
    BasicRow {
        search: search_text(&[
            &b.code.to_string(),
            &b.text,
            &name_words(&b.name),
            &markdown::to_plain(&b.description),
        ]),
        ..basic_row(ctx, b)
    }
}

/// A reply code mentioned in a table cell, marked when it is non-standard.
pub struct CodeCell {
    pub link: Link,
    pub nonstandard: bool,
    /// The code is the page's own (shown, not linked).
    pub here: bool,
}

/// An enhanced code in a table.
pub struct EnhancedRow {
    pub key: String,
    pub link: Link,
    pub sample_text: String,
    /// IANA's associated basic codes, linked.
    pub basic: Vec<CodeCell>,
    /// IANA's text when it lists no code ("Any", "Not given", "5XX").
    pub basic_text: String,
    /// The class digits the defining text uses it with: `4, 5`.
    pub classes: String,
    pub deprecated: bool,
    pub status: String,
    /// What the index's search matches words against (empty elsewhere).
    pub search: String,
}

pub fn enhanced_row(ctx: &Ctx, e: &EnhancedEntry) -> EnhancedRow {
    let k = e.code;
    let deprecated = e.status == Lifecycle::Deprecated;
    EnhancedRow {
        key: k.to_string(),
        link: ctx.enhanced_link(k),
        sample_text: ctx.text(e.title()),
        basic: e
            .basic_codes
            .codes
            .iter()
            .map(|c| CodeCell {
                link: ctx.basic_link(*c),
                here: paths::basic(*c) == ctx.page,
                nonstandard: ctx
                    .reg
                    .basic(*c)
                    .is_some_and(|b| b.status == BasicStatus::Nonstandard),
            })
            .collect(),
        basic_text: if e.basic_codes.codes.is_empty() {
            ctx.text(if e.basic_codes.iana.is_empty() {
                "none given"
            } else {
                &e.basic_codes.iana
            })
        } else {
            String::new()
        },
        classes: e
            .usable_as
            .iter()
            .map(|o| o.class().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        deprecated,
        status: match e.replaced_by {
            Some(r) if deprecated => ctx.text(&format!("deprecated: use {r}")),
            _ => e.status.as_str().to_string(),
        },
        search: String::new(),
    }
}

/// A row of the index, with the text its search matches: every class-digit form too.
pub(crate) fn searchable_enhanced_row(ctx: &Ctx, e: &EnhancedEntry) -> EnhancedRow {
    let k = e.code;
    let forms: Vec<String> = REDIRECT_CLASSES
        .iter()
        .map(|c| format!("{c}.{}.{}", k.subject, k.detail))
        .collect();
    EnhancedRow {
        search: search_text(&[
            &k.to_string(),
            &forms.join(" "),
            &e.sample_text,
            &name_words(&e.name),
            &markdown::to_plain(&e.description),
        ]),
        ..enhanced_row(ctx, e)
    }
}
