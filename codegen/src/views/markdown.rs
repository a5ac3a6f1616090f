//! Markdown, both ways the site needs it: the registry's Markdown fields (`description`,
//! `notes`, troubleshooting items) rendered to HTML, and text written into Markdown pages.
//!
//! [`events`] owns pulldown-cmark's options and is the only place the registry's Markdown is
//! parsed for HTML. Raw HTML in the data is never passed through: `Event::Html` and
//! `Event::InlineHtml` become `Event::Text`, so `mailbox <unavailable>` shows its word instead
//! of losing it to the browser; links keep only `http`, `https`, `mailto` and relative
//! targets; images become links (the site loads nothing from elsewhere); headings are demoted
//! below the page's own. For Markdown pages, [`sanitize`] keeps the data as written but turns
//! the same raw-HTML spans into text, and [`escape_text`] makes plain text inert.
//!
//! The `*_linked` forms also link the codes the text names (found by [`code_mentions`]; where
//! each leads is the caller's [`Linker`]), in both flavors alike: never inside a link or a
//! code block, and a code span only when it is nothing but one code (`` `X.7.26` ``). A longer
//! code span quotes a reply or a command, text meant to be compared or copied as it is.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use crate::views::code_mentions::{self, Mention};

/// Where a code the text names leads: the link target (ready for the page's flavor), or
/// `None` to leave the code as text.
pub type Linker<'l> = &'l dyn Fn(Mention) -> Option<String>;

/// The linker that links nothing.
fn no_links(_: Mention) -> Option<String> {
    None
}

/// The registry's Markdown dialect: CommonMark plus tables and strikethrough.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Is this a link target the site may point at?
fn safe_target(dest: &str) -> bool {
    let scheme_end = dest.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if dest.as_bytes()[i] == b':' => {
            let scheme = dest[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Parses registry Markdown into the events the site renders, with the safety rules above.
pub fn events(md: &str) -> Vec<Event<'_>> {
    let mut out = Vec::new();
    // For each open link or image: was it dropped (unsafe target)?
    let mut dropped: Vec<bool> = Vec::new();
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Html(s) | Event::InlineHtml(s) => out.push(Event::Text(s)),
            // An image is shown as a link to it.
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                },
            ) => {
                let ok = safe_target(&dest_url);
                dropped.push(!ok);
                if ok {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if !dropped.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => out.push(Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(demote(level))))
            }
            other => out.push(other),
        }
    }
    out
}

fn link_start<'a>(href: String) -> Event<'a> {
    Event::Start(Tag::Link {
        link_type: LinkType::Inline,
        dest_url: href.into(),
        title: CowStr::Borrowed(""),
        id: CowStr::Borrowed(""),
    })
}

/// `events` with the codes they name linked (see the module's introduction).
fn with_code_links<'a>(events: Vec<Event<'a>>, linker: Linker) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let (mut in_link, mut in_block) = (0usize, false);
    for ev in events {
        let free = in_link == 0 && !in_block;
        match ev {
            Event::Start(Tag::Link { .. }) => {
                in_link += 1;
                out.push(ev);
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                out.push(ev);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_block = true;
                out.push(ev);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_block = false;
                out.push(ev);
            }
            Event::Text(t) if free => {
                let mut pos = 0;
                for f in code_mentions::find(&t) {
                    if let Some(href) = linker(f.mention) {
                        if f.range.start > pos {
                            out.push(Event::Text(t[pos..f.range.start].to_string().into()));
                        }
                        out.push(link_start(href));
                        out.push(Event::Text(t[f.range.clone()].to_string().into()));
                        out.push(Event::End(TagEnd::Link));
                        pos = f.range.end;
                    }
                }
                match pos {
                    0 => out.push(Event::Text(t)),
                    p if p < t.len() => out.push(Event::Text(t[p..].to_string().into())),
                    _ => {}
                }
            }
            Event::Code(c) if free => match code_mentions::whole(&c).and_then(linker) {
                Some(href) => {
                    out.push(link_start(href));
                    out.push(Event::Code(c));
                    out.push(Event::End(TagEnd::Link));
                }
                None => out.push(Event::Code(c)),
            },
            other => out.push(other),
        }
    }
    out
}

fn push_html(events: Vec<Event<'_>>) -> String {
    let mut s = String::new();
    html::push_html(&mut s, events.into_iter());
    s.truncate(s.trim_end().len());
    s
}

