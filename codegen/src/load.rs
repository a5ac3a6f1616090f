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

use crate::classifier::Classifier;
use crate::diag::{Diagnostics, Invalid, Location};
use crate::iana::parse_basic_text;
use crate::manifest;
use crate::model::*;
use crate::names;
use crate::yaml::{Document, YamlPath};

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

/// Reads `data_dir/name` (shown as `shown_dir/name`) into a document. Every file the
/// loader reads is declared in [`manifest`] and required.
fn read_doc(
    data_dir: &Path,
    shown_dir: &str,
    name: &str,
    docs: &mut Docs,
    diags: &mut Diagnostics,
) -> Option<String> {
    let shown = format!("{shown_dir}/{name}");
    let bytes = match fs::read(data_dir.join(name)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags.push(
                Location::file(&shown),
                "the file is missing; the registry needs it (see data/README.md)",
            );
            return None;
        }
        Err(e) => {
            diags.push(Location::file(&shown), format!("cannot read the file: {e}"));
            return None;
        }
    };
    let doc = Document::read(&shown, &bytes, diags)?;
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
    let read = |name: &str, docs: &mut Docs, diags: &mut Diagnostics| {
        read_doc(data_dir, shown_dir, name, docs, diags)
    };
    let vendor_names = manifest::survey(data_dir, shown_dir, &mut diags);
    let f_meta = read(manifest::REGISTRY, &mut docs, &mut diags);
    let f_classes = read(manifest::CLASSES, &mut docs, &mut diags);
    let f_subjects = read(manifest::SUBJECTS, &mut docs, &mut diags);
    let f_enhanced = read(manifest::ENHANCED, &mut docs, &mut diags);
    let f_basic = read(manifest::BASIC, &mut docs, &mut diags);
    let f_nonstd = read(manifest::NONSTANDARD, &mut docs, &mut diags);
    let f_commands = read(manifest::COMMANDS, &mut docs, &mut diags);
    let f_trouble = read(manifest::TROUBLESHOOTING, &mut docs, &mut diags);
    let f_classifier = read(manifest::CLASSIFIER, &mut docs, &mut diags);
    let vendor_files: Vec<String> = vendor_names
        .iter()
        .filter_map(|n| read(n, &mut docs, &mut diags))
        .collect();

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

    let f_vectors = read(manifest::REPLY_VECTORS, &mut docs, &mut diags);
    let reply_vectors = f_vectors.map_or_else(Vec::new, |f| {
        let reasons: Vec<&str> = classifier.reasons.iter().map(|r| r.id.as_str()).collect();
        crate::vectors::load(&docs.docs[&f], &reasons, &mut diags)
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
    Ok(Registry {
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
    })
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

    fn meta(&mut self, meta: &Meta, file: &str) {
        let root = YamlPath::root();
        let ok = !meta.registry_version.is_empty()
            && meta
                .registry_version
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            let loc = self.docs.at(file, &root.key("registry_version"));
            self.err(
                loc,
                format!(
                    "registry_version `{}` must be dot-separated numbers, such as `2026.11.29`",
                    meta.registry_version
                ),
            );
        }
        if let Some(u) = &meta.site_url {
            if !(u.starts_with("https://") || u.starts_with("http://")) || !u.ends_with('/') {
                let loc = self.docs.at(file, &root.key("site_url"));
                self.err(
                    loc,
                    format!("site_url `{u}` must be an http(s) URL ending in `/`"),
                );
            }
        }
    }

    fn classes(&mut self, items: &[Item<ClassEntry>]) {
        self.order(items, "class", |c| c.class, |k| k.to_string());
        self.names(items, |c| &c.name);
        for it in items {
            if !matches!(it.value.class, 2 | 4 | 5) {
                let loc = self.docs.item(it, "class");
                self.err(
                    loc,
                    format!(
                        "class `{}` does not exist: RFC 3463 allows only 2, 4 and 5",
                        it.value.class
                    ),
                );
            }
            self.nonempty(it, "title", &it.value.title);
            self.nonempty(it, "description", &it.value.description);
            self.references(it, &it.value.references, true);
        }
    }

    fn subjects(&mut self, items: &[Item<SubjectEntry>]) {
        self.order(items, "subject", |s| s.subject, |k| format!("X.{k}"));
        self.names(items, |s| &s.name);
        for it in items {
            if it.value.subject > 999 {
                let loc = self.docs.item(it, "subject");
                self.err(
                    loc,
                    format!(
                        "subject `{}` has more than 3 digits (RFC 3463 allows 0 to 999)",
                        it.value.subject
                    ),
                );
            }
            self.nonempty(it, "title", &it.value.title);
            self.nonempty(it, "description", &it.value.description);
            self.references(it, &it.value.references, true);
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

    fn commands(&mut self, items: &[Item<CommandEntry>]) {
        self.order(items, "name", |c| c.name.as_str(), str::to_string);
        for it in items {
            let n = it.value.name.as_str();
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_uppercase()) {
                let loc = self.docs.item(it, "name");
                self.err(loc, format!("command `{n}` must be upper-case ASCII letters, as sent on the wire (`RCPT`)"));
            }
            self.nonempty(it, "title", &it.value.title);
            self.nonempty(it, "description", &it.value.description);
        }
    }

    fn basic(
        &mut self,
        standard: &[Item<BasicEntry>],
        nonstd: &[Item<BasicEntry>],
        commands: Option<&[String]>,
    ) {
        self.order(standard, "code", |b| b.code, |k| k.to_string());
        self.order(nonstd, "code", |b| b.code, |k| k.to_string());
        let both: Vec<&Item<BasicEntry>> = standard.iter().chain(nonstd).collect();
        // Codes and names are unique across the two files.
        let mut by_code: HashMap<u16, &Item<BasicEntry>> = HashMap::new();
        for it in standard {
            by_code.insert(it.value.code, it);
        }
        for it in nonstd {
            if let Some(std) = by_code.get(&it.value.code) {
                let prev = self.docs.entry(std);
                let loc = self.docs.item(it, "code");
                self.err(
                    loc,
                    format!(
                        "code `{}` is already in {} (line {}): a vendor meaning of a standard number is an extra meaning of that entry (with `vendor` and `source`), not a second code",
                        it.value.code, prev.file, prev.line
                    ),
                );
            }
        }
        let all: Vec<Item<BasicEntry>> = both
            .iter()
            .map(|i| Item {
                file: i.file.clone(),
                path: i.path.clone(),
                value: i.value.clone(),
            })
            .collect();
        self.names(&all, |b| &b.name);

        for it in standard {
            let b = &it.value;
            if b.status == BasicStatus::Nonstandard {
                let loc = self.docs.item(it, "status");
                self.err(loc, format!("code `{}` is marked nonstandard: move it to nonstandard.yaml, which keeps such codes apart", b.code));
            }
            if !(200..=599).contains(&b.code) {
                let loc = self.docs.item(it, "code");
                self.err(loc, format!("code `{}` is not a reply code: standard replies are three digits with a first digit of 2 to 5 (RFC 5321 section 4.2)", b.code));
            }
            if b.kind.is_some() {
                let loc = self.docs.item(it, "kind");
                self.err(loc, "`kind` belongs to non-standard codes only; remove it");
            }
            if b.text_source.is_none() {
                let loc = self.docs.entry(it);
                self.err(loc, format!("code `{}` has no `text_source`: name the RFC section its `text` is quoted from", b.code));
            }
            if b.introduced.is_none() {
                let loc = self.docs.entry(it);
                self.err(
                    loc,
                    format!(
                        "code `{}` has no `introduced`: name the first RFC that gave it a meaning",
                        b.code
                    ),
                );
            }
            if b.meanings.first().is_some_and(|m| m.document.is_none()) {
                let loc = self.docs.at(&it.file, &it.path.key("meanings").index(0));
                self.err(loc, "the first meaning of a standard code must be an RFC's (with `document` and `section`)");
            }
        }
        for it in nonstd {
            let b = &it.value;
            if b.status != BasicStatus::Nonstandard {
                let loc = self.docs.item(it, "status");
                self.err(
                    loc,
                    format!(
                        "code `{}` in nonstandard.yaml must have `status: nonstandard`",
                        b.code
                    ),
                );
            }
            if !(100..=999).contains(&b.code) {
                let loc = self.docs.item(it, "code");
                self.err(loc, format!("code `{}` is not a 3-digit number", b.code));
            }
            if b.kind.is_none() {
                let loc = self.docs.entry(it);
                self.err(loc, format!("non-standard code `{}` needs a `kind`: vendor, client_error, registry_association or shortened_enhanced", b.code));
            }
            if b.confidence.as_deref().is_none_or(|c| c.trim().is_empty()) {
                let loc = self.docs.entry(it);
                self.err(
                    loc,
                    format!(
                        "non-standard code `{}` needs a `confidence`: how sure its meaning is",
                        b.code
                    ),
                );
            }
            if b.kind != Some(NonstandardKind::ClientError) && !(200..=599).contains(&b.code) {
                let loc = self.docs.item(it, "kind");
                self.err(loc, format!("code `{}` cannot be sent by a server (first digit not 2 to 5); mark it `kind: client_error`", b.code));
            }
        }
        for it in both {
            let b = &it.value;
            self.nonempty(it, "text", &b.text);
            self.nonempty(it, "description", &b.description);
            if b.meanings.is_empty() {
                let loc = self.docs.item(it, "meanings");
                self.err(
                    loc,
                    format!(
                        "code `{}` has no meanings; give at least one with its source",
                        b.code
                    ),
                );
            }
            self.commands_known(it, it.path.key("commands"), &b.commands, commands);
            for (i, m) in b.meanings.iter().enumerate() {
                let mp = it.path.key("meanings").index(i);
                self.commands_known(it, mp.key("commands"), &m.commands, commands);
                for c in &m.commands {
                    if !b.commands.contains(c) && b.status != BasicStatus::Nonstandard {
                        let loc = self.docs.at(&it.file, &mp.key("commands"));
                        self.err(loc, format!("command `{c}` of this meaning is missing from the code's `commands` list; add it there"));
                    }
                }
                if m.text.trim().is_empty() {
                    let loc = self.docs.at(&it.file, &mp.key("text"));
                    self.err(loc, "meaning `text` is empty");
                }
                match (&m.document, m.sources.first()) {
                    (Some(_), Some(_)) => {
                        let loc = self.docs.at(&it.file, &mp);
                        self.err(loc, "a meaning cites either an RFC (`document`, `section`) or a page (`source`, `read`), not both");
                    }
                    (None, None) => {
                        let loc = self.docs.at(&it.file, &mp);
                        self.err(loc, "a meaning must cite its origin: an RFC (`document`, `section`) or a page (`source` with `read` date)");
                    }
                    (None, Some(_)) if m.read.is_none() => {
                        let loc = self.docs.at(&it.file, &mp);
                        self.err(loc, "a meaning taken from a page needs the date it was read (`read: YYYY-MM-DD`)");
                    }
                    (Some(_), None) if m.vendor.is_some() => {
                        let loc = self.docs.at(&it.file, &mp.key("vendor"));
                        self.err(loc, "a vendor meaning cites the vendor's page (`source`, `read`), not an RFC");
                    }
                    _ => {}
                }
                if m.section.is_some() && m.document.is_none() {
                    let loc = self.docs.at(&it.file, &mp.key("section"));
                    self.err(loc, "`section` needs `document`");
                }
            }
            for (i, u) in b.uses.iter().enumerate() {
                let up = it.path.key("uses").index(i);
                self.commands_known(it, up.key("commands"), &u.commands, commands);
                for c in &u.commands {
                    if !b.commands.contains(c) && b.status != BasicStatus::Nonstandard {
                        let loc = self.docs.at(&it.file, &up.key("commands"));
                        self.err(loc, format!("command `{c}` of this use is missing from the code's `commands` list; add it there"));
                    }
                }
            }
        }
    }

    fn basic_uses<'b>(
        &mut self,
        items: impl Iterator<Item = &'b Item<BasicEntry>>,
        enhanced: &BTreeSet<EnhancedKey>,
    ) {
        for it in items {
            for (i, u) in it.value.uses.iter().enumerate() {
                for (j, k) in u.enhanced.iter().enumerate() {
                    if !enhanced.contains(k) {
                        let loc = self.docs.at(
                            &it.file,
                            &it.path.key("uses").index(i).key("enhanced").index(j),
                        );
                        self.err(loc, format!("enhanced code `{k}` is not in enhanced.yaml"));
                    }
                }
            }
        }
    }

    fn enhanced(
        &mut self,
        items: &[Item<EnhancedEntry>],
        basic: Option<&BTreeMap<u16, BasicStatus>>,
        subjects: Option<&[u16]>,
        all_keys: &BTreeSet<EnhancedKey>,
    ) {
        self.order(items, "code", |e| e.code, |k| k.to_string());
        self.names(items, |e| &e.name);
        let keys: HashMap<EnhancedKey, Lifecycle> = items
            .iter()
            .map(|e| (e.value.code, e.value.status))
            .collect();
        for it in items {
            let e = &it.value;
            if subjects.is_some_and(|s| !s.contains(&e.code.subject)) {
                let loc = self.docs.item(it, "code");
                self.err(
                    loc,
                    format!(
                        "code `{}` has subject {} which subjects.yaml does not define",
                        e.code, e.code.subject
                    ),
                );
            }
            if e.status == Lifecycle::Current {
                self.nonempty(it, "sample_text", &e.sample_text);
            }
            self.nonempty(it, "description", &e.description);
            self.references(it, &e.references, true);
            // Associated basic codes: structure equals IANA's text, numbers are defined.
            let bc = &e.basic_codes;
            let bp = it.path.key("basic_codes");
            match parse_basic_text(&bc.iana) {
                Ok(parsed) => {
                    if parsed != *bc {
                        let loc = self.docs.at(&it.file, &bp);
                        self.err(
                            loc,
                            format!(
                                "basic_codes does not match IANA's text `{}`: it says codes {:?}, classes {:?}, any {}",
                                bc.iana, parsed.codes, parsed.classes, parsed.any
                            ),
                        );
                    }
                }
                Err(msg) => {
                    let loc = self.docs.at(&it.file, &bp.key("iana"));
                    self.err(loc, msg);
                }
            }
            for (i, c) in bc.codes.iter().enumerate() {
                if basic.is_some_and(|b| !b.contains_key(c)) {
                    let loc = self.docs.at(&it.file, &bp.key("codes").index(i));
                    self.err(loc, format!("associated basic code `{c}` is not defined; add it to basic.yaml (or nonstandard.yaml if no RFC defines it)"));
                }
            }
            for (i, c) in bc.classes.iter().enumerate() {
                if !matches!(c, 2 | 4 | 5) {
                    let loc = self.docs.at(&it.file, &bp.key("classes").index(i));
                    self.err(loc, format!("class `{c}` does not exist: only 2, 4 and 5"));
                }
            }
            // usable_as: non-empty, sorted, unique.
            if e.usable_as.is_empty() {
                let loc = self.docs.item(it, "usable_as");
                self.err(
                    loc,
                    "`usable_as` is empty; list success, transient and/or permanent",
                );
            }
            if e.usable_as.windows(2).any(|w| w[0] >= w[1]) {
                let loc = self.docs.item(it, "usable_as");
                self.err(loc, "`usable_as` must list each outcome once, in the order success, transient, permanent");
            }
            // Lifecycle.
            match (e.status, e.replaced_by) {
                (Lifecycle::Deprecated, None) => {
                    let loc = self.docs.item(it, "status");
                    self.err(
                        loc,
                        format!(
                            "deprecated code `{}` needs `replaced_by`: the code to use instead",
                            e.code
                        ),
                    );
                }
                (Lifecycle::Current, Some(_)) => {
                    let loc = self.docs.item(it, "replaced_by");
                    self.err(loc, "`replaced_by` is only for deprecated codes; remove it or set `status: deprecated`");
                }
                (Lifecycle::Deprecated, Some(r)) => {
                    match keys.get(&r) {
                        // Named by an entry that failed to load: its own error says why.
                        None if all_keys.contains(&r) => {}
                        None => {
                            let loc = self.docs.item(it, "replaced_by");
                            self.err(
                                loc,
                                format!("replacement `{r}` does not exist in enhanced.yaml"),
                            );
                        }
                        Some(Lifecycle::Deprecated) => {
                            let loc = self.docs.item(it, "replaced_by");
                            self.err(loc, format!("replacement `{r}` is itself deprecated; point at a current code"));
                        }
                        Some(Lifecycle::Current) if r == e.code => {
                            let loc = self.docs.item(it, "replaced_by");
                            self.err(loc, "a code cannot replace itself");
                        }
                        _ => {}
                    }
                }
                (Lifecycle::Current, None) => {}
            }
        }
    }

    fn troubleshooting(
        &mut self,
        items: &[Item<TroubleshootingEntry>],
        enhanced: &BTreeSet<EnhancedKey>,
        basic: &BTreeMap<u16, BasicStatus>,
    ) {
        self.order(items, "code", |t| t.code, |k| k.to_string());
        for it in items {
            let t = &it.value;
            let exists = match t.code {
                CodeRef::Enhanced(k) => enhanced.contains(&k),
                CodeRef::Basic(b) => basic
                    .get(&b)
                    .is_some_and(|s| *s != BasicStatus::Nonstandard),
            };
            if !exists {
                let loc = self.docs.item(it, "code");
                self.err(loc, format!("code `{}` is not a standard code in the registry; troubleshooting covers registered codes only", t.code));
            }
            self.nonempty(it, "summary", &t.summary);
            for (field, list) in [
                ("causes", &t.causes),
                ("sender_fixes", &t.sender_fixes),
                ("admin_fixes", &t.admin_fixes),
            ] {
                if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
                    let loc = self.docs.item(it, field);
                    self.err(loc, format!("`{field}` needs at least one non-empty item"));
                }
            }
        }
    }

    fn vendors(
        &mut self,
        files: &[Item<VendorFile>],
        enhanced: &BTreeSet<EnhancedKey>,
        basic: &BTreeMap<u16, BasicStatus>,
        sample_texts: &BTreeMap<EnhancedKey, String>,
    ) {
        for it in files {
            let v = &it.value;
            let stem = it
                .file
                .rsplit('/')
                .next()
                .unwrap_or("")
                .trim_end_matches(".yaml");
            if v.vendor != stem {
                let loc = self.docs.item(it, "vendor");
                self.err(
                    loc,
                    format!(
                        "vendor slug `{}` must equal the file name `{stem}`",
                        v.vendor
                    ),
                );
            }
            if v.vendor.is_empty()
                || !v
                    .vendor
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                let loc = self.docs.item(it, "vendor");
                self.err(
                    loc,
                    format!(
                        "vendor slug `{}` must be lower-case letters, digits and `-`",
                        v.vendor
                    ),
                );
            }
            self.nonempty(it, "name", &v.name);
            self.nonempty(it, "description", &v.description);
            let mut ids: HashMap<&str, usize> = HashMap::new();
            for (i, s) in v.sources.iter().enumerate() {
                let sp = it.path.key("sources").index(i);
                if ids.insert(s.id.as_str(), i).is_some() {
                    let loc = self.docs.at(&it.file, &sp.key("id"));
                    self.err(loc, format!("source id `{}` is used twice", s.id));
                }
                if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
                    let loc = self.docs.at(&it.file, &sp.key("url"));
                    self.err(
                        loc,
                        format!("source url `{}` must be an http(s) URL", s.url),
                    );
                }
            }
            if v.entries.is_empty() {
                let loc = self.docs.item(it, "entries");
                self.err(loc, "a vendor file needs at least one entry");
            }
            for (i, e) in v.entries.iter().enumerate() {
                let ep = it.path.key("entries").index(i);
                let at = |f: &str| ep.key(f);
                if !ids.contains_key(e.source.as_str()) {
                    let loc = self.docs.at(&it.file, &at("source"));
                    self.err(
                        loc,
                        format!("source `{}` is not one of this file's sources", e.source),
                    );
                }
                if e.basic.is_none()
                    && e.enhanced.is_none()
                    && e.token.is_none()
                    && e.pattern.is_none()
                {
                    let loc = self.docs.at(&it.file, &ep);
                    self.err(
                        loc,
                        "an entry needs something to recognise it by: a basic code, an enhanced code, a token or a pattern",
                    );
                }
                if let Some(b) = e.basic {
                    if !(200..=599).contains(&b) {
                        let loc = self.docs.at(&it.file, &at("basic"));
                        self.err(loc, format!("basic code `{b}` is not a reply code (three digits, first digit 2 to 5)"));
                    }
                }
                let refines_ok = match e.refines {
                    CodeRef::Enhanced(k) => enhanced.contains(&k),
                    CodeRef::Basic(b) => basic
                        .get(&b)
                        .is_some_and(|s| *s != BasicStatus::Nonstandard),
                };
                if !refines_ok {
                    let loc = self.docs.at(&it.file, &at("refines"));
                    self.err(
                        loc,
                        format!(
                            "`refines: {}` must name a standard code in the registry",
                            e.refines
                        ),
                    );
                }
                if let (Some(full), CodeRef::Enhanced(k)) = (e.enhanced, e.refines) {
                    if full.subject != k.subject {
                        let loc = self.docs.at(&it.file, &at("refines"));
                        self.err(
                            loc,
                            format!("`{full}` cannot refine `{k}`: the subjects differ"),
                        );
                    }
                }
                // A pattern that is part of the registered sample text tells nothing about
                // the vendor: any server may send those words with that code.
                if let (Some(p), CodeRef::Enhanced(k)) = (&e.pattern, e.refines) {
                    let generic = sample_texts.get(&k).is_some_and(|t| {
                        !p.trim().is_empty() && t.contains(&p.to_ascii_lowercase())
                    });
                    if generic {
                        let loc = self.docs.at(&it.file, &at("pattern"));
                        self.err(loc, format!("pattern `{p}` is part of {k}'s registered sample text, so it cannot tell this vendor's meaning apart; use a fragment only this vendor sends, or null"));
                    }
                }
                if e.pattern.as_deref().is_some_and(|p| p.trim().is_empty()) {
                    let loc = self.docs.at(&it.file, &at("pattern"));
                    self.err(loc, "`pattern` is empty; write a distinctive fragment of the reply text, or null");
                }
                for (field, val) in [
                    ("meaning", &e.meaning),
                    ("cause", &e.cause),
                    ("sender_action", &e.sender_action),
                    ("admin_action", &e.admin_action),
                ] {
                    if val.trim().is_empty() {
                        let loc = self.docs.at(&it.file, &at(field));
                        self.err(loc, format!("`{field}` is empty"));
                    }
                }
            }
        }
    }

    fn classifier(
        &mut self,
        c: &Classifier,
        file: &str,
        enhanced: &BTreeSet<EnhancedKey>,
        basic: &BTreeMap<u16, BasicStatus>,
        subjects: &[u16],
        vendors: &[Item<VendorFile>],
    ) {
        let root = YamlPath::root();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, r) in c.reasons.iter().enumerate() {
            let p = root.key("reasons").index(i);
            if !is_snake_id(&r.id) {
                let loc = self.docs.at(file, &p.key("id"));
                self.err(
                    loc,
                    format!("reason id `{}` must be snake_case (`unknown_user`)", r.id),
                );
            }
            if let Some(j) = ids.insert(r.id.as_str(), i) {
                let loc = self.docs.at(file, &p.key("id"));
                let prev = self.docs.at(file, &root.key("reasons").index(j));
                self.err(
                    loc,
                    format!(
                        "reason `{}` is defined twice (first at line {})",
                        r.id, prev.line
                    ),
                );
            }
            for (field, val) in [("title", &r.title), ("advice", &r.advice)] {
                if val.trim().is_empty() {
                    let loc = self.docs.at(file, &p.key(field));
                    self.err(loc, format!("`{field}` is empty"));
                }
            }
        }
        for needed in ["unknown", "accepted"] {
            if !ids.contains_key(needed) {
                let loc = self.docs.at(file, &root.key("reasons"));
                self.err(loc, format!("the taxonomy needs the reason `{needed}`"));
            }
        }
        let check_reason = |this: &mut Self, reason: &str, path: YamlPath| {
            if !ids.contains_key(reason) {
                let loc = this.docs.at(file, &path);
                this.err(
                    loc,
                    format!("reason `{reason}` is not defined under `reasons`"),
                );
            }
        };
        // Enhanced defaults: every registered code exactly once, in order.
        let mut seen: BTreeMap<EnhancedKey, usize> = BTreeMap::new();
        for (i, e) in c.enhanced.iter().enumerate() {
            let p = root.key("enhanced").index(i);
            check_reason(self, &e.reason, p.key("reason"));
            if !enhanced.contains(&e.code) {
                let loc = self.docs.at(file, &p.key("code"));
                self.err(loc, format!("`{}` is not in enhanced.yaml; defaults are for registered codes (use `subjects` for the rest)", e.code));
            }
            if seen.insert(e.code, i).is_some() {
                let loc = self.docs.at(file, &p.key("code"));
                self.err(loc, format!("`{}` has two defaults; keep one", e.code));
            } else if i > 0 && c.enhanced[i - 1].code > e.code {
                let loc = self.docs.at(file, &p.key("code"));
                self.err(
                    loc,
                    format!(
                        "`{}` is out of order; keep `enhanced` sorted by code",
                        e.code
                    ),
                );
            }
        }
        for k in enhanced {
            if !seen.contains_key(k) {
                let loc = self.docs.at(file, &root.key("enhanced"));
                self.err(loc, format!("registered code `{k}` has no default reason; add `- {{ code: {k}, reason: ... }}`"));
            }
        }
        for (i, k) in c.generic_enhanced.iter().enumerate() {
            if !enhanced.contains(k) {
                let loc = self.docs.at(file, &root.key("generic_enhanced").index(i));
                self.err(loc, format!("`{k}` is not in enhanced.yaml"));
            }
        }
        let mut seen_subjects = Vec::new();
        for (i, s) in c.subjects.iter().enumerate() {
            let p = root.key("subjects").index(i);
            check_reason(self, &s.reason, p.key("reason"));
            if !subjects.contains(&s.subject) || seen_subjects.contains(&s.subject) {
                let loc = self.docs.at(file, &p.key("subject"));
                self.err(
                    loc,
                    format!(
                        "subject `{}` must be a registered subject, given once",
                        s.subject
                    ),
                );
            }
            seen_subjects.push(s.subject);
        }
        let mut seen_basic = Vec::new();
        for (i, b) in c.basic.iter().enumerate() {
            let p = root.key("basic").index(i);
            check_reason(self, &b.reason, p.key("reason"));
            if !basic.contains_key(&b.code) || seen_basic.contains(&b.code) {
                let loc = self.docs.at(file, &p.key("code"));
                self.err(
                    loc,
                    format!(
                        "code `{}` must be a reply code in the registry, given once",
                        b.code
                    ),
                );
            }
            if seen_basic.last().is_some_and(|l| *l > b.code) {
                let loc = self.docs.at(file, &p.key("code"));
                self.err(
                    loc,
                    format!("code `{}` is out of order; keep `basic` sorted", b.code),
                );
            }
            seen_basic.push(b.code);
        }
        let mut rule_ids: HashMap<&str, usize> = HashMap::new();
        for (i, r) in c.rules.iter().enumerate() {
            let p = root.key("rules").index(i);
            check_reason(self, &r.reason, p.key("reason"));
            if !is_kebab_id(&r.id) {
                let loc = self.docs.at(file, &p.key("id"));
                self.err(
                    loc,
                    format!("rule id `{}` must be kebab-case (`block-lists`)", r.id),
                );
            }
            if rule_ids.insert(r.id.as_str(), i).is_some() {
                let loc = self.docs.at(file, &p.key("id"));
                self.err(loc, format!("rule id `{}` is used twice", r.id));
            }
            if r.any.is_empty() {
                let loc = self.docs.at(file, &p.key("any"));
                self.err(loc, "a rule needs at least one phrase in `any`");
            }
            for (field, list) in [("any", &r.any), ("all", &r.all), ("none", &r.none)] {
                for (j, phrase) in list.iter().enumerate() {
                    if let Err(e) = crate::classifier::check_phrase(phrase) {
                        let loc = self.docs.at(file, &p.key(field).index(j));
                        self.err(loc, e);
                    }
                }
            }
            for (j, class) in r.classes.iter().enumerate() {
                if !(2..=5).contains(class) {
                    let loc = self.docs.at(file, &p.key("classes").index(j));
                    self.err(
                        loc,
                        format!("class `{class}` is not a reply class (2 to 5)"),
                    );
                }
            }
            for (j, code) in r.codes.iter().enumerate() {
                if !basic.contains_key(code) {
                    let loc = self.docs.at(file, &p.key("codes").index(j));
                    self.err(loc, format!("code `{code}` is not in the registry"));
                }
            }
            for (j, k) in r.enhanced.iter().enumerate() {
                if !enhanced.contains(k) {
                    let loc = self.docs.at(file, &p.key("enhanced").index(j));
                    self.err(loc, format!("`{k}` is not in enhanced.yaml"));
                }
            }
        }
        for it in vendors {
            for (i, e) in it.value.entries.iter().enumerate() {
                if let Some(r) = &e.reason {
                    if !ids.contains_key(r.as_str()) {
                        let loc = self
                            .docs
                            .at(&it.file, &it.path.key("entries").index(i).key("reason"));
                        self.err(
                            loc,
                            format!("reason `{r}` is not defined in data/classifier.yaml"),
                        );
                    }
                }
            }
        }
    }
}
