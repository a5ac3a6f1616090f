//! The "Adding a code" path of README.md and CONTRIBUTING.md, walked end to end on a copy of
//! the small fixture registry, with the real `cargo codegen` binary: IANA registers a code,
//! `iana-import` brings it in, validation refuses it until its description is written, the
//! generator puts it in every output, and the checks the tests run pass. Then a reply code is
//! added the same way, with one edit.

mod common;
use common::{codegen, text};

use std::fs;
use std::path::{Path, PathBuf};

use codegen::model::Registry;

fn scratch(name: &str) -> PathBuf {
    common::scratch("add", name)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// An IANA registry XML saying exactly what `reg` records, dated `updated`, with `extra`
/// records appended to the enumerated codes.
fn iana_xml(reg: &Registry, updated: &str, extra: &str) -> String {
    let rec = |code: &str,
               tag: &str,
               title: &str,
               basic: Option<&str>,
               i: &codegen::model::IanaRecord| {
        let mut s = String::from("<record");
        if let Some(d) = &i.date {
            s += &format!(" date=\"{}\"", d.0);
        }
        if let Some(u) = &i.updated {
            s += &format!(" updated=\"{}\"", u.0);
        }
        s += &format!("><code>{code}</code><{tag}>{}</{tag}>", esc(title));
        if let Some(b) = basic {
            s += &format!("<basic_code>{}</basic_code>", esc(b));
        }
        s += &format!(
            "<description>{}</description><reference>{}</reference><submitter>{}</submitter><change_controller>{}</change_controller></record>\n",
            esc(&i.description),
            esc(&i.reference),
            esc(&i.submitter),
            esc(&i.change_controller)
        );
        s
    };
    let mut x = format!("<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"smtp-enhanced-status-codes\">\n<updated>{updated}</updated>\n<registry id=\"smtp-enhanced-status-codes-1\">\n");
    for c in &reg.classes {
        x += &rec(
            &format!("{}.XXX.YYY", c.class),
            "summary",
            &c.title,
            None,
            &c.iana,
        );
    }
    x += "</registry>\n<registry id=\"smtp-enhanced-status-codes-2\">\n";
    for s in &reg.subjects {
        x += &rec(
            &format!("X.{}.YYY", s.subject),
            "summary",
            &s.title,
            None,
            &s.iana,
        );
    }
    x += "</registry>\n<registry id=\"smtp-enhanced-status-codes-3\">\n";
    for e in &reg.enhanced {
        x += &rec(
            &e.code.to_string(),
            "sample",
            &e.sample_text,
            Some(&e.basic_codes.iana),
            &e.iana,
        );
    }
    x += extra;
    x += "</registry>\n</registry>\n";
    x
}

const NEW_RECORD: &str = r#"<record date="2027-01-15"><code>X.1.9</code><sample>Hypothetical "example" refusal</sample><basic_code>550</basic_code><description>This status code is returned when a hypothetical
   condition holds.</description><reference><xref type="rfc" data="rfc9999"/>, Section 4.1 (Standards Track)</reference><submitter>A. Person</submitter><change_controller>IESG</change_controller></record>
"#;

/// The generated files that lack the new enhanced code X.1.9 (by its code or its name).
fn outputs_lacking_x_1_9(root: &Path) -> Vec<String> {
    [
        ("generated/rust/src/tables/known.rs", "X.1.9"),
        (
            "generated/rust/src/tables/info.rs",
            "HypotheticalExampleRefusal",
        ),
        ("generated/c/smtp_codes.h", "X.1.9"),
        ("generated/json/smtp-codes.json", "X.1.9"),
    ]
    .iter()
    .filter(|(p, needle)| !fs::read_to_string(root.join(p)).unwrap().contains(needle))
    .map(|(p, _)| p.to_string())
    .collect()
}

#[test]
fn adding_a_registered_code_and_a_reply_code() {
    let root = scratch("walk");
    let reg = codegen::load::load_as(&root.join("data"), "data").unwrap();
    // The project as it stands: generated, fresh, no drift from its snapshot.
    fs::create_dir_all(root.join("data/iana")).unwrap();
    fs::write(
        root.join("data/iana/smtp-enhanced-status-codes.xml"),
        iana_xml(&reg, &reg.meta.iana_updated.0, ""),
    )
    .unwrap();
    let g = codegen(&root, &[]);
    assert!(g.status.success(), "{}", text(&g));
    let d = codegen(&root, &["iana-diff"]);
    assert!(d.status.success(), "{}", text(&d));

    // IANA registers X.1.9. `iana-diff` shows the record's fields.
    let newer = root.join("newer.xml");
    fs::write(&newer, iana_xml(&reg, "2027-02-01", NEW_RECORD)).unwrap();
    let d = codegen(&root, &["iana-diff", newer.to_str().unwrap()]);
    assert_eq!(d.status.code(), Some(1));
    let out = text(&d);
    assert!(
        out.contains("X.1.9: registered by IANA, missing from data/"),
        "{out}"
    );
    assert!(
        out.contains("sample_text: \"Hypothetical \\\"example\\\" refusal\""),
        "{out}"
    );
    assert!(out.contains("submitter: \"A. Person\""), "{out}");

    // Step 1: `cargo codegen iana-import FILE`.
    let enhanced_before = fs::read_to_string(root.join("data/enhanced.yaml")).unwrap();
    let registry_before = fs::read_to_string(root.join("data/registry.yaml")).unwrap();
    let i = codegen(&root, &["iana-import", newer.to_str().unwrap()]);
    assert!(i.status.success(), "{}", text(&i));
    let out = text(&i);
    let enhanced = fs::read_to_string(root.join("data/enhanced.yaml")).unwrap();
    let desc_line = enhanced
        .lines()
        .position(|l| l.starts_with("  description: \"TO WRITE:"))
        .expect("the description is marked to be written")
        + 1;
    assert!(
        out.contains(&format!(
            "data/enhanced.yaml:{desc_line}: write `description`"
        )),
        "{out}"
    );
    // Only lines were inserted: removing the new entry gives back the file byte for byte.
    let start = enhanced.find("- code: X.1.9\n").unwrap();
    let (end, rest) = match enhanced[start..].find("\n\n") {
        Some(n) => (
            start + n + 2,
            format!("{}{}", &enhanced[..start], &enhanced[start + n + 2..]),
        ),
        // The last entry: it was appended after a blank line.
        None => (enhanced.len(), enhanced[..start - 1].to_string()),
    };
    assert_eq!(rest, enhanced_before);
    assert!(enhanced[start..end].contains("    submitter: \"A. Person\"\n"));
    assert!(enhanced[start..end].contains("    - { document: RFC 9999, section: \"4.1\" }\n"));
    // X.1.9 lands between X.1.3 and the end, in code order; registry.yaml changes one line.
    assert!(enhanced.find("- code: X.1.3").unwrap() < start);
    let registry = fs::read_to_string(root.join("data/registry.yaml")).unwrap();
    assert_eq!(
        registry,
        registry_before.replace(
            &format!("iana_updated: \"{}\"", reg.meta.iana_updated.0),
            "iana_updated: \"2027-02-01\""
        )
    );
    assert_eq!(
        fs::read(root.join("data/iana/smtp-enhanced-status-codes.xml")).unwrap(),
        fs::read(&newer).unwrap()
    );

    // Step 2: `cargo codegen` refuses the entry until its description is written.
    let g = codegen(&root, &[]);
    assert_eq!(g.status.code(), Some(1));
    assert!(
        text(&g).contains(&format!(
            "data/enhanced.yaml:{desc_line}:3: `description` is still to be written"
        )),
        "{}",
        text(&g)
    );
    assert_eq!(outputs_lacking_x_1_9(&root).len(), 4, "nothing was written");
    let lines: Vec<&str> = enhanced.lines().collect();
    let written = lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            if n + 1 == desc_line {
                "  description: A hypothetical refusal, written in our own words."
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    fs::write(root.join("data/enhanced.yaml"), written).unwrap();
    let g = codegen(&root, &[]);
    assert!(g.status.success(), "{}", text(&g));

    // Step 3: the checks pass, and every output has the code.
    assert_eq!(outputs_lacking_x_1_9(&root), Vec::<String>::new());
    assert!(root.join("site/enhanced/X.1.9.html").is_file());
    assert!(codegen(&root, &["check"]).status.success());
    assert!(codegen(&root, &["iana-diff"]).status.success());
    // No default reason was written for it: it takes its subject's.
    let reg = codegen::load::load_as(&root.join("data"), "data").unwrap();
    let key = "X.1.9".parse().unwrap();
    assert_eq!(
        reg.classifier.enhanced_default(key),
        reg.classifier.subject_default(1)
    );

    // A reply code: its entry in basic.yaml and nothing else.
    let basic = fs::read_to_string(root.join("data/basic.yaml")).unwrap();
    let entry = "\n- code: 557\n  name: HypotheticalRefusal\n  status: standard\n  text: \"Hypothetical refusal\"\n  text_source: { document: RFC 9999, section: \"4.2\" }\n  introduced: { document: RFC 9999, section: \"4.2\" }\n  description: A reply code invented for this test.\n  commands: [RCPT]\n  meanings:\n    - text: \"Hypothetical refusal\"\n      document: RFC 9999\n      section: \"4.2\"\n      commands: [RCPT]\n";
    fs::write(root.join("data/basic.yaml"), format!("{basic}{entry}")).unwrap();
    let g = codegen(&root, &[]);
    assert!(g.status.success(), "{}", text(&g));
    assert!(codegen(&root, &["check"]).status.success());
    let reg = codegen::load::load_as(&root.join("data"), "data").unwrap();
    assert_eq!(
        reg.classifier.basic_default(557),
        reg.classifier.class_default(5),
        "a reply code without a default of its own takes its class's"
    );
    for (path, needle) in [
        (
            "generated/rust/src/tables/reply_code.rs",
            "HYPOTHETICAL_REFUSAL",
        ),
        (
            "generated/c/smtp_codes.h",
            "SMTP_REPLY_HYPOTHETICAL_REFUSAL",
        ),
        ("generated/json/smtp-codes.json", "\"code\": 557"),
        ("site/basic/557.html", "Hypothetical refusal"),
    ] {
        let t = fs::read_to_string(root.join(path)).unwrap();
        assert!(t.contains(needle), "{path} lacks {needle}");
    }
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_record_registered_twice_is_an_error() {
    let root = scratch("dup");
    let reg = codegen::load::load_as(&root.join("data"), "data").unwrap();
    let twice = root.join("twice.xml");
    fs::write(
        &twice,
        iana_xml(&reg, "2027-02-01", &format!("{NEW_RECORD}{NEW_RECORD}")),
    )
    .unwrap();
    let before = fs::read_to_string(root.join("data/enhanced.yaml")).unwrap();
    for cmd in ["iana-diff", "iana-import"] {
        let o = codegen(&root, &[cmd, twice.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", text(&o));
        assert!(
            text(&o).contains("record `X.1.9` is registered twice"),
            "{cmd}: {}",
            text(&o)
        );
    }
    assert_eq!(
        fs::read_to_string(root.join("data/enhanced.yaml")).unwrap(),
        before,
        "nothing was written"
    );
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn changed_and_withdrawn_records_are_reported_field_by_field_never_applied() {
    let root = scratch("changed");
    let reg = codegen::load::load_as(&root.join("data"), "data").unwrap();
    let mut changed = reg.clone();
    let x11 = changed
        .enhanced
        .iter_mut()
        .find(|e| e.code.to_string() == "X.1.1")
        .unwrap();
    x11.iana.submitter = "Someone Else".into();
    x11.sample_text = "Bad destination mailbox".into();
    changed.enhanced.retain(|e| e.code.to_string() != "X.1.2");
    let newer = root.join("newer.xml");
    fs::write(&newer, iana_xml(&changed, "2027-02-01", "")).unwrap();
    let before = fs::read_to_string(root.join("data/enhanced.yaml")).unwrap();
    let i = codegen(&root, &["iana-import", newer.to_str().unwrap()]);
    assert!(i.status.success(), "{}", text(&i));
    let out = text(&i);
    assert_eq!(
        fs::read_to_string(root.join("data/enhanced.yaml")).unwrap(),
        before,
        "changes are reported, not applied"
    );
    let line_of = |needle: &str, after: usize| {
        before
            .lines()
            .enumerate()
            .skip(after)
            .find(|(_, l)| l.starts_with(needle))
            .map(|(n, _)| n + 1)
            .unwrap()
    };
    let x11_start = line_of("- code: X.1.1", 0);
    let sample = line_of("  sample_text:", x11_start);
    let submitter = line_of("    submitter:", x11_start);
    let x12 = line_of("- code: X.1.2", 0);
    for expected in [
        format!("data/enhanced.yaml:{sample}: X.1.1 `sample_text` changed at IANA"),
        format!("data/enhanced.yaml:{submitter}: X.1.1 `submitter` changed at IANA"),
        "IANA:  \"Someone Else\"".to_string(),
        format!("data/enhanced.yaml:{x12}: X.1.2 is no longer in IANA's registry; keep the entry"),
    ] {
        assert!(out.contains(&expected), "missing `{expected}` in:\n{out}");
    }
    fs::remove_dir_all(&root).unwrap();
}
