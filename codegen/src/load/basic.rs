//! `basic.yaml` and `nonstandard.yaml`: 3-digit reply codes, standard and not.

use std::collections::BTreeSet;

use super::*;

impl Validator<'_> {
    pub(super) fn basic(
        &mut self,
        standard: &[Item<BasicEntry>],
        nonstd: &[Item<BasicEntry>],
        commands: Option<&[String]>,
    ) {
        self.order(standard, "code", |b| b.code, |k| k.to_string());
        self.order(nonstd, "code", |b| b.code, |k| k.to_string());
        self.basic_unique(standard, nonstd);
        for it in standard {
            self.standard_entry(it);
        }
        for it in nonstd {
            self.nonstandard_entry(it);
        }
        for it in standard.iter().chain(nonstd) {
            self.basic_entry(it, commands);
        }
    }

    /// Codes and names are unique across the two files.
    fn basic_unique(&mut self, standard: &[Item<BasicEntry>], nonstd: &[Item<BasicEntry>]) {
        let both: Vec<&Item<BasicEntry>> = standard.iter().chain(nonstd).collect();
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
    }

    /// What a standard or historic code needs: RFC provenance, no `kind`, a name free in C.
    fn standard_entry(&mut self, it: &Item<BasicEntry>) {
        let b = &it.value;
        if b.status != BasicStatus::Nonstandard {
            if let Err(e) = names::check_c_reply_name(&b.name) {
                let loc = self.docs.item(it, "name");
                self.err(loc, e);
            }
        }
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

    /// What a non-standard code needs: its kind and how sure its meaning is.
    fn nonstandard_entry(&mut self, it: &Item<BasicEntry>) {
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

    /// What every reply code needs: texts, meanings with their origin, known commands.
    fn basic_entry(&mut self, it: &Item<BasicEntry>, commands: Option<&[String]>) {
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
            self.meaning(it, i, m, commands);
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

    /// One meaning: its commands are the code's, it has a text and cites one origin.
    fn meaning(
        &mut self,
        it: &Item<BasicEntry>,
        i: usize,
        m: &Meaning,
        commands: Option<&[String]>,
    ) {
        let b = &it.value;
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
                self.err(
                    loc,
                    "a meaning taken from a page needs the date it was read (`read: YYYY-MM-DD`)",
                );
            }
            (Some(_), None) if m.vendor.is_some() => {
                let loc = self.docs.at(&it.file, &mp.key("vendor"));
                self.err(
                    loc,
                    "a vendor meaning cites the vendor's page (`source`, `read`), not an RFC",
                );
            }
            _ => {}
        }
        if m.section.is_some() && m.document.is_none() {
            let loc = self.docs.at(&it.file, &mp.key("section"));
            self.err(loc, "`section` needs `document`");
        }
    }

    pub(super) fn basic_uses<'b>(
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
}
