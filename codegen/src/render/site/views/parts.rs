//! Parts of code pages: the answer box, vendor variants, troubleshooting, code samples.

use super::*;

pub struct RetryLine {
    pub code: String,
    pub outcome: String,
    pub text: String,
}

/// The box at the top of a code page.
pub struct AnswerBox {
    /// Markdown: the troubleshooting summary when there is one, else the description's first
    /// sentence.
    pub meaning: String,
    pub side: String,
    /// The classifier's default reason for the code (`data/classifier.yaml`), as text;
    /// empty when it has none.
    pub reason: String,
    pub retry: Vec<RetryLine>,
    /// What to do next time, per class the code is used in: the typical reason's retry
    /// policy (or RFC 5321's default) in words (`text`); `outcome` is unused (empty).
    pub next_time: Vec<RetryLine>,
    /// Markdown: the first fix for the sender when troubleshooting has one, else the
    /// classifier reason's advice, else the generic advice of [`answer`].
    pub action: String,
    /// A banner (non-standard, historic, deprecated), or empty.
    pub warning: String,
    /// Where a replacement or the troubleshooting section is, when there is one.
    pub more: Option<Link>,
    /// When whose side depends on the enhanced code that comes with a reply code: the
    /// enhanced codes providers send with it, by side. Empty otherwise.
    pub depends: Vec<SideGroup>,
    /// Related codes: those the text names, then other codes for the same problem.
    pub see_also: Vec<Link>,
}

/// The answer box's "next time" line for `code` in `class`.
pub(crate) fn next_time_line(
    ctx: &Ctx,
    code: String,
    class: u8,
    reason: Option<&ReasonEntry>,
) -> Option<RetryLine> {
    let (p, own) = ctx.reg.classifier.next_time(reason, class)?;
    Some(RetryLine {
        code,
        outcome: String::new(),
        text: ctx.text(&next_time_words(&p, own)),
    })
}

// ---- vendor variants and troubleshooting --------------------------------------------------

/// One vendor meaning, on a code page or a vendor page.
pub struct VariantV {
    pub vendor: Link,
    /// The entry's anchor on its vendor page.
    pub anchor: String,
    /// Code: what tells the entry apart (token or quoted text), or empty.
    pub distinguisher: String,
    /// Plain words for the heading when nothing else tells the entry apart: the meaning.
    pub heading: String,
    /// Code (see [`Ctx::code`](super::Ctx::code)), as is `distinguisher`.
    pub wire: String,
    pub refines: Link,
    /// Prose ([`Ctx::vendor_prose`]), as are the cause, the actions and the note.
    pub meaning: String,
    pub cause: String,
    pub sender_action: String,
    pub admin_action: String,
    pub retry: &'static str,
    pub reason: String,
    pub source: Option<Link>,
    pub source_read: String,
    pub note: String,
}

pub(crate) fn retry_label(r: Retry) -> &'static str {
    r.term().words
}

pub(crate) fn code_ref_link(ctx: &Ctx, code: CodeRef) -> Link {
    match code {
        CodeRef::Enhanced(k) => ctx.enhanced_link(k),
        CodeRef::Basic(b) => ctx.basic_link(b),
    }
}

pub(crate) fn variant(ctx: &Ctx, v: &VendorFile, e: &VendorEntry) -> VariantV {
    let source = v.source(&e.source);
    let wire = e.wire();
    VariantV {
        vendor: ctx.link(&paths::vendor(&v.vendor), &v.name),
        anchor: v.anchor_of(e),
        distinguisher: e.distinguisher().map(|d| ctx.code(d)).unwrap_or_default(),
        heading: ctx.text(&markdown::to_plain(&markdown::first_sentence(&e.meaning))),
        wire: ctx.code(&wire),
        refines: code_ref_link(ctx, e.refines),
        meaning: ctx.vendor_prose(v, &e.meaning),
        cause: ctx.vendor_prose(v, &e.cause),
        sender_action: ctx.vendor_prose(v, &e.sender_action),
        admin_action: ctx.vendor_prose(v, &e.admin_action),
        retry: retry_label(e.retry),
        reason: ctx.text(
            e.reason
                .as_deref()
                .and_then(|id| ctx.reg.classifier.reason(id))
                .map(|r| r.title.as_str())
                .unwrap_or(""),
        ),
        source: source.map(|s| ctx.external(&s.url, &s.title)),
        source_read: source.map(|s| s.read.0.clone()).unwrap_or_default(),
        note: ctx.vendor_prose(v, e.note.as_deref().unwrap_or("")),
    }
}

/// Troubleshooting guidance for a code.
pub struct TroubleV {
    /// Markdown.
    pub summary: String,
    /// Markdown, one line each.
    pub causes: Vec<String>,
    pub sender_fixes: Vec<String>,
    pub admin_fixes: Vec<String>,
    pub references: Vec<Link>,
    /// Codes shown in a class their definition excludes, each with its note.
    pub nonconforming: Vec<NonconformingV>,
}

/// A nonconforming use of a code: the full code and the note (Markdown, one line).
pub struct NonconformingV {
    pub code: String,
    pub note: String,
}

pub(crate) fn trouble(ctx: &Ctx, code: CodeRef) -> Option<TroubleV> {
    let t = ctx.reg.troubleshooting(code)?;
    let items = |v: &[String]| v.iter().map(|s| ctx.markdown_inline(s)).collect();
    Some(TroubleV {
        summary: ctx.markdown(&t.summary),
        causes: items(&t.causes),
        sender_fixes: items(&t.sender_fixes),
        admin_fixes: items(&t.admin_fixes),
        references: t.references.iter().map(|r| ctx.reference(r)).collect(),
        nonconforming: t
            .nonconforming
            .iter()
            .map(|n| NonconformingV {
                code: n.code.to_string(),
                note: ctx.markdown_inline(&n.note),
            })
            .collect(),
    })
}

/// The code as the generated libraries and the JSON name it.
pub struct InCode {
    pub rust: Vec<CodeLine>,
    pub c: Vec<CodeLine>,
    /// Why a code has no named constant, or empty.
    pub no_constant: String,
    /// The code's entry in `generated/json/smtp-codes.json`, verbatim.
    pub json: String,
    pub json_fence: String,
}

pub(crate) fn json_block(value: &impl serde::Serialize) -> (String, String) {
    let json = serde_json::to_string_pretty(value).expect("serializing plain data cannot fail");
    let fence = markdown::fence(&json);
    (json, fence)
}
