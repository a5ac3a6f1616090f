//! The site read by a person holding a bounce: a code page answers first (meaning, what to do,
//! retry, whose side), shows real provider wordings with their sources, then a table of
//! contents; vendor variants sit in tables grouped by provider that link to the vendor's
//! entries; vendor pages open with an index and give every entry an anchor; the words are for
//! people (no internal identifiers, no repeated or garbled phrases); every page links to the
//! source and to a way of reporting a mistake; nothing scrolls sideways without keyboard access.

mod site_support;

use std::collections::BTreeMap;

use codegen::model::Registry;
use codegen::outputs::Outputs;
use codegen::{load, render};
use site_support::{parse_html, parse_markdown};

fn real_registry() -> Registry {
    match load::load(&codegen::project_root().join("data")) {
        Ok(r) => r,
        Err(e) => panic!("data/ is invalid:\n{e}"),
    }
}

fn render_site(reg: &Registry) -> BTreeMap<String, String> {
    let mut out = Outputs::default();
    render::site::render(reg, &mut out).expect("the site renders");
    out.files
        .into_iter()
        .map(|(p, b)| (p, String::from_utf8(b).expect("UTF-8")))
        .collect()
}

fn site() -> &'static BTreeMap<String, String> {
    static SITE: std::sync::OnceLock<BTreeMap<String, String>> = std::sync::OnceLock::new();
    SITE.get_or_init(|| render_site(&real_registry()))
}

/// The position of `needle` in `page`, or a failure naming both.
fn at(page: &str, path: &str, needle: &str) -> usize {
    page.find(needle)
        .unwrap_or_else(|| panic!("{path} lacks {needle:?}"))
}

#[test]
fn a_code_page_answers_first_then_real_wordings_then_its_contents() {
    for path in [
        "site/basic/550.html",
        "site/basic/421.html",
        "site/enhanced/X.7.26.html",
        "site/enhanced/X.1.1.html",
    ] {
        let page = &site()[path];
        // The answer box in the order a person needs it.
        let order = [
            "id=\"in-short\"",
            "<dt>Meaning</dt>",
            "<dt>What to do</dt>",
            "<dt>Retry?</dt>",
            "<dt>Whose side</dt>",
            "id=\"wordings\"",
            "class=\"toc\"",
            "id=\"troubleshooting\"",
            "id=\"seen-in-the-wild\"",
            "id=\"description\"",
            "id=\"examples\"",
        ];
        let mut last = 0;
        for needle in order {
            let i = at(page, path, needle);
            assert!(i > last, "{path}: {needle} comes too early");
            last = i;
        }
        // The troubleshooting section does not repeat the answer's meaning.
        let trouble = &page[at(page, path, "id=\"troubleshooting\"")..];
        let trouble = &trouble[..trouble.find("</section>").unwrap()];
        let meaning_start =
            at(page, path, "<dt>Meaning</dt>\n<dd>") + "<dt>Meaning</dt>\n<dd>".len();
        let meaning: String = page[meaning_start..].chars().take(60).collect();
        assert!(!trouble.contains(&meaning), "{path}: {meaning:?} repeated");
        // Every section in the table of contents exists.
        let doc = parse_html(page);
        let toc = doc
            .elements
            .iter()
            .skip_while(|e| e.attr("class") != Some("toc"))
            .take_while(|e| e.attr("id") != Some("troubleshooting"))
            .filter_map(|e| e.attr("href").and_then(|h| h.strip_prefix('#')))
            .collect::<Vec<_>>();
        assert!(toc.len() >= 6, "{path}: {toc:?}");
        for id in toc {
            assert!(
                doc.ids.contains(id),
                "{path}: #{id} in the contents is missing"
            );
        }
    }
}

#[test]
fn real_wordings_come_from_the_vendor_data_with_their_source() {
    let reg = real_registry();
    let page = &site()["site/basic/550.html"];
    let start = at(page, "550", "id=\"wordings\"");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    let items = section.matches("<li>").count();
    assert_eq!(items, 3, "{section}");
    assert_eq!(section.matches("source: <a href=\"https://").count(), 3);
    // Each quoted wording is a vendor entry's pattern or token for 550.
    let patterns: Vec<String> = reg
        .vendors
        .iter()
        .flat_map(|v| &v.entries)
        .filter(|e| e.basic == Some(550))
        .flat_map(|e| e.pattern.iter().chain(e.token.iter()).cloned())
        .map(|p| p.replace('\'', "&#39;").replace('"', "&#34;"))
        .collect();
    let quoted = patterns
        .iter()
        .filter(|p| section.contains(&format!("<q><code>{p}</code></q>")))
        .count();
    assert_eq!(quoted, 3, "{section}");
}