/// Renders registry Markdown as an HTML fragment.
pub fn to_html(md: &str) -> String {
    to_html_linked(md, &no_links)
}

/// [`to_html`], with the codes the text names linked.
pub fn to_html_linked(md: &str, linker: Linker) -> String {
    push_html(with_code_links(events(md), linker))
}

/// Renders registry Markdown that is one paragraph (a list item, a table cell) without the
/// surrounding `<p>`; anything longer is returned as blocks.
pub fn to_html_inline(md: &str) -> String {
    to_html_inline_linked(md, &no_links)
}

/// [`to_html_inline`], with the codes the text names linked.
pub fn to_html_inline_linked(md: &str, linker: Linker) -> String {
    let s = to_html_linked(md, linker);
    match s.strip_prefix("<p>").and_then(|r| r.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => s,
    }
}

/// Plain text as an HTML fragment (escaped), for places that otherwise hold rendered Markdown.
pub fn text_to_html(text: &str) -> String {
    text_to_html_linked(text, &no_links)
}

/// [`text_to_html`], with the codes the text names linked: plain prose (a vendor's meaning,
/// a note) as an HTML fragment.
pub fn text_to_html_linked(text: &str, linker: Linker) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    let events = with_code_links(vec![Event::Text(text.into())], linker);
    html::push_html(&mut s, events.into_iter());
    s
}

/// The text of registry Markdown without its markup, on one line (for `<meta>` and `<title>`).
pub fn to_plain(md: &str) -> String {
    let mut s = String::new();
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                s.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => s.push(' '),
            _ => {}
        }
    }
    crate::views::text::one_line(&s)
}

/// The first sentence of registry Markdown (the answer box's one-line meaning). A sentence
/// ends at `. ` followed by a capital letter or a code span; `e.g.` and `i.e.` never end one.
pub fn first_sentence(md: &str) -> String {
    let md = crate::views::text::one_line(md);
    let bytes = md.as_bytes();
    let mut in_code = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'`' {
            in_code = !in_code;
        }
        if in_code || b != b'.' || i + 2 >= bytes.len() || bytes[i + 1] != b' ' {
            continue;
        }
        let next = bytes[i + 2];
        let before = &md[..i];
        let abbreviation =
            before.ends_with("e.g") || before.ends_with("i.e") || before.ends_with(" vs");
        if (next.is_ascii_uppercase() || next == b'`') && !abbreviation {
            return md[..=i].to_string();
        }
    }
    md
}

// ---- Markdown pages -------------------------------------------------------------------

/// Plain text (registered text, titles, vendor prose) made inert for a Markdown page, on one
/// line: every character Markdown or a forge's HTML could take as syntax is escaped. The
/// result is meant for the inside of a line (after a heading mark, list mark, label or table
/// bar), never for the start of one, where `1.` or `-` would open a list.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    // Whitespace runs fold to one space (as `text::one_line`), in the same pass.
    let mut pending_space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown link around `text` (already Markdown) to `href` (already a Markdown target).
fn md_link(text: &str, href: &str) -> String {
    format!("[{text}]({href})")
}

/// [`escape_text`], with the codes the text names linked.
pub fn escape_text_linked(s: &str, linker: Linker) -> String {
    let escaped = escape_text(s);
    let mut out = String::with_capacity(escaped.len() + 16);
    let mut pos = 0;
    for f in code_mentions::find(&escaped) {
        if let Some(href) = linker(f.mention) {
            out.push_str(&escaped[pos..f.range.start]);
            out.push_str(&md_link(&escaped[f.range.clone()], &href));
            pos = f.range.end;
        }
    }
    out.push_str(&escaped[pos..]);
    out
}

/// Text shown as code on a Markdown page, with its backticks: a fence the text cannot close,
/// and `|` escaped (GitHub tables split cells on it even inside code).
pub fn code_span(s: &str) -> String {
    let s = crate::views::text::one_line(s).replace('|', "\\|");
    let ticks = "`".repeat(longest_backtick_run(&s) + 1);
    if ticks.len() == 1 {
        format!("`{s}`")
    } else {
        format!("{ticks} {s} {ticks}")
    }
}

/// Registry Markdown for a Markdown page: kept as written, except for what [`events`] also
/// refuses: the spans pulldown-cmark reads as raw HTML have their `<` written as `&lt;`, so a
/// forge shows them as text, as the HTML site does; links and images with a target other
/// than `http`, `https`, `mailto` or a relative one are replaced by their text.
pub fn sanitize(md: &str) -> String {
    sanitize_linked(md, &no_links)
}

