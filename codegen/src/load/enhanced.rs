//! `enhanced.yaml`: the enumerated enhanced status codes, checked against IANA's text.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    pub(super) fn enhanced(
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
            self.association(it, basic);
            self.usable_as(it);
            self.lifecycle(it, &keys, all_keys);
        }
    }
    /// Associated basic codes: their structure equals IANA's text, their numbers are defined.
    fn association(
        &mut self,
        it: &Item<EnhancedEntry>,
        basic: Option<&BTreeMap<u16, BasicStatus>>,
    ) {
        let bc = &it.value.basic_codes;
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
    }

    /// `usable_as`: not empty, sorted, unique.
    fn usable_as(&mut self, it: &Item<EnhancedEntry>) {
        let e = &it.value;
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
    }

    /// A deprecated code names a current replacement; a current one names none.
    fn lifecycle(
        &mut self,
        it: &Item<EnhancedEntry>,
        keys: &HashMap<EnhancedKey, Lifecycle>,
        all_keys: &BTreeSet<EnhancedKey>,
    ) {
        let e = &it.value;
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
                        self.err(
                            loc,
                            format!(
                                "replacement `{r}` is itself deprecated; point at a current code"
                            ),
                        );
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
