//! Loading and validating `data/`.
//!
//! [`load`] reads every data file, deserializes each entry on its own (so one bad entry does
//! not hide the next one's problems), then checks the rules that span entries and files:
//! order, uniqueness, identifiers, cross-references, IANA's text against its structure. It
//! returns the [`Registry`] only when no problem was found, and otherwise every problem, each
//! located at its `file:line:column`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Diagnostics, Invalid, Location};
use crate::iana::parse_basic_text;
use crate::manifest;
use crate::model::*;
use crate::names;
use crate::yaml::{Document, YamlPath};

mod basic;
mod bounce_formats;
mod classes;
mod classifier;
mod commands;
mod crosswalk;
mod documents;
mod editions;
mod enhanced;
mod meta;
mod read;
mod standards;
mod subjects;
mod troubleshooting;
pub mod vectors;
mod vendors;

pub use classifier::check_phrase;
use read::*;

/// Loads and validates the registry under `data_dir`. File names in messages are shown
/// relative to the project root as `data/...`.
pub fn load(data_dir: &Path) -> Result<Registry, Invalid> {
    load_as(data_dir, "data")
}

/// Like [`load`], naming files `shown_dir/...` in messages (fixtures use their own folder).
pub fn load_as(data_dir: &Path, shown_dir: &str) -> Result<Registry, Invalid> {
    let mut diags = Diagnostics::default();
    let mut docs = Docs::default();
    let files = Files::read(data_dir, shown_dir, &mut docs, &mut diags);
    let usable = Usable::check(&docs, &files, &mut diags);
    let entries = Entries::read(&docs, &files, &usable, &mut diags);
    let keys = Keys::collect(&docs, &files, &usable, &entries);
    validate(&docs, &files, &entries, &keys, &mut diags);
    if !diags.is_empty() {
        return Err(Invalid(diags.into_sorted()));
    }
    let Some(registry) = entries.into_registry() else {
        return Err(Invalid(diags.into_sorted()));
    };
    // Rules that read the whole registry (the standards' own rules); see standards.rs.
    standards::check(&registry, shown_dir, &|f, p| docs.at(f, p), &mut diags);
    if !diags.is_empty() {
        return Err(Invalid(diags.into_sorted()));
    }
    Ok(registry)
}

/// The data files, as the names they are shown by; `None` for a file that could not be read
/// or parsed (already reported).
struct Files {
    meta: Option<String>,
    classes: Option<String>,
    subjects: Option<String>,
    enhanced: Option<String>,
    basic: Option<String>,
    nonstandard: Option<String>,
    commands: Option<String>,
    troubleshooting: Option<String>,
    classifier: Option<String>,
    bounce_formats: Option<String>,
    documents: Option<String>,
    editions: Option<String>,
    vendors: Vec<String>,
    /// The names in `vendors/` without their extension (a misnamed or broken vendor file
    /// still names its vendor), or `None` when the folder cannot be listed or is empty.
    vendor_stems: Option<Vec<String>>,
    vectors: Option<String>,
}

impl Files {
    /// Reads every file the manifest declares (each one required) and the vendor files; a
    /// missing, unexpected or unreadable file is reported here.
    fn read(data_dir: &Path, shown_dir: &str, docs: &mut Docs, diags: &mut Diagnostics) -> Self {
        let vendor_names = manifest::survey(data_dir, shown_dir, diags);
        let vendor_stems = std::fs::read_dir(data_dir.join(manifest::VENDORS))
            .ok()
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        Some(name.split_once('.')?.0.to_string())
                    })
                    .collect::<Vec<String>>()
            })
            .filter(|stems| !stems.is_empty());
        let mut read = |name: &str| read_doc(data_dir, shown_dir, name, docs, diags);
        Files {
            meta: read(manifest::REGISTRY),
            classes: read(manifest::CLASSES),
            subjects: read(manifest::SUBJECTS),
            enhanced: read(manifest::ENHANCED),
            basic: read(manifest::BASIC),
            nonstandard: read(manifest::NONSTANDARD),
            commands: read(manifest::COMMANDS),
            troubleshooting: read(manifest::TROUBLESHOOTING),
            classifier: read(manifest::CLASSIFIER),
            bounce_formats: read(manifest::BOUNCE_FORMATS),
            documents: read(manifest::DOCUMENTS),
            editions: read(manifest::EDITIONS),
            vectors: read(manifest::REPLY_VECTORS),
            vendors: vendor_names.iter().filter_map(|n| read(n)).collect(),
            vendor_stems,
        }
    }
}