#[test]
fn vendor_variants_are_tables_by_provider_linking_to_the_vendor_entries() {
    let reg = real_registry();
    let page = &site()["site/basic/550.html"];
    assert!(
        !page.contains("class=\"variant\""),
        "no cards on a code page"
    );
    for v in &reg.vendors {
        if v.entries.iter().any(|e| e.basic == Some(550)) {
            assert!(
                page.contains(&format!(
                    "<details class=\"provider\" id=\"seen-{}\"",
                    v.vendor
                )),
                "550 lacks the group of {}",
                v.vendor
            );
        }
    }
    // Every row links to an anchor that its vendor page has (the site test checks every
    // anchor resolves; here, that the links are there).
    let rows = page.matches("<a href=\"../vendors/").count();
    assert!(rows >= 84, "{rows} links to vendor entries");
}

#[test]
fn vendor_pages_open_with_an_index_and_give_every_entry_a_stable_anchor() {
    let reg = real_registry();
    for v in &reg.vendors {
        let path = format!("site/vendors/{}.html", v.vendor);
        let page = &site()[&path];
        let doc = parse_html(page);
        let anchors = v.anchors();
        assert_eq!(anchors.len(), v.entries.len());
        let index = at(page, &path, "id=\"index\"");
        let first_entry = at(page, &path, "class=\"variant\"");
        assert!(index < first_entry, "{path}: the index comes first");
        for a in &anchors {
            assert!(doc.ids.contains(a), "{path}: no entry #{a}");
            assert!(
                page[index..first_entry].contains(&format!("href=\"#{a}\"")),
                "{path}: the index lacks #{a}"
            );
        }
        let unique: std::collections::BTreeSet<_> = anchors.iter().collect();
        assert_eq!(unique.len(), anchors.len(), "{path}: anchors repeat");
    }
    // The anchor is made from the codes and the distinguishing text, not from a position.
    let gmail = reg
        .vendors
        .iter()
        .find(|v| v.vendor == "google-gmail")
        .unwrap();
    let anchors = gmail.anchors();
    let i = gmail
        .entries
        .iter()
        .position(|e| e.pattern.as_deref() == Some("Peak SMTP relay limit exceeded"))
        .unwrap();
    assert_eq!(anchors[i], "450-4-2-1-peak-smtp-relay-limit-exceeded");
}

#[test]
fn no_heading_is_empty_and_every_scrollable_region_takes_the_keyboard() {
    for (path, text) in site().iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = parse_html(text);
        for e in &doc.elements {
            if matches!(e.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                let words = e.text.trim().trim_end_matches(':').trim();
                assert!(!words.is_empty(), "{path}: empty <{}>", e.name);
                assert!(!e.text.contains("``"), "{path}: {:?}", e.text);
            }
            if e.attr("class") == Some("table-wrap") {
                assert_eq!(e.attr("tabindex"), Some("0"), "{path}: table-wrap tabindex");
                assert_eq!(e.attr("role"), Some("region"), "{path}: table-wrap role");
                assert!(
                    e.attr("aria-label").is_some() || e.attr("aria-labelledby").is_some(),
                    "{path}: table-wrap without a name"
                );
            }
        }
    }
    // Example lines wrap instead of scrolling sideways.
    let css = &site()["site/style.css"];
    assert!(css.contains("white-space: pre-wrap"), "pre blocks wrap");
    assert!(!css.contains("pre { background: var(--code-bg); padding: 0.75rem 1rem; overflow-x"));
}

#[test]
fn words_are_for_people() {
    let reg = real_registry();
    let ids: Vec<&str> = reg
        .classifier
        .reasons
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| id.contains('_'))
        .collect();
    assert!(!ids.is_empty());
    for (path, text) in site().iter() {
        if !(path.ends_with(".html") || path.ends_with(".md")) {
            continue;
        }
        for bad in [
            "soft bounce when the reply is permanent",
            "No, not unchanged",
            "RCPT RCPT",
            "MAIL MAIL",
            "keep basic: null",
            "basic: null",
        ] {
            assert!(!text.contains(bad), "{path} says {bad:?}");
        }
        // Reason identifiers appear only in the JSON entry (meant to be copied), never in prose.
        let prose = match text.find("JSON entry in") {
            Some(i) => &text[..i],
            None => text,
        };
        for id in &ids {
            assert!(
                !prose.contains(&format!("({id})")) && !prose.contains(&format!("<dd>{id}</dd>")),
                "{path} shows the identifier {id}"
            );
        }
    }
    assert!(site()["site/commands/RCPT.html"].contains("<h1><code>RCPT TO</code></h1>"));
}

