//! Loading and validating `data/`.
//!
//! [`load`] reads every data file, deserializes each entry on its own (so one bad entry does
//! not hide the next one's problems), then checks the rules that span entries and files:
//! order, uniqueness, identifiers, cross-references, IANA's text against its structure. It
//! returns the [`Registry`] only when no problem was found, and otherwise every problem, each
//! located at its `file:line:column`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostics, Invalid, Location};
use crate::iana::parse_basic_text;
use crate::model::*;
use crate::names;
use crate::yaml::{Document, YamlPath};

mod basic;
mod classes;
mod classifier;
mod commands;
mod enhanced;
mod meta;
mod subjects;
mod troubleshooting;
pub mod vectors;
mod vendors;

pub use classifier::check_phrase;

/// An entry with the place it came from.
struct Item<T> {
    file: String,
    path: YamlPath,
    value: T,
}

/// Parsed documents, by file name relative to the project root.
#[derive(Default)]
struct Docs {
    docs: HashMap<String, Document>,
}

impl Docs {
    fn at(&self, file: &str, path: &YamlPath) -> Location {
        match self.docs.get(file) {
            Some(d) => d.locate(path),
            None => Location::file(file),
        }
    }

    fn item<T>(&self, item: &Item<T>, field: &str) -> Location {
        self.at(&item.file, &item.path.key(field))
    }

    fn entry<T>(&self, item: &Item<T>) -> Location {
        self.at(&item.file, &item.path)
    }
}

/// Reads `data_dir/name` (shown as `shown_dir/name`) into a document.
fn read_doc(
    data_dir: &Path,
    shown_dir: &str,
    name: &str,
    required: bool,
    docs: &mut Docs,
    diags: &mut Diagnostics,
) -> Option<String> {
    let shown = format!("{shown_dir}/{name}");
    let text = match fs::read_to_string(data_dir.join(name)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => return None,
        Err(e) => {
            diags.push(Location::file(&shown), format!("cannot read the file: {e}"));
            return None;
        }
    };
    let doc = Document::parse(&shown, &text, diags)?;
    docs.docs.insert(shown.clone(), doc);
    Some(shown)
}

fn items<T: DeserializeOwned>(
    docs: &Docs,
    file: &Option<String>,
    path: YamlPath,
    diags: &mut Diagnostics,
) -> Vec<Item<T>> {
    let Some(file) = file else { return Vec::new() };
    let doc = &docs.docs[file];
    doc.deserialize_items::<T>(&path, diags)
        .into_iter()
        .map(|(i, value)| Item {
            file: file.clone(),
            path: path.index(i),
            value,
        })
        .collect()
}

