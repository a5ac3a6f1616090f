//! `vendors/*.yaml`: vendor entries, their sources, and the codes they refine. Each file is
//! read key by key and its lists item by item, so a misspelt key in one entry is one error at
//! that entry and the file's other entries are still checked.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// The keys of a vendor file.
pub(super) const SHAPE: Shape = Shape::Mapping {
    what: "a vendor's name, sources and entries",
    known: &[
        "vendor",
        "name",
        "kind",
        "description",
        "hosts",
        "markers",
        "sources",
        "entries",
    ],
    required: &[
        "vendor",
        "name",
        "kind",
        "description",
        "sources",
        "entries",
    ],
};

/// A vendor file's parts that deserialized; entries and sources with their index.
pub(super) struct Loaded {
    pub(super) file: String,
    vendor: Option<String>,
    name: Option<String>,
    kind: Option<VendorKind>,
    description: Option<String>,
    hosts: Vec<(usize, String)>,
    markers: Vec<(usize, String)>,
    sources: Vec<(usize, VendorSource)>,
    entries: Vec<(usize, VendorEntry)>,
    /// Whether the file lists any entry (read from the raw YAML).
    has_entries: bool,
    /// Every source id the file defines, read from the raw YAML.
    source_ids: Vec<String>,
}

impl Loaded {
    pub(super) fn read(doc: &Document, diags: &mut Diagnostics) -> Self {
        Loaded {
            file: doc.file.clone(),
            vendor: field(doc, "vendor", diags),
            name: field(doc, "name", diags),
            kind: field(doc, "kind", diags),
            description: field(doc, "description", diags),
            hosts: list(doc, "hosts", diags),
            markers: list(doc, "markers", diags),
            sources: list(doc, "sources", diags),
            entries: list(doc, "entries", diags),
            has_entries: doc
                .get(&YamlPath::root().key("entries"))
                .and_then(|v| v.as_sequence())
                .is_some_and(|s| !s.is_empty()),
            source_ids: raw_list_keys(doc, "sources", "id"),
        }
    }

    /// The model's vendor file; `None` when a required part is missing (already reported).
    pub(super) fn into_model(self) -> Option<VendorFile> {
        Some(VendorFile {
            vendor: self.vendor?,
            name: self.name?,
            kind: self.kind?,
            description: self.description?,
            hosts: self.hosts.into_iter().map(|(_, h)| h).collect(),
            markers: self.markers.into_iter().map(|(_, m)| m).collect(),
            sources: self.sources.into_iter().map(|(_, s)| s).collect(),
            entries: self.entries.into_iter().map(|(_, e)| e).collect(),
        })
    }
}

/// What vendor entries refer to; `None` for a list that did not load, whose checks are skipped.
pub(super) struct Codes<'a> {
    pub(super) enhanced: Option<&'a BTreeSet<EnhancedKey>>,
    pub(super) basic: Option<&'a BTreeMap<u16, BasicStatus>>,
    /// Registered sample texts in lower case, by code.
    pub(super) sample_texts: &'a BTreeMap<EnhancedKey, String>,
    /// The classifier's reason ids.
    pub(super) reasons: Option<&'a [String]>,
}

