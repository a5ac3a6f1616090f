//! The page of a 3-digit reply code (`basic/550`).

use super::*;

pub struct MeaningV {
    pub text: String,
    /// Prose ([`Ctx::prose`]).
    pub summary: String,
    pub standard: bool,
    pub vendor: String,
    pub sources: Vec<Link>,
    pub read: String,
    pub commands: Vec<Link>,
}

pub struct UseV {
    pub reference: Link,
    /// Prose ([`Ctx::prose`]).
    pub context: String,
    pub commands: Vec<Link>,
    pub enhanced: Vec<Link>,
}

pub struct BasicPage {
    pub chrome: Chrome,
    pub code: u16,
    pub heading: String,
    pub status: &'static str,
    pub nonstandard: bool,
    pub answer: AnswerBox,
    pub forms: Vec<Item>,
    pub text: String,
    /// Prose ([`Ctx::prose`]), as is `conflicts`.
    pub text_note: String,
    pub text_source: Option<Link>,
    pub introduced: Option<Link>,
    /// The documents that defined the code, oldest first, when an earlier one was obsoleted.
    pub lineage: Vec<LineageV>,
    /// Markdown.
    pub description: String,
    pub confidence: String,
    pub conflicts: String,
    pub meanings: Vec<MeaningV>,
    pub uses: Vec<UseV>,
    pub commands: Vec<Link>,
    pub associated: Vec<EnhancedRow>,
    pub examples: Vec<Example>,
    pub examples_note: String,
    pub in_code: InCode,
    pub references: Vec<Link>,
    /// Markdown.
    pub notes: String,
    pub troubleshooting: Option<TroubleV>,
    /// The first few real wordings providers send (see [`TOP_WORDINGS`]).
    pub wordings: Vec<Wording>,
    /// How many wordings the vendor data holds for the code in all.
    pub wordings_total: usize,
    pub variants: Vec<VariantGroup>,
    pub variants_total: usize,
    pub toc: Vec<TocEntry>,
    pub rfc2034: Link,
    pub rfc5321_digits: Link,
}

pub(crate) fn rfc_link(ctx: &Ctx, rfc: u32, section: &str) -> Link {
    ctx.reference(&Reference {
        document: DocumentId::Rfc(rfc),
        section: Some(Section(section.to_string())),
    })
}

/// The classifier's default reason for a code: the same table `smtp-explain` and the crate's
/// classifier fall back on when a reply's text says nothing more specific.
pub(crate) fn typical_reason<'r>(ctx: &Ctx<'r>, code: CodeRef) -> Option<&'r ReasonEntry> {
    let c = &ctx.reg.classifier;
    let id = match code {
        CodeRef::Enhanced(k) => c.enhanced_default(k),
        CodeRef::Basic(b) => c.basic_default(b),
    }?;
    c.reason(id).filter(|r| r.id != "unknown")
}

/// Whose side a classifier reason puts the problem on, in words.
pub(crate) fn side_words(side: Side) -> Option<&'static str> {
    Some(side.term().words).filter(|w| !w.is_empty())
}

/// The answer box's reason line: the classifier's typical reason and its bounce type.
pub(crate) fn reason_words(ctx: &Ctx, reason: Option<&ReasonEntry>) -> String {
    use crate::model::Bounce;
    match reason {
        Some(r) if r.bounce == Bounce::None => ctx.text(&r.title),
        // A temporary reply is a soft bounce whatever its reason; the reason decides only what
        // a permanent one is.
        Some(r) if r.bounce == Bounce::Hard => ctx.text(&format!(
            "{}: {} when the reply is permanent (5xx), {} when it is temporary (4xx). The text \
             of a real reply can say more.",
            r.title,
            Bounce::Hard.term().words,
            Bounce::Soft.term().words,
        )),
        Some(r) => ctx.text(&format!(
            "{}: {}, whether the reply is permanent or temporary. The text of a real reply can \
             say more.",
            r.title,
            r.bounce.term().words,
        )),
        None => String::new(),
    }
}

/// The answer box's meaning and action: from the troubleshooting entry when the registry has
/// one for the code (written for the person holding the bounce), else from the description
/// and the typical reason's advice, else the generic advice.
pub(crate) fn meaning_and_action(
    ctx: &Ctx,
    code: CodeRef,
    description: &str,
    generic_action: &str,
) -> (String, String) {
    let fallback = || match typical_reason(ctx, code) {
        Some(r) if r.bounce != crate::model::Bounce::None => ctx.markdown_inline(&r.advice),
        _ => ctx.text_as_markup(generic_action),
    };
    match ctx.reg.troubleshooting(code) {
        Some(t) => (
            ctx.markdown_inline(&t.summary),
            match t.sender_fixes.first() {
                Some(fix) => ctx.markdown_inline(fix),
                None => fallback(),
            },
        ),
        None => (
            ctx.markdown_inline(&markdown::first_sentence(description)),
            fallback(),
        ),
    }
}

