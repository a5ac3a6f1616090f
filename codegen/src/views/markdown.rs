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

use pulldown_cmark::{html, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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

/// Renders registry Markdown as an HTML fragment.
pub fn to_html(md: &str) -> String {
    let mut s = String::with_capacity(md.len() + md.len() / 4 + 16);
    html::push_html(&mut s, events(md).into_iter());
    s.truncate(s.trim_end().len());
    s
}

/// Renders registry Markdown that is one paragraph (a list item, a table cell) without the
/// surrounding `<p>`; anything longer is returned as blocks.
pub fn to_html_inline(md: &str) -> String {
    let s = to_html(md);
    match s.strip_prefix("<p>").and_then(|r| r.strip_suffix("</p>")) {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => s,
    }
}

/// Plain text as an HTML fragment (escaped), for places that otherwise hold rendered Markdown.
pub fn text_to_html(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    html::push_html(&mut s, std::iter::once(Event::Text(text.into())));
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
    let md = md.trim();
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
    crate::views::text::one_line(&sanitize(md)).replace('|', "\\|")
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
}