impl Validator<'_> {
    pub(super) fn vendor(&mut self, v: &Loaded, codes: &Codes) {
        self.vendor_header(v);
        self.vendor_identity(v);
        self.vendor_sources(v);
        if !v.has_entries {
            let loc = self.docs.at(&v.file, &YamlPath::root().key("entries"));
            self.err(loc, "a vendor file needs at least one entry");
        }
        for (i, e) in &v.entries {
            self.vendor_entry(v, *i, e, codes);
        }
    }

    /// The slug matches the file name; name and description are given.
    fn vendor_header(&mut self, v: &Loaded) {
        let at = |key: &str| self.docs.at(&v.file, &YamlPath::root().key(key));
        let stem = v
            .file
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".yaml");
        if let Some(slug) = &v.vendor {
            if slug != stem {
                let loc = at("vendor");
                self.err(
                    loc,
                    format!("vendor slug `{slug}` must equal the file name `{stem}`"),
                );
            }
            if slug.is_empty()
                || !slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                let loc = at("vendor");
                self.err(
                    loc,
                    format!("vendor slug `{slug}` must be lower-case letters, digits and `-`"),
                );
            }
        }
        for (key, value) in [("name", &v.name), ("description", &v.description)] {
            if value.as_deref().is_some_and(|s| s.trim().is_empty()) {
                let loc = at(key);
                self.err(loc, format!("`{key}` is empty; write it"));
            }
        }
    }

    /// Host suffixes are lower-case domain names; markers are distinctive text. Both unique.
    fn vendor_identity(&mut self, v: &Loaded) {
        let mut seen = BTreeSet::new();
        for (i, h) in &v.hosts {
            let loc = || YamlPath::root().key("hosts").index(*i);
            let labels_ok = h.split('.').count() >= 2
                && h.split('.').all(|l| {
                    !l.is_empty()
                        && !l.starts_with('-')
                        && !l.ends_with('-')
                        && l.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                });
            if !labels_ok {
                let loc = self.docs.at(&v.file, &loc());
                self.err(loc, format!("host suffix `{h}` must be a lower-case domain name with at least two labels, such as `google.com` (no leading dot, no wildcard)"));
            }
            if !seen.insert(h.as_str()) {
                let loc = self.docs.at(&v.file, &loc());
                self.err(loc, format!("host suffix `{h}` is listed twice"));
            }
        }
        let mut seen = BTreeSet::new();
        for (i, m) in &v.markers {
            let loc = || YamlPath::root().key("markers").index(*i);
            if m.trim().len() < 4 {
                let loc = self.docs.at(&v.file, &loc());
                self.err(loc, format!("marker `{m}` is too short to identify a vendor; use at least four characters only this vendor sends"));
            }
            if !seen.insert(m.to_ascii_lowercase()) {
                let loc = self.docs.at(&v.file, &loc());
                self.err(loc, format!("marker `{m}` is listed twice"));
            }
        }
    }

    /// Source ids are unique and URLs are web addresses.
    fn vendor_sources(&mut self, v: &Loaded) {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, s) in &v.sources {
            let sp = YamlPath::root().key("sources").index(*i);
            if ids.insert(s.id.as_str(), *i).is_some() {
                let loc = self.docs.at(&v.file, &sp.key("id"));
                self.err(loc, format!("source id `{}` is used twice", s.id));
            }
            if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
                let loc = self.docs.at(&v.file, &sp.key("url"));
                self.err(
                    loc,
                    format!("source url `{}` must be an http(s) URL", s.url),
                );
            }
        }
    }

    fn vendor_entry(&mut self, v: &Loaded, i: usize, e: &VendorEntry, codes: &Codes) {
        let ep = YamlPath::root().key("entries").index(i);
        let at = |f: &str| ep.key(f);
        if !v.source_ids.contains(&e.source) {
            let loc = self.docs.at(&v.file, &at("source"));
            self.err(
                loc,
                format!("source `{}` is not one of this file's sources", e.source),
            );
        }
        if e.basic.is_none() && e.enhanced.is_none() && e.token.is_none() && e.pattern.is_none() {
            let loc = self.docs.at(&v.file, &ep);
            self.err(
                loc,
                "an entry needs something to recognise it by: a basic code, an enhanced code, a token or a pattern",
            );
        }
        if let Some(b) = e.basic {
            if !(200..=599).contains(&b) {
                let loc = self.docs.at(&v.file, &at("basic"));
                self.err(
                    loc,
                    format!(
                        "basic code `{b}` is not a reply code (three digits, first digit 2 to 5)"
                    ),
                );
            }
        }
        let refines_ok = match e.refines {
            CodeRef::Enhanced(k) => codes.enhanced.map(|keys| keys.contains(&k)),
            CodeRef::Basic(b) => codes.basic.map(|basic| {
                basic
                    .get(&b)
                    .is_some_and(|s| *s != BasicStatus::Nonstandard)
            }),
        };
        if refines_ok == Some(false) {
            let loc = self.docs.at(&v.file, &at("refines"));
            self.err(
                loc,
                format!(
                    "`refines: {}` must name a standard code in the registry",
                    e.refines
                ),
            );
        }
        match (e.enhanced, e.enhanced_to) {
            (None, Some(to)) => {
                let loc = self.docs.at(&v.file, &at("enhanced_to"));
                self.err(loc, format!("`enhanced_to: {to}` ends a range, but the entry has no `enhanced` to start it; give the range's first code in `enhanced`"));
            }
            (Some(from), Some(to)) => {
                if (from.class, from.subject) != (to.class, to.subject) {
                    let loc = self.docs.at(&v.file, &at("enhanced_to"));
                    self.err(loc, format!("the range {from} to {to} must stay in one class and subject; `enhanced_to` should read {}.{}.N", from.class, from.subject));
                } else if to.detail <= from.detail {
                    let loc = self.docs.at(&v.file, &at("enhanced_to"));
                    self.err(loc, format!("the range {from} to {to} ends before it starts; `enhanced_to` must be above {from}, or left out for a single code"));
                }
            }
            _ => {}
        }
        if let (Some(full), CodeRef::Enhanced(k)) = (e.enhanced, e.refines) {
            if full.subject != k.subject {
                let loc = self.docs.at(&v.file, &at("refines"));
                self.err(
                    loc,
                    format!("`{full}` cannot refine `{k}`: the subjects differ"),
                );
            }
        }
        // A pattern that is part of the registered sample text tells nothing about
        // the vendor: any server may send those words with that code.
        if let (Some(p), CodeRef::Enhanced(k)) = (&e.pattern, e.refines) {
            let generic = codes
                .sample_texts
                .get(&k)
                .is_some_and(|t| !p.trim().is_empty() && t.contains(&p.to_ascii_lowercase()));
            if generic {
                let loc = self.docs.at(&v.file, &at("pattern"));
                self.err(loc, format!("pattern `{p}` is part of {k}'s registered sample text, so it cannot tell this vendor's meaning apart; use a fragment only this vendor sends, or null"));
            }
        }
        if let Some(rp) = &e.retry_policy {
            self.retry_policy(&v.file, &at("retry_policy"), rp);
            if rp.retry != e.retry {
                let loc = self.docs.at(&v.file, &at("retry_policy").key("retry"));
                self.err(loc, format!("the retry policy says `{}` but the entry says `retry: {}`; make them agree", rp.retry.as_str(), e.retry.as_str()));
            }
        }
        // Advice must not contradict the reply's class: a permanent reply is not retried
        // unchanged, so `later` on a 5yz entry needs a note saying why.
        let permanent = e.basic.is_some_and(|b| b >= 500)
            || (e.basic.is_none() && e.enhanced.is_some_and(|x| x.to_string().starts_with('5')));
        if permanent && e.retry == Retry::Later && e.note.is_none() {
            let loc = self.docs.at(&v.file, &at("retry"));
            self.err(loc, "`retry: later` on a permanent (5yz) reply contradicts its class; use after_fix, or explain in `note` why the vendor says to retry");
        }
        if e.pattern.as_deref().is_some_and(|p| p.trim().is_empty()) {
            let loc = self.docs.at(&v.file, &at("pattern"));
            self.err(
                loc,
                "`pattern` is empty; write a distinctive fragment of the reply text, or null",
            );
        }
        for (field, val) in [
            ("meaning", &e.meaning),
            ("cause", &e.cause),
            ("sender_action", &e.sender_action),
            ("admin_action", &e.admin_action),
        ] {
            if val.trim().is_empty() {
                let loc = self.docs.at(&v.file, &at(field));
                self.err(loc, format!("`{field}` is empty"));
            }
        }
        if let (Some(r), Some(reasons)) = (&e.reason, codes.reasons) {
            if !reasons.contains(r) {
                let loc = self.docs.at(&v.file, &at("reason"));
                self.err(
                    loc,
                    format!("reason `{r}` is not defined in data/classifier.yaml"),
                );
            }
        }
    }
}
