//! The IANA "SMTP Enhanced Status Codes" registry XML: reading it, reading its free-text
//! "associated basic status code" column, and comparing the registry in `data/` with it
//! (`cargo codegen iana-diff`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{BasicCodes, IanaRecord, Registry};

/// One `<record>` of the XML, with IANA's fields whitespace-folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlRecord {
    pub code: String,
    /// `summary` for classes and subjects, `sample` for enumerated codes.
    pub title: String,
    pub basic_code: Option<String>,
    pub description: String,
    pub reference: String,
    pub submitter: String,
    pub change_controller: String,
    pub date: Option<String>,
    pub updated: Option<String>,
}

/// The three tables of the registry.
#[derive(Debug, Default)]
pub struct XmlRegistry {
    pub updated: String,
    pub classes: Vec<XmlRecord>,
    pub subjects: Vec<XmlRecord>,
    pub enumerated: Vec<XmlRecord>,
}

/// Folds every run of whitespace to one space and trims.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders an element's text the way IANA's own pages show it: an `<xref data="rfc3463"/>`
/// becomes `[RFC3463]`.
fn text_with_xrefs(node: roxmltree::Node) -> String {
    let mut out = String::new();
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or(""));
        } else if child.is_element() && child.tag_name().name() == "xref" {
            let data = child.attribute("data").unwrap_or("");
            let shown = if child.attribute("type") == Some("rfc") {
                data.to_ascii_uppercase()
            } else {
                data.to_string()
            };
            let _ = write!(out, "[{shown}]");
        } else {
            out.push_str(&text_with_xrefs(child));
        }
    }
    fold(&out)
}

/// Parses the IANA XML.
pub fn parse_xml(text: &str) -> Result<XmlRegistry, String> {
    let doc = roxmltree::Document::parse(text).map_err(|e| format!("not well-formed XML: {e}"))?;
    let root = doc.root_element();
    let mut reg = XmlRegistry::default();
    for child in root.children().filter(|n| n.is_element()) {
        match child.tag_name().name() {
            "updated" => reg.updated = fold(child.text().unwrap_or("")),
            "registry" => {
                let id = child.attribute("id").unwrap_or("");
                let nodes: Vec<roxmltree::Node> = child
                    .children()
                    .filter(|n| n.is_element() && n.tag_name().name() == "record")
                    .collect();
                let records: Vec<XmlRecord> = nodes.iter().map(|n| record(*n)).collect();
                // A record given twice would otherwise be merged silently.
                let mut first: BTreeMap<&str, usize> = BTreeMap::new();
                for (i, r) in records.iter().enumerate() {
                    let line = |i: usize| doc.text_pos_at(nodes[i].range().start).row;
                    if let Some(&j) = first.get(r.code.as_str()) {
                        return Err(format!(
                            "line {}: record `{}` is registered twice (first at line {}); the registry must list each code once",
                            line(i),
                            r.code,
                            line(j)
                        ));
                    }
                    first.insert(&r.code, i);
                }
                match id {
                    "smtp-enhanced-status-codes-1" => reg.classes = records,
                    "smtp-enhanced-status-codes-2" => reg.subjects = records,
                    "smtp-enhanced-status-codes-3" => reg.enumerated = records,
                    other => return Err(format!("unexpected sub-registry `{other}`")),
                }
            }
            _ => {}
        }
    }
    if reg.enumerated.is_empty() {
        return Err(
            "no enumerated status codes found (sub-registry smtp-enhanced-status-codes-3)".into(),
        );
    }
    Ok(reg)
}

fn record(node: roxmltree::Node) -> XmlRecord {
    let field = |name: &str| {
        node.children()
            .find(|n| n.is_element() && n.tag_name().name() == name)
            .map(text_with_xrefs)
    };
    XmlRecord {
        code: field("code").unwrap_or_default(),
        title: field("summary")
            .or_else(|| field("sample"))
            .unwrap_or_default(),
        basic_code: field("basic_code"),
        description: field("description").unwrap_or_default(),
        reference: field("reference").unwrap_or_default(),
        submitter: field("submitter").unwrap_or_default(),
        change_controller: field("change_controller").unwrap_or_default(),
        date: node.attribute("date").map(str::to_string),
        updated: node.attribute("updated").map(str::to_string),
    }
}

