//! Invariants over the real registry in `data/`, and its agreement with upstream (the
//! vendored IANA snapshot) and with the committed outputs.

use std::collections::{BTreeMap, BTreeSet};

use codegen::model::*;
use codegen::{iana, load, names, outputs, project_root};

fn registry() -> Registry {
    match load::load(&project_root().join("data")) {
        Ok(r) => r,
        Err(e) => panic!("the registry in data/ is invalid:\n{e}"),
    }
}

/// The vendored IANA snapshot, parsed.
fn iana_snapshot() -> iana::XmlRegistry {
    let path = project_root().join("data/iana/smtp-enhanced-status-codes.xml");
    let text = std::fs::read_to_string(&path).unwrap();
    iana::parse_xml(&text).unwrap()
}

#[test]
fn every_iana_code_is_present() {
    let reg = registry();
    let xml = iana_snapshot();
    let class_of = |code: &str| code.split('.').next().unwrap().parse::<u8>().unwrap();
    assert_eq!(
        reg.classes.iter().map(|c| c.class).collect::<Vec<_>>(),
        xml.classes
            .iter()
            .map(|r| class_of(&r.code))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        reg.subjects
            .iter()
            .map(|s| format!("X.{}.YYY", s.subject))
            .collect::<Vec<_>>(),
        xml.subjects
            .iter()
            .map(|r| r.code.clone())
            .collect::<Vec<_>>()
    );
    // Every enumerated code of the snapshot, in the snapshot's order, and nothing else.
    assert_eq!(
        reg.enhanced
            .iter()
            .map(|e| e.code.to_string())
            .collect::<Vec<_>>(),
        xml.enumerated
            .iter()
            .map(|r| r.code.clone())
            .collect::<Vec<_>>(),
        "data/enhanced.yaml holds exactly the snapshot's enumerated codes, in code order"
    );
}

#[test]
fn lifecycle() {
    let reg = registry();
    let deprecated: Vec<_> = reg
        .enhanced
        .iter()
        .filter(|e| e.status == Lifecycle::Deprecated)
        .map(|e| (e.code.to_string(), e.replaced_by.map(|r| r.to_string())))
        .collect();
    assert_eq!(
        deprecated,
        [("X.6.10".to_string(), Some("X.6.8".to_string()))]
    );
}

