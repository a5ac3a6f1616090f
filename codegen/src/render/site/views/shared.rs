//! Pieces every page uses: the chrome, items and code lines, labels and words.

use super::*;

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
    /// Whether the page loads the search script (every HTML page; the Markdown twin has no
    /// search box).
    pub script: bool,
    pub registry_version: String,
    pub iana_updated: String,
    /// The page's own path (`basic/550`), for `aria-current` in the navigation.
    pub page: String,
    /// The project's source, and where to report a mistake on this page (a new issue titled
    /// after the page), when the registry names its repository.
    pub source: Option<Link>,
    pub report: Option<Link>,
}

pub(crate) fn chrome(ctx: &Ctx, page: &str, title: &str, description: &str) -> Chrome {
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
        script: ctx.flavor == Flavor::Html,
        registry_version: ctx.text(&ctx.reg.meta.registry_version),
        iana_updated: ctx.text(&ctx.reg.meta.iana_updated.0),
        page: page.to_string(),
        source: ctx
            .reg
            .meta
            .repository
            .as_deref()
            .map(|r| ctx.external(r, "Source")),
        report: ctx.reg.meta.repository.as_deref().map(|r| {
            ctx.external(
                &format!("{r}/issues/new?title=Mistake%20on%20{page}"),
                "Report a mistake on this page",
            )
        }),
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
    /// Whose words the lines quote: the vendor's entry, after the caption.
    pub source: Option<Link>,
    pub lines: Vec<String>,
    /// The Markdown code fence that cannot be closed by the lines.
    pub fence: String,
}

pub(crate) fn example(ctx: &Ctx, caption: &str, lines: Vec<String>) -> Example {
    Example {
        caption: ctx.text(caption),
        source: None,
        fence: markdown::fence(&lines.join("\n")),
        lines,
    }
}

/// The example replies a provider's documented words make: the reply, and the same reply in
/// a bounce message when it is a failure.
pub(crate) fn real_examples(ctx: &Ctx, r: &RealReply) -> Vec<Example> {
    let line = format!("{} {} {}", r.basic, r.enhanced, r.words);
    let mut out = vec![Example {
        source: Some(r.entry.clone()),
        ..example(
            ctx,
            "With an enhanced code, in the words documented by",
            vec![line.clone()],
        )
    }];
    if r.basic >= 400 {
        out.push(example(
            ctx,
            "The same reply in a bounce message (DSN, RFC 3464)",
            vec![
                format!("Status: {}", r.enhanced),
                format!("Diagnostic-Code: smtp; {line}"),
            ],
        ));
    }
    out
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
pub(crate) fn status_banner(b: &BasicEntry) -> &'static str {
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
pub(crate) fn digit_meanings(code: u16) -> (&'static str, &'static str) {
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

/// What the example replies of a code page are made of, for the note above them: `real` when
/// a provider's documented reply is among them; `other` is the other kind of code a full
/// reply carries (`an enhanced code` on a reply code's page).
pub(crate) fn examples_note(real: bool, other: &str) -> String {
    if real {
        "Registered texts are the standard's words; servers use their own. A provider's example \
         quotes its documentation; real replies may add more (a help link, an ID)."
            .to_string()
    } else {
        format!(
            "No provider documents a reply with this code and {other}: these examples use the \
             registered texts; servers use their own words."
        )
    }
}

/// A reply text as a server would send it: `<domain>` filled in with an example host.
pub(crate) fn wire_text(text: &str) -> String {
    text.replace("<domain>", "mx.example.com")
}

pub(crate) fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Success => "success",
        Outcome::Transient => "temporary failure",
        Outcome::Permanent => "permanent failure",
    }
}

pub(crate) fn outcome_of_class(class: u8) -> Outcome {
    match class {
        2 => Outcome::Success,
        4 => Outcome::Transient,
        _ => Outcome::Permanent,
    }
}

/// The class a code page talks about first: permanent, else transient, else success.
pub(crate) fn primary_outcome(e: &EnhancedEntry) -> Outcome {
    [Outcome::Permanent, Outcome::Transient, Outcome::Success]
        .into_iter()
        .find(|o| e.usable_as.contains(o))
        .unwrap_or(Outcome::Permanent)
}

pub(crate) fn enhanced_heading_text(e: &EnhancedEntry) -> String {
    if e.sample_text.is_empty() {
        markdown::to_plain(&markdown::first_sentence(&e.description))
    } else {
        e.sample_text.clone()
    }
}

/// The words of an identifier: `MailboxUnavailable` -> `mailbox unavailable`.
pub(crate) fn name_words(name: &str) -> String {
    crate::names::snake(name).replace('_', " ")
}

/// The lower-case text the index's search matches words against.
pub(crate) fn search_text(parts: &[&str]) -> String {
    crate::views::text::one_line(&parts.join(" ")).to_lowercase()
}
