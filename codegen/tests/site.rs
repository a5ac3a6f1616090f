//! The reference site (`site/`): every page parses as HTML5 without errors, every internal
//! link and anchor resolves (HTML and Markdown), one page per code and no other, every file
//! is marked and ends cleanly, nothing is loaded from elsewhere, and hostile strings in the
//! data come out escaped. The site is rendered in memory; `cargo codegen check` compares it
//! with the committed files.

mod site_support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use codegen::model::{BasicStatus, CodeRef, Registry};
use codegen::outputs::{Outputs, MARKER};
use codegen::{load, render};
use site_support::{parse_html, parse_markdown, resolve};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .join("data")
}

fn real_registry() -> Registry {
    match load::load(&codegen::project_root().join("data")) {
        Ok(r) => r,
        Err(e) => panic!("data/ is invalid:\n{e}"),
    }
}

fn fixture_registry(name: &str) -> Registry {
    match load::load_as(&fixture(name), "fixture") {
        Ok(r) => r,
        Err(e) => panic!("fixture {name} is invalid:\n{e}"),
    }
}

/// The site's files only, as text.
fn render_site(reg: &Registry) -> BTreeMap<String, String> {
    let mut out = Outputs::default();
    render::site::render(reg, &mut out).expect("the site renders");
    out.files
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8")))
        .collect()
}

/// Every problem with links, anchors and HTML parsing in a rendered site.
fn site_problems(site: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut html_ids: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut html_urls: Vec<(&str, String)> = Vec::new();
    let mut md_anchors: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut md_links: Vec<(&str, String)> = Vec::new();
    for (path, text) in site {
        if path.ends_with(".html") {
            let page = parse_html(text);
            for e in &page.errors {
                problems.push(format!("{path}: HTML parse error: {e}"));
            }
            if page.quirks {
                problems.push(format!("{path}: renders in quirks mode"));
            }
            html_urls.extend(page.urls.iter().map(|u| (path.as_str(), u.clone())));
            html_ids.insert(path, page.ids);
        } else if path.ends_with(".md") {
            let page = parse_markdown(text);
            md_links.extend(page.links.iter().map(|u| (path.as_str(), u.clone())));
            md_anchors.insert(path, page.anchors);
        }
    }
    for (from, url) in &html_urls {
        check_url(site, &html_ids, from, url, ".html", &mut problems);
    }
    for (from, url) in &md_links {
        check_url(site, &md_anchors, from, url, ".md", &mut problems);
    }
    problems
}

fn check_url(
    site: &BTreeMap<String, String>,
    anchors: &BTreeMap<&str, BTreeSet<String>>,
    from: &str,
    url: &str,
    ext: &str,
    problems: &mut Vec<String>,
) {
    if url.starts_with("javascript:") || url.starts_with("//") {
        problems.push(format!("{from}: forbidden URL {url}"));
        return;
    }
    let Some((target, fragment)) = resolve(from, url) else {
        return;
    };
    if !site.contains_key(&target) {
        problems.push(format!(
            "{from}: link to {url} resolves to {target}, which the site does not contain"
        ));
        return;
    }
    if from.ends_with(ext) && target.ends_with(".md") != (ext == ".md") && target.ends_with(".html")
    {
        problems.push(format!(
            "{from}: a Markdown page links to the HTML page {target}"
        ));
    }
    if let Some(f) = fragment {
        let ids = anchors.get(target.as_str());
        if !ids.is_some_and(|ids| ids.contains(&f)) {
            problems.push(format!(
                "{from}: anchor #{f} of {url} does not exist in {target}"
            ));
        }
    }
}

