//! The page of an enhanced code (`enhanced/X.1.1`).

use super::*;

pub struct IanaV {
    pub description: String,
    pub reference: String,
    pub submitter: String,
    pub change_controller: String,
    pub date: String,
    pub updated: String,
}

pub(crate) fn iana_v(ctx: &Ctx, r: &IanaRecord) -> IanaV {
    IanaV {
        description: ctx.text(&r.description),
        reference: ctx.text(&r.reference),
        submitter: ctx.text(&r.submitter),
        change_controller: ctx.text(&r.change_controller),
        date: r.date.as_ref().map(|d| d.0.clone()).unwrap_or_default(),
        updated: r.updated.as_ref().map(|d| d.0.clone()).unwrap_or_default(),
    }
}

/// A class-digit form of an enhanced code.
pub struct FormV {
    pub code: String,
    pub outcome: &'static str,
    pub suits: bool,
}

pub struct EnhancedPage {
    pub chrome: Chrome,
    pub key: String,
    pub heading: String,
    /// `5.7.26` (and `4.7.26`, ...) as the defining text uses them.
    pub class_forms: String,
    pub sample_text: String,
    pub deprecated: bool,
    pub replaced_by: Option<Link>,
    pub replaces: Vec<Link>,
    pub answer: AnswerBox,
    pub forms: Vec<FormV>,
    pub subject: Link,
    pub subject_title: String,
    pub detail: u16,
    /// Markdown.
    pub description: String,
    pub associated: Vec<BasicRow>,
    pub associated_text: String,
    pub association_note: String,
    pub used_by: Vec<Link>,
    pub examples: Vec<Example>,
    /// What the examples are made of.
    pub examples_note: String,
    pub in_code: InCode,
    pub references: Vec<Link>,
    pub iana: IanaV,
    /// Markdown.
    pub notes: String,
    pub troubleshooting: Option<TroubleV>,
    /// The first few real wordings providers send (see [`TOP_WORDINGS`]).
    pub wordings: Vec<Wording>,
    pub wordings_total: usize,
    pub variants: Vec<VariantGroup>,
    pub variants_total: usize,
    pub toc: Vec<TocEntry>,
    pub rfc2034: Link,
    pub rfc3463_classes: Link,
}

pub fn enhanced_page(ctx: &Ctx, index: usize) -> EnhancedPage {
    let reg = ctx.reg;
    let e = &reg.enhanced[index];
    let k = e.code;
    let page = paths::enhanced(k);
    let trouble_v = trouble(ctx, CodeRef::Enhanced(k));
    let deprecated = e.status == Lifecycle::Deprecated;
    let full = |class: u8| full_code(k, class);
    let class_forms = e
        .usable_as
        .iter()
        .rev()
        .map(|o| full(o.class()))
        .collect::<Vec<_>>()
        .join(", ");
    let heading_text = enhanced_heading_text(e);

    let answer_box = enhanced_answer_box(ctx, e, trouble_v.is_some());

    let forms = [5u8, 4, 2]
        .iter()
        .map(|&c| FormV {
            code: full(c),
            outcome: outcome_label(outcome_of_class(c)),
            suits: e.usable_as.contains(&outcome_of_class(c)),
        })
        .collect();

    let (examples, examples_note) = enhanced_examples(ctx, e);
    let in_code = enhanced_in_code(ctx, e, index);

    let association_note = association_note(e);
    let subject = reg.subject(k.subject);
    let used_by = reg
        .basic
        .iter()
        .filter(|b| b.uses.iter().any(|u| u.enhanced.contains(&k)))
        .map(|b| ctx.basic_link(b.code))
        .collect();
    let title_forms = if class_forms.is_empty() {
        String::new()
    } else {
        format!(" ({class_forms})")
    };
    let mut wordings = wordings(ctx, CodeRef::Enhanced(k));
    let wordings_total = wordings.len();
    wordings.truncate(TOP_WORDINGS);
    let variants = variant_groups(ctx, CodeRef::Enhanced(k));
    let variants_total = variants.iter().map(|g| g.rows.len()).sum();
    let toc = toc(
        ctx,
        &[
            (
                "troubleshooting",
                TROUBLESHOOTING_HEADING,
                trouble_v.is_some(),
            ),
            (
                "seen-in-the-wild",
                "What providers mean by it",
                !variants.is_empty(),
            ),
            ("forms", "The code in all its forms", true),
            ("description", "Description", true),
            ("associated", "Reply codes it goes with", true),
            ("examples", "Example replies", true),
            ("in-code", "In code", true),
            ("references", "References", true),
            ("notes", "Notes", e.notes.is_some()),
        ],
    );
    EnhancedPage {
        examples_note: ctx.text(&examples_note),
        wordings,
        wordings_total,
        variants_total,
        toc,
        chrome: chrome(
            ctx,
            &page,
            &format!("{k}{title_forms} {heading_text}"),
            &format!(
                "SMTP enhanced status code {k}{title_forms}: {}",
                markdown::to_plain(&e.description)
            ),
        ),
        key: k.to_string(),
        heading: ctx.text(&heading_text),
        class_forms,
        sample_text: ctx.text(&e.sample_text),
        deprecated,
        replaced_by: e.replaced_by.map(|r| ctx.enhanced_link(r)),
        replaces: reg
            .enhanced
            .iter()
            .filter(|x| x.replaced_by == Some(k))
            .map(|x| ctx.enhanced_link(x.code))
            .collect(),
        answer: answer_box,
        forms,
        subject: ctx.link(&paths::subject(k.subject), &format!("X.{}", k.subject)),
        subject_title: ctx.text(subject.map(|s| s.title.as_str()).unwrap_or("")),
        detail: k.detail,
        description: ctx.markdown(&e.description),
        associated: e
            .basic_codes
            .codes
            .iter()
            .filter_map(|c| reg.basic(*c))
            .map(|b| basic_row(ctx, b))
            .collect(),
        associated_text: ctx.text(&e.basic_codes.iana),
        association_note: ctx.text(&association_note),
        used_by,
        examples,
        in_code,
        references: e.references.iter().map(|r| ctx.reference(r)).collect(),
        iana: iana_v(ctx, &e.iana),
        notes: e
            .notes
            .as_deref()
            .map(|n| ctx.markdown(n))
            .unwrap_or_default(),
        troubleshooting: trouble_v,
        variants,
        rfc2034: rfc_link(ctx, 2034, "3"),
        rfc3463_classes: rfc_link(ctx, 3463, "2"),
    }
}