/// [`sanitize`], with the codes the text names linked.
pub fn sanitize_linked(md: &str, linker: Linker) -> String {
    let md = md.trim();
    // Inside a (kept) link or image, and inside a code block: no code is linked there.
    let (mut link_depth, mut in_block) = (0usize, false);
    // (byte range, replacement), in source order, never overlapping.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    // An unsafe link being dropped: its whole range and the range of its contents.
    let mut dropping: Option<(
        std::ops::Range<usize>,
        Option<std::ops::Range<usize>>,
        usize,
    )> = None;
    for (ev, range) in Parser::new_ext(md, options()).into_offset_iter() {
        if let Some((outer, inner, depth)) = dropping.as_mut() {
            match &ev {
                Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => *depth += 1,
                Event::End(TagEnd::Link) | Event::End(TagEnd::Image) if *depth > 0 => *depth -= 1,
                Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                    let text = inner
                        .as_ref()
                        .map(|r| md[r.clone()].replace('<', "&lt;"))
                        .unwrap_or_default();
                    edits.push((outer.clone(), text));
                    dropping = None;
                    continue;
                }
                _ => {}
            }
            *inner = Some(match inner.take() {
                Some(r) => r.start.min(range.start)..r.end.max(range.end),
                None => range,
            });
            continue;
        }
        match ev {
            Event::Html(_) | Event::InlineHtml(_) => {
                let text = md[range.clone()].replace('<', "&lt;");
                edits.push((range, text));
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if !safe_target(&dest_url) =>
            {
                dropping = Some((range, None, 0));
            }
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => link_depth += 1,
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                link_depth = link_depth.saturating_sub(1)
            }
            Event::Start(Tag::CodeBlock(_)) => in_block = true,
            Event::End(TagEnd::CodeBlock) => in_block = false,
            Event::Text(_) if link_depth == 0 && !in_block => {
                let source = &md[range.clone()];
                for f in code_mentions::find(source) {
                    if let Some(href) = linker(f.mention) {
                        let at = range.start + f.range.start..range.start + f.range.end;
                        edits.push((at.clone(), md_link(&md[at], &href)));
                    }
                }
            }
            Event::Code(c) if link_depth == 0 && !in_block => {
                if let Some(href) = code_mentions::whole(&c).and_then(linker) {
                    edits.push((range.clone(), md_link(&md[range], &href)));
                }
            }
            _ => {}
        }
    }
    if edits.is_empty() {
        return md.to_string();
    }
    let mut out = String::with_capacity(md.len() + 16);
    let mut pos = 0;
    for (r, text) in edits {
        if r.start < pos {
            continue;
        }
        out.push_str(&md[pos..r.start]);
        out.push_str(&text);
        pos = r.end;
    }
    out.push_str(&md[pos..]);
    out
}

/// Registry Markdown for one line of a Markdown page (a list item, a table cell).
pub fn sanitize_inline(md: &str) -> String {
    sanitize_inline_linked(md, &no_links)
}

/// [`sanitize_inline`], with the codes the text names linked.
pub fn sanitize_inline_linked(md: &str, linker: Linker) -> String {
    crate::views::text::one_line(&sanitize_linked(md, linker)).replace('|', "\\|")
}

/// A link target for a Markdown page. Targets with spaces, parentheses or angle brackets
/// are written in `<...>` form.
pub fn url(u: &str) -> String {
    if u.bytes()
        .any(|b| matches!(b, b' ' | b'(' | b')' | b'<' | b'>' | b'\\'))
    {
        let enc = u
            .replace('<', "%3C")
            .replace('>', "%3E")
            .replace(' ', "%20");
        format!("<{enc}>")
    } else {
        u.to_string()
    }
}

/// A code fence that `content` cannot close: three backticks, or one more than the longest
/// run of backticks inside.
pub fn fence(content: &str) -> String {
    "`".repeat(longest_backtick_run(content).max(2) + 1)
}