#[test]
fn every_page_parses_and_every_internal_link_and_anchor_resolves() {
    let site = render_site(&real_registry());
    let problems = site_problems(&site);
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn one_page_per_code_and_no_other() {
    let reg = real_registry();
    let site = render_site(&reg);
    let count = |prefix: &str, ext: &str| {
        site.keys()
            .filter(|p| {
                p.starts_with(prefix) && p.ends_with(ext) && !p[prefix.len()..].contains('/')
            })
            .count()
    };
    let enhanced_pages = site
        .keys()
        .filter(|p| p.starts_with("site/enhanced/X.") && p.ends_with(".html"))
        .count();
    let redirects = count("site/enhanced/", ".html") - enhanced_pages;
    assert_eq!(count("site/basic/", ".html"), reg.basic.len());
    assert_eq!(enhanced_pages, reg.enhanced.len());
    assert_eq!(redirects, 3 * reg.enhanced.len());
    assert_eq!(count("site/commands/", ".html"), reg.commands.len());
    assert_eq!(count("site/classes/", ".html"), reg.classes.len());
    assert_eq!(count("site/subjects/", ".html"), reg.subjects.len());
    assert_eq!(count("site/vendors/", ".html"), reg.vendors.len());
    assert_eq!(count("site/markdown/basic/", ".md"), reg.basic.len());
    assert_eq!(count("site/markdown/enhanced/", ".md"), reg.enhanced.len());
    assert_eq!(count("site/markdown/commands/", ".md"), reg.commands.len());
    assert_eq!(count("site/markdown/vendors/", ".md"), reg.vendors.len());
    for b in &reg.basic {
        assert!(
            site.contains_key(&format!("site/basic/{}.html", b.code)),
            "no page for {}",
            b.code
        );
    }
    for e in &reg.enhanced {
        for class in ["X", "2", "4", "5"] {
            let p = format!(
                "site/enhanced/{class}.{}.{}.html",
                e.code.subject, e.code.detail
            );
            assert!(site.contains_key(&p), "missing {p}");
        }
    }
    // Every HTML page has its Markdown twin (redirects and assets aside), and the reverse.
    let html: BTreeSet<String> = site
        .keys()
        .filter(|p| p.ends_with(".html") && !is_redirect(p))
        .map(|p| {
            p.trim_start_matches("site/")
                .trim_end_matches(".html")
                .to_string()
        })
        .collect();
    let md: BTreeSet<String> = site
        .keys()
        .filter(|p| p.ends_with(".md"))
        .map(|p| {
            p.trim_start_matches("site/markdown/")
                .trim_end_matches(".md")
                .to_string()
        })
        .collect();
    assert_eq!(html, md, "HTML and Markdown pages differ");
    // Index, about, and the reasons page (guide/reasons).
    let total = 3
        + reg.basic.len()
        + reg.enhanced.len()
        + reg.commands.len()
        + reg.classes.len()
        + reg.subjects.len()
        + reg.vendors.len()
        + reg.editions.len();
    assert_eq!(
        html.len(),
        total,
        "pages other than index, about, reasons and one per entry (and per edition)"
    );
    // Four assets besides the pages (the style sheet and the search's three scripts), and the
    // feed when there are editions.
    let feed = usize::from(!reg.editions.is_empty());
    assert_eq!(site.len(), 2 * total + 3 * reg.enhanced.len() + 4 + feed);
}

fn is_redirect(path: &str) -> bool {
    path.strip_prefix("site/enhanced/")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn every_file_is_marked_and_ends_cleanly() {
    let site = render_site(&real_registry());
    for (path, text) in &site {
        assert!(
            codegen::outputs::is_marked(text.as_bytes()),
            "{path} lacks the marker"
        );
        assert!(!text.contains('\r'), "{path} has CR line endings");
        assert!(
            text.ends_with('\n') && !text.ends_with("\n\n"),
            "{path} must end in exactly one newline"
        );
        let first = text.lines().next().unwrap();
        let expected = if path.ends_with(".html") || path.ends_with(".md") || path.ends_with(".xml")
        {
            format!("<!-- {MARKER} -->")
        } else if path.ends_with(".css") {
            format!("/* {MARKER} */")
        } else {
            format!("// {MARKER}")
        };
        assert_eq!(first, expected, "{path}: the marker must be the first line");
        if path.ends_with(".html") {
            assert!(
                text.lines().nth(1) == Some("<!DOCTYPE html>"),
                "{path}: the doctype follows the marker"
            );
        }
    }
}

#[test]
fn pages_are_self_contained_and_accessible() {
    let site = render_site(&real_registry());
    for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = parse_html(text);
        // Nothing is loaded from elsewhere: scripts and styles are the site's own.
        for e in &page.elements {
            for attr in ["src", "srcset", "data"] {
                if let Some(v) = e.attr(attr) {
                    assert!(
                        !v.contains(':') && !v.starts_with("//"),
                        "{path}: <{}> loads {v}",
                        e.name
                    );
                }
            }
            if e.name == "link" && e.attr("rel") != Some("canonical") {
                let href = e.attr("href").unwrap_or("");
                assert!(
                    !href.contains(':') && !href.starts_with("//"),
                    "{path}: <link> loads {href}"
                );
            }
            assert!(
                e.name != "img" && e.name != "iframe",
                "{path}: <{}> is not expected",
                e.name
            );
            assert!(
                e.attr("style").is_none(),
                "{path}: inline style on <{}>",
                e.name
            );
        }
        assert!(
            !text.contains("@import") && !text.contains("url("),
            "{path}: CSS loads something"
        );
        let html = page.elements_named("html").next().unwrap();
        assert_eq!(html.attr("lang"), Some("en"), "{path}: lang");
        assert_eq!(page.elements_named("title").count(), 1, "{path}: one title");
        assert_eq!(
            page.elements_named("main").count(),
            1,
            "{path}: one main landmark"
        );
        assert_eq!(page.elements_named("h1").count(), 1, "{path}: one h1");
        // Heading levels never skip one on the way down.
        let mut level = 0;
        for e in &page.elements {
            if let Some(n) = e.name.strip_prefix('h').and_then(|d| d.parse::<u8>().ok()) {
                assert!(
                    n <= level + 1,
                    "{path}: <h{n}> {:?} follows <h{level}>",
                    e.text
                );
                level = n;
            }
        }
        // Every form field has a label.
        let labels: BTreeSet<&str> = page
            .elements_named("label")
            .filter_map(|l| l.attr("for"))
            .collect();
        for input in page.elements_named("input") {
            let id = input.attr("id").unwrap_or("");
            assert!(
                labels.contains(id),
                "{path}: <input id={id:?}> has no label"
            );
        }
        // Tables have captions and column headers.
        for _ in page.elements_named("table") {
            assert!(
                page.elements_named("caption").count() >= 1,
                "{path}: table without caption"
            );
        }
    }
    for asset in ["site/style.css", "site/search.js"] {
        let text = &site[asset];
        assert!(
            !text.contains("http:") && !text.contains("https:"),
            "{asset} refers to another site"
        );
    }
    let css = &site["site/style.css"];
    for needle in [
        "prefers-color-scheme: dark",
        "@media print",
        ":focus-visible",
        "max-width",
    ] {
        assert!(css.contains(needle), "style.css lacks {needle}");
    }
}

#[test]
fn nonstandard_codes_are_marked_wherever_they_are_listed() {
    let reg = real_registry();
    let site = render_site(&reg);
    for b in reg
        .basic
        .iter()
        .filter(|b| b.status == BasicStatus::Nonstandard)
    {
        let page = &site[&format!("site/basic/{}.html", b.code)];
        assert!(
            page.contains("<span class=\"badge\">non-standard"),
            "{}: no badge",
            b.code
        );
        let md = &site[&format!("site/markdown/basic/{}.md", b.code)];
        assert!(
            md.contains("**non-standard"),
            "{}: Markdown not marked",
            b.code
        );
        // In every table row that lists it: a row of its own carries the badge, and a
        // mention in another row's cell is followed by one.
        let link = format!("{}.html\"><code>{}</code></a>", b.code, b.code);
        for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
            for row in text
                .lines()
                .filter(|l| l.starts_with("<tr") && l.contains(&link))
            {
                for (i, _) in row.match_indices(&link) {
                    let own_row = row[..i].matches("<td>").count() == 1;
                    let ok = if own_row {
                        row.contains("class=\"badge\">non-standard")
                    } else {
                        row[i + link.len()..].starts_with(" <span class=\"badge\">non-standard")
                    };
                    assert!(ok, "{path}: {} unmarked in {row}", b.code);
                }
            }
        }
    }
    for code in [101, 111] {
        let page = &site[&format!("site/basic/{code}.html")];
        assert!(
            page.contains("not a server reply"),
            "{code} must say it is no server reply"
        );
    }
}

