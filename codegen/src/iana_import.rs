//! `cargo codegen iana-import FILE`: brings a newer IANA registry XML into `data/`.
//!
//! It replaces the snapshot in `data/iana/`, sets `iana_updated` in `data/registry.yaml`, and
//! inserts one entry per newly registered code into `data/enhanced.yaml`, in code order, with
//! IANA's fields verbatim and the fields a person must write marked [`TO_WRITE`], which
//! validation refuses until they are written. Records IANA changed are reported field by field
//! with the line to edit; nothing is removed. The YAML files are edited as text (lines
//! inserted, one line replaced), so every other byte stays as it was.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::iana::{self, Drift, XmlRecord, XmlRegistry};
use crate::model::{EnhancedKey, Registry};

/// The start of a value `iana-import` wrote for a person to replace; the rest of the value
/// says what to write. Validation refuses any field that still starts with it.
pub const TO_WRITE: &str = "TO WRITE:";

/// If `value` is a placeholder left by `iana-import`, what to write instead.
pub fn placeholder(value: &str) -> Option<&str> {
    value.trim_start().strip_prefix(TO_WRITE).map(str::trim)
}

/// The snapshot's path inside the project.
pub const SNAPSHOT: &str = "data/iana/smtp-enhanced-status-codes.xml";

/// What an import did and what is left for a person.
#[derive(Debug, Default)]
pub struct Report {
    /// One line per thing done.
    pub done: Vec<String>,
    /// One line per thing a person must do, each with `file:line`.
    pub todo: Vec<String>,
}

/// Why an import could not run. Nothing was written.
#[derive(Debug)]
pub struct ImportError(pub String);

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Imports `xml_text` (read from `shown`) into the project at `root`, whose registry is `reg`.
pub fn import(
    root: &Path,
    reg: &Registry,
    xml_text: &str,
    shown: &str,
) -> Result<Report, ImportError> {
    let xml = iana::parse_xml(xml_text).map_err(|e| ImportError(format!("{shown}: {e}")))?;
    if xml.updated.is_empty() {
        return Err(ImportError(format!(
            "{shown}: the registry has no <updated> date"
        )));
    }
    let drift = iana::diff(reg, &xml);
    let enhanced_path = root.join("data/enhanced.yaml");
    let registry_path = root.join("data/registry.yaml");
    let read = |p: &PathBuf| {
        std::fs::read_to_string(p)
            .map_err(|e| ImportError(format!("cannot read {}: {e}", p.display())))
    };
    let enhanced_text = read(&enhanced_path)?;
    let registry_text = read(&registry_path)?;
    let mut report = Report::default();

    // New enumerated codes: one entry each, in code order.
    let mut new_codes: Vec<(EnhancedKey, &XmlRecord)> = Vec::new();
    for d in drift
        .iter()
        .filter(|d| d.field == "(code)" && d.ours == "missing")
    {
        match xml.enumerated.iter().find(|r| r.code == d.code) {
            Some(r) => {
                let key: EnhancedKey = r.code.parse().map_err(|e| {
                    ImportError(format!("{shown}: record `{}`: {e}", r.code))
                })?;
                new_codes.push((key, r));
            }
            None => report.todo.push(format!(
                "{shown}: {} is a new class or subject; add it to data/classes.yaml or data/subjects.yaml by hand",
                d.code
            )),
        }
    }
    new_codes.sort_by_key(|(k, _)| *k);
    let mut enhanced_text = enhanced_text;
    for (key, rec) in &new_codes {
        let entry = entry_text(rec)?;
        let (text, line) = insert_entry(&enhanced_text, *key, &entry);
        enhanced_text = text;
        report.done.push(format!(
            "data/enhanced.yaml:{line}: inserted {} ({})",
            rec.code, rec.title
        ));
    }
    // Line numbers of the placeholders, now that every entry is in place.
    for (i, l) in enhanced_text.lines().enumerate() {
        if let Some((field, rest)) = l.trim_start().split_once(':') {
            if let Some(what) = placeholder(rest.trim().trim_matches('"')) {
                report.todo.push(format!(
                    "data/enhanced.yaml:{}: write `{}`: {what}",
                    i + 1,
                    field.trim()
                ));
            }
        }
    }

    // Changed and withdrawn records: reported, never applied or removed.
    let lines = EntryLines::new(&enhanced_text);
    for d in &drift {
        if d.code == "(registry)" || (d.field == "(code)" && d.ours == "missing") {
            continue;
        }
        let at = lines
            .find(&d.code, &d.field)
            .map(|l| format!("data/enhanced.yaml:{l}"))
            .unwrap_or_else(|| "data/classes.yaml or data/subjects.yaml".to_string());
        if d.field == "(code)" {
            report.todo.push(format!(
                "{at}: {} is no longer in IANA's registry; keep the entry (codes are never removed) and mark it `status: deprecated` if IANA deprecated it",
                d.code
            ));
        } else {
            report.todo.push(format!(
                "{at}: {} `{}` changed at IANA; copy it verbatim (and check our description still fits)\n    data/: {:?}\n    IANA:  {:?}",
                d.code, d.field, d.ours, d.iana
            ));
        }
    }

    // registry.yaml: one line.
    let registry_text = set_iana_updated(&registry_text, &xml.updated).ok_or_else(|| {
        ImportError(format!(
            "{}: no `iana_updated:` line to update",
            registry_path.display()
        ))
    })?;
    if reg.meta.iana_updated.0 != xml.updated {
        report.done.push(format!(
            "data/registry.yaml: iana_updated {} -> {}",
            reg.meta.iana_updated.0, xml.updated
        ));
    }
    let line = registry_text
        .lines()
        .position(|l| l.trim_start().starts_with("- path: data/iana/"))
        .map_or(0, |i| i + 1);
    report.todo.push(format!(
        "data/registry.yaml:{line}: update the snapshot's `origin` and `read` date (where and when this XML was read)"
    ));

    // Write: the snapshot byte for byte, then the YAML files.
    let write = |p: &Path, bytes: &[u8]| {
        std::fs::write(p, bytes)
            .map_err(|e| ImportError(format!("cannot write {}: {e}", p.display())))
    };
    let snapshot = root.join(SNAPSHOT);
    if let Some(dir) = snapshot.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| ImportError(format!("cannot create {}: {e}", dir.display())))?;
    }
    write(&snapshot, xml_text.as_bytes())?;
    report.done.push(format!("{SNAPSHOT}: replaced by {shown}"));
    write(&registry_path, registry_text.as_bytes())?;
    write(&enhanced_path, enhanced_text.as_bytes())?;
    Ok(report)
}