/// The `key` field of every item of a top-level sequence, read from the raw YAML even for
/// items that failed to deserialize, so that one broken entry does not make every reference
/// to it an error too.
fn raw_keys(docs: &Docs, file: &Option<String>, key: &str) -> Vec<String> {
    let Some(doc) = file.as_ref().and_then(|f| docs.docs.get(f)) else {
        return Vec::new();
    };
    doc.value
        .as_sequence()
        .map(|seq| {
            seq.iter()
                .filter_map(|item| match item.get(key)? {
                    serde_yaml::Value::String(s) => Some(s.clone()),
                    serde_yaml::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Loads and validates the registry under `data_dir`. File names in messages are shown
/// relative to the project root as `data/...`.
pub fn load(data_dir: &Path) -> Result<Registry, Invalid> {
    load_as(data_dir, "data")
}

/// Like [`load`], naming files `shown_dir/...` in messages (fixtures use their own folder).
pub fn load_as(data_dir: &Path, shown_dir: &str) -> Result<Registry, Invalid> {
    let mut diags = Diagnostics::default();
    let mut docs = Docs::default();
    let read = |name: &str, required: bool, docs: &mut Docs, diags: &mut Diagnostics| {
        read_doc(data_dir, shown_dir, name, required, docs, diags)
    };
    let f_meta = read("registry.yaml", true, &mut docs, &mut diags);
    let f_classes = read("classes.yaml", true, &mut docs, &mut diags);
    let f_subjects = read("subjects.yaml", true, &mut docs, &mut diags);
    let f_enhanced = read("enhanced.yaml", true, &mut docs, &mut diags);
    let f_basic = read("basic.yaml", true, &mut docs, &mut diags);
    let f_nonstd = read("nonstandard.yaml", true, &mut docs, &mut diags);
    let f_commands = read("commands.yaml", true, &mut docs, &mut diags);
    let f_trouble = read("troubleshooting.yaml", false, &mut docs, &mut diags);
    let f_classifier = read("classifier.yaml", true, &mut docs, &mut diags);

    let mut vendor_files = Vec::new();
    if let Ok(rd) = fs::read_dir(data_dir.join("vendors")) {
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        names.sort();
        for n in names {
            if let Some(f) = read(&format!("vendors/{n}"), true, &mut docs, &mut diags) {
                vendor_files.push(f);
            }
        }
    }

    let meta: Option<Meta> = f_meta
        .as_ref()
        .and_then(|f| docs.docs[f].deserialize_at(&YamlPath::root(), &mut diags));
    let classes: Vec<Item<ClassEntry>> = items(&docs, &f_classes, YamlPath::root(), &mut diags);
    let subjects: Vec<Item<SubjectEntry>> = items(&docs, &f_subjects, YamlPath::root(), &mut diags);
    let enhanced: Vec<Item<EnhancedEntry>> =
        items(&docs, &f_enhanced, YamlPath::root(), &mut diags);
    let basic: Vec<Item<BasicEntry>> = items(&docs, &f_basic, YamlPath::root(), &mut diags);
    let nonstd: Vec<Item<BasicEntry>> = items(&docs, &f_nonstd, YamlPath::root(), &mut diags);
    let commands: Vec<Item<CommandEntry>> = items(&docs, &f_commands, YamlPath::root(), &mut diags);
    let trouble: Vec<Item<TroubleshootingEntry>> =
        items(&docs, &f_trouble, YamlPath::root(), &mut diags);
    let classifier: Classifier = f_classifier
        .as_ref()
        .and_then(|f| docs.docs[f].deserialize_at(&YamlPath::root(), &mut diags))
        .unwrap_or_default();
    let mut vendors: Vec<Item<VendorFile>> = Vec::new();
    for f in &vendor_files {
        if let Some(v) = docs.docs[f].deserialize_at::<VendorFile>(&YamlPath::root(), &mut diags) {
            vendors.push(Item {
                file: f.clone(),
                path: YamlPath::root(),
                value: v,
            });
        }
    }

    let f_vectors = read(vectors::FILE, false, &mut docs, &mut diags);
    let reply_vectors = f_vectors.map_or_else(Vec::new, |f| {
        let reasons: Vec<&str> = classifier.reasons.iter().map(|r| r.id.as_str()).collect();
        vectors::load(&docs.docs[&f], &reasons, &mut diags)
    });

    let mut v = Validator {
        docs: &docs,
        diags: &mut diags,
    };
    if let (Some(meta), Some(f)) = (&meta, &f_meta) {
        v.meta(meta, f);
    }
    v.classes(&classes);
    v.subjects(&subjects);
    v.commands(&commands);
    // Cross-references are checked against every entry a file names, including entries that
    // failed to deserialize (their own error is already reported); a file that could not be
    // parsed at all is not checked against.
    let parsed = |f: &Option<String>| f.as_ref().is_some_and(|f| docs.docs.contains_key(f));
    let command_names: Option<Vec<String>> =
        parsed(&f_commands).then(|| raw_keys(&docs, &f_commands, "name"));
    v.basic(&basic, &nonstd, command_names.as_deref());
    let mut basic_codes: BTreeMap<u16, BasicStatus> = BTreeMap::new();
    // Non-standard first: where a number is in both files (itself an error), the standard
    // entry is the one other files may refer to.
    for (file, status) in [
        (&f_nonstd, BasicStatus::Nonstandard),
        (&f_basic, BasicStatus::Standard),
    ] {
        for k in raw_keys(&docs, file, "code") {
            if let Ok(c) = k.parse() {
                basic_codes.insert(c, status);
            }
        }
    }
    for b in basic.iter().chain(&nonstd) {
        basic_codes.insert(b.value.code, b.value.status);
    }
    let basic_codes = (parsed(&f_basic) && parsed(&f_nonstd)).then_some(basic_codes);
    let subject_codes: Option<Vec<u16>> = parsed(&f_subjects).then(|| {
        raw_keys(&docs, &f_subjects, "subject")
            .iter()
            .filter_map(|k| k.parse().ok())
            .collect()
    });
    let enhanced_keys: Option<BTreeSet<EnhancedKey>> = parsed(&f_enhanced).then(|| {
        raw_keys(&docs, &f_enhanced, "code")
            .iter()
            .filter_map(|k| k.parse().ok())
            .collect()
    });
    v.enhanced(
        &enhanced,
        basic_codes.as_ref(),
        subject_codes.as_deref(),
        enhanced_keys.as_ref().unwrap_or(&BTreeSet::new()),
    );
    if let Some(keys) = &enhanced_keys {
        v.basic_uses(basic.iter().chain(&nonstd), keys);
    }
    if let (Some(e), Some(b)) = (&enhanced_keys, &basic_codes) {
        v.troubleshooting(&trouble, e, b);
        let sample_texts: BTreeMap<EnhancedKey, String> = enhanced
            .iter()
            .map(|it| (it.value.code, it.value.sample_text.to_ascii_lowercase()))
            .collect();
        v.vendors(&vendors, e, b, &sample_texts);
        if let Some(f) = &f_classifier {
            v.classifier(
                &classifier,
                f,
                e,
                b,
                &subject_codes.clone().unwrap_or_default(),
                &vendors,
            );
        }
    }

    if !diags.is_empty() {
        return Err(Invalid(diags.into_sorted()));
    }
    let Some(meta) = meta else {
        return Err(Invalid(diags.into_sorted()));
    };
    let mut all_basic: Vec<BasicEntry> = basic.into_iter().chain(nonstd).map(|i| i.value).collect();
    all_basic.sort_by_key(|b| b.code);
    let mut vendors: Vec<VendorFile> = vendors.into_iter().map(|i| i.value).collect();
    vendors.sort_by(|a, b| a.vendor.cmp(&b.vendor));
    let registry = Registry {
        meta,
        classes: classes.into_iter().map(|i| i.value).collect(),
        subjects: subjects.into_iter().map(|i| i.value).collect(),
        enhanced: enhanced.into_iter().map(|i| i.value).collect(),
        basic: all_basic,
        commands: commands.into_iter().map(|i| i.value).collect(),
        troubleshooting: trouble.into_iter().map(|i| i.value).collect(),
        vendors,
        classifier,
        reply_vectors,
    };
    crate::check_standards::check(&registry, shown_dir, &|f, p| docs.at(f, p), &mut diags);
    if !diags.is_empty() {
        return Err(Invalid(diags.into_sorted()));
    }
    Ok(registry)
}

fn is_snake_id(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn is_kebab_id(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct Validator<'a> {
    docs: &'a Docs,
    diags: &'a mut Diagnostics,
}

impl Validator<'_> {
    fn err(&mut self, loc: Location, msg: impl Into<String>) {
        self.diags.push(loc, msg);
    }

    fn nonempty<T>(&mut self, item: &Item<T>, field: &str, value: &str) {
        if value.trim().is_empty() {
            let loc = self.docs.item(item, field);
            self.err(loc, format!("`{field}` is empty; write it"));
        }
    }

    /// Checks a retry policy: durations well formed, nothing about timing when it says never.
    fn retry_policy(&mut self, file: &str, path: &YamlPath, p: &RetryPolicy) {
        for (field, v) in [
            ("first_after", &p.first_after),
            ("give_up_after", &p.give_up_after),
        ] {
            if let Some(d) = v {
                let ok = d.len() >= 2
                    && d[..d.len() - 1].bytes().all(|b| b.is_ascii_digit())
                    && !d.starts_with('0')
                    && matches!(d.as_bytes()[d.len() - 1], b'm' | b'h' | b'd');
                if !ok {
                    let loc = self.docs.at(file, &path.key(field));
                    self.err(loc, format!("`{d}` is not a duration; write a number and m, h or d, such as 30m or 5d"));
                }
            }
        }
        for (field, v) in [("backoff", &p.backoff), ("how", &p.how)] {
            if v.as_deref().is_some_and(|t| t.trim().is_empty()) {
                let loc = self.docs.at(file, &path.key(field));
                self.err(loc, format!("`{field}` is empty; write it or leave it out"));
            }
        }
        if p.give_up_attempts == Some(0) {
            let loc = self.docs.at(file, &path.key("give_up_attempts"));
            self.err(loc, "`give_up_attempts` must be at least 1");
        }
        let timing = p.first_after.is_some()
            || p.backoff.is_some()
            || p.how.is_some()
            || p.give_up_after.is_some()
            || p.give_up_attempts.is_some();
        if p.retry == Retry::Never && timing {
            let loc = self.docs.at(file, &path.key("retry"));
            self.err(
                loc,
                "a policy that never retries cannot say when or how to retry",
            );
        }
    }

    /// Reports keys out of order and keys given twice. `show` renders a key for messages.
    fn order<'i, T, K: Ord + Copy>(
        &mut self,
        items: &'i [Item<T>],
        what: &str,
        key: impl Fn(&'i T) -> K,
        show: impl Fn(K) -> String,
    ) {
        let mut first: BTreeMap<K, usize> = BTreeMap::new();
        for (i, it) in items.iter().enumerate() {
            let k = key(&it.value);
            if let Some(&j) = first.get(&k) {
                let prev = self.docs.entry(&items[j]);
                let loc = self.docs.item(it, what);
                self.err(loc, format!("duplicate {what} `{}`: already defined at line {}; keep one entry per {what}", show(k), prev.line));
                continue;
            }
            first.insert(k, i);
            if i > 0 {
                let pk = key(&items[i - 1].value);
                if pk > k {
                    let loc = self.docs.item(it, what);
                    self.err(
                        loc,
                        format!("{what} `{}` is out of order: it must come before `{}`; keep the file sorted by {what}", show(k), show(pk)),
                    );
                }
            }
        }
    }

    /// Checks identifiers: well-formed, unique, and unique after case conversion.
    fn names<T>(&mut self, items: &[Item<T>], name: impl Fn(&T) -> &str) {
        let mut seen: HashMap<String, (String, usize)> = HashMap::new();
        for it in items {
            let n = name(&it.value);
            let loc = self.docs.item(it, "name");
            if let Err(e) = names::check_identifier(n) {
                self.err(loc, e);
                continue;
            }
            let forms = [
                ("Rust/C constant", names::screaming_snake(n)),
                ("snake_case", names::snake(n)),
            ];
            let mut clash = None;
            for (lang, form) in &forms {
                if let Some((other, line)) = seen.get(&format!("{lang}:{form}")) {
                    clash = Some(format!(
                        "identifier `{n}` collides with `{other}` (line {line}): both become `{form}` as a {lang}; choose a distinct name"
                    ));
                    break;
                }
            }
            if let Some(c) = clash {
                self.err(loc, c);
                continue;
            }
            for (lang, form) in forms {
                seen.insert(format!("{lang}:{form}"), (n.to_string(), loc.line));
            }
        }
    }

    fn references<T>(&mut self, item: &Item<T>, refs: &[Reference], required: bool) {
        if required && refs.is_empty() {
            let loc = self.docs.item(item, "references");
            self.err(
                loc,
                "`references` is empty; cite at least the defining document and section",
            );
        }
    }

    fn commands_known<T>(
        &mut self,
        item: &Item<T>,
        field_path: YamlPath,
        cmds: &[String],
        known: Option<&[String]>,
    ) {
        let Some(known) = known else { return };
        for (i, c) in cmds.iter().enumerate() {
            if !known.contains(c) {
                let loc = self.docs.at(&item.file, &field_path.index(i));
                self.err(
                    loc,
                    format!(
                        "unknown command `{c}`; define it in data/commands.yaml or use one of: {}",
                        known.join(", ")
                    ),
                );
            }
        }
    }
}
