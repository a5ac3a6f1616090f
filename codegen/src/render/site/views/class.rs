//! The page of a class of enhanced codes (`class/5`).

use super::*;

pub struct ClassPage {
    pub chrome: Chrome,
    pub key: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    pub answer: Answer,
    pub retry: String,
    pub references: Vec<Link>,
    pub iana: IanaV,
    pub basic: Vec<BasicRow>,
    pub enhanced: Vec<EnhancedRow>,
    /// Markdown.
    pub notes: String,
}

pub fn class_page(ctx: &Ctx, c: &ClassEntry) -> ClassPage {
    let reg = ctx.reg;
    let key = format!("{}.X.X", c.class);
    let a = answer(Asked::Enhanced {
        class: c.class,
        subject: 0,
        detail: 0,
    });
    ClassPage {
        chrome: chrome(
            ctx,
            &paths::class(c.class),
            &format!("Class {key} {}", c.title),
            &markdown::to_plain(&c.description),
        ),
        key,
        title: ctx.text(&c.title),
        description: ctx.markdown(&c.description),
        answer: a,
        retry: ctx.text(a.retry),
        references: c.references.iter().map(|r| ctx.reference(r)).collect(),
        iana: iana_v(ctx, &c.iana),
        basic: reg
            .basic
            .iter()
            .filter(|b| b.code / 100 == c.class as u16)
            .map(|b| basic_row(ctx, b))
            .collect(),
        enhanced: reg
            .enhanced
            .iter()
            .filter(|e| e.usable_as.iter().any(|o| o.class() == c.class))
            .map(|e| enhanced_row(ctx, e))
            .collect(),
        notes: c
            .notes
            .as_deref()
            .map(|n| ctx.markdown(n))
            .unwrap_or_default(),
    }
}