/// A YAML double-quoted scalar holding exactly `s`.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An `UpperCamelCase` identifier from IANA's sample text: its ASCII words, each capitalised.
pub fn suggested_name(sample: &str) -> String {
    sample
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let mut cs = lower.chars();
            cs.next()
                .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The references IANA's reference field names: `[RFC8689]`, `[RFC7372], Section 3.3`,
/// `[draft-ietf-...-05]`.
fn references(reference: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = reference;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        let inner = &rest[open + 1..open + close];
        let after = &rest[open + close + 1..];
        let section = after
            .trim_start_matches([',', ' '])
            .strip_prefix("Section ")
            .map(|s| {
                s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.')
                    .to_string()
            })
            .filter(|s| !s.is_empty());
        let doc = if let Some(n) = inner
            .strip_prefix("RFC")
            .filter(|n| n.parse::<u32>().is_ok())
        {
            Some(format!("RFC {n}"))
        } else if inner.starts_with("draft-") {
            Some(inner.to_string())
        } else {
            None
        };
        if let Some(d) = doc {
            out.push((d, section));
        }
        rest = after;
    }
    out
}

/// The text of a new `enhanced.yaml` entry for `rec`, ending with a newline.
fn entry_text(rec: &XmlRecord) -> Result<String, ImportError> {
    let basic_text = rec.basic_code.clone().unwrap_or_default();
    let basic = iana::parse_basic_text(&basic_text)
        .map_err(|e| ImportError(format!("record `{}`: {e}", rec.code)))?;
    let mut t = String::new();
    let _ = writeln!(t, "- code: {}", rec.code);
    let _ = writeln!(
        t,
        "  name: {}   # from the sample text; check it: names live forever",
        suggested_name(&rec.title)
    );
    let _ = writeln!(t, "  sample_text: {}", quote(&rec.title));
    let _ = writeln!(t, "  basic_codes:");
    let _ = writeln!(t, "    iana: {}", quote(&basic_text));
    let list = |v: &[String]| v.join(", ");
    if !basic.codes.is_empty() {
        let codes: Vec<String> = basic.codes.iter().map(u16::to_string).collect();
        let _ = writeln!(t, "    codes: [{}]", list(&codes));
    }
    if !basic.classes.is_empty() {
        let classes: Vec<String> = basic.classes.iter().map(u8::to_string).collect();
        let _ = writeln!(t, "    classes: [{}]", list(&classes));
    }
    if basic.any {
        let _ = writeln!(t, "    any: true");
    }
    // Which outcomes the code suits: by the rule in data/README.md, both failure classes
    // unless the defining text says otherwise (IANA's basic codes never narrow it); success
    // too when IANA associates a success code. Validation checks IANA's own class statements.
    let success =
        basic.any || basic.classes.contains(&2) || basic.codes.iter().any(|c| c / 100 == 2);
    let usable = if success {
        "success, transient, permanent"
    } else {
        "transient, permanent"
    };
    let _ = writeln!(
        t,
        "  usable_as: [{usable}]   # check the defining text: it decides (data/README.md)"
    );
    let _ = writeln!(
        t,
        "  description: {}",
        quote(&format!("{TO_WRITE} in our own words (Markdown), what the code means, when a server sends it and what the sender should do; IANA's description is in the `iana` block below"))
    );
    let _ = writeln!(t, "  status: current");
    let refs = references(&rec.reference);
    if refs.is_empty() {
        // Validation refuses an empty list and says what to cite.
        let _ = writeln!(
            t,
            "  references: []   # cite the defining document and section; IANA gives {}",
            rec.reference
        );
    } else {
        let _ = writeln!(t, "  references:");
        for (doc, section) in refs {
            match section {
                Some(s) => {
                    let _ = writeln!(t, "    - {{ document: {doc}, section: {} }}", quote(&s));
                }
                None => {
                    let _ = writeln!(t, "    - {{ document: {doc} }}   # add the section");
                }
            }
        }
    }
    let _ = writeln!(t, "  iana:");
    let _ = writeln!(t, "    description: {}", quote(&rec.description));
    let _ = writeln!(t, "    reference: {}", quote(&rec.reference));
    let _ = writeln!(t, "    submitter: {}", quote(&rec.submitter));
    let _ = writeln!(
        t,
        "    change_controller: {}",
        quote(&rec.change_controller)
    );
    if let Some(d) = &rec.date {
        let _ = writeln!(t, "    date: {}", quote(d));
    }
    if let Some(u) = &rec.updated {
        let _ = writeln!(t, "    updated: {}", quote(u));
    }
    Ok(t)
}