/// Reads a CSV file with a header row into one map per row (RFC 4180 quoting).
pub fn read_csv(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    let header = rows.remove(0);
    rows.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

/// The reference table of reply codes per RFC (see tests/fixtures/reference/README.md).
fn rfc_basic_codes() -> Vec<BTreeMap<String, String>> {
    let path = project_root().join("codegen/tests/fixtures/reference/rfc-basic-codes.csv");
    read_csv(&std::fs::read_to_string(path).unwrap())
}

#[test]
fn every_rfc_reply_code_is_present_and_standard() {
    let reg = registry();
    // Every code an RFC defines or uses (the table also has a `4XX/5XX` row naming no code).
    let rfc: BTreeSet<u16> = rfc_basic_codes()
        .iter()
        .filter_map(|r| r["code"].parse().ok())
        .collect();
    assert!(!rfc.is_empty());
    let standard: BTreeSet<u16> = reg.standard_basic().map(|b| b.code).collect();
    let missing: Vec<_> = rfc.difference(&standard).collect();
    assert!(
        missing.is_empty(),
        "codes an RFC defines or uses, missing from data/basic.yaml or not standard: {missing:?}"
    );
    for b in reg.standard_basic() {
        assert!(
            b.text_source.is_some() && b.introduced.is_some(),
            "{}",
            b.code
        );
        assert!(
            b.meanings[0].document.is_some(),
            "{}: first meaning is an RFC's",
            b.code
        );
    }
}

#[test]
fn every_code_document_pair_of_the_rfcs_is_recorded() {
    // Each code an RFC defines, uses or introduces is recorded with that RFC: as the text's
    // source, the first definition, a meaning, a use, a reference, or an earlier (obsoleted)
    // definition in `history`. Examples in the RFCs' prose are not pairs.
    let reg = registry();
    let mut missing = Vec::new();
    let mut pairs = BTreeSet::new();
    for row in rfc_basic_codes() {
        let Ok(code) = row["code"].parse::<u16>() else {
            continue;
        };
        if !matches!(row["kind"].as_str(), "defined" | "use" | "new-code") {
            continue;
        }
        let doc = row["rfc"].replacen("RFC", "RFC ", 1);
        pairs.insert((code, doc.clone()));
        let Some(b) = reg.basic(code) else {
            missing.push(format!("{code} {doc}"));
            continue;
        };
        let cited = b
            .text_source
            .iter()
            .chain(&b.introduced)
            .chain(&b.references)
            .chain(&b.history)
            .map(|r| r.document.to_string())
            .chain(
                b.meanings
                    .iter()
                    .filter_map(|m| m.document.as_ref().map(|d| d.to_string())),
            )
            .chain(b.uses.iter().map(|u| u.document.to_string()))
            .any(|d| d == doc);
        if !cited {
            missing.push(format!("{code} {doc}"));
        }
    }
    assert!(!pairs.is_empty());
    assert!(
        missing.is_empty(),
        "code-document pairs not recorded: {missing:?}"
    );
}

#[test]
fn lineage_follows_the_documents() {
    let reg = registry();
    // Every document cited in a history is described and was obsoleted; its successors lead
    // to a current document.
    for b in &reg.basic {
        for h in &b.history {
            let chain = reg.successors(&h.document);
            assert!(
                chain.len() > 1,
                "{}: {} is not obsoleted",
                b.code,
                h.document
            );
            let last = reg.document(chain.last().unwrap()).unwrap();
            assert!(last.obsoleted_by.is_none());
        }
    }
    let names = |code: u16| -> Vec<String> {
        reg.basic(code)
            .unwrap()
            .history
            .iter()
            .map(|r| r.document.to_string())
            .collect()
    };
    assert_eq!(names(250), ["RFC 2821"]);
    assert_eq!(
        reg.basic(250)
            .unwrap()
            .introduced
            .as_ref()
            .unwrap()
            .document
            .to_string(),
        "RFC 821"
    );
    assert_eq!(names(530), ["RFC 2554"]);
    assert_eq!(
        reg.successors(&"RFC 821".parse().unwrap())
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>(),
        ["RFC 821", "RFC 2821", "RFC 5321"]
    );
}

#[test]
fn disagreeing_rfcs_keep_every_meaning() {
    let reg = registry();
    let docs = |code: u16| -> BTreeSet<String> {
        reg.basic(code)
            .unwrap()
            .meanings
            .iter()
            .filter_map(|m| m.document.as_ref().map(|d| d.to_string()))
            .collect()
    };
    assert!(docs(454).is_superset(&["RFC 3207", "RFC 4954"].map(String::from).into()));
    assert!(docs(530).is_superset(&["RFC 3207", "RFC 4954"].map(String::from).into()));
    assert!(docs(251).contains("RFC 1985") && docs(251).contains("RFC 5321"));
    assert!(docs(252).contains("RFC 1985") && docs(252).contains("RFC 5321"));
    assert!(docs(453).contains("RFC 2645"));
}

#[test]
fn nonstandard_codes_are_kept_apart_and_marked() {
    let reg = registry();
    let nonstandard: BTreeSet<u16> = reg
        .basic
        .iter()
        .filter(|b| b.status == BasicStatus::Nonstandard)
        .map(|b| b.code)
        .collect();
    for code in [
        101, 111, 420, 422, 430, 431, 441, 447, 471, 511, 523, 524, 525, 533, 571,
    ] {
        assert!(
            nonstandard.contains(&code),
            "{code} is carried as non-standard"
        );
    }
    for b in reg
        .basic
        .iter()
        .filter(|b| b.status == BasicStatus::Nonstandard)
    {
        assert!(b.kind.is_some() && b.confidence.is_some(), "{}", b.code);
        assert!(
            b.meanings
                .iter()
                .all(|m| m.document.is_none() && !m.sources.is_empty()),
            "{}",
            b.code
        );
    }
    // Exchange's 432 is an extra, marked meaning of the standard 432, not a second code.
    let b432 = reg.basic(432).unwrap();
    assert_eq!(b432.status, BasicStatus::Standard);
    assert!(b432
        .meanings
        .iter()
        .any(|m| m.vendor.is_some() && m.is_nonstandard()));
}

#[test]
fn identifiers_are_unique_in_every_casing() {
    let reg = registry();
    let mut seen = BTreeSet::new();
    for n in reg.enhanced.iter().map(|e| &e.name) {
        assert!(seen.insert(names::screaming_snake(n)), "{n}");
    }
    let mut seen = BTreeSet::new();
    for n in reg.basic.iter().map(|b| &b.name) {
        assert!(seen.insert(names::screaming_snake(n)), "{n}");
    }
    assert_eq!(reg.basic(550).unwrap().name, "MailboxUnavailable");
}

#[test]
fn associations_reference_defined_codes() {
    let reg = registry();
    for e in &reg.enhanced {
        for c in &e.basic_codes.codes {
            assert!(reg.basic(*c).is_some(), "{} lists {c}", e.code);
        }
        assert_eq!(
            iana::parse_basic_text(&e.basic_codes.iana).unwrap(),
            e.basic_codes,
            "{}",
            e.code
        );
    }
    let x728 = reg
        .enhanced(EnhancedKey {
            subject: 7,
            detail: 28,
        })
        .unwrap();
    assert_eq!(x728.basic_codes.iana, ".");
    assert_eq!(x728.basic_codes.kind(), AssociationKind::NotGiven);
    let x715 = reg
        .enhanced(EnhancedKey {
            subject: 7,
            detail: 15,
        })
        .unwrap();
    assert_eq!(x715.basic_codes.codes, [450, 550]);
    assert_eq!(x715.basic_codes.classes, [4, 5]);
}

#[test]
fn iana_diff_against_the_vendored_snapshot_is_empty() {
    let reg = registry();
    let xml = iana_snapshot();
    let drift = iana::diff(&reg, &xml);
    assert!(drift.is_empty(), "drift from IANA: {drift:#?}");
}

#[test]
fn iana_diff_reports_every_kind_of_drift() {
    let reg = registry();
    let text =
        std::fs::read_to_string(project_root().join("data/iana/smtp-enhanced-status-codes.xml"))
            .unwrap();
    // A new registration, a changed sample text and a removed record.
    let text = text
        .replace("<sample>Mailbox full</sample>", "<sample>Mailbox is full</sample>")
        .replace(
            "</registry>\n\n  <people/>",
            "<record><code>X.7.31</code><sample>New</sample><basic_code>550</basic_code><description>d</description><reference>r</reference><submitter>s</submitter><change_controller>c</change_controller></record></registry>\n\n  <people/>",
        );
    let start = text.find("<code>X.6.10</code>").unwrap();
    let rec_start = text[..start].rfind("<record").unwrap();
    let rec_end = start + text[start..].find("</record>").unwrap() + "</record>".len();
    let text = format!("{}{}", &text[..rec_start], &text[rec_end..]);
    let xml = iana::parse_xml(&text).unwrap();
    let drift = iana::diff(&reg, &xml);
    let summary: Vec<(String, String)> = drift
        .iter()
        .map(|d| (d.code.clone(), d.field.clone()))
        .collect();
    assert_eq!(
        summary,
        [
            ("X.2.2".to_string(), "sample_text".to_string()),
            ("X.6.10".to_string(), "(code)".to_string()),
            ("X.7.31".to_string(), "(code)".to_string()),
        ]
    );
}

#[test]
fn generated_files_are_fresh() {
    let root = project_root();
    let outs = match codegen::build(&root) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    };
    let s = outputs::compare(&root, &outs).unwrap();
    assert!(
        s.is_fresh(),
        "generated files are out of date; run `cargo codegen` and commit data and outputs together.\nstale: {:?}\nmissing: {:?}\norphans: {:?}",
        s.stale,
        s.missing,
        s.orphans
    );
}

