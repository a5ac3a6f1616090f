//! The home page: every code, class, subject and command.

use super::*;

pub struct SubjectGroup {
    pub id: String,
    pub key: String,
    pub title: String,
    pub link: Link,
    pub rows: Vec<EnhancedRow>,
}

pub struct ClassRow {
    pub key: String,
    pub link: Link,
    pub title: String,
    /// Markdown, one line.
    pub description: String,
}

pub struct CommandRow {
    pub link: Link,
    pub title: String,
    pub historic: bool,
}

/// A common bounce on the home page: the code, its title and how many provider meanings the
/// vendor data records for it.
pub struct CommonRow {
    pub link: Link,
    pub title: String,
    pub meanings: usize,
}

/// How many codes the home page lists as the most common bounces.
const COMMON: usize = 8;

/// The failure codes the vendor data documents most often: the bounces people most often
/// hold. Ties go to the lower code.
pub(crate) fn common_bounces(ctx: &Ctx) -> Vec<CommonRow> {
    let failure = |r: &CodeRef| match r {
        CodeRef::Basic(b) => *b / 100 == 4 || *b / 100 == 5,
        CodeRef::Enhanced(k) => ctx
            .reg
            .enhanced(*k)
            .is_some_and(|e| e.usable_as.iter().any(|o| *o != Outcome::Success)),
    };
    let mut counted: Vec<(CodeRef, usize)> = ctx
        .variants
        .iter()
        .filter(|(r, _)| failure(r))
        .map(|(r, l)| (*r, l.len()))
        .collect();
    counted.sort_by_key(|(r, n)| (std::cmp::Reverse(*n), *r));
    counted
        .into_iter()
        .filter_map(|(r, n)| {
            let title = match r {
                CodeRef::Basic(b) => ctx.reg.basic(b)?.text.clone(),
                CodeRef::Enhanced(k) => enhanced_heading_text(ctx.reg.enhanced(k)?),
            };
            Some(CommonRow {
                link: code_ref_link(ctx, r),
                title: ctx.text(&title),
                meanings: n,
            })
        })
        .take(COMMON)
        .collect()
}

pub struct IndexPage {
    pub chrome: Chrome,
    pub common: Vec<CommonRow>,
    pub standard: Vec<BasicRow>,
    pub nonstandard: Vec<BasicRow>,
    pub groups: Vec<SubjectGroup>,
    pub classes: Vec<ClassRow>,
    pub subjects: Vec<ClassRow>,
    pub commands: Vec<CommandRow>,
    pub vendors: Vec<Link>,
    pub enhanced_count: usize,
    pub example_basic: Link,
    pub example_enhanced: Link,
    pub example_class: Link,
    pub example_subject: Link,
    pub rfc5321_digits: Link,
    pub rfc3463: Link,
}

pub(crate) fn class_rows(ctx: &Ctx) -> Vec<ClassRow> {
    ctx.reg
        .classes
        .iter()
        .map(|c| ClassRow {
            key: format!("{}.X.X", c.class),
            link: ctx.link(&paths::class(c.class), &format!("{}.X.X", c.class)),
            title: ctx.text(&c.title),
            description: ctx.markdown_inline(&markdown::first_sentence(&c.description)),
        })
        .collect()
}

pub(crate) fn subject_rows(ctx: &Ctx) -> Vec<ClassRow> {
    ctx.reg
        .subjects
        .iter()
        .map(|s| ClassRow {
            key: format!("X.{}.X", s.subject),
            link: ctx.link(&paths::subject(s.subject), &format!("X.{}.X", s.subject)),
            title: ctx.text(&s.title),
            description: ctx.markdown_inline(&markdown::first_sentence(&s.description)),
        })
        .collect()
}

pub(crate) fn command_rows(ctx: &Ctx) -> Vec<CommandRow> {
    ctx.reg
        .commands
        .iter()
        .map(|c| CommandRow {
            link: ctx.command_link(&c.name),
            title: ctx.text(&c.title),
            historic: c.status == CommandStatus::Historic,
        })
        .collect()
}

pub fn index_page(ctx: &Ctx) -> IndexPage {
    let reg = ctx.reg;
    let groups = reg
        .subjects
        .iter()
        .map(|s| SubjectGroup {
            id: format!("subject-{}", s.subject),
            key: format!("X.{}", s.subject),
            title: ctx.text(&s.title),
            link: ctx.link(&paths::subject(s.subject), &format!("X.{}.X", s.subject)),
            rows: reg
                .enhanced
                .iter()
                .filter(|e| e.code.subject == s.subject)
                .map(|e| searchable_enhanced_row(ctx, e))
                .collect(),
        })
        .collect();
    let x11 = EnhancedKey {
        subject: 1,
        detail: 1,
    };
    IndexPage {
        common: common_bounces(ctx),
        chrome: chrome(
            ctx,
            paths::INDEX,
            "SMTP reply codes and enhanced status codes",
            "Every SMTP reply code and enhanced status code: what it means, whose side the \
             problem is on, whether to retry and what to do.",
        ),
        standard: reg
            .standard_basic()
            .map(|b| searchable_basic_row(ctx, b))
            .collect(),
        nonstandard: reg
            .basic
            .iter()
            .filter(|b| b.status == BasicStatus::Nonstandard)
            .map(|b| searchable_basic_row(ctx, b))
            .collect(),
        groups,
        classes: class_rows(ctx),
        subjects: subject_rows(ctx),
        commands: command_rows(ctx),
        vendors: reg
            .vendors
            .iter()
            .map(|v| ctx.link(&paths::vendor(&v.vendor), &v.name))
            .collect(),
        enhanced_count: reg.enhanced.len(),
        example_basic: ctx.link(&paths::basic(550), "550"),
        example_enhanced: ctx.link(&paths::enhanced(x11), "X.1.1"),
        example_class: ctx.link(&paths::class(5), "class 5"),
        example_subject: ctx.link(&paths::subject(1), "subject 1"),
        rfc5321_digits: rfc_link(ctx, 5321, "4.2.1"),
        rfc3463: rfc_link(ctx, 3463, "2"),
    }
}