/// The heading of a code page's troubleshooting section (in the template and its contents).
pub(crate) const TROUBLESHOOTING_HEADING: &str = "Causes and fixes";

pub(crate) fn troubleshooting_link(ctx: &Ctx) -> Link {
    Link {
        href: match ctx.flavor {
            Flavor::Html => "#troubleshooting".into(),
            Flavor::Markdown => format!("#{}", heading_anchor(TROUBLESHOOTING_HEADING)),
        },
        text: ctx.text("All causes and fixes"),
    }
}

pub(crate) fn answer_box_basic(ctx: &Ctx, b: &BasicEntry, has_trouble: bool) -> AnswerBox {
    let mut texts: Vec<&str> = vec![&b.text, &b.description];
    texts.extend(b.meanings.iter().map(|m| m.text.as_str()));
    let a: Answer = answer(Asked::Reply(b.code));
    let (meaning, action) =
        meaning_and_action(ctx, CodeRef::Basic(b.code), &b.description, a.action);
    let typical = typical_reason(ctx, CodeRef::Basic(b.code));
    let side = typical.and_then(|r| side_words(r.side)).unwrap_or(a.side);
    let depends = side_depends(ctx, b.code, typical.map(|r| r.side));
    AnswerBox {
        depends,
        see_also: see_also(ctx, CodeRef::Basic(b.code), &texts),
        meaning,
        side: ctx.text(side),
        reason: reason_words(ctx, typical),
        retry: vec![RetryLine {
            code: b.code.to_string(),
            outcome: ctx.text(a.outcome),
            text: ctx.text(a.retry),
        }],
        next_time: next_time_line(ctx, b.code.to_string(), (b.code / 100) as u8, typical)
            .into_iter()
            .collect(),
        action,
        warning: ctx.text(status_banner(b)),
        more: has_trouble.then(|| troubleshooting_link(ctx)),
    }
}

/// The enhanced code a basic code's examples pair it with: the first current one IANA
/// associates with it that the defining text allows in the code's class.
/// None for 3xx, and for codes sent only as the greeting or in reply to HELO, EHLO and LHLO,
/// which carry no enhanced code (RFC 2034 section 3).
pub(crate) fn example_enhanced<'r>(reg: &'r Registry, b: &BasicEntry) -> Option<&'r EnhancedEntry> {
    let code = b.code;
    let class = (code / 100) as u8;
    let greeting_only = !b.commands.is_empty()
        && b.commands
            .iter()
            .all(|c| matches!(c.as_str(), "CONNECT" | "HELO" | "EHLO" | "LHLO"));
    if !matches!(class, 2 | 4 | 5) || greeting_only {
        return None;
    }
    reg.enhanced_associated_with(code)
        .find(|e| e.status == Lifecycle::Current && e.usable_as.iter().any(|o| o.class() == class))
}

pub fn basic_page(ctx: &Ctx, index: usize) -> BasicPage {
    let reg = ctx.reg;
    let b = &reg.basic[index];
    let page = paths::basic(b.code);
    let trouble_v = trouble(ctx, CodeRef::Basic(b.code));
    let standard = b.status != BasicStatus::Nonstandard;
    let mut wordings = wordings(ctx, CodeRef::Basic(b.code));
    let wordings_total = wordings.len();
    let (forms, examples, examples_note) = forms_and_examples(ctx, b);
    let in_code = basic_in_code(ctx, b, index);
    let heading = ctx.text(&b.text);
    let description_plain = markdown::to_plain(&b.description);
    wordings.truncate(TOP_WORDINGS);
    let variants = variant_groups(ctx, CodeRef::Basic(b.code));
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
            ("description", "Description", true),
            ("forms", "The code in all its forms", true),
            ("meanings", "Meanings", true),
            ("commands", "Commands", true),
            ("associated", "Enhanced codes that go with it", true),
            ("examples", "Example replies", true),
            ("in-code", "In code", true),
            ("references", "References", !b.references.is_empty()),
            ("notes", "Notes", b.notes.is_some()),
        ],
    );
    BasicPage {
        wordings,
        wordings_total,
        variants_total,
        toc,
        chrome: chrome(
            ctx,
            &page,
            &format!("{} {}", b.code, b.text),
            &format!("SMTP reply code {}: {}", b.code, description_plain),
        ),
        code: b.code,
        heading,
        status: status_label(b),
        nonstandard: !standard,
        answer: answer_box_basic(ctx, b, trouble_v.is_some()),
        forms,
        text: ctx.text(&b.text),
        text_note: ctx.prose(b.text_note.as_deref().unwrap_or("")),
        text_source: b.text_source.as_ref().map(|r| ctx.reference(r)),
        introduced: b.introduced.as_ref().map(|r| ctx.reference(r)),
        lineage: lineage(ctx, b),
        description: ctx.markdown(&b.description),
        confidence: ctx.text(b.confidence.as_deref().unwrap_or("")),
        conflicts: ctx.prose(b.conflicts.as_deref().unwrap_or("")),
        meanings: b.meanings.iter().map(|m| meaning_v(ctx, m)).collect(),
        uses: b.uses.iter().map(|u| use_v(ctx, u)).collect(),
        commands: b.commands.iter().map(|c| ctx.command_link(c)).collect(),
        associated: reg
            .enhanced_associated_with(b.code)
            .map(|e| enhanced_row(ctx, e))
            .collect(),
        examples,
        examples_note: ctx.text(&examples_note),
        in_code,
        references: b.references.iter().map(|r| ctx.reference(r)).collect(),
        notes: b
            .notes
            .as_deref()
            .map(|n| ctx.markdown(n))
            .unwrap_or_default(),
        troubleshooting: trouble_v,
        variants,
        rfc2034: rfc_link(ctx, 2034, "3"),
        rfc5321_digits: rfc_link(ctx, 5321, "4.2.1"),
    }
}