#[test]
fn every_generated_file_is_marked_and_ends_with_a_newline() {
    let outs = codegen::build(&project_root()).unwrap();
    for (path, bytes) in &outs.files {
        assert!(
            outputs::is_marked(bytes),
            "{path} lacks the generated marker"
        );
        assert!(bytes.ends_with(b"\n"), "{path} does not end with a newline");
        assert!(!bytes.contains(&b'\r'), "{path} has a CR");
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("/work/") && !text.contains("/root/"),
            "{path} contains an absolute path"
        );
    }
}

#[test]
fn json_matches_its_schema() {
    let root = project_root();
    let outs = codegen::build(&root).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&outs.files["generated/json/smtp-codes.json"]).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&outs.files["generated/json/smtp-codes.schema.json"]).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let reg = registry();
    assert_eq!(json["iana_updated"], reg.meta.iana_updated.0.as_str());
    assert_eq!(
        json["enhanced"].as_array().unwrap().len(),
        reg.enhanced.len()
    );
}

#[test]
fn the_schema_rejects_what_it_should() {
    let outs = codegen::build(&project_root()).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&outs.files["generated/json/smtp-codes.schema.json"]).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_slice(&outs.files["generated/json/smtp-codes.json"]).unwrap();
    json["enhanced"][0]["code"] = "5.1.1".into();
    assert!(
        !validator.is_valid(&json),
        "a class digit in a class-independent code"
    );
    let mut json: serde_json::Value =
        serde_json::from_slice(&outs.files["generated/json/smtp-codes.json"]).unwrap();
    json["basic"][0]["unexpected"] = 1.into();
    assert!(!validator.is_valid(&json), "an unknown field");
}