#[test]
fn whose_side_on_a_reply_page_follows_the_enhanced_codes() {
    let page = &site()["site/basic/550.html"];
    let start = at(page, "550", "<dt>Whose side</dt>");
    let side = &page[start..start + page[start..].find("</dd>").unwrap()];
    assert!(side.contains("It depends on the enhanced code"), "{side}");
    assert!(side.contains("the sender&#39;s side for"), "{side}");
    assert!(side.contains("href=\"../enhanced/X.7.26.html\""), "{side}");
    assert!(side.contains("href=\"../enhanced/X.1.1.html\""), "{side}");
    // The enhanced page says the same side as the reply page puts it under.
    let x726 = &site()["site/enhanced/X.7.26.html"];
    assert!(x726.contains("<dt>Whose side</dt>\n<dd>The sender&#39;s side"));
}

#[test]
fn codes_named_in_the_text_are_linked_and_related_codes_are_listed() {
    for (code, key) in [
        (510, "X.1.0"),
        (511, "X.1.1"),
        (541, "X.4.1"),
        (571, "X.7.1"),
    ] {
        let path = format!("site/basic/{code}.html");
        let page = &site()[&path];
        let start = at(page, &path, "<dt>See also</dt>");
        let answer_end = {
            let box_start = at(page, &path, "id=\"in-short\"");
            box_start + page[box_start..].find("</section>").unwrap()
        };
        assert!(start < answer_end, "{path}: see also sits in the answer");
        assert!(
            page[start..].contains(&format!("href=\"../enhanced/{key}.html\"")),
            "{path}: {key} is not linked"
        );
    }
    // Codes for the same problem point to each other.
    let x22 = &site()["site/enhanced/X.2.2.html"];
    assert!(x22.contains("<dt>See also</dt>"));
}

#[test]
fn every_page_links_to_the_source_and_to_reporting_a_mistake() {
    let reg = real_registry();
    let repo = reg
        .meta
        .repository
        .as_deref()
        .expect("data/registry.yaml names it");
    // The same URL as the workspace's Cargo.toml, so that the two cannot drift.
    let cargo = std::fs::read_to_string(codegen::project_root().join("Cargo.toml")).unwrap();
    assert!(
        cargo.contains(&format!("repository = \"{repo}\"")),
        "registry.yaml's repository differs from Cargo.toml's"
    );
    for (path, text) in site().iter() {
        let is_page = (path.ends_with(".html") && !text.contains("http-equiv=\"refresh\""))
            || path.ends_with(".md");
        if !is_page {
            continue;
        }
        assert!(
            text.contains(&format!("{repo})")) || text.contains(&format!("href=\"{repo}\"")),
            "{path}: no source link"
        );
        assert!(
            text.contains(&format!("{repo}/issues/new?title=Mistake%20on%20")),
            "{path}: no way to report a mistake"
        );
    }
}

#[test]
fn the_home_page_lists_the_most_common_bounces() {
    let page = &site()["site/index.html"];
    let start = at(page, "index", "id=\"common\"");
    let section = &page[start..start + page[start..].find("</section>").unwrap()];
    assert_eq!(section.matches("<li>").count(), 8, "{section}");
    assert!(section.contains("href=\"basic/550.html\""));
    // Both kinds of code are among the most documented failures.
    assert!(section.contains("href=\"enhanced/X."));
    assert!(at(page, "index", "id=\"common\"") < at(page, "index", "id=\"reading\""));
}

#[test]
fn the_markdown_twin_has_the_same_parts() {
    let md = parse_markdown(&site()["site/markdown/basic/550.md"]);
    let h2: Vec<&str> = md
        .headings
        .iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, t)| t.as_str())
        .collect();
    let html = parse_html(&site()["site/basic/550.html"]);
    let html_h2: Vec<&str> = html.elements_named("h2").map(|e| e.text.trim()).collect();
    assert_eq!(h2, html_h2, "the two flavors have the same sections");
    let vendor = &site()["site/markdown/vendors/google-gmail.md"];
    assert!(vendor.contains("## Index of its"));
}
