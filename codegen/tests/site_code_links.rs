//! Codes named in the site's prose link to their pages, in both flavors alike, and only where
//! they should: never to the page itself, never a number that is no code (`section 4.2.2`,
//! `550 KB`, `port 587`, a range whose codes mean different things). And the example replies
//! on a code page are real: a line with an enhanced code is either a provider's documented
//! words, linked to its vendor entry, or the registered texts, labelled as such; never one
//! code's text after another code.
//! (That every link resolves, anchor included, is `site.rs`'s link check.)

mod site_support;

use std::collections::BTreeMap;

use codegen::model::{EnhancedKey, Registry};
use codegen::outputs::Outputs;
use codegen::{load, render};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use site_support::{parse_html, resolve};

fn real_registry() -> &'static Registry {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REG.get_or_init(|| match load::load(&codegen::project_root().join("data")) {
        Ok(r) => r,
        Err(e) => panic!("data/ is invalid:\n{e}"),
    })
}

fn site() -> &'static BTreeMap<String, String> {
    static SITE: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let mut out = Outputs::default();
        render::site::render(real_registry(), &mut out).expect("the site renders");
        out.files
            .into_iter()
            .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8")))
            .collect()
    })
}

/// Does the link text look like a code (`550`, `5.1.1`, `X.7.26`, `4.7.500-699`)?
fn is_code_text(t: &str) -> bool {
    let t = t.trim();
    let reply = t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit());
    let enhanced = t.len() >= 5
        && matches!(t.as_bytes()[0], b'2' | b'4' | b'5' | b'X')
        && t.as_bytes()[1] == b'.'
        && t[2..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    reply || enhanced
}

/// A link to a code page or vendor entry whose text is a code: (target page without the
/// flavor's extension, fragment, text).
type CodeLink = (String, Option<String>, String);

fn html_code_links(path: &str, text: &str) -> Vec<CodeLink> {
    parse_html(text)
        .elements_named("a")
        .filter(|a| is_code_text(&a.text))
        .filter_map(|a| {
            let (target, fragment) = resolve(path, a.attr("href")?)?;
            let target = target.strip_suffix(".html")?.strip_prefix("site/")?;
            Some((target.to_string(), fragment, a.text.trim().to_string()))
        })
        .collect()
}

