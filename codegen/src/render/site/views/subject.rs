//! The page of a subject of enhanced codes (`subject/1`).

use super::*;

pub struct SubjectPage {
    pub chrome: Chrome,
    pub key: String,
    pub title: String,
    /// Markdown.
    pub description: String,
    pub side: String,
    pub references: Vec<Link>,
    pub iana: IanaV,
    pub enhanced: Vec<EnhancedRow>,
    /// Markdown.
    pub notes: String,
}

pub fn subject_page(ctx: &Ctx, s: &SubjectEntry) -> SubjectPage {
    let key = format!("X.{}.X", s.subject);
    let a = answer(Asked::Enhanced {
        class: 5,
        subject: s.subject,
        detail: 0,
    });
    SubjectPage {
        chrome: chrome(
            ctx,
            &paths::subject(s.subject),
            &format!("Subject {key} {}", s.title),
            &markdown::to_plain(&s.description),
        ),
        key,
        title: ctx.text(&s.title),
        description: ctx.markdown(&s.description),
        side: ctx.text(a.side),
        references: s.references.iter().map(|r| ctx.reference(r)).collect(),
        iana: iana_v(ctx, &s.iana),
        enhanced: ctx
            .reg
            .enhanced
            .iter()
            .filter(|e| e.code.subject == s.subject)
            .map(|e| enhanced_row(ctx, e))
            .collect(),
        notes: s
            .notes
            .as_deref()
            .map(|n| ctx.markdown(n))
            .unwrap_or_default(),
    }
}
