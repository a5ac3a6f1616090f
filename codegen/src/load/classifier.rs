//! `classifier.yaml`: reasons, defaults and text rules. Each section is read item by item, so
//! a misspelt key in one rule is one error at that rule and the rest of the file still loads.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// The sections of the file.
pub(super) const SHAPE: Shape = Shape::Mapping {
    what: "the classifier's reasons, defaults and rules",
    known: &[
        "retry_defaults",
        "reasons",
        "enhanced",
        "generic_enhanced",
        "subjects",
        "classes",
        "basic",
        "rules",
        "crosswalks",
    ],
    required: &["reasons", "enhanced", "subjects", "basic", "rules"],
};

/// The file's entries that deserialized, each with its index in its section.
pub(super) struct Loaded {
    pub(super) file: String,
    pub(super) retry_defaults: Option<RetryDefaults>,
    pub(super) reasons: Vec<(usize, ReasonEntry)>,
    pub(super) enhanced: Vec<(usize, EnhancedDefault)>,
    pub(super) generic_enhanced: Vec<(usize, EnhancedKey)>,
    pub(super) subjects: Vec<(usize, SubjectDefault)>,
    pub(super) classes: Vec<(usize, ClassDefault)>,
    pub(super) basic: Vec<(usize, BasicDefault)>,
    pub(super) rules: Vec<(usize, Rule)>,
    pub(super) crosswalks: Vec<(usize, CrosswalkScheme)>,
    /// Every reason id the file defines, read from the raw YAML.
    pub(super) reason_ids: Vec<String>,
}

impl Loaded {
    pub(super) fn read(doc: &Document, diags: &mut Diagnostics) -> Self {
        Loaded {
            file: doc.file.clone(),
            retry_defaults: field(doc, "retry_defaults", diags),
            reasons: list(doc, "reasons", diags),
            enhanced: list(doc, "enhanced", diags),
            generic_enhanced: list(doc, "generic_enhanced", diags),
            subjects: list(doc, "subjects", diags),
            classes: list(doc, "classes", diags),
            basic: list(doc, "basic", diags),
            rules: list(doc, "rules", diags),
            crosswalks: list(doc, "crosswalks", diags),
            reason_ids: raw_list_keys(doc, "reasons", "id"),
        }
    }

    pub(super) fn into_model(self) -> Classifier {
        fn values<T>(v: Vec<(usize, T)>) -> Vec<T> {
            v.into_iter().map(|(_, t)| t).collect()
        }
        Classifier {
            retry_defaults: self.retry_defaults,
            reasons: values(self.reasons),
            enhanced: values(self.enhanced),
            generic_enhanced: values(self.generic_enhanced),
            subjects: values(self.subjects),
            classes: values(self.classes),
            basic: values(self.basic),
            rules: values(self.rules),
            crosswalks: values(self.crosswalks),
        }
    }
}

/// `section[i].field`.
fn at(section: &str, i: usize, field: &str) -> YamlPath {
    YamlPath::root().key(section).index(i).key(field)
}