/// Which files hold content of the right shape. Checks that depend on the entries of a file
/// that is not usable (unreadable, empty, or of the wrong shape) are skipped, so that one
/// broken file gives its own error and no cascade.
struct Usable {
    meta: bool,
    classes: bool,
    subjects: bool,
    enhanced: bool,
    basic: bool,
    nonstandard: bool,
    commands: bool,
    troubleshooting: bool,
    classifier: bool,
    bounce_formats: bool,
    documents: bool,
    editions: bool,
    vectors: bool,
    vendors: Vec<bool>,
}

impl Usable {
    fn check(docs: &Docs, files: &Files, diags: &mut Diagnostics) -> Self {
        let list = |f: &Option<String>, what, diags: &mut Diagnostics| {
            check_shape(docs, f, Shape::List(what), diags)
        };
        Usable {
            meta: check_shape(docs, &files.meta, meta::SHAPE, diags),
            classes: list(&files.classes, "a list of classes", diags),
            subjects: list(&files.subjects, "a list of subjects", diags),
            enhanced: list(&files.enhanced, "a list of enhanced codes", diags),
            basic: list(&files.basic, "a list of reply codes", diags),
            nonstandard: list(&files.nonstandard, "a list of non-standard codes", diags),
            commands: list(&files.commands, "a list of commands", diags),
            troubleshooting: list(
                &files.troubleshooting,
                "a list of troubleshooting entries",
                diags,
            ),
            classifier: check_shape(docs, &files.classifier, classifier::SHAPE, diags),
            bounce_formats: check_shape(
                docs,
                &files.bounce_formats,
                bounce_formats::shape(),
                diags,
            ),
            documents: list(&files.documents, "a list of documents", diags),
            editions: list(&files.editions, "a list of editions", diags),
            vectors: list(&files.vectors, "a list of reply vectors", diags),
            vendors: files
                .vendors
                .iter()
                .map(|f| check_shape(docs, &Some(f.clone()), vendors::SHAPE, diags))
                .collect(),
        }
    }
}

/// Every entry that deserialized, with its place.
struct Entries {
    meta: Option<Meta>,
    classes: Vec<Item<ClassEntry>>,
    subjects: Vec<Item<SubjectEntry>>,
    enhanced: Vec<Item<EnhancedEntry>>,
    basic: Vec<Item<BasicEntry>>,
    nonstandard: Vec<Item<BasicEntry>>,
    commands: Vec<Item<CommandEntry>>,
    troubleshooting: Vec<Item<TroubleshootingEntry>>,
    classifier: Option<classifier::Loaded>,
    bounce_formats: Option<bounce_formats::Loaded>,
    documents: Vec<Item<DocumentEntry>>,
    editions: Vec<Item<Edition>>,
    vendors: Vec<vendors::Loaded>,
    reply_vectors: Vec<ReplyVector>,
}

