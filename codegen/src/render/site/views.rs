//! The site's views: plain structs, built and sorted here, that the templates only loop over
//! and interpolate. Every string is already in its final form for the page's [`Flavor`]
//! (see the module above); fields documented as "Markdown" hold rendered registry Markdown.

use super::answer::{answer, Answer, Asked};
use super::{paths, Ctx, Flavor, Link, REDIRECT_CLASSES};

use crate::model::*;
use crate::names;
use crate::outputs::MARKER;
use crate::views::markdown;

/// The site's name, in titles and the header.
pub const SITE_NAME: &str = "SMTP status codes";

// ---- shared pieces ----------------------------------------------------------------------

/// What every page shares: head, header, footer.
pub struct Chrome {
    pub marker: &'static str,
    /// `<title>` (plain text, HTML only).
    pub title: String,
    /// `<meta name="description">` (plain text, HTML only).
    pub description: String,
    pub root: &'static str,
    pub canonical: Option<String>,
    pub index: String,
    pub about: String,
    /// Whether the page loads the search script (the index only).
    pub script: bool,
    pub registry_version: String,
    pub iana_updated: String,
    /// The page's own path (`basic/550`), for `aria-current` in the navigation.
    pub page: String,
}

fn chrome(ctx: &Ctx, page: &str, title: &str, description: &str) -> Chrome {
    let canonical = match (&ctx.reg.meta.site_url, ctx.flavor) {
        (Some(base), Flavor::Html) => Some(format!("{}/{}.html", base.trim_end_matches('/'), page)),
        _ => None,
    };
    Chrome {
        marker: MARKER,
        title: format!("{title} – {SITE_NAME}"),
        description: description.to_string(),
        root: ctx.root,
        canonical,
        index: ctx.href(paths::INDEX),
        about: ctx.href(paths::ABOUT),
        script: page == paths::INDEX && ctx.flavor == Flavor::Html,
        registry_version: ctx.text(&ctx.reg.meta.registry_version),
        iana_updated: ctx.text(&ctx.reg.meta.iana_updated.0),
        page: page.to_string(),
    }
}

/// A label, a code and a note beside it, for definition lists.
pub struct Item {
    pub label: String,
    pub code: String,
    pub note: String,
}

/// A code written as code, with a note beside it.
pub struct CodeLine {
    pub code: String,
    pub note: String,
}

/// Example lines of a wire reply (verbatim in both flavors: they sit in code blocks).
pub struct Example {
    pub caption: String,
    pub lines: Vec<String>,
    /// The Markdown code fence that cannot be closed by the lines.
    pub fence: String,
}

fn example(ctx: &Ctx, caption: &str, lines: Vec<String>) -> Example {
    Example {
        caption: ctx.text(caption),
        fence: markdown::fence(&lines.join("\n")),
        lines,
    }
}

/// How a list of codes is labelled in tables: standard, historic or non-standard (and why).
pub fn status_label(b: &BasicEntry) -> &'static str {
    match (b.status, b.kind) {
        (BasicStatus::Standard, _) => "standard",
        (BasicStatus::Historic, _) => "historic",
        (BasicStatus::Nonstandard, Some(NonstandardKind::ClientError)) => {
            "non-standard: client error, not a server reply"
        }
        (BasicStatus::Nonstandard, Some(NonstandardKind::RegistryAssociation)) => {
            "non-standard: only in IANA's associations"
        }
        (BasicStatus::Nonstandard, Some(NonstandardKind::ShortenedEnhanced)) => {
            "non-standard: an enhanced code's digits"
        }
        (BasicStatus::Nonstandard, _) => "non-standard: vendor code",
    }
}

/// The banner a non-standard or historic code's page opens with.
fn status_banner(b: &BasicEntry) -> &'static str {
    match (b.status, b.kind) {
        (BasicStatus::Standard, _) => "",
        (BasicStatus::Historic, _) => {
            "Historic: an older RFC defines this code; current servers no longer send it."
        }
        (BasicStatus::Nonstandard, Some(NonstandardKind::ClientError)) => {
            "Non-standard, and not a server reply: this number is a mail client's own error \
             for a connection that failed. No SMTP server sends it (RFC 5321 section 4.2 allows \
             only 2 to 5 as the first digit)."
        }
        (BasicStatus::Nonstandard, Some(NonstandardKind::RegistryAssociation)) => {
            "Non-standard: no RFC defines this reply code; it appears only in IANA's list of \
             basic codes associated with an enhanced code."
        }
        (BasicStatus::Nonstandard, Some(NonstandardKind::ShortenedEnhanced)) => {
            "Non-standard: the digits of an enhanced code written as one number. No RFC \
             defines it as a reply code."
        }
        (BasicStatus::Nonstandard, _) => {
            "Non-standard: no RFC defines this code. Some products send it; its meaning comes \
             from their documentation, not from a standard."
        }
    }
}