#[test]
fn redirect_pages_lead_to_the_class_independent_page() {
    let site = render_site(&real_registry());
    let page = parse_html(&site["site/enhanced/5.7.26.html"]);
    let refresh = page
        .elements_named("meta")
        .find(|m| m.attr("http-equiv") == Some("refresh"))
        .unwrap();
    assert_eq!(refresh.attr("content"), Some("0; url=X.7.26.html"));
    let canonical = page
        .elements_named("link")
        .find(|l| l.attr("rel") == Some("canonical"))
        .unwrap();
    assert_eq!(canonical.attr("href"), Some("X.7.26.html"));
    assert!(page
        .elements_named("a")
        .any(|a| a.attr("href") == Some("X.7.26.html")));
    let page = &site["site/enhanced/4.1.1.html"];
    assert!(
        page.contains("does not use it with"),
        "4.1.1 must say X.1.1 is permanent-only"
    );
}

#[test]
fn code_pages_answer_first_and_name_the_code_in_code() {
    let site = render_site(&real_registry());
    let x726 = &site["site/enhanced/X.7.26.html"];
    let answer = x726.find("id=\"in-short\"").expect("an answer box");
    assert!(
        answer < x726.find("id=\"forms-h\"").unwrap(),
        "the answer box comes first"
    );
    for needle in [
        "KnownEnhancedCode::MultipleAuthenticationChecksFailed",
        "EnhancedCode::PERMANENT_MULTIPLE_AUTHENTICATION_CHECKS_FAILED",
        "SMTP_ENHANCED_MULTIPLE_AUTHENTICATION_CHECKS_FAILED_SUBJECT",
        "SMTP_ENHANCED_MULTIPLE_AUTHENTICATION_CHECKS_FAILED_DETAIL",
        // The registered sample text, shown as such (real wordings: site_code_links.rs).
        "<pre><code>5.7.26 Multiple authentication checks failed\n",
        "https://www.rfc-editor.org/rfc/rfc7372.html#section-3.4",
        "href=\"../basic/550.html\"",
    ] {
        assert!(x726.contains(needle), "X.7.26 lacks {needle}");
    }
    let b550 = &site["site/basic/550.html"];
    for needle in [
        "ReplyCode::MAILBOX_UNAVAILABLE",
        "KnownReplyCode::MailboxUnavailable",
        "SMTP_REPLY_MAILBOX_UNAVAILABLE",
        "href=\"../enhanced/X.7.26.html\"",
        "href=\"../commands/RCPT.html\"",
    ] {
        assert!(b550.contains(needle), "550 lacks {needle}");
    }
    // 3xx replies carry no enhanced code in their examples.
    let b354 = &site["site/basic/354.html"];
    let examples =
        &b354[b354.find("id=\"examples\"").unwrap()..b354.find("id=\"in-code\"").unwrap()];
    assert!(
        !examples.contains("354 2.") && !examples.contains("354-"),
        "{examples}"
    );
    // A deprecated code points to its replacement, which points back.
    let x610 = &site["site/enhanced/X.6.10.html"];
    assert!(x610.contains("Deprecated: use X.6.8 instead."));
    assert!(x610.contains("href=\"../enhanced/X.6.8.html\""));
    assert!(site["site/enhanced/X.6.8.html"].contains("href=\"../enhanced/X.6.10.html\""));
}