/// The code's parts (digits, with an enhanced code) and example replies (the registered text,
/// then a provider's documented reply when there is one), with the note that says what they
/// are.
fn forms_and_examples(ctx: &Ctx, b: &BasicEntry) -> (Vec<Item>, Vec<Example>, String) {
    let wire_ok = b.is_wire_valid();
    let standard = b.status != BasicStatus::Nonstandard;
    let (first, second) = digit_meanings(b.code);
    let enh = if standard {
        example_enhanced(ctx.reg, b)
    } else {
        None
    };
    let digit = |i: usize| {
        b.code
            .to_string()
            .chars()
            .nth(i)
            .map(String::from)
            .unwrap_or_default()
    };
    let mut forms = vec![
        Item {
            label: ctx.text("Reply code"),
            code: b.code.to_string(),
            note: String::new(),
        },
        Item {
            label: ctx.text("First digit"),
            code: digit(0),
            note: ctx.text(first),
        },
        Item {
            label: ctx.text("Second digit"),
            code: digit(1),
            note: ctx.text(second),
        },
    ];
    if !wire_ok {
        let note = "No SMTP server sends this number, so there is no wire reply to show.";
        return (forms, Vec::new(), note.to_string());
    }
    if !standard {
        let note = "No RFC gives this code a wording, so there is no standard reply to show; \
            the meanings below quote where it was seen.";
        return (forms, Vec::new(), note.to_string());
    }
    let text = wire_text(&b.text);
    let mut examples = vec![example(
        ctx,
        "The registered text, as a one-line reply",
        vec![format!("{} {}", b.code, text)],
    )];
    let Some(e) = enh else {
        let note = "The registered text is the standard's words; servers use their own.";
        return (forms, examples, note.to_string());
    };
    let full = format!("{}.{}.{}", b.code / 100, e.code.subject, e.code.detail);
    forms.push(Item {
        label: ctx.text("With an enhanced code"),
        code: format!("{} {}", b.code, full),
        note: String::new(),
    });
    let note = match real_reply(ctx, CodeRef::Basic(b.code)) {
        Some(r) => {
            examples.extend(real_examples(ctx, &r));
            examples_note(true, "an enhanced code")
        }
        None => {
            examples.extend(registered_examples(ctx, b, e, &full));
            examples_note(false, "an enhanced code")
        }
    };
    (forms, examples, note)
}

/// The example replies of a code that carries `e` (written `full` in its class) when no
/// provider documents a reply with both: the enhanced code with its registered sample text,
/// and in a bounce message for a failure.
fn registered_examples(ctx: &Ctx, b: &BasicEntry, e: &EnhancedEntry, full: &str) -> Vec<Example> {
    // A code without a sample text is shown without words: another code's text is no reply.
    let (line, whose) = if e.sample_text.is_empty() {
        (
            format!("{} {}", b.code, full),
            format!("no text ({} has no registered sample text)", e.code),
        )
    } else {
        (
            format!("{} {} {}", b.code, full, e.sample_text),
            format!("the registered sample text of {}", e.code),
        )
    };
    let greeting = if b.commands.iter().any(|c| c == "CONNECT") {
        " (in reply to a command: the greeting carries none)"
    } else {
        ""
    };
    let mut examples = vec![example(
        ctx,
        &format!("With the enhanced code {full}{greeting} and {whose}"),
        vec![line.clone()],
    )];
    if b.code >= 400 {
        examples.push(example(
            ctx,
            "The same reply in a bounce message (DSN, RFC 3464)",
            vec![
                format!("Status: {full}"),
                format!("Diagnostic-Code: smtp; {line}"),
            ],
        ));
    }
    examples
}

