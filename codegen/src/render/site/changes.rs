//! The "What changed" page of each edition (`changes/<edition>`) and the Atom feed of the
//! editions (`feed.xml`), so that a mail-server author can subscribe to new codes. From
//! `data/editions.yaml`; every date comes from the data, never from the clock.

use std::fmt::Write as _;

use super::views::{chrome, Chrome};
use super::{Ctx, Link, SITE_DIR};
use crate::model::{Change, CodeRef, Edition, Registry};
use crate::outputs::{Outputs, MARKER};
use crate::views::markdown;

/// The page path of an edition.
pub fn path(edition: &str) -> String {
    format!("changes/{edition}")
}

/// One change: what it is about (a code or vendor page), and the note.
pub struct ChangeV {
    pub link: Option<Link>,
    /// HTML or Markdown, inline.
    pub note: String,
}

/// Added, changed or deprecated.
pub struct SectionV {
    pub id: &'static str,
    pub title: &'static str,
    pub changes: Vec<ChangeV>,
}

pub struct ChangesPage {
    pub chrome: Chrome,
    pub edition: String,
    pub date: String,
    pub crate_version: String,
    /// HTML or Markdown.
    pub summary: String,
    pub sections: Vec<SectionV>,
    pub newer: Option<Link>,
    pub older: Option<Link>,
    pub feed: String,
}

/// The page of `reg.editions[i]`.
pub fn changes_page(ctx: &Ctx, i: usize) -> ChangesPage {
    let editions = &ctx.reg.editions;
    let e: &Edition = &editions[i];
    let page = path(&e.edition);
    let edition_link = |j: usize| {
        let o = &editions[j];
        ctx.link(&path(&o.edition), &format!("edition {}", o.edition))
    };
    ChangesPage {
        chrome: chrome(
            ctx,
            &page,
            &format!("What changed in edition {}", e.edition),
            &format!(
                "Codes and meanings added, changed and deprecated in edition {} of the SMTP code registry.",
                e.edition
            ),
        ),
        edition: ctx.text(&e.edition),
        date: e.date.0.clone(),
        crate_version: ctx.text(&e.crate_version),
        summary: ctx.markdown(&e.summary),
        sections: e
            .sections()
            .into_iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(title, list)| SectionV {
                id: match title {
                    "Added" => "added",
                    "Changed" => "changed",
                    _ => "deprecated",
                },
                title,
                changes: list
                    .iter()
                    .map(|c| ChangeV {
                        link: match (c.code, &c.vendor) {
                            (Some(CodeRef::Basic(b)), _) => Some(ctx.basic_link(b)),
                            (Some(CodeRef::Enhanced(k)), _) => Some(ctx.enhanced_link(k)),
                            // A vendor file may be removed later; the note stays.
                            (None, Some(v)) => ctx
                                .reg
                                .vendors
                                .iter()
                                .find(|f| &f.vendor == v)
                                .map(|f| ctx.link(&super::paths::vendor(v), &f.name)),
                            (None, None) => None,
                        },
                        note: ctx.markdown_inline(c.note.trim()),
                    })
                    .collect(),
            })
            .collect(),
        newer: (i > 0).then(|| edition_link(i - 1)),
        older: (i + 1 < editions.len()).then(|| edition_link(i + 1)),
        feed: format!("{}feed.xml", ctx.root),
    }
}

/// Escapes text for XML content and attribute values.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The HTML an entry carries: the summary and the three lists.
fn entry_html(e: &Edition) -> String {
    let mut h = markdown::to_html(&e.summary);
    for (title, list) in e.sections() {
        if list.is_empty() {
            continue;
        }
        let _ = write!(h, "<h2>{title}</h2><ul>");
        for c in list {
            let _ = write!(
                h,
                "<li>{}{}</li>",
                markdown::text_to_html(&about(c)),
                markdown::to_html_inline(&c.note)
            );
        }
        h.push_str("</ul>");
    }
    h
}

/// The Atom feed (nothing when the registry has no editions).
pub fn render_feed(reg: &Registry, out: &mut Outputs) {
    if !reg.editions.is_empty() {
        out.add(format!("{SITE_DIR}/feed.xml"), feed(reg));
    }
}

fn feed(reg: &Registry) -> String {
    let base = reg.meta.site_url.as_deref().unwrap_or("");
    let newest = &reg.editions[0];
    let id = |tail: &str| match &reg.meta.site_url {
        Some(u) => format!("{u}{tail}"),
        None => format!("urn:smtp-codes:{}", tail.replace('/', ":")),
    };
    let mut s = format!(
        "<!-- {MARKER} -->\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>SMTP status codes: new editions</title>\n  \
         <subtitle>Codes and meanings added, changed and deprecated in each edition of the smtp-codes registry.</subtitle>\n  \
         <id>{}</id>\n  <link rel=\"self\" href=\"{}feed.xml\"/>\n  <link href=\"{}index.html\"/>\n  \
         <updated>{}T00:00:00Z</updated>\n  <author><name>smtp-codes</name></author>\n",
        xml(&id("feed.xml")),
        xml(base),
        xml(base),
        newest.date.0
    );
    for e in &reg.editions {
        let page = format!("changes/{}.html", e.edition);
        let _ = write!(
            s,
            "  <entry>\n    <title>Edition {} (crate {})</title>\n    <id>{}</id>\n    \
             <link href=\"{}{}\"/>\n    <updated>{}T00:00:00Z</updated>\n    \
             <summary>{}</summary>\n    <content type=\"html\">{}</content>\n  </entry>\n",
            xml(&e.edition),
            xml(&e.crate_version),
            xml(&id(&format!("changes/{}", e.edition))),
            xml(base),
            xml(&page),
            e.date.0,
            xml(&markdown::to_plain(&e.summary)),
            xml(&entry_html(e))
        );
    }
    s.push_str("</feed>\n");
    s
}

/// What a change is about, in plain words: "550: ", "vendor yahoo: ".
fn about(c: &Change) -> String {
    match (c.code, &c.vendor) {
        (Some(k), _) => format!("{k}: "),
        (None, Some(v)) => format!("vendor {v}: "),
        (None, None) => String::new(),
    }
}
