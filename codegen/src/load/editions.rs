//! `editions.yaml`: newest first, the newest equal to `registry_version`, crate versions
//! growing with the editions, and every code or vendor a change names defined.

use super::*;

/// `major.minor.patch`, digits only.
fn semver(v: &str) -> Option<(u64, u64, u64)> {
    let mut it = v.split('.').map(|p| {
        (!p.is_empty()
            && p.bytes().all(|b| b.is_ascii_digit())
            && (p == "0" || !p.starts_with('0')))
        .then(|| p.parse::<u64>().ok())
        .flatten()
    });
    let v = (it.next()??, it.next()??, it.next()??);
    it.next().is_none().then_some(v)
}

impl Validator<'_> {
    pub(super) fn editions(
        &mut self,
        editions: &[Item<Edition>],
        registry_version: Option<&str>,
        enhanced: &BTreeSet<EnhancedKey>,
        basic: &BTreeMap<u16, BasicStatus>,
        vendors: Option<&[String]>,
    ) {
        // A malformed registry_version is reported by itself (registry.yaml), not here too.
        let well_formed = |v: &str| {
            v.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        };
        let registry_version = registry_version.filter(|v| well_formed(v));
        if let (Some(first), Some(rv)) = (editions.first(), registry_version) {
            if first.value.edition != rv {
                let loc = self.docs.item(first, "edition");
                self.err(
                    loc,
                    format!(
                        "the newest edition is `{}` but registry.yaml says registry_version `{rv}`; they must be equal (add an edition for `{rv}` at the top, or set registry_version)",
                        first.value.edition
                    ),
                );
            }
        }
        for (i, it) in editions.iter().enumerate() {
            let e = &it.value;
            self.nonempty(it, "summary", &e.summary);
            let version = semver(&e.crate_version);
            if version.is_none() {
                let loc = self.docs.item(it, "crate_version");
                self.err(
                    loc,
                    format!(
                        "crate_version `{}` must be a version such as `0.2.0`",
                        e.crate_version
                    ),
                );
            }
            if let Some(next) = editions.get(i + 1) {
                let older = &next.value;
                if older.date >= e.date || older.edition == e.edition {
                    let loc = self.docs.item(it, "date");
                    self.err(
                        loc,
                        format!(
                            "edition `{}` must be newer than the one below it (`{}`, {}); keep editions newest first",
                            e.edition, older.edition, older.date.0
                        ),
                    );
                }
                if let (Some(v), Some(o)) = (version, semver(&older.crate_version)) {
                    if v <= o {
                        let loc = self.docs.item(it, "crate_version");
                        self.err(
                            loc,
                            format!(
                                "crate_version `{}` must be greater than the older edition's `{}`",
                                e.crate_version, older.crate_version
                            ),
                        );
                    }
                }
            }
            for (list, changes) in [
                ("added", &e.added),
                ("changed", &e.changed),
                ("deprecated", &e.deprecated),
            ] {
                for (j, c) in changes.iter().enumerate() {
                    let p = it.path.key(list).index(j);
                    let defined = match c.code {
                        Some(CodeRef::Enhanced(k)) => enhanced.contains(&k),
                        Some(CodeRef::Basic(b)) => basic.contains_key(&b),
                        None => true,
                    };
                    if !defined {
                        let loc = self.docs.at(&it.file, &p.key("code"));
                        self.err(
                            loc,
                            format!("code `{}` is not in the registry", c.code.expect("some")),
                        );
                    }
                    if let Some(v) = &c.vendor {
                        // Skipped when the vendors folder itself is wrong (reported there).
                        if vendors.is_some_and(|vs| !vs.contains(v)) {
                            let loc = self.docs.at(&it.file, &p.key("vendor"));
                            self.err(
                                loc,
                                format!("vendor `{v}` has no file data/vendors/{v}.yaml"),
                            );
                        }
                    }
                    if c.note.trim().is_empty() {
                        let loc = self.docs.at(&it.file, &p.key("note"));
                        self.err(loc, "`note` is empty; say what changed");
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn semver() {
        assert_eq!(super::semver("0.2.0"), Some((0, 2, 0)));
        assert_eq!(super::semver("1.10.3"), Some((1, 10, 3)));
        assert_eq!(super::semver("0.2"), None);
        assert_eq!(super::semver("01.2.3"), None);
        assert_eq!(super::semver("0.2.0-rc1"), None);
    }
}
