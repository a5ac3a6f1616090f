//! `classifier.yaml`: reasons, defaults and text rules.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    pub(super) fn classifier(
        &mut self,
        c: &Classifier,
        file: &str,
        enhanced: &BTreeSet<EnhancedKey>,
        basic: &BTreeMap<u16, BasicStatus>,
        subjects: &[u16],
        vendors: &[Item<VendorFile>],
    ) {
        let root = YamlPath::root();
        if let Some(d) = &c.retry_defaults {
            let defaults = root.key("retry_defaults");
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
        for (i, r) in c.reasons.iter().enumerate() {
            let p = root.key("reasons").index(i);
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
                    if let Err(e) = check_phrase(phrase) {
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