/// Reads IANA's free-text "associated basic status code" into its structure.
///
/// Accepted forms, all seen in the registry: `451, 550`; `451/550`; `250 or 251`; `Any`;
/// `Not given`; `5XX`; a list followed by `(other 4XX or 5XX codes are allowed)`; and, for
/// an empty field or X.7.28's lone `.`, no association at all.
pub fn parse_basic_text(text: &str) -> Result<BasicCodes, String> {
    let mut out = BasicCodes {
        iana: text.to_string(),
        ..BasicCodes::default()
    };
    let t = text.trim();
    if t.is_empty() || t == "." || t.eq_ignore_ascii_case("Not given") {
        return Ok(out);
    }
    if t.eq_ignore_ascii_case("Any") {
        out.any = true;
        return Ok(out);
    }
    let (main, extra) = match t.split_once('(') {
        Some((m, rest)) => {
            let inner = rest
                .strip_suffix(')')
                .ok_or_else(|| format!("unbalanced parenthesis in `{text}`"))?;
            (m.trim(), Some(inner))
        }
        None => (t, None),
    };
    let mut classes = Vec::new();
    let push_class = |tok: &str, classes: &mut Vec<u8>| -> bool {
        let b = tok.as_bytes();
        if b.len() == 3 && matches!(b[0], b'2'..=b'5') && &b[1..] == b"XX" {
            classes.push(b[0] - b'0');
            true
        } else {
            false
        }
    };
    let normalized = main.replace(" or ", ",").replace('/', ",");
    for tok in normalized
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        if push_class(tok, &mut classes) {
            continue;
        }
        if tok.len() == 3 && tok.bytes().all(|b| b.is_ascii_digit()) {
            out.codes.push(tok.parse().expect("digits"));
        } else {
            return Err(format!(
                "cannot read `{tok}` in IANA's basic-code text `{text}`"
            ));
        }
    }
    if let Some(inner) = extra {
        let words: Vec<&str> = inner.split_whitespace().collect();
        let known = inner.starts_with("other ") && inner.ends_with(" codes are allowed");
        if !known {
            return Err(format!("cannot read the remark `({inner})` in `{text}`"));
        }
        for w in words {
            push_class(w, &mut classes);
        }
    }
    out.codes.sort_unstable();
    out.codes.dedup();
    classes.sort_unstable();
    classes.dedup();
    out.classes = classes;
    Ok(out)
}

/// One difference between the registry and the XML.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Drift {
    pub code: String,
    pub field: String,
    pub ours: String,
    pub iana: String,
}

fn compare(out: &mut Vec<Drift>, code: &str, field: &str, ours: &str, iana: &str) {
    if ours != iana {
        out.push(Drift {
            code: code.to_string(),
            field: field.to_string(),
            ours: ours.to_string(),
            iana: iana.to_string(),
        });
    }
}

fn compare_record(out: &mut Vec<Drift>, code: &str, ours: &IanaRecord, x: &XmlRecord) {
    compare(out, code, "description", &ours.description, &x.description);
    compare(out, code, "reference", &ours.reference, &x.reference);
    compare(out, code, "submitter", &ours.submitter, &x.submitter);
    compare(
        out,
        code,
        "change_controller",
        &ours.change_controller,
        &x.change_controller,
    );
    let d = |o: &Option<crate::model::Date>| o.as_ref().map(|d| d.0.clone()).unwrap_or_default();
    compare(
        out,
        code,
        "date",
        &d(&ours.date),
        x.date.as_deref().unwrap_or(""),
    );
    compare(
        out,
        code,
        "updated",
        &d(&ours.updated),
        x.updated.as_deref().unwrap_or(""),
    );
}

