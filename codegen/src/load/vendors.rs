//! `vendors/*.yaml`: vendor entries, their sources, and the codes they refine.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    pub(super) fn vendors(
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
                if let Some(rp) = &e.retry_policy {
                    self.retry_policy(&it.file, &at("retry_policy"), rp);
                    if rp.retry != e.retry {
                        let loc = self.docs.at(&it.file, &at("retry_policy").key("retry"));
                        self.err(loc, format!("the retry policy says `{}` but the entry says `retry: {}`; make them agree", rp.retry.as_str(), e.retry.as_str()));
                    }
                }
                // Advice must not contradict the reply's class: a permanent reply is not
                // retried unchanged, so `later` on a 5yz entry needs a note saying why.
                let permanent = e.basic.is_some_and(|b| b >= 500)
                    || (e.basic.is_none()
                        && e.enhanced.is_some_and(|x| x.to_string().starts_with('5')));
                if permanent && e.retry == Retry::Later && e.note.is_none() {
                    let loc = self.docs.at(&it.file, &at("retry"));
                    self.err(loc, "`retry: later` on a permanent (5yz) reply contradicts its class; use after_fix, or explain in `note` why the vendor says to retry");
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
}