impl Entries {
    fn read(docs: &Docs, files: &Files, usable: &Usable, diags: &mut Diagnostics) -> Self {
        let root = YamlPath::root;
        let pick = |ok: bool, f: &Option<String>| if ok { f.clone() } else { None };
        let classifier = pick(usable.classifier, &files.classifier)
            .map(|f| classifier::Loaded::read(&docs.docs[&f], diags));
        let reasons: Vec<String> = classifier
            .as_ref()
            .map(|c| c.reason_ids.clone())
            .unwrap_or_default();
        let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
        Entries {
            meta: pick(usable.meta, &files.meta)
                .and_then(|f| docs.docs[&f].deserialize_at(&root(), diags)),
            classes: items(docs, &pick(usable.classes, &files.classes), root(), diags),
            subjects: items(docs, &pick(usable.subjects, &files.subjects), root(), diags),
            enhanced: items(docs, &pick(usable.enhanced, &files.enhanced), root(), diags),
            basic: items(docs, &pick(usable.basic, &files.basic), root(), diags),
            nonstandard: items(
                docs,
                &pick(usable.nonstandard, &files.nonstandard),
                root(),
                diags,
            ),
            commands: items(docs, &pick(usable.commands, &files.commands), root(), diags),
            troubleshooting: items(
                docs,
                &pick(usable.troubleshooting, &files.troubleshooting),
                root(),
                diags,
            ),
            classifier,
            bounce_formats: pick(usable.bounce_formats, &files.bounce_formats)
                .map(|f| bounce_formats::Loaded::read(&docs.docs[&f], diags)),
            documents: items(
                docs,
                &pick(usable.documents, &files.documents),
                root(),
                diags,
            ),
            editions: items(docs, &pick(usable.editions, &files.editions), root(), diags),
            vendors: files
                .vendors
                .iter()
                .zip(&usable.vendors)
                .filter(|(_, ok)| **ok)
                .map(|(f, _)| vendors::Loaded::read(&docs.docs[f], diags))
                .collect(),
            reply_vectors: files
                .vectors
                .as_ref()
                .filter(|_| usable.vectors)
                .map_or_else(Vec::new, |f| vectors::load(&docs.docs[f], &reasons, diags)),
        }
    }

    /// The registry, once nothing is wrong; `None` when a part is missing.
    fn into_registry(self) -> Option<Registry> {
        let enhanced_keys: Vec<EnhancedKey> = self.enhanced.iter().map(|i| i.value.code).collect();
        let reply_codes: Vec<u16> = self.basic.iter().map(|i| i.value.code).collect();
        let mut basic: Vec<BasicEntry> = self
            .basic
            .into_iter()
            .chain(self.nonstandard)
            .map(|i| i.value)
            .collect();
        basic.sort_by_key(|b| b.code);
        let mut vendors = self
            .vendors
            .into_iter()
            .map(vendors::Loaded::into_model)
            .collect::<Option<Vec<VendorFile>>>()?;
        vendors.sort_by(|a, b| a.vendor.cmp(&b.vendor));
        // A code without a default reason of its own takes its subject's or its class's,
        // once, here: the renderers see one complete table and never apply a fallback.
        let mut classifier = self.classifier?.into_model();
        classifier.complete_defaults(&enhanced_keys, &reply_codes);
        Some(Registry {
            meta: self.meta?,
            classes: self.classes.into_iter().map(|i| i.value).collect(),
            subjects: self.subjects.into_iter().map(|i| i.value).collect(),
            enhanced: self.enhanced.into_iter().map(|i| i.value).collect(),
            basic,
            commands: self.commands.into_iter().map(|i| i.value).collect(),
            troubleshooting: self.troubleshooting.into_iter().map(|i| i.value).collect(),
            vendors,
            classifier,
            bounce_formats: self.bounce_formats?.into_model(),
            documents: self.documents.into_iter().map(|i| i.value).collect(),
            editions: self.editions.into_iter().map(|i| i.value).collect(),
            reply_vectors: self.reply_vectors,
        })
    }
}

/// The keys other files refer to, read from the raw YAML of each usable file (so that an
/// entry that failed to deserialize is still known and references to it are not errors too);
/// `None` for a file that is not usable, whose dependent checks are skipped.
struct Keys {
    command_names: Option<Vec<String>>,
    basic_codes: Option<BTreeMap<u16, BasicStatus>>,
    subject_codes: Option<Vec<u16>>,
    enhanced_keys: Option<BTreeSet<EnhancedKey>>,
}