fn md_code_links(path: &str, text: &str) -> Vec<CodeLink> {
    let mut out = Vec::new();
    let mut open: Option<(String, String)> = None;
    for ev in Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open = Some((dest_url.to_string(), String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, s)) = open.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Link) => {
                let Some((href, t)) = open.take() else {
                    continue;
                };
                if !is_code_text(&t) {
                    continue;
                }
                if let Some((target, fragment)) = resolve(path, &href) {
                    if let Some(target) = target
                        .strip_suffix(".md")
                        .and_then(|t| t.strip_prefix("site/markdown/"))
                    {
                        out.push((target.to_string(), fragment, t.trim().to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Every page of both flavors (no redirects), by page path without extension.
fn pages() -> Vec<(String, &'static str, &'static str)> {
    site()
        .iter()
        .filter_map(|(path, html)| {
            let page = path.strip_prefix("site/")?.strip_suffix(".html")?;
            if html.contains("http-equiv=\"refresh\"") {
                return None;
            }
            let md = site().get(&format!("site/markdown/{page}.md"))?;
            Some((page.to_string(), html.as_str(), md.as_str()))
        })
        .collect()
}

fn enhanced_key(text: &str) -> Option<EnhancedKey> {
    let mut parts = text.split('-').next()?.split('.');
    let _class = parts.next()?;
    Some(EnhancedKey {
        subject: parts.next()?.parse().ok()?,
        detail: parts.next()?.parse().ok()?,
    })
}

#[test]
fn codes_named_in_prose_are_linked_in_both_flavors() {
    let s = site();
    // 511's description names the reply normally sent instead, 550 5.1.1; 511 itself is this
    // page and the ranges of numbers (510-518) are no codes.
    let p511 = &s["site/basic/511.html"];
    let description = &p511[p511.find("id=\"description\"").unwrap()..];
    for link in [
        "<a href=\"../enhanced/X.1.1.html\">5.1.1</a>",
        "<a href=\"../basic/550.html\">550</a>",
        "<a href=\"../basic/521.html\">521</a>",
    ] {
        assert!(description.contains(link), "511 lacks {link}");
    }
    assert!(!p511.contains("href=\"511.html\""));
    assert!(description.contains(" 510-518, "));
    let md511 = &s["site/markdown/basic/511.md"];
    assert!(md511.contains("[550](../basic/550.md) [5.1.1](../enhanced/X.1.1.md)"));
    // Notes, vendor meanings and troubleshooting items alike; a code span that is just a code
    // links too, one that quotes more does not.
    let x69 = &s["site/enhanced/X.6.9.html"];
    assert!(x69.contains("reply code <a href=\"../basic/554.html\">554</a>"));
    assert!(x69.contains("(with <code>X.6.9</code>)"), "not to itself");
    // A code only one vendor documents leads to its entry there.
    let x71 = &s["site/enhanced/X.7.1.html"];
    assert!(x71.contains(
        "(variant of <a href=\"../vendors/microsoft-outlook-com.html#451-4-7-650\">4.7.650</a>)"
    ));
    let x46 = &s["site/enhanced/X.4.6.html"];
    assert!(x46.contains(">5.4.14</a>"), "Exchange's 5.4.14 is linked");
}

#[test]
fn no_code_link_leads_to_its_own_page_or_mistakes_a_number_for_a_code() {
    let reg = real_registry();
    let mut problems = Vec::new();
    let mut links = 0;
    for (page, html, md) in pages() {
        for (flavor, list) in [
            ("html", html_code_links(&format!("site/{page}.html"), html)),
            ("md", md_code_links(&format!("site/markdown/{page}.md"), md)),
        ] {
            for (target, _, text) in list {
                links += 1;
                if target == page {
                    problems.push(format!("{page}.{flavor}: {text} links to the page itself"));
                }
                let right = if let Some(code) = target.strip_prefix("basic/") {
                    code == text
                } else if let Some(key) = target.strip_prefix("enhanced/") {
                    enhanced_key(&text).is_some_and(|k| k.to_string() == key)
                } else if target.starts_with("vendors/") {
                    // Only codes the registry does not hold lead to a vendor's entry.
                    enhanced_key(&text).is_some_and(|k| reg.enhanced(k).is_none())
                } else {
                    true
                };
                if !right {
                    problems.push(format!("{page}.{flavor}: {text} links to {target}"));
                }
            }
        }
        // What is never a code, wherever it stands in the HTML source.
        for bad in [
            "section <a href",
            "Section <a href",
            "sections <a href",
            "RFC <a href",
            "port <a href",
            "Microsoft <a href",
        ] {
            if html.contains(bad) {
                problems.push(format!("{page}.html: a code link after {bad:?}"));
            }
        }
        for unit in [
            " KB",
            " MB",
            " characters",
            " recipients",
            " or fewer",
            " seconds",
        ] {
            if html.contains(&format!("</a>{unit}")) {
                problems.push(format!("{page}.html: a code link before {unit:?}"));
            }
        }
    }
    assert!(links > 1000, "only {links} code links in the whole site");
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    // A vendor's range whose first code is registered spans codes of different meanings:
    // Gmail's description names two such ranges, and neither is a link.
    let gmail = &site()["site/vendors/google-gmail.html"];
    assert!(gmail.contains("4.7.23-4.7.40 and 5.7.23-5.7.40"));
}

#[test]
fn the_markdown_twin_links_the_same_codes() {
    let mut differ = Vec::new();
    for (page, html, md) in pages() {
        let norm = |list: Vec<CodeLink>| {
            let mut v: Vec<(String, String)> = list.into_iter().map(|(t, _, x)| (t, x)).collect();
            v.sort();
            v
        };
        let h = norm(html_code_links(&format!("site/{page}.html"), html));
        let m = norm(md_code_links(&format!("site/markdown/{page}.md"), md));
        if h != m {
            differ.push(format!("{page}: HTML {h:?}\n  Markdown {m:?}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// The figures of a page's example replies: (caption HTML, lines as text).
fn example_figures(page: &str) -> Vec<(String, Vec<String>)> {
    let start = page
        .find("<section id=\"examples\"")
        .expect("an examples section");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    section
        .split("<figure>")
        .skip(1)
        .map(|fig| {
            let caption = fig
                .split("<figcaption>")
                .nth(1)
                .and_then(|c| c.split("</figcaption>").next())
                .unwrap_or("")
                .to_string();
            let code = fig
                .split("<pre><code>")
                .nth(1)
                .and_then(|c| c.split("</code></pre>").next())
                .unwrap_or("");
            let lines = code
                .replace("&#39;", "'")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .lines()
                .map(str::to_string)
                .collect();
            (caption, lines)
        })
        .collect()
}

#[test]
fn example_replies_are_providers_words_or_the_registered_texts() {
    let reg = real_registry();
    // Each vendor entry by its page and anchor.
    let mut entries = BTreeMap::new();
    for v in &reg.vendors {
        for (e, anchor) in v.entries.iter().zip(v.anchors()) {
            entries.insert(format!("../vendors/{}.html#{anchor}", v.vendor), e);
        }
    }
    let mut real = 0;
    let mut problems = Vec::new();
    for (page, html, _) in pages() {
        if !page.starts_with("basic/") && !page.starts_with("enhanced/") {
            continue;
        }
        let figures = example_figures(html);
        for (caption, lines) in &figures {
            for line in lines {
                // `550 5.7.26 words`, also after a DSN's `Diagnostic-Code: smtp; `.
                let reply = line.strip_prefix("Diagnostic-Code: smtp; ").unwrap_or(line);
                let mut parts = reply.splitn(3, ' ');
                let (Some(code), Some(enhanced), Some(words)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    continue;
                };
                let Some(key) = enhanced_key(enhanced).filter(|_| code.len() == 3) else {
                    continue;
                };
                // A DSN repeats a reply shown above it: that one's caption says what it is.
                let caption = match line.starts_with("Diagnostic-Code: ") {
                    true => figures
                        .iter()
                        .find(|(_, l)| l.iter().any(|l| l == reply))
                        .map_or(caption, |(c, _)| c),
                    false => caption,
                };
                let quoted = caption
                    .split("<a href=\"")
                    .nth(1)
                    .and_then(|h| h.split('"').next());
                let ok = match quoted {
                    Some(h) => entries.get(h).is_some_and(|e| {
                        real += 1;
                        e.pattern.as_deref().map(str::trim) == Some(words)
                            && e.basic.map(|b| b.to_string()).as_deref() == Some(code)
                            && e.enhanced.map(|x| x.to_string()).as_deref() == Some(enhanced)
                    }),
                    None => {
                        // The registered sample text of the enhanced code, labelled so.
                        let registered = reg.enhanced(key).is_some_and(|e| e.sample_text == words);
                        registered && caption.contains("registered")
                    }
                };
                if !ok {
                    problems.push(format!("{page}: {line:?} under {caption:?}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} made-up example(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(real > 50, "only {real} example lines quote a provider");
    // The page the issue found a made-up reply on.
    let x726 = &site()["site/enhanced/X.7.26.html"];
    assert!(!x726.contains("5.7.26 Requested action not taken"));
    assert!(x726.contains("in the words documented by <a href=\"../vendors/google-gmail.html#"));
}