/// The `- code: X.s.d` lines of `enhanced.yaml`: (0-based line index, key).
fn entry_starts(text: &str) -> Vec<(usize, EnhancedKey)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let code = l.strip_prefix("- code:")?.split('#').next()?.trim();
            Some((i, code.parse().ok()?))
        })
        .collect()
}

/// Inserts `entry` before the first entry whose code is greater than `key` (and before the
/// comment lines directly above it), or at the end. Returns the text and the 1-based line
/// where the entry starts.
pub fn insert_entry(text: &str, key: EnhancedKey, entry: &str) -> (String, usize) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let next = entry_starts(text).into_iter().find(|(_, k)| *k > key);
    match next {
        Some((mut at, _)) => {
            while at > 0 && lines[at - 1].trim_start().starts_with('#') {
                at -= 1;
            }
            let mut out: String = lines[..at].concat();
            out.push_str(entry);
            out.push('\n');
            out.push_str(&lines[at..].concat());
            (out, at + 1)
        }
        None => {
            let mut out = text.to_string();
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            let line = out.lines().count() + 1;
            out.push_str(entry);
            (out, line)
        }
    }
}

/// `text` with its `iana_updated:` line set to `date`, or `None` when there is no such line.
pub fn set_iana_updated(text: &str, date: &str) -> Option<String> {
    let mut found = false;
    let out: String = text
        .split_inclusive('\n')
        .map(|l| {
            if !found && l.starts_with("iana_updated:") {
                found = true;
                let nl = if l.ends_with('\n') { "\n" } else { "" };
                format!("iana_updated: {}{nl}", quote(date))
            } else {
                l.to_string()
            }
        })
        .collect();
    found.then_some(out)
}

/// Where the fields of each entry of `enhanced.yaml` are, for messages.
struct EntryLines<'a> {
    text: &'a str,
    starts: Vec<(usize, EnhancedKey)>,
}

impl<'a> EntryLines<'a> {
    fn new(text: &'a str) -> Self {
        EntryLines {
            text,
            starts: entry_starts(text),
        }
    }