impl Validator<'_> {
    pub(super) fn classifier(&mut self, c: &Loaded, keys: &Keys) {
        self.reasons(c);
        self.enhanced_defaults(c, keys.enhanced_keys.as_ref());
        if let Some(subjects) = &keys.subject_codes {
            self.subject_defaults(c, subjects);
        }
        if let Some(basic) = &keys.basic_codes {
            self.basic_defaults(c, basic);
        }
        self.rules(c, keys);
        self.crosswalks(c);
    }

    /// Reports `reason` at `path` unless the taxonomy defines it.
    fn known_reason(&mut self, c: &Loaded, reason: &str, path: YamlPath) {
        if !c.reason_ids.iter().any(|r| r == reason) {
            let loc = self.docs.at(&c.file, &path);
            self.err(
                loc,
                format!("reason `{reason}` is not defined under `reasons`"),
            );
        }
    }

    fn reasons(&mut self, c: &Loaded) {
        let file = c.file.as_str();
        if let Some(d) = &c.retry_defaults {
            let defaults = YamlPath::root().key("retry_defaults");
            self.retry_policy(file, &defaults.key("transient"), &d.transient);
            self.retry_policy(file, &defaults.key("permanent"), &d.permanent);
            if d.transient.retry != Retry::Later {
                let loc = self.docs.at(file, &defaults.key("transient").key("retry"));
                self.err(loc, "a transient reply is retried as it is: `retry: later` (RFC 5321 section 4.5.4.1)");
            }
            if d.permanent.retry == Retry::Later {
                let loc = self.docs.at(file, &defaults.key("permanent").key("retry"));
                self.err(loc, "a permanent reply is not retried unchanged (RFC 5321 section 4.2.1): `never` or `after_fix`");
            }
        }
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, r) in &c.reasons {
            let p = YamlPath::root().key("reasons").index(*i);
            if let Some(rp) = &r.retry_policy {
                self.retry_policy(file, &p.key("retry_policy"), rp);
            }
            if !is_snake_id(&r.id) {
                let loc = self.docs.at(file, &p.key("id"));
                self.err(
                    loc,
                    format!("reason id `{}` must be snake_case (`unknown_user`)", r.id),
                );
            }
            if let Some(j) = ids.insert(r.id.as_str(), *i) {
                let loc = self.docs.at(file, &p.key("id"));
                let prev = self
                    .docs
                    .at(file, &YamlPath::root().key("reasons").index(j));
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
            if !c.reason_ids.iter().any(|r| r == needed) {
                let loc = self.docs.at(file, &YamlPath::root().key("reasons"));
                self.err(loc, format!("the taxonomy needs the reason `{needed}`"));
            }
        }
    }

    /// Enhanced defaults: every registered code exactly once, in order.
    fn enhanced_defaults(&mut self, c: &Loaded, enhanced: Option<&BTreeSet<EnhancedKey>>) {
        let file = c.file.as_str();
        let mut seen: BTreeMap<EnhancedKey, usize> = BTreeMap::new();
        let mut previous: Option<EnhancedKey> = None;
        for (i, e) in &c.enhanced {
            self.known_reason(c, &e.reason, at("enhanced", *i, "reason"));
            let loc = self.docs.at(file, &at("enhanced", *i, "code"));
            if enhanced.is_some_and(|keys| !keys.contains(&e.code)) {
                self.err(loc.clone(), format!("`{}` is not in enhanced.yaml; defaults are for registered codes (use `subjects` for the rest)", e.code));
            }
            if seen.insert(e.code, *i).is_some() {
                self.err(loc, format!("`{}` has two defaults; keep one", e.code));
            } else if previous.is_some_and(|p| p > e.code) {
                self.err(
                    loc,
                    format!(
                        "`{}` is out of order; keep `enhanced` sorted by code",
                        e.code
                    ),
                );
            }
            previous = Some(e.code);
        }
        let Some(enhanced) = enhanced else { return };
        // A default that failed to deserialize still names its code.
        let listed: BTreeSet<EnhancedKey> = self.docs.docs[file]
            .get(&YamlPath::root().key("enhanced"))
            .and_then(|v| v.as_sequence())
            .map(|seq| {
                seq.iter()
                    .filter_map(|item| item.get("code")?.as_str()?.parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        // A registered code without a default of its own takes its subject's.
        let subject_has_default =
            |subject: u16| c.subjects.iter().any(|(_, s)| s.subject == subject);
        for k in enhanced {
            if !seen.contains_key(k) && !listed.contains(k) && !subject_has_default(k.subject) {
                let loc = self.docs.at(file, &YamlPath::root().key("subjects"));
                self.err(loc, format!("registered code `{k}` has no default reason and subject {} has none either; add `- {{ subject: {}, reason: ... }}` to `subjects` (or `- {{ code: {k}, reason: ... }}` to `enhanced`)", k.subject, k.subject));
            }
        }
        for (i, k) in &c.generic_enhanced {
            if !enhanced.contains(k) {
                let loc = self
                    .docs
                    .at(file, &YamlPath::root().key("generic_enhanced").index(*i));
                self.err(loc, format!("`{k}` is not in enhanced.yaml"));
            }
        }
    }

    fn subject_defaults(&mut self, c: &Loaded, subjects: &[u16]) {
        let mut seen = Vec::new();
        for (i, s) in &c.subjects {
            self.known_reason(c, &s.reason, at("subjects", *i, "reason"));
            if !subjects.contains(&s.subject) || seen.contains(&s.subject) {
                let loc = self.docs.at(&c.file, &at("subjects", *i, "subject"));
                self.err(
                    loc,
                    format!(
                        "subject `{}` must be a registered subject, given once",
                        s.subject
                    ),
                );
            }
            seen.push(s.subject);
        }
    }

    fn basic_defaults(&mut self, c: &Loaded, basic: &BTreeMap<u16, BasicStatus>) {
        self.class_defaults(c, basic);
        let mut seen: Vec<u16> = Vec::new();
        for (i, b) in &c.basic {
            self.known_reason(c, &b.reason, at("basic", *i, "reason"));
            let loc = self.docs.at(&c.file, &at("basic", *i, "code"));
            if !basic.contains_key(&b.code) || seen.contains(&b.code) {
                self.err(
                    loc.clone(),
                    format!(
                        "code `{}` must be a reply code in the registry, given once",
                        b.code
                    ),
                );
            }
            if seen.last().is_some_and(|l| *l > b.code) {
                self.err(
                    loc,
                    format!("code `{}` is out of order; keep `basic` sorted", b.code),
                );
            }
            seen.push(b.code);
        }
    }

    fn rules(&mut self, c: &Loaded, keys: &Keys) {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, r) in &c.rules {
            self.known_reason(c, &r.reason, at("rules", *i, "reason"));
            let id_loc = self.docs.at(&c.file, &at("rules", *i, "id"));
            if !is_kebab_id(&r.id) {
                self.err(
                    id_loc.clone(),
                    format!("rule id `{}` must be kebab-case (`block-lists`)", r.id),
                );
            }
            if ids.insert(r.id.as_str(), *i).is_some() {
                self.err(id_loc, format!("rule id `{}` is used twice", r.id));
            }
            self.rule_phrases(c, *i, r);
            self.rule_scope(c, *i, r, keys);
        }
    }

    fn rule_phrases(&mut self, c: &Loaded, i: usize, r: &Rule) {
        if r.any.is_empty() {
            let loc = self.docs.at(&c.file, &at("rules", i, "any"));
            self.err(loc, "a rule needs at least one phrase in `any`");
        }
        for (field, list) in [("any", &r.any), ("all", &r.all), ("none", &r.none)] {
            for (j, phrase) in list.iter().enumerate() {
                if let Err(e) = check_phrase(phrase) {
                    let loc = self.docs.at(&c.file, &at("rules", i, field).index(j));
                    self.err(loc, e);
                }
            }
        }
    }

    /// The classes, codes and enhanced codes a rule is limited to exist.
    fn rule_scope(&mut self, c: &Loaded, i: usize, r: &Rule, keys: &Keys) {
        for (j, class) in r.classes.iter().enumerate() {
            if !(2..=5).contains(class) {
                let loc = self.docs.at(&c.file, &at("rules", i, "classes").index(j));
                self.err(
                    loc,
                    format!("class `{class}` is not a reply class (2 to 5)"),
                );
            }
        }
        if let Some(basic) = &keys.basic_codes {
            for (j, code) in r.codes.iter().enumerate() {
                if !basic.contains_key(code) {
                    let loc = self.docs.at(&c.file, &at("rules", i, "codes").index(j));
                    self.err(loc, format!("code `{code}` is not in the registry"));
                }
            }
        }
        if let Some(enhanced) = &keys.enhanced_keys {
            for (j, k) in r.enhanced.iter().enumerate() {
                if !enhanced.contains(k) {
                    let loc = self.docs.at(&c.file, &at("rules", i, "enhanced").index(j));
                    self.err(loc, format!("`{k}` is not in enhanced.yaml"));
                }
            }
        }
    }
}

/// Whether a phrase is well formed: lower-case, no surrounding spaces, `*` only at the ends.
pub fn check_phrase(p: &str) -> Result<(), String> {
    let inner = p.trim_start_matches('*').trim_end_matches('*');
    if inner.is_empty() {
        return Err(format!("phrase `{p}` is empty"));
    }
    if inner.contains('*') {
        return Err(format!(
            "phrase `{p}` has `*` inside; it may only start or end a phrase"
        ));
    }
    if inner != inner.trim() {
        return Err(format!("phrase `{p}` has surrounding spaces"));
    }
    if inner.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "phrase `{p}` has capitals; write it in lower case (matching ignores case)"
        ));
    }
    Ok(())
}