/// RFC 5321 section 4.2.1: what the first and second digits say.
fn digit_meanings(code: u16) -> (&'static str, &'static str) {
    let first = match code / 100 {
        2 => "positive completion (2yz)",
        3 => "positive intermediate (3yz)",
        4 => "transient negative completion (4yz)",
        5 => "permanent negative completion (5yz)",
        _ => "not a reply class: no server sends codes outside 2yz to 5yz",
    };
    let second = if !(200..=599).contains(&code) {
        "none"
    } else {
        match (code / 10) % 10 {
            0 => "syntax (x0z)",
            1 => "information (x1z)",
            2 => "connections (x2z)",
            3 | 4 => {
                "not specified by RFC 5321 (x3z and x4z; authentication, ETRN and TLS use them)"
            }
            5 => "mail system (x5z)",
            _ => "outside RFC 5321's grammar (x6z to x9z)",
        }
    };
    (first, second)
}

/// A reply text as a server would send it: `<domain>` filled in with an example host.
fn wire_text(text: &str) -> String {
    text.replace("<domain>", "mx.example.com")
}

fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Success => "success",
        Outcome::Transient => "temporary failure",
        Outcome::Permanent => "permanent failure",
    }
}

fn outcome_of_class(class: u8) -> Outcome {
    match class {
        2 => Outcome::Success,
        4 => Outcome::Transient,
        _ => Outcome::Permanent,
    }
}

/// The class a code page talks about first: permanent, else transient, else success.
fn primary_outcome(e: &EnhancedEntry) -> Outcome {
    [Outcome::Permanent, Outcome::Transient, Outcome::Success]
        .into_iter()
        .find(|o| e.usable_as.contains(o))
        .unwrap_or(Outcome::Permanent)
}

fn enhanced_heading_text(e: &EnhancedEntry) -> String {
    if e.sample_text.is_empty() {
        markdown::to_plain(&markdown::first_sentence(&e.description))
    } else {
        e.sample_text.clone()
    }
}

/// The words of an identifier: `MailboxUnavailable` -> `mailbox unavailable`.
fn name_words(name: &str) -> String {
    crate::names::snake(name).replace('_', " ")
}

/// The lower-case text the index's search matches words against.
fn search_text(parts: &[&str]) -> String {
    crate::views::text::one_line(&parts.join(" ")).to_lowercase()
}

