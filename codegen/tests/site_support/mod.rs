//! Helpers the site tests share: parse an HTML page with html5ever (a real HTML5 parser) or a
//! Markdown page with pulldown-cmark, and collect what the checks need: ids and headings,
//! links, parse errors.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use html5ever::tendril::TendrilSink;
use html5ever::tokenizer::TokenizerOpts;
use html5ever::tree_builder::{QuirksMode, TreeBuilderOpts};
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// An element, flattened: its name, attributes and text content.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// What a parsed HTML page holds.
#[derive(Debug, Default)]
pub struct HtmlPage {
    pub errors: Vec<String>,
    pub quirks: bool,
    /// Every element in document order.
    pub elements: Vec<Element>,
    pub ids: BTreeSet<String>,
    /// Every URL the page refers to: `href`, `src`, `action`, and a meta refresh target.
    pub urls: Vec<String>,
    /// Comments before the root element (the generated marker).
    pub leading_comments: Vec<String>,
}

impl HtmlPage {
    pub fn elements_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements.iter().filter(move |e| e.name == name)
    }
}

/// Parses `text` as an HTML document, collecting every parse error.
pub fn parse_html(text: &str) -> HtmlPage {
    let opts = ParseOpts {
        tokenizer: TokenizerOpts {
            exact_errors: true,
            ..Default::default()
        },
        tree_builder: TreeBuilderOpts {
            exact_errors: true,
            ..Default::default()
        },
    };
    let dom = parse_document(RcDom::default(), opts)
        .from_utf8()
        .read_from(&mut text.as_bytes())
        .expect("reading from memory cannot fail");
    let mut page = HtmlPage {
        errors: dom.errors.borrow().iter().map(|e| e.to_string()).collect(),
        quirks: dom.quirks_mode.get() != QuirksMode::NoQuirks,
        ..Default::default()
    };
    for child in dom.document.children.borrow().iter() {
        if let NodeData::Comment { contents } = &child.data {
            page.leading_comments.push(contents.to_string());
        }
    }
    walk(&dom.document, &mut page);
    page
}

fn text_of(node: &Handle, out: &mut String) {
    match &node.data {
        NodeData::Text { contents } => out.push_str(&contents.borrow()),
        _ => {
            for c in node.children.borrow().iter() {
                text_of(c, out);
            }
        }
    }
}

fn walk(node: &Handle, page: &mut HtmlPage) {
    if let NodeData::Element { name, attrs, .. } = &node.data {
        let attrs: BTreeMap<String, String> = attrs
            .borrow()
            .iter()
            .map(|a| (a.name.local.to_string(), a.value.to_string()))
            .collect();
        let name = name.local.to_string();
        if let Some(id) = attrs.get("id") {
            page.ids.insert(id.clone());
        }
        for key in ["href", "src", "action"] {
            if let Some(v) = attrs.get(key) {
                page.urls.push(v.clone());
            }
        }
        if name == "meta"
            && attrs
                .get("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
        {
            if let Some(url) = attrs.get("content").and_then(|c| c.split_once("url=")) {
                page.urls.push(url.1.to_string());
            }
        }
        let mut text = String::new();
        text_of(node, &mut text);
        page.elements.push(Element { name, attrs, text });
    }
    for c in node.children.borrow().iter() {
        walk(c, page);
    }
}

/// What a parsed Markdown page holds.
#[derive(Debug, Default)]
pub struct MarkdownPage {
    /// The anchors a forge gives the headings (GitHub's rule).
    pub anchors: BTreeSet<String>,
    pub headings: Vec<(u8, String)>,
    pub links: Vec<String>,
    /// Raw HTML blocks and spans (our own marker comment and `<details>` only).
    pub html: Vec<String>,
}

/// The anchor GitHub gives a heading: lower case, characters other than letters, digits,
/// spaces, `-` and `_` dropped, spaces turned into `-`.
pub fn github_anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

pub fn parse_markdown(text: &str) -> MarkdownPage {
    use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
    let mut page = MarkdownPage::default();
    let mut heading: Option<(u8, String)> = None;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for ev in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => {
                let (level, text) = heading.take().expect("heading open");
                let base = github_anchor(&text);
                let n = seen.entry(base.clone()).or_insert(0);
                let anchor = if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                };
                *n += 1;
                page.anchors.insert(anchor);
                page.headings.push((level, text));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            // An email autolink's target is the address itself, not a path.
            Event::Start(Tag::Link {
                link_type: LinkType::Email,
                ..
            }) => {}
            Event::Start(Tag::Link { dest_url, .. }) => page.links.push(dest_url.to_string()),
            Event::Start(Tag::Image { dest_url, .. }) => page.links.push(dest_url.to_string()),
            Event::Html(h) | Event::InlineHtml(h) => page.html.push(h.to_string()),
            _ => {}
        }
    }
    page
}

/// Resolves a relative `url` found in the file at `from` (a path such as
/// `site/basic/550.html`): the target path and the fragment. `None` for absolute URLs.
pub fn resolve(from: &str, url: &str) -> Option<(String, Option<String>)> {
    if url.contains("://") || url.starts_with("mailto:") || url.starts_with("//") {
        return None;
    }
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(f.to_string())),
        None => (url, None),
    };
    let rest = rest.split('?').next().unwrap_or("");
    if rest.is_empty() {
        return Some((from.to_string(), fragment));
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rest.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    Some((parts.join("/"), fragment))
}