    /// The 1-based line of `field` (a [`Drift`] field name) in the entry for `code`: the
    /// entry's own `sample_text` and `basic_codes`, else the field of its `iana` block.
    fn find(&self, code: &str, field: &str) -> Option<usize> {
        let key: EnhancedKey = code.parse().ok()?;
        let i = self.starts.iter().position(|(_, k)| *k == key)?;
        let start = self.starts[i].0;
        let end = self.starts.get(i + 1).map_or(usize::MAX, |(l, _)| *l);
        let wanted = match field {
            "sample_text" | "basic_codes" => format!("  {field}:"),
            f => format!("    {f}:"),
        };
        let mut in_iana = false;
        for (n, l) in self.text.lines().enumerate().take(end).skip(start) {
            if l.starts_with("  ") && !l.starts_with("   ") {
                in_iana = l.starts_with("  iana:");
            }
            let top = !wanted.starts_with("    ");
            if l.starts_with(&wanted) && (top || in_iana) {
                return Some(n + 1);
            }
        }
        Some(start + 1)
    }
}

/// The lines of `iana-diff` for one [`Drift`], with the new record's fields when IANA has a
/// code the registry lacks.
pub fn describe(d: &Drift, xml: &XmlRegistry) -> String {
    match d.field.as_str() {
        "(code)" if d.ours == "missing" => {
            let mut s = format!("{}: registered by IANA, missing from data/", d.code);
            if let Some(r) = xml.enumerated.iter().find(|r| r.code == d.code) {
                let _ = write!(
                    s,
                    "\n    sample_text: {}\n    basic_code: {}\n    description: {}\n    reference: {}\n    submitter: {}\n    change_controller: {}",
                    quote(&r.title),
                    quote(r.basic_code.as_deref().unwrap_or("")),
                    quote(&r.description),
                    quote(&r.reference),
                    quote(&r.submitter),
                    quote(&r.change_controller)
                );
                if let Some(date) = &r.date {
                    let _ = write!(s, "\n    date: {date}");
                }
                if let Some(u) = &r.updated {
                    let _ = write!(s, "\n    updated: {u}");
                }
                s.push_str(
                    "\n    (`cargo codegen iana-import FILE` inserts it into data/enhanced.yaml)",
                );
            }
            s
        }
        "(code)" => format!("{}: in data/, not in the IANA registry", d.code),
        f => format!(
            "{}: {f} differs\n    data/: {:?}\n    IANA:  {:?}",
            d.code, d.ours, d.iana
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_quotes() {
        assert_eq!(
            suggested_name("REQUIRETLS support required"),
            "RequiretlsSupportRequired"
        );
        assert_eq!(suggested_name("Mailbox full"), "MailboxFull");
        assert_eq!(quote("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        let parsed: String = serde_yaml::from_str(&quote("x \"y\" \\z\t\u{1}")).unwrap();
        assert_eq!(parsed, "x \"y\" \\z\t\u{1}");
    }

    #[test]
    fn references_from_iana_text() {
        assert_eq!(
            references("[RFC7372], Section 3.3 (Standards Track)"),
            [("RFC 7372".to_string(), Some("3.3".to_string()))]
        );
        assert_eq!(references("[RFC8689]"), [("RFC 8689".to_string(), None)]);
        assert_eq!(
            references("[draft-ietf-foo-bar-05]"),
            [("draft-ietf-foo-bar-05".to_string(), None)]
        );
        assert!(references("G. Vaudreuil").is_empty());
    }

    #[test]
    fn insertion_keeps_every_other_byte() {
        let text =
            "# head\n\n- code: X.1.1\n  name: A\n\n# about X.1.10\n- code: X.1.10\n  name: B\n";
        let (out, line) = insert_entry(text, "X.1.2".parse().unwrap(), "- code: X.1.2\n");
        assert_eq!(
            out,
            "# head\n\n- code: X.1.1\n  name: A\n\n- code: X.1.2\n\n# about X.1.10\n- code: X.1.10\n  name: B\n"
        );
        assert_eq!(line, 6);
        let (out, line) = insert_entry(text, "X.2.0".parse().unwrap(), "- code: X.2.0\n");
        assert_eq!(out, format!("{text}\n- code: X.2.0\n"));
        assert_eq!(line, 10);
        assert_eq!(
            set_iana_updated("a: 1\niana_updated: \"2024-12-06\"\nb: 2\n", "2027-01-02").unwrap(),
            "a: 1\niana_updated: \"2027-01-02\"\nb: 2\n"
        );
    }

    #[test]
    fn placeholders() {
        assert_eq!(placeholder("TO WRITE: our words"), Some("our words"));
        assert_eq!(placeholder("Our words"), None);
    }
}