/// How to name the code in Rust, C and JSON.
fn basic_in_code(ctx: &Ctx, b: &BasicEntry, index: usize) -> InCode {
    let wire_ok = b.is_wire_valid();
    let standard = b.status != BasicStatus::Nonstandard;
    let json_index = index;
    let (json, json_fence) = json_block(&ctx.json.basic[json_index]);
    let rust_const = names::rust_reply_const(&b.name);
    let c_enum = names::c_reply_enum(&b.name);
    if standard {
        InCode {
            rust: vec![
                CodeLine {
                    code: format!("ReplyCode::{rust_const}"),
                    note: ctx.text("the ReplyCode constant"),
                },
                CodeLine {
                    code: format!("KnownReplyCode::{}", names::rust_variant(&b.name)),
                    note: ctx.text("the variant of the enum of registered codes"),
                },
                CodeLine {
                    code: format!("smtp_codes::reply_info({})", b.code),
                    note: ctx.text("everything on this page, as a ReplyInfo"),
                },
            ],
            c: vec![
                CodeLine {
                    code: c_enum.clone(),
                    note: ctx.text(&format!("= {}, in enum smtp_reply_code", b.code)),
                },
                CodeLine {
                    code: format!("smtp_reply_lookup({c_enum})"),
                    note: ctx.text("its entry: texts, status, meanings, references"),
                },
            ],
            no_constant: String::new(),
            json,
            json_fence,
        }
    } else {
        let mut rust = Vec::new();
        if wire_ok {
            rust.push(CodeLine {
                code: format!("ReplyCode::from_u16({})", b.code),
                note: ctx.text("accepted like any code from 200 to 599"),
            });
        }
        rust.push(CodeLine {
            code: format!("smtp_codes::reply_info({})", b.code),
            note: ctx.text("its registry entry, with status NonStandard"),
        });
        InCode {
            rust,
            c: vec![CodeLine {
                code: format!("smtp_reply_lookup({})", b.code),
                note: ctx.text("its entry, with status SMTP_STATUS_NONSTANDARD"),
            }],
            no_constant: ctx.text(
                "Non-standard codes get no named constant in the Rust crate or the C header; \
                 both still have their entry.",
            ),
            json,
            json_fence,
        }
    }
}

/// One meaning of the code.
fn meaning_v(ctx: &Ctx, m: &Meaning) -> MeaningV {
    MeaningV {
        text: ctx.text(&m.text),
        summary: ctx.prose(m.summary.as_deref().unwrap_or("")),
        standard: !m.is_nonstandard(),
        vendor: ctx.text(m.vendor.as_deref().unwrap_or("")),
        sources: match &m.document {
            Some(d) => vec![ctx.reference(&Reference {
                document: d.clone(),
                section: m.section.clone(),
            })],
            None => m.sources.iter().map(|s| ctx.external(s, s)).collect(),
        },
        read: m.read.as_ref().map(|d| d.0.clone()).unwrap_or_default(),
        commands: m.commands.iter().map(|c| ctx.command_link(c)).collect(),
    }
}

/// An extension's use of the code.
fn use_v(ctx: &Ctx, u: &Use) -> UseV {
    UseV {
        reference: ctx.reference(&Reference {
            document: u.document.clone(),
            section: u.section.clone(),
        }),
        context: ctx.prose(&u.context),
        commands: u.commands.iter().map(|c| ctx.command_link(c)).collect(),
        enhanced: u.enhanced.iter().map(|k| ctx.enhanced_link(*k)).collect(),
    }
}

/// One document in a reply code's lineage, with its title and what became of it.
pub struct LineageV {
    pub link: Link,
    /// Plain text (escaped for the flavor): "Simple Mail Transfer Protocol; obsoleted by RFC 2821".
    pub note: String,
}

/// The earlier definitions of `b` (`history`, and `introduced` when it was obsoleted) and the
/// current one it leads to, oldest first; empty when no earlier document was obsoleted.
fn lineage(ctx: &Ctx, b: &BasicEntry) -> Vec<LineageV> {
    if b.history.is_empty() {
        return Vec::new();
    }
    let mut refs: Vec<&Reference> = b.history.iter().collect();
    refs.extend(b.introduced.iter());
    refs.extend(b.text_source.iter());
    refs.sort_by(|x, y| x.document.cmp(&y.document));
    refs.dedup_by(|x, y| x.document == y.document);
    refs.into_iter()
        .map(|r| {
            let note = match ctx.reg.document(&r.document) {
                Some(d) => match &d.obsoleted_by {
                    Some(o) => format!("{}; obsoleted by {o}", d.title),
                    None => format!("{} ({})", d.title, d.status.title()),
                },
                None => String::new(),
            };
            LineageV {
                link: ctx.reference(r),
                note: ctx.text(&note),
            }
        })
        .collect()
}