#[test]
fn hostile_strings_come_out_escaped() {
    let reg = fixture_registry("hostile");
    let site = render_site(&reg);
    let problems = site_problems(&site);
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    let x11 = &site["site/enhanced/X.1.1.html"];
    assert!(
        x11.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "script tags must be text"
    );
    assert!(x11.contains("&lt;b&gt;bold?&lt;/b&gt;"), "<b> must be text");
    assert!(x11.contains("中文 😀"), "non-ASCII text is kept");
    assert!(
        x11.contains("Bad &#34;destination&#34; &#60;/title&#62;"),
        "the sample text is escaped"
    );
    assert!(!x11.contains("</title> */"), "the sample text is escaped");
    for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            !text.contains("<script>alert"),
            "{path}: a planted script tag got through"
        );
        assert!(
            !text.contains("<b>bold"),
            "{path}: planted markup got through"
        );
        assert!(
            !text.contains("href=\"javascript:"),
            "{path}: a javascript: link got through"
        );
        // Our own script tag (the search box's) is the only one, on every page but redirects.
        let scripts = text.matches("<script").count();
        assert_eq!(
            scripts,
            usize::from(!is_redirect(path)),
            "{path}: script tags"
        );
    }
    // The search's data is one JSON value assigned to a global: the planted strings stay
    // strings.
    let json = site["site/search-data.js"]
        .lines()
        .find_map(|l| l.strip_prefix("var SMTP_CODES_DATA = "))
        .and_then(|l| l.strip_suffix(';'))
        .expect("one assignment line");
    let value: serde_json::Value = serde_json::from_str(json).expect("the data is JSON");
    assert!(
        value.to_string().contains("<script>alert"),
        "the planted strings reach the search's data, as data"
    );
    // Markdown pages: no raw HTML but our own marker and <details> (code blocks may quote the
    // data verbatim: a forge shows them as text).
    for (path, text) in site.iter().filter(|(p, _)| p.ends_with(".md")) {
        for h in parse_markdown(text).html {
            let ours = h.starts_with("<!-- @generated")
                || h.trim()
                    .trim_start_matches('<')
                    .trim_start_matches('/')
                    .starts_with("details")
                || h.trim()
                    .trim_start_matches('<')
                    .trim_start_matches('/')
                    .starts_with("summary");
            assert!(ours, "{path}: raw HTML {h:?}");
        }
    }
    // Markdown pages: raw HTML from the data is shown as text by a forge.
    let md = &site["site/markdown/enhanced/X.1.1.md"];
    assert!(
        md.contains("&lt;/script>&lt;script>alert(1)&lt;/script>"),
        "{md}"
    );
    assert!(md.contains("&lt;b>bold?&lt;/b>"), "{md}");
    // Very long strings survive whole.
    let long = &reg
        .enhanced
        .iter()
        .find(|e| e.code.detail == 2 && e.code.subject == 1)
        .unwrap()
        .description;
    assert!(long.len() > 3000);
    let tail: String = long
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        site["site/enhanced/X.1.2.html"].contains(tail.trim()),
        "the long description is cut"
    );
}