impl Keys {
    fn collect(docs: &Docs, files: &Files, usable: &Usable, entries: &Entries) -> Self {
        let numbers = |f: &Option<String>, key: &str| -> Vec<u16> {
            raw_keys(docs, f, key)
                .iter()
                .filter_map(|k| k.parse().ok())
                .collect()
        };
        let mut basic_codes: BTreeMap<u16, BasicStatus> = BTreeMap::new();
        // Non-standard first: where a number is in both files (itself an error), the standard
        // entry is the one other files may refer to.
        for c in numbers(&files.nonstandard, "code") {
            basic_codes.insert(c, BasicStatus::Nonstandard);
        }
        for c in numbers(&files.basic, "code") {
            basic_codes.insert(c, BasicStatus::Standard);
        }
        for b in entries.basic.iter().chain(&entries.nonstandard) {
            basic_codes.insert(b.value.code, b.value.status);
        }
        Keys {
            command_names: usable
                .commands
                .then(|| raw_keys(docs, &files.commands, "name")),
            basic_codes: (usable.basic && usable.nonstandard).then_some(basic_codes),
            subject_codes: usable.subjects.then(|| numbers(&files.subjects, "subject")),
            enhanced_keys: usable.enhanced.then(|| {
                raw_keys(docs, &files.enhanced, "code")
                    .iter()
                    .filter_map(|k| k.parse().ok())
                    .collect()
            }),
        }
    }
}

/// Every check that spans entries or files.
fn validate(docs: &Docs, files: &Files, e: &Entries, keys: &Keys, diags: &mut Diagnostics) {
    let mut v = Validator { docs, diags };
    if let (Some(meta), Some(f)) = (&e.meta, &files.meta) {
        v.meta(meta, f);
    }
    v.classes(&e.classes);
    v.subjects(&e.subjects);
    v.commands(&e.commands);
    v.basic(&e.basic, &e.nonstandard, keys.command_names.as_deref());
    v.documents(&e.documents);
    v.basic_history(e.basic.iter().chain(&e.nonstandard), &e.documents);
    v.enhanced(
        &e.enhanced,
        keys.basic_codes.as_ref(),
        keys.subject_codes.as_deref(),
        keys.enhanced_keys.as_ref().unwrap_or(&BTreeSet::new()),
    );
    if let Some(k) = &keys.enhanced_keys {
        v.basic_uses(e.basic.iter().chain(&e.nonstandard), k);
    }
    if let (Some(k), Some(b)) = (&keys.enhanced_keys, &keys.basic_codes) {
        v.troubleshooting(&e.troubleshooting, k, b);
    }
    let sample_texts: BTreeMap<EnhancedKey, String> = e
        .enhanced
        .iter()
        .map(|it| (it.value.code, it.value.sample_text.to_ascii_lowercase()))
        .collect();
    let codes = vendors::Codes {
        enhanced: keys.enhanced_keys.as_ref(),
        basic: keys.basic_codes.as_ref(),
        sample_texts: &sample_texts,
        reasons: e.classifier.as_ref().map(|c| c.reason_ids.as_slice()),
    };
    for vendor in &e.vendors {
        v.vendor(vendor, &codes);
    }
    if let (Some(k), Some(b)) = (&keys.enhanced_keys, &keys.basic_codes) {
        v.editions(
            &e.editions,
            e.meta.as_ref().map(|m| m.registry_version.as_str()),
            k,
            b,
            files.vendor_stems.as_deref(),
        );
    }
    if let Some(c) = &e.classifier {
        v.classifier(c, keys);
    }
    if let Some(f) = &e.bounce_formats {
        v.bounce_formats(f, keys.command_names.as_deref());
    }
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
        if let Some(what) = crate::iana_import::placeholder(value) {
            let loc = self.docs.item(item, field);
            self.err(loc, format!("`{field}` is still to be written: {what}"));
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