fn longest_backtick_run(s: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for b in s.bytes() {
        if b == b'`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_becomes_text() {
        assert_eq!(
            to_html("mailbox <unavailable>"),
            "<p>mailbox &lt;unavailable&gt;</p>"
        );
        assert_eq!(
            to_html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert!(events("a <b>x</b>")
            .iter()
            .any(|e| matches!(e, Event::Text(t) if t.as_ref() == "<b>")));
    }

    #[test]
    fn unsafe_links_are_dropped() {
        assert_eq!(to_html("[x](javascript:alert(1))"), "<p>x</p>");
        assert_eq!(
            to_html("[x](https://example.org/)"),
            "<p><a href=\"https://example.org/\">x</a></p>"
        );
        assert_eq!(
            to_html("![pic](https://cdn.example/a.png)"),
            "<p><a href=\"https://cdn.example/a.png\">pic</a></p>"
        );
        assert_eq!(to_html("# Title"), "<h3>Title</h3>");
    }

    #[test]
    fn plain_text_as_html() {
        assert_eq!(text_to_html("a <b> & \"c\""), "a &lt;b&gt; &amp; \"c\"");
    }

    #[test]
    fn inline_and_plain() {
        assert_eq!(to_html_inline("the `@` sign"), "the <code>@</code> sign");
        assert_eq!(to_html_inline("a\n\nb"), "<p>a</p>\n<p>b</p>");
        assert_eq!(to_plain("the `@` *sign*\n\nnext"), "the @ sign next");
    }

    #[test]
    fn sentences() {
        assert_eq!(
            first_sentence("One thing, e.g. this. Two. Three."),
            "One thing, e.g. this."
        );
        assert_eq!(first_sentence("No end"), "No end");
        assert_eq!(first_sentence("See `a. B` here. Next"), "See `a. B` here.");
    }

    #[test]
    fn markdown_pages() {
        assert_eq!(
            escape_text("<domain> Service | *ready*"),
            r"\<domain\> Service \| \*ready\*"
        );
        assert_eq!(escape_text(" a \n\t b  c "), "a b c");
        assert_eq!(code_span("a|b"), r"`a\|b`");
        assert_eq!(code_span("a`b"), "`` a`b ``");
        assert_eq!(
            sanitize("a <b>bold</b> `<c>` & <https://x.org>"),
            "a &lt;b>bold&lt;/b> `<c>` & <https://x.org>"
        );
        assert_eq!(
            sanitize("see [x *y*](javascript:alert(1)) now"),
            "see x *y* now"
        );
        assert_eq!(sanitize("[ok](https://x.org/)"), "[ok](https://x.org/)");
        assert_eq!(fence("a ``` b"), "````");
        assert_eq!(fence("plain"), "```");
        assert_eq!(url("https://x.org/a (b)"), "<https://x.org/a%20(b)>");
    }

    fn test_linker(m: Mention) -> Option<String> {
        match m {
            Mention::Reply(550) => Some("550.x".into()),
            Mention::Enhanced { key, .. } if key.subject == 7 && key.detail == 26 => {
                Some("X.7.26.x".into())
            }
            _ => None,
        }
    }

    #[test]
    fn codes_in_text_are_linked_in_both_flavors() {
        let md = "Sent as 550 with 5.7.26 (not 421); see [550](a.x), `550`, `X.7.26` \
                  and `550 5.7.26 Denied`.";
        assert_eq!(
            to_html_inline_linked(md, &test_linker),
            "Sent as <a href=\"550.x\">550</a> with <a href=\"X.7.26.x\">5.7.26</a> (not 421); \
             see <a href=\"a.x\">550</a>, <a href=\"550.x\"><code>550</code></a>, \
             <a href=\"X.7.26.x\"><code>X.7.26</code></a> and <code>550 5.7.26 Denied</code>."
        );
        assert_eq!(
            sanitize_linked(md, &test_linker),
            "Sent as [550](550.x) with [5.7.26](X.7.26.x) (not 421); see [550](a.x), \
             [`550`](550.x), [`X.7.26`](X.7.26.x) and `550 5.7.26 Denied`."
        );
        // Code blocks, autolinks and images stay as they are.
        let block = "```\n550 5.7.26\n```\n\n<https://x.org/550> ![550](p.png)";
        assert_eq!(sanitize_linked(block, &test_linker), block);
        assert!(!to_html_linked(block, &test_linker).contains("550.x"));
        // Plain text: escaped, then linked; a quantity is no code.
        assert_eq!(
            escape_text_linked("a *550* of 550 KB", &test_linker),
            r"a \*[550](550.x)\* of 550 KB"
        );
        assert_eq!(
            text_to_html_linked("550 <b>", &test_linker),
            "<a href=\"550.x\">550</a> &lt;b&gt;"
        );
        // Without a linker nothing changes.
        assert_eq!(to_html_inline("see 550"), "see 550");
        assert_eq!(sanitize("see 550"), "see 550");
    }
}