#[test]
fn empty_vendor_and_troubleshooting_data_still_make_a_whole_site() {
    let mut reg = fixture_registry("small");
    assert!(
        !reg.vendors.is_empty() && !reg.troubleshooting.is_empty(),
        "the fixture has both"
    );
    let full = render_site(&reg);
    assert!(full.keys().any(|p| p.starts_with("site/vendors/")));
    assert!(full.values().any(|t| t.contains("id=\"troubleshooting\"")));
    assert!(full.values().any(|t| t.contains("id=\"seen-in-the-wild\"")));
    let problems = site_problems(&full);
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    reg.vendors.clear();
    reg.troubleshooting.clear();
    let bare = render_site(&reg);
    assert!(!bare.keys().any(|p| p.contains("/vendors/")));
    assert!(!bare.values().any(|t| t.contains("id=\"troubleshooting\"")));
    assert!(!bare.values().any(|t| t.contains("## Troubleshooting")));
    let problems = site_problems(&bare);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rendering_is_deterministic() {
    let reg = real_registry();
    assert_eq!(render_site(&reg), render_site(&reg));
}

#[test]
fn every_vendor_entry_renders_on_its_vendor_page_and_its_code_page() {
    let reg = real_registry();
    let site = render_site(&reg);
    // The text a reader sees on a page (codes in it may be links; entities decoded).
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut text_of = |path: &str| -> String {
        texts
            .entry(path.to_string())
            .or_insert_with(|| {
                let page = parse_html(&site[path]);
                let body = page.elements_named("body").next().expect("a body");
                body.text.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .clone()
    };
    let mut checked = 0;
    for v in &reg.vendors {
        let vendor_page = text_of(&format!("site/vendors/{}.html", v.vendor));
        for e in &v.entries {
            // The meaning is Markdown-free prose; compare its first words.
            let needle: String = e
                .meaning
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                vendor_page.contains(&needle),
                "{} entry {:?} missing from its vendor page",
                v.vendor,
                needle
            );
            let code_page = match e.refines {
                CodeRef::Enhanced(k) => format!("site/enhanced/{k}.html"),
                CodeRef::Basic(b) => format!("site/basic/{b}.html"),
            };
            assert!(
                text_of(&code_page).contains(&needle),
                "{} entry {:?} missing from {code_page}",
                v.vendor,
                needle
            );
            checked += 1;
        }
    }
    assert!(checked >= 60, "{checked} vendor entries");
}

#[test]
fn canonical_links_are_absolute_only_when_the_site_url_is_known() {
    let mut reg = fixture_registry("small");
    reg.meta.site_url = None;
    let site = render_site(&reg);
    let x11 = parse_html(&site["site/enhanced/X.1.1.html"]);
    assert!(!x11
        .elements_named("link")
        .any(|l| l.attr("rel") == Some("canonical")));
    let redirect = parse_html(&site["site/enhanced/5.1.1.html"]);
    let canonical = |p: &site_support::HtmlPage| {
        p.elements_named("link")
            .find(|l| l.attr("rel") == Some("canonical"))
            .and_then(|l| l.attr("href").map(String::from))
    };
    assert_eq!(canonical(&redirect).as_deref(), Some("X.1.1.html"));

    reg.meta.site_url = Some("https://codes.example.org/smtp/".into());
    let site = render_site(&reg);
    let x11 = parse_html(&site["site/enhanced/X.1.1.html"]);
    assert_eq!(
        canonical(&x11).as_deref(),
        Some("https://codes.example.org/smtp/enhanced/X.1.1.html")
    );
    let redirect = parse_html(&site["site/enhanced/5.1.1.html"]);
    assert_eq!(
        canonical(&redirect).as_deref(),
        Some("https://codes.example.org/smtp/enhanced/X.1.1.html")
    );
    // Links stay relative all the same.
    let problems = site_problems(&site);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    for (path, text) in &site {
        assert!(
            !text.contains("href=\"/") && !text.contains("](/"),
            "{path}: a root-relative link breaks hosting at a sub-path"
        );
    }
}