impl Validator<'_> {
    /// `classes`: one default reason per reply class, and every reply code of `basic.yaml`
    /// has a default, its own (`basic`) or its class's.
    fn class_defaults(&mut self, c: &Loaded, basic: &BTreeMap<u16, BasicStatus>) {
        let mut seen = BTreeSet::new();
        for (i, d) in &c.classes {
            self.known_reason(c, &d.reason, at("classes", *i, "reason"));
            if !(2..=5).contains(&d.class) || !seen.insert(d.class) {
                let loc = self.docs.at(&c.file, &at("classes", *i, "class"));
                self.err(
                    loc,
                    format!(
                        "class `{}` must be a reply class (2, 3, 4 or 5), given once",
                        d.class
                    ),
                );
            }
        }
        // A default that failed to deserialize still names its code.
        let listed: BTreeSet<u16> = self.docs.docs[&c.file]
            .get(&YamlPath::root().key("basic"))
            .and_then(|v| v.as_sequence())
            .map(|seq| {
                seq.iter()
                    .filter_map(|item| u16::try_from(item.get("code")?.as_u64()?).ok())
                    .collect()
            })
            .unwrap_or_default();
        for (&code, &status) in basic {
            if status == BasicStatus::Nonstandard
                || listed.contains(&code)
                || c.classes.iter().any(|(_, d)| d.class == code / 100)
            {
                continue;
            }
            let loc = self.docs.at(&c.file, &YamlPath::root().key("basic"));
            self.err(
                loc,
                format!(
                    "reply code `{code}` has no default reason and class {} has none either; add `- {{ class: {}, reason: ... }}` to `classes` (or `- {{ code: {code}, reason: ... }}` to `basic`)",
                    code / 100,
                    code / 100
                ),
            );
        }
    }
}