/// `5.1.1` for `X.1.1` in class 5.
fn full_code(k: EnhancedKey, class: u8) -> String {
    format!("{class}.{}.{}", k.subject, k.detail)
}

/// The answer box: side and action from the primary class, retry for each class used.
fn enhanced_answer_box(ctx: &Ctx, e: &EnhancedEntry, has_trouble: bool) -> AnswerBox {
    let k = e.code;
    let full = |class: u8| full_code(k, class);
    let deprecated = e.status == Lifecycle::Deprecated;
    let primary = primary_outcome(e);
    let a = answer(Asked::Enhanced {
        class: primary.class(),
        subject: k.subject,
        detail: k.detail,
    });
    let failure = e.usable_as.iter().any(|o| *o != Outcome::Success);
    let side_answer = if failure {
        let failure_class = if e.usable_as.contains(&Outcome::Permanent) {
            5
        } else {
            4
        };
        answer(Asked::Enhanced {
            class: failure_class,
            subject: k.subject,
            detail: k.detail,
        })
    } else {
        a
    };
    let mut warning = String::new();
    if deprecated {
        warning = ctx.text(&match e.replaced_by {
            Some(r) => format!("Deprecated: use {r} instead."),
            None => "Deprecated.".to_string(),
        });
    }
    let (meaning, action) = meaning_and_action(
        ctx,
        CodeRef::Enhanced(k),
        &e.description,
        side_answer.action,
    );
    let typical = typical_reason(ctx, CodeRef::Enhanced(k));
    let side = typical
        .and_then(|r| side_words(r.side))
        .unwrap_or(side_answer.side);
    AnswerBox {
        depends: Vec::new(),
        see_also: see_also(
            ctx,
            CodeRef::Enhanced(k),
            &[e.description.as_str(), e.notes.as_deref().unwrap_or("")],
        ),
        meaning,
        side: ctx.text(side),
        reason: reason_words(ctx, typical),
        retry: e
            .usable_as
            .iter()
            .rev()
            .map(|o| {
                let a = answer(Asked::Enhanced {
                    class: o.class(),
                    subject: k.subject,
                    detail: k.detail,
                });
                RetryLine {
                    code: full(o.class()),
                    outcome: ctx.text(a.outcome),
                    text: ctx.text(a.retry),
                }
            })
            .collect(),
        next_time: e
            .usable_as
            .iter()
            .rev()
            .filter_map(|o| next_time_line(ctx, full(o.class()), o.class(), typical))
            .collect(),
        action,
        warning,
        more: match (e.replaced_by, has_trouble) {
            (Some(r), _) if deprecated => {
                Some(ctx.link(&paths::enhanced(r), &format!("Go to {r}")))
            }
            (_, true) => Some(troubleshooting_link(ctx)),
            _ => None,
        },
    }
}