// ---- rows -------------------------------------------------------------------------------

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
fn searchable_basic_row(ctx: &Ctx, b: &BasicEntry) -> BasicRow {
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
        sample_text: if e.sample_text.is_empty() {
            ctx.text("(no sample text)")
        } else {
            ctx.text(&e.sample_text)
        },
        basic: e
            .basic_codes
            .codes
            .iter()
            .map(|c| CodeCell {
                link: ctx.basic_link(*c),
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
fn searchable_enhanced_row(ctx: &Ctx, e: &EnhancedEntry) -> EnhancedRow {
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

// ---- the answer box -----------------------------------------------------------------------

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
    /// Markdown: the first fix for the sender when troubleshooting has one, else the
    /// classifier reason's advice, else the generic advice of [`answer`].
    pub action: String,
    /// A banner (non-standard, historic, deprecated), or empty.
    pub warning: String,
    /// Where a replacement or the troubleshooting section is, when there is one.
    pub more: Option<Link>,
}

// ---- vendor variants and troubleshooting --------------------------------------------------

/// One vendor meaning, on a code page or a vendor page.
pub struct VariantV {
    pub vendor: Link,
    /// Code (see [`Ctx::code`](super::Ctx::code)), as are `token` and `pattern`.
    pub wire: String,
    pub token: String,
    pub pattern: String,
    pub refines: Link,
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

fn retry_label(r: Retry) -> &'static str {
    match r {
        Retry::Never => "never",
        Retry::Later => "later",
        Retry::AfterFix => "after fixing the cause",
    }
}

fn code_ref_link(ctx: &Ctx, code: CodeRef) -> Link {
    match code {
        CodeRef::Enhanced(k) => ctx.enhanced_link(k),
        CodeRef::Basic(b) => ctx.basic_link(b),
    }
}

fn variant(ctx: &Ctx, v: &VendorFile, e: &VendorEntry) -> VariantV {
    let wire = [
        e.basic.map(|b| b.to_string()),
        e.enhanced.map(|x| x.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let source = v.source(&e.source);
    VariantV {
        vendor: ctx.link(&paths::vendor(&v.vendor), &v.name),
        wire: ctx.code(&wire),
        token: e.token.as_deref().map(|t| ctx.code(t)).unwrap_or_default(),
        pattern: e
            .pattern
            .as_deref()
            .map(|p| ctx.code(p))
            .unwrap_or_default(),
        refines: code_ref_link(ctx, e.refines),
        meaning: ctx.text(&e.meaning),
        cause: ctx.text(&e.cause),
        sender_action: ctx.text(&e.sender_action),
        admin_action: ctx.text(&e.admin_action),
        retry: retry_label(e.retry),
        reason: ctx.text(e.reason.as_deref().unwrap_or("")),
        source: source.map(|s| ctx.external(&s.url, &s.title)),
        source_read: source.map(|s| s.read.0.clone()).unwrap_or_default(),
        note: ctx.text(e.note.as_deref().unwrap_or("")),
    }
}

fn variants(ctx: &Ctx, code: CodeRef) -> Vec<VariantV> {
    ctx.variants
        .get(&code)
        .into_iter()
        .flatten()
        .map(|(v, e)| variant(ctx, v, e))
        .collect()
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
}

fn trouble(ctx: &Ctx, code: CodeRef) -> Option<TroubleV> {
    let t = ctx.reg.troubleshooting(code)?;
    let items = |v: &[String]| v.iter().map(|s| ctx.markdown_inline(s)).collect();
    Some(TroubleV {
        summary: ctx.markdown(&t.summary),
        causes: items(&t.causes),
        sender_fixes: items(&t.sender_fixes),
        admin_fixes: items(&t.admin_fixes),
        references: t.references.iter().map(|r| ctx.reference(r)).collect(),
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

fn json_block(value: &impl serde::Serialize) -> (String, String) {
    let json = serde_json::to_string_pretty(value).expect("serializing plain data cannot fail");
    let fence = markdown::fence(&json);
    (json, fence)
}

// ---- basic code page ----------------------------------------------------------------------

pub struct MeaningV {
    pub text: String,
    pub summary: String,
    pub standard: bool,
    pub vendor: String,
    pub sources: Vec<Link>,
    pub read: String,
    pub commands: Vec<Link>,
}

pub struct UseV {
    pub reference: Link,
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
    pub text_note: String,
    pub text_source: Option<Link>,
    pub introduced: Option<Link>,
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
    pub variants: Vec<VariantV>,
    pub rfc2034: Link,
    pub rfc5321_digits: Link,
}

fn rfc_link(ctx: &Ctx, rfc: u32, section: &str) -> Link {
    ctx.reference(&Reference {
        document: DocumentId::Rfc(rfc),
        section: Some(Section(section.to_string())),
    })
}

/// The classifier's default reason for a code: the same table `smtp-explain` and the crate's
/// classifier fall back on when a reply's text says nothing more specific.
fn typical_reason<'r>(ctx: &Ctx<'r>, code: CodeRef) -> Option<&'r ReasonEntry> {
    let c = &ctx.reg.classifier;
    let id = match code {
        CodeRef::Enhanced(k) => c.enhanced_default(k),
        CodeRef::Basic(b) => c.basic_default(b),
    }?;
    c.reason(id).filter(|r| r.id != "unknown")
}

/// Whose side a classifier reason puts the problem on, in words.
fn side_words(side: Side) -> Option<&'static str> {
    Some(match side {
        Side::Recipient => "The recipient's side: their address or mailbox.",
        Side::Sender => {
            "The sender's side: the address, the message, the account or the sending domain's \
             DNS records."
        }
        Side::SendingServer => {
            "The sending server's side: its IP address, DNS names, TLS, volume or SMTP \
             behaviour."
        }
        Side::ReceivingServer => "The receiving server's side: a fault, its load or its policy.",
        Side::Network => "The network between the servers: connections, DNS or routing.",
        Side::None => return None,
    })
}

/// The answer box's reason line: the classifier's typical reason and its bounce type.
fn reason_words(ctx: &Ctx, reason: Option<&ReasonEntry>) -> String {
    match reason {
        Some(r) if r.bounce == crate::model::Bounce::None => ctx.text(&r.title),
        Some(r) => ctx.text(&format!(
            "{} ({}): a {} bounce when the reply is permanent, soft when temporary. The text of a real reply can say more.",
            r.title,
            r.id,
            r.bounce.as_str()
        )),
        None => String::new(),
    }
}

/// The answer box's meaning and action: from the troubleshooting entry when the registry has
/// one for the code (written for the person holding the bounce), else from the description
/// and the typical reason's advice, else the generic advice.
fn meaning_and_action(
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

fn troubleshooting_link(ctx: &Ctx) -> Link {
    Link {
        href: "#troubleshooting".into(),
        text: ctx.text("All causes and fixes"),
    }
}

fn answer_box_basic(ctx: &Ctx, b: &BasicEntry, has_trouble: bool) -> AnswerBox {
    let a: Answer = answer(Asked::Reply(b.code));
    let (meaning, action) =
        meaning_and_action(ctx, CodeRef::Basic(b.code), &b.description, a.action);
    let typical = typical_reason(ctx, CodeRef::Basic(b.code));
    let side = typical.and_then(|r| side_words(r.side)).unwrap_or(a.side);
    AnswerBox {
        meaning,
        side: ctx.text(side),
        reason: reason_words(ctx, typical),
        retry: vec![RetryLine {
            code: b.code.to_string(),
            outcome: ctx.text(a.outcome),
            text: ctx.text(a.retry),
        }],
        action,
        warning: ctx.text(status_banner(b)),
        more: has_trouble.then(|| troubleshooting_link(ctx)),
    }
}

/// The enhanced code a basic code's examples pair it with: the first current one IANA
/// associates with it that the defining text allows in the code's class.
/// None for 3xx, and for codes sent only as the greeting or in reply to HELO, EHLO and LHLO,
/// which carry no enhanced code (RFC 2034 section 3).
fn example_enhanced<'r>(reg: &'r Registry, b: &BasicEntry) -> Option<&'r EnhancedEntry> {
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
    let wire_ok = b.is_wire_valid();
    let standard = b.status != BasicStatus::Nonstandard;
    let (first, second) = digit_meanings(b.code);
    let enh = if standard {
        example_enhanced(reg, b)
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
    let mut examples = Vec::new();
    let examples_note;
    if !wire_ok {
        examples_note = "No SMTP server sends this number, so there is no wire reply to show.";
    } else if !standard {
        examples_note = "No RFC gives this code a wording, so there is no standard reply to show; \
            the meanings below quote where it was seen.";
    } else {
        examples_note = "";
        let text = wire_text(&b.text);
        examples.push(example(
            ctx,
            "A one-line reply",
            vec![format!("{} {}", b.code, text)],
        ));
        if let Some(e) = enh {
            let full = format!("{}.{}.{}", b.code / 100, e.code.subject, e.code.detail);
            // The catch-all X.s.0 codes' sample texts ("Other or undefined ...") are no
            // reply text; the reply code's own text reads better with them.
            let first_line = if e.sample_text.is_empty() || e.code.detail == 0 {
                text.clone()
            } else {
                e.sample_text.clone()
            };
            examples.push(example(
                ctx,
                if b.commands.iter().any(|c| c == "CONNECT") {
                    "With an enhanced status code (RFC 2034), in reply to a command: the \
                     greeting carries none"
                } else {
                    "With an enhanced status code (RFC 2034)"
                },
                vec![format!("{} {} {}", b.code, full, first_line)],
            ));
            examples.push(example(
                ctx,
                "A multi-line reply: every line but the last has a hyphen after the code",
                vec![
                    format!("{}-{} {}", b.code, full, first_line),
                    format!("{} {} {}", b.code, full, text),
                ],
            ));
            if b.code >= 400 {
                examples.push(example(
                    ctx,
                    "In a bounce message (DSN, RFC 3464)",
                    vec![
                        format!("Status: {full}"),
                        format!("Diagnostic-Code: smtp; {} {} {}", b.code, full, text),
                    ],
                ));
            }
            forms.push(Item {
                label: ctx.text("With an enhanced code"),
                code: format!("{} {}", b.code, full),
                note: String::new(),
            });
        } else if b.code / 100 != 3 {
            examples.push(example(
                ctx,
                "A multi-line reply: every line but the last has a hyphen after the code",
                vec![
                    format!("{}-{}", b.code, text),
                    format!("{} {}", b.code, text),
                ],
            ));
        }
    }

    let json_index = index;
    let (json, json_fence) = json_block(&ctx.json.basic[json_index]);
    let rust_const = names::rust_reply_const(&b.name);
    let c_enum = names::c_reply_enum(&b.name);
    let in_code = if standard {
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
    };

    let heading = ctx.text(&b.text);
    let description_plain = markdown::to_plain(&b.description);
    BasicPage {
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
        text_note: ctx.text(b.text_note.as_deref().unwrap_or("")),
        text_source: b.text_source.as_ref().map(|r| ctx.reference(r)),
        introduced: b.introduced.as_ref().map(|r| ctx.reference(r)),
        description: ctx.markdown(&b.description),
        confidence: ctx.text(b.confidence.as_deref().unwrap_or("")),
        conflicts: ctx.text(b.conflicts.as_deref().unwrap_or("")),
        meanings: b
            .meanings
            .iter()
            .map(|m| MeaningV {
                text: ctx.text(&m.text),
                summary: ctx.text(m.summary.as_deref().unwrap_or("")),
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
            })
            .collect(),
        uses: b
            .uses
            .iter()
            .map(|u| UseV {
                reference: ctx.reference(&Reference {
                    document: u.document.clone(),
                    section: u.section.clone(),
                }),
                context: ctx.text(&u.context),
                commands: u.commands.iter().map(|c| ctx.command_link(c)).collect(),
                enhanced: u.enhanced.iter().map(|k| ctx.enhanced_link(*k)).collect(),
            })
            .collect(),
        commands: b.commands.iter().map(|c| ctx.command_link(c)).collect(),
        associated: reg
            .enhanced_associated_with(b.code)
            .map(|e| enhanced_row(ctx, e))
            .collect(),
        examples,
        examples_note: ctx.text(examples_note),
        in_code,
        references: b.references.iter().map(|r| ctx.reference(r)).collect(),
        notes: b
            .notes
            .as_deref()
            .map(|n| ctx.markdown(n))
            .unwrap_or_default(),
        troubleshooting: trouble_v,
        variants: variants(ctx, CodeRef::Basic(b.code)),
        rfc2034: rfc_link(ctx, 2034, "3"),
        rfc5321_digits: rfc_link(ctx, 5321, "4.2.1"),
    }
}

// ---- enhanced code page ---------------------------------------------------------------------

pub struct IanaV {
    pub description: String,
    pub reference: String,
    pub submitter: String,
    pub change_controller: String,
    pub date: String,
    pub updated: String,
}

fn iana_v(ctx: &Ctx, r: &IanaRecord) -> IanaV {
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
    pub in_code: InCode,
    pub references: Vec<Link>,
    pub iana: IanaV,
    /// Markdown.
    pub notes: String,
    pub troubleshooting: Option<TroubleV>,
    pub variants: Vec<VariantV>,
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
    let primary = primary_outcome(e);
    let full = |class: u8| format!("{class}.{}.{}", k.subject, k.detail);
    let class_forms = e
        .usable_as
        .iter()
        .rev()
        .map(|o| full(o.class()))
        .collect::<Vec<_>>()
        .join(", ");
    let heading_text = enhanced_heading_text(e);

    // The answer box: side and action from the primary class, retry for each class used.
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
    let answer_box = AnswerBox {
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
        action,
        warning,
        more: match (e.replaced_by, &trouble_v) {
            (Some(r), _) if deprecated => {
                Some(ctx.link(&paths::enhanced(r), &format!("Go to {r}")))
            }
            (_, Some(_)) => Some(troubleshooting_link(ctx)),
            _ => None,
        },
    };

    let forms = [5u8, 4, 2]
        .iter()
        .map(|&c| FormV {
            code: full(c),
            outcome: outcome_label(outcome_of_class(c)),
            suits: e.usable_as.contains(&outcome_of_class(c)),
        })
        .collect();

    // Examples: one reply per class the code suits, then a multi-line reply and a DSN.
    let reply_for = |class: u8| -> (u16, String) {
        let listed = e
            .basic_codes
            .codes
            .iter()
            .filter_map(|c| reg.basic(*c))
            .find(|b| b.code / 100 == class as u16 && b.status != BasicStatus::Nonstandard);
        match listed {
            Some(b) => (b.code, wire_text(&b.text)),
            None => {
                let code = match class {
                    2 => 250,
                    4 => 451,
                    _ => 550,
                };
                (
                    code,
                    reg.basic(code)
                        .map(|b| wire_text(&b.text))
                        .unwrap_or_default(),
                )
            }
        }
    };
    let mut examples = Vec::new();
    for o in e.usable_as.iter().rev() {
        let (code, text) = reply_for(o.class());
        let first = if e.sample_text.is_empty() {
            text
        } else {
            e.sample_text.clone()
        };
        examples.push(example(
            ctx,
            &format!("As a {}", outcome_label(*o)),
            vec![format!("{code} {} {first}", full(o.class()))],
        ));
    }
    {
        let (code, text) = reply_for(primary.class());
        let f = full(primary.class());
        let first = if e.sample_text.is_empty() {
            text.clone()
        } else {
            e.sample_text.clone()
        };
        examples.push(example(
            ctx,
            "A multi-line reply: every line but the last has a hyphen after the code",
            vec![format!("{code}-{f} {first}"), format!("{code} {f} {text}")],
        ));
        if primary != Outcome::Success {
            examples.push(example(
                ctx,
                "In a bounce message (DSN, RFC 3464)",
                vec![
                    format!("Status: {f}"),
                    format!("Diagnostic-Code: smtp; {code} {f} {first}"),
                ],
            ));
        }
    }

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
    let in_code = InCode {
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
    };

    let association_note = match e.basic_codes.kind() {
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
    };
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
    EnhancedPage {
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
        variants: variants(ctx, CodeRef::Enhanced(k)),
        rfc2034: rfc_link(ctx, 2034, "3"),
        rfc3463_classes: rfc_link(ctx, 3463, "2"),
    }
}

// ---- redirects ----------------------------------------------------------------------------

/// `enhanced/5.1.1.html`, which leads to `enhanced/X.1.1.html` (HTML only).
pub struct RedirectPage {
    pub marker: &'static str,
    pub title: String,
    pub code: String,
    pub target: String,
    pub canonical: String,
    pub key: String,
    pub heading: String,
    pub note: String,
}

pub fn redirect_page(reg: &Registry, e: &EnhancedEntry, class: u8) -> RedirectPage {
    let k = e.code;
    let target = format!("X.{}.{}.html", k.subject, k.detail);
    let code = format!("{class}.{}.{}", k.subject, k.detail);
    let outcome = outcome_of_class(class);
    let heading = enhanced_heading_text(e);
    let note = if e.usable_as.contains(&outcome) {
        format!("{code} is {k} reported as a {}.", outcome_label(outcome))
    } else {
        format!(
            "{code} is {k} with class {class} ({}), a class its defining text does not use it with.",
            outcome_label(outcome)
        )
    };
    RedirectPage {
        marker: MARKER,
        title: format!("{code}: {heading} – {SITE_NAME}"),
        canonical: match &reg.meta.site_url {
            Some(base) => format!("{}/{}.html", base.trim_end_matches('/'), paths::enhanced(k)),
            None => target.clone(),
        },
        code,
        target,
        key: k.to_string(),
        heading,
        note,
    }
}

// ---- index --------------------------------------------------------------------------------

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

pub struct IndexPage {
    pub chrome: Chrome,
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

fn class_rows(ctx: &Ctx) -> Vec<ClassRow> {
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

fn subject_rows(ctx: &Ctx) -> Vec<ClassRow> {
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

fn command_rows(ctx: &Ctx) -> Vec<CommandRow> {
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

// ---- classes, subjects, commands ------------------------------------------------------------

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

pub struct CommandPage {
    pub chrome: Chrome,
    pub name: String,
    pub title: String,
    pub historic: bool,
    /// Markdown.
    pub description: String,
    pub references: Vec<Link>,
    pub replies: Vec<BasicRow>,
    pub nonstandard: Vec<BasicRow>,
    pub any_note: bool,
    pub any_link: Link,
}

pub fn command_page(ctx: &Ctx, c: &CommandEntry) -> CommandPage {
    let reg = ctx.reg;
    CommandPage {
        chrome: chrome(
            ctx,
            &paths::command(&c.name),
            &format!("{}: the replies it may get", c.name),
            &markdown::to_plain(&c.description),
        ),
        name: ctx.text(&c.name),
        title: ctx.text(&c.title),
        historic: c.status == CommandStatus::Historic,
        description: ctx.markdown(&c.description),
        references: c.references.iter().map(|r| ctx.reference(r)).collect(),
        replies: reg
            .replies_to(&c.name)
            .into_iter()
            .filter_map(|code| reg.basic(code))
            .map(|b| basic_row(ctx, b))
            .collect(),
        nonstandard: reg
            .basic
            .iter()
            .filter(|b| b.status == BasicStatus::Nonstandard && b.commands.contains(&c.name))
            .map(|b| basic_row(ctx, b))
            .collect(),
        any_note: c.name != "ANY" && c.name != "CONNECT" && reg.command("ANY").is_some(),
        any_link: ctx.command_link("ANY"),
    }
}

// ---- vendors and about --------------------------------------------------------------------

pub struct SourceV {
    pub link: Link,
    pub read: String,
    pub published: String,
    pub note: String,
}

pub struct VendorPage {
    pub chrome: Chrome,
    pub name: String,
    pub kind: &'static str,
    /// Markdown.
    pub description: String,
    pub sources: Vec<SourceV>,
    pub entries: Vec<VariantV>,
}

pub fn vendor_page(ctx: &Ctx, v: &VendorFile) -> VendorPage {
    VendorPage {
        chrome: chrome(
            ctx,
            &paths::vendor(&v.vendor),
            &format!("{}: SMTP codes and what they mean", v.name),
            &markdown::to_plain(&v.description),
        ),
        name: ctx.text(&v.name),
        kind: match v.kind {
            VendorKind::Provider => "mail provider",
            VendorKind::Mta => "mail server software",
        },
        description: ctx.markdown(&v.description),
        sources: v
            .sources
            .iter()
            .map(|s| SourceV {
                link: ctx.external(&s.url, &s.title),
                read: s.read.0.clone(),
                published: s
                    .published
                    .as_ref()
                    .map(|d| d.0.clone())
                    .unwrap_or_default(),
                note: ctx.text(s.note.as_deref().unwrap_or("")),
            })
            .collect(),
        entries: v.entries.iter().map(|e| variant(ctx, v, e)).collect(),
    }
}

pub struct VendoredV {
    pub path: String,
    pub origin: String,
    pub read: String,
    /// Markdown, one line.
    pub note: String,
}

pub struct AboutPage {
    pub chrome: Chrome,
    pub registry_version: String,
    pub iana_updated: String,
    pub vendored: Vec<VendoredV>,
    pub standard_count: usize,
    pub nonstandard_count: usize,
    pub enhanced_count: usize,
    pub command_count: usize,
    pub troubleshooting_count: usize,
    pub vendors: Vec<Link>,
}

pub fn about_page(ctx: &Ctx) -> AboutPage {
    let reg = ctx.reg;
    AboutPage {
        chrome: chrome(
            ctx,
            paths::ABOUT,
            "About this registry",
            "Where the SMTP code registry comes from, its version, and how to add or correct a code.",
        ),
        registry_version: ctx.text(&reg.meta.registry_version),
        iana_updated: reg.meta.iana_updated.0.clone(),
        vendored: reg
            .meta
            .vendored
            .iter()
            .map(|v| VendoredV {
                path: v.path.clone(),
                origin: ctx.text(&v.origin),
                read: v.read.0.clone(),
                note: v.note.as_deref().map(|n| ctx.markdown_inline(n)).unwrap_or_default(),
            })
            .collect(),
        standard_count: reg.standard_basic().count(),
        nonstandard_count: reg.basic.iter().filter(|b| b.status == BasicStatus::Nonstandard).count(),
        enhanced_count: reg.enhanced.len(),
        command_count: reg.commands.len(),
        troubleshooting_count: reg.troubleshooting.len(),
        vendors: reg
            .vendors
            .iter()
            .map(|v| ctx.link(&paths::vendor(&v.vendor), &v.name))
            .collect(),
    }
}