#[test]
fn every_vendored_file_exists_and_has_its_origin() {
    let reg = registry();
    assert!(!reg.meta.vendored.is_empty());
    for v in &reg.meta.vendored {
        assert!(
            project_root().join(&v.path).is_file(),
            "{} is listed as vendored but missing",
            v.path
        );
        assert!(!v.origin.trim().is_empty(), "{} has no origin", v.path);
    }
}

#[test]
fn the_crate_the_header_and_the_json_carry_the_same_edition() {
    let reg = registry();
    let newest = reg
        .editions
        .first()
        .expect("data/editions.yaml lists the editions");
    assert_eq!(newest.edition, reg.meta.registry_version);
    // The crate's version is the edition's.
    let toml = std::fs::read_to_string(project_root().join("generated/rust/Cargo.toml")).unwrap();
    let version = toml
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("a version line");
    assert_eq!(
        version, newest.crate_version,
        "generated/rust/Cargo.toml must carry the crate_version of the newest edition in data/editions.yaml"
    );
    let outs = codegen::build(&project_root()).unwrap();
    let text = |p: &str| String::from_utf8(outs.files[p].clone()).unwrap();
    assert!(text("generated/rust/src/tables/mod.rs").contains(&format!(
        "pub const REGISTRY_VERSION: &str = \"{}\";",
        newest.edition
    )));
    assert!(text("generated/c/smtp_codes.h").contains(&format!(
        "#define SMTP_CODES_REGISTRY_VERSION \"{}\"",
        newest.edition
    )));
    let json: serde_json::Value =
        serde_json::from_str(&text("generated/json/smtp-codes.json")).unwrap();
    assert_eq!(json["registry_version"], newest.edition.as_str());
    // The changelog starts with it.
    let changelog = text("generated/rust/CHANGELOG.md");
    assert!(changelog.contains(&format!(
        "\n## {} (registry edition {}, {})\n",
        newest.crate_version, newest.edition, newest.date.0
    )));
}

#[test]
fn the_feed_is_atom_with_one_entry_per_edition() {
    let reg = registry();
    let outs = codegen::build(&project_root()).unwrap();
    let feed = String::from_utf8(outs.files["site/feed.xml"].clone()).unwrap();
    let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |n: roxmltree::Node<'_, '_>, name: &str| {
        n.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    let entries: Vec<_> = root
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    assert_eq!(entries.len(), reg.editions.len());
    for (e, edition) in entries.iter().zip(&reg.editions) {
        assert_eq!(
            child(*e, "updated").unwrap(),
            format!("{}T00:00:00Z", edition.date.0),
            "dates come from the data"
        );
        assert!(child(*e, "id").is_some() && child(*e, "title").is_some());
        let page = format!("site/changes/{}.html", edition.edition);
        assert!(outs.files.contains_key(&page), "{page}");
    }
    assert_eq!(
        child(root, "updated").unwrap(),
        format!("{}T00:00:00Z", reg.editions[0].date.0)
    );
}