/// A reply code to show the code with, in `class`: one IANA lists, else the class's most
/// common code.
fn reply_for(reg: &Registry, e: &EnhancedEntry, class: u8) -> u16 {
    let listed = e
        .basic_codes
        .codes
        .iter()
        .filter_map(|c| reg.basic(*c))
        .find(|b| b.code / 100 == class as u16 && b.status != BasicStatus::Nonstandard);
    match listed {
        Some(b) => b.code,
        None => match class {
            2 => 250,
            4 => 451,
            _ => 550,
        },
    }
}

/// Examples, with the note that says what they are: the registered sample text in each class
/// the code suits, then a provider's documented reply and the same in a bounce message; when
/// no provider documents one, a reply per class built from the registered texts, and a DSN.
fn enhanced_examples(ctx: &Ctx, e: &EnhancedEntry) -> (Vec<Example>, String) {
    let full = |class: u8| full_code(e.code, class);
    let classes = || e.usable_as.iter().rev();
    if let Some(r) = real_reply(ctx, CodeRef::Enhanced(e.code)) {
        let mut examples = Vec::new();
        if !e.sample_text.is_empty() {
            examples.push(example(
                ctx,
                "The registered sample text (IANA), in each class the code is used in",
                classes()
                    .map(|o| format!("{} {}", full(o.class()), e.sample_text))
                    .collect(),
            ));
        }
        examples.extend(real_examples(ctx, &r));
        return (examples, examples_note(true, "a reply code"));
    }
    // A code without a sample text is shown without words: another code's text is no reply.
    let (words, whose) = if e.sample_text.is_empty() {
        (
            String::new(),
            "no text (the code has no registered sample text)",
        )
    } else {
        (format!(" {}", e.sample_text), "the registered sample text")
    };
    let mut examples = Vec::new();
    for o in classes() {
        let code = reply_for(ctx.reg, e, o.class());
        examples.push(example(
            ctx,
            &format!("As a {}, with {code} and {whose}", outcome_label(*o)),
            vec![format!("{code} {}{words}", full(o.class()))],
        ));
    }
    let primary = primary_outcome(e);
    if primary != Outcome::Success {
        let code = reply_for(ctx.reg, e, primary.class());
        let f = full(primary.class());
        examples.push(example(
            ctx,
            &format!(
                "The {} in a bounce message (DSN, RFC 3464)",
                outcome_label(primary)
            ),
            vec![
                format!("Status: {f}"),
                format!("Diagnostic-Code: smtp; {code} {f}{words}"),
            ],
        ));
    }
    (examples, examples_note(false, "a reply code"))
}

/// How to name the code in Rust, C and JSON.
fn enhanced_in_code(ctx: &Ctx, e: &EnhancedEntry, index: usize) -> InCode {
    let k = e.code;
    let full = |class: u8| full_code(k, class);
    let deprecated = e.status == Lifecycle::Deprecated;
    let (json, json_fence) = json_block(&ctx.json.enhanced[index]);
    let (c_subject, c_detail) = names::c_enhanced_macros(&e.name);
    let mut rust = vec![CodeLine {
        code: format!("KnownEnhancedCode::{}", names::rust_variant(&e.name)),
        note: ctx.text("the class-independent code"),
    }];
    for o in e.usable_as.iter().rev() {
        rust.push(CodeLine {
            code: format!("EnhancedCode::{}", names::rust_enhanced_const(*o, &e.name)),
            note: ctx.text(&format!(
                "{}{}",
                full(o.class()),
                if deprecated { ", deprecated" } else { "" }
            )),
        });
    }
    InCode {
        rust,
        c: vec![
            CodeLine {
                code: c_subject.clone(),
                note: ctx.text(&format!("= {}", k.subject)),
            },
            CodeLine {
                code: c_detail.clone(),
                note: ctx.text(&format!("= {}", k.detail)),
            },
            CodeLine {
                code: format!("smtp_enhanced_lookup({c_subject}, {c_detail})"),
                note: ctx.text("its entry: sample text, description, associated reply codes"),
            },
        ],
        no_constant: String::new(),
        json,
        json_fence,
    }
}

/// What IANA's association allows beyond the listed codes.
fn association_note(e: &EnhancedEntry) -> String {
    match e.basic_codes.kind() {
        AssociationKind::Any => "IANA allows it with any reply code.".to_string(),
        AssociationKind::NotGiven => "IANA names no reply code for it.".to_string(),
        AssociationKind::ClassOnly | AssociationKind::Listed
            if !e.basic_codes.classes.is_empty() =>
        {
            format!(
                "IANA also allows other reply codes of class {}.",
                e.basic_codes
                    .classes
                    .iter()
                    .map(|c| format!("{c}xx"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            )
        }
        _ => String::new(),
    }
}