/// Every difference between `reg` and the XML registry `x`, sorted by code then field.
/// A code only one side has is reported with field `(code)`.
pub fn diff(reg: &Registry, x: &XmlRegistry) -> Vec<Drift> {
    let mut out = Vec::new();
    compare(
        &mut out,
        "(registry)",
        "updated",
        &reg.meta.iana_updated.0,
        &x.updated,
    );

    let mut ours: BTreeMap<String, (String, &IanaRecord, Option<&BasicCodes>)> = BTreeMap::new();
    for c in &reg.classes {
        ours.insert(
            format!("{}.XXX.YYY", c.class),
            (c.title.clone(), &c.iana, None),
        );
    }
    for s in &reg.subjects {
        ours.insert(
            format!("X.{}.YYY", s.subject),
            (s.title.clone(), &s.iana, None),
        );
    }
    for e in &reg.enhanced {
        ours.insert(
            e.code.to_string(),
            (e.sample_text.clone(), &e.iana, Some(&e.basic_codes)),
        );
    }
    let mut theirs: BTreeMap<String, &XmlRecord> = BTreeMap::new();
    for r in x.classes.iter().chain(&x.subjects).chain(&x.enumerated) {
        theirs.insert(r.code.clone(), r);
    }
    for (code, (title, rec, basic)) in &ours {
        let Some(x) = theirs.get(code) else {
            out.push(Drift {
                code: code.clone(),
                field: "(code)".into(),
                ours: "present".into(),
                iana: "missing".into(),
            });
            continue;
        };
        let field = if basic.is_some() {
            "sample_text"
        } else {
            "title"
        };
        compare(&mut out, code, field, title, &x.title);
        if let Some(b) = basic {
            compare(
                &mut out,
                code,
                "basic_codes",
                &b.iana,
                x.basic_code.as_deref().unwrap_or(""),
            );
        }
        compare_record(&mut out, code, rec, x);
    }
    for code in theirs.keys() {
        if !ours.contains_key(code) {
            out.push(Drift {
                code: code.clone(),
                field: "(code)".into(),
                ours: "missing".into(),
                iana: "present".into(),
            });
        }
    }
    out.sort_by(|a, b| {
        sort_key(&a.code)
            .cmp(&sort_key(&b.code))
            .then(a.field.cmp(&b.field))
    });
    out
}

/// Orders `2.XXX.YYY`, `X.1.YYY`, `X.1.10` numerically.
fn sort_key(code: &str) -> (u8, Vec<u32>) {
    if code.starts_with('(') {
        return (0, Vec::new());
    }
    let group = if code.ends_with(".XXX.YYY") {
        1
    } else if code.ends_with(".YYY") {
        2
    } else {
        3
    };
    let nums = code.split('.').filter_map(|p| p.parse().ok()).collect();
    (group, nums)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> (Vec<u16>, Vec<u8>, bool) {
        let b = parse_basic_text(s).unwrap();
        (b.codes, b.classes, b.any)
    }

    #[test]
    fn basic_text_forms() {
        assert_eq!(p("451, 550"), (vec![451, 550], vec![], false));
        assert_eq!(p("451/550"), (vec![451, 550], vec![], false));
        assert_eq!(p("250 or 251"), (vec![250, 251], vec![], false));
        assert_eq!(p("553, 550"), (vec![550, 553], vec![], false));
        assert_eq!(p("Any"), (vec![], vec![], true));
        assert_eq!(p("Not given"), (vec![], vec![], false));
        assert_eq!(p("."), (vec![], vec![], false));
        assert_eq!(p(""), (vec![], vec![], false));
        assert_eq!(p("5XX"), (vec![], vec![5], false));
        assert_eq!(
            p("450, 550 (other 4XX or 5XX codes are allowed)"),
            (vec![450, 550], vec![4, 5], false)
        );
        assert_eq!(
            p("552 (other 4XX or 5XX codes are allowed)"),
            (vec![552], vec![4, 5], false)
        );
        assert!(parse_basic_text("55O").is_err());
        assert!(parse_basic_text("550 (maybe)").is_err());
    }

    #[test]
    fn xref_rendering() {
        let xml = r#"<registry xmlns="http://www.iana.org/assignments"><updated>2024-12-06</updated>
<registry id="smtp-enhanced-status-codes-3"><record date="2014-08-13" updated="2015-05-30"><code>X.7.25</code>
<sample>Reverse DNS validation failed</sample><basic_code>550</basic_code>
<description>This status code is returned when
   an SMTP client's IP address failed.</description>
<reference><xref type="rfc" data="rfc7372"/>, Section 3.3 (Standards Track)</reference>
<submitter>M. Kucherawy</submitter><change_controller>IESG</change_controller></record></registry></registry>"#;
        let r = parse_xml(xml).unwrap();
        let rec = &r.enumerated[0];
        assert_eq!(rec.reference, "[RFC7372], Section 3.3 (Standards Track)");
        assert_eq!(
            rec.description,
            "This status code is returned when an SMTP client's IP address failed."
        );
        assert_eq!(rec.date.as_deref(), Some("2014-08-13"));
        assert_eq!(rec.updated.as_deref(), Some("2015-05-30"));
        assert_eq!(r.updated, "2024-12-06");
    }
}
