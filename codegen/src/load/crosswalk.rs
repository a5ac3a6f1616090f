//! The crosswalks of `classifier.yaml`: each scheme well formed (a snake_case id once, its
//! sources and values), and each reason's `crosswalk` complete and within its schemes: a
//! failure reason names one declared category in every scheme, a reason that is not a
//! failure names none, and where a scheme tells hard from soft bounces its category agrees
//! with the reason's `bounce`.

use super::classifier::Loaded;
use super::*;

/// `crosswalks[i].field`.
fn scheme_at(i: usize) -> YamlPath {
    YamlPath::root().key("crosswalks").index(i)
}

impl Validator<'_> {
    pub(super) fn crosswalks(&mut self, c: &Loaded) {
        let file = c.file.as_str();
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (i, s) in &c.crosswalks {
            let p = scheme_at(*i);
            if !is_snake_id(&s.scheme) {
                let loc = self.docs.at(file, &p.key("scheme"));
                self.err(
                    loc,
                    format!("scheme `{}` must be snake_case (`amazon_ses`)", s.scheme),
                );
            }
            if ids.insert(s.scheme.as_str(), *i).is_some() {
                let loc = self.docs.at(file, &p.key("scheme"));
                self.err(loc, format!("scheme `{}` is declared twice", s.scheme));
            }
            if s.sources.is_empty() {
                let loc = self.docs.at(file, &p.key("sources"));
                self.err(
                    loc,
                    "cite at least one page of the scheme's documentation (url, title, read)",
                );
            }
            for (j, src) in s.sources.iter().enumerate() {
                if !src.url.starts_with("https://") {
                    let loc = self.docs.at(file, &p.key("sources").index(j).key("url"));
                    self.err(loc, format!("`{}` is not an https:// address", src.url));
                }
            }
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (j, v) in s.values.iter().enumerate() {
                let loc = self.docs.at(file, &p.key("values").index(j).key("value"));
                if v.value.trim().is_empty() {
                    self.err(loc, "a category needs a value");
                } else if seen.insert(v.value.as_str(), j).is_some() {
                    self.err(loc, format!("`{}` is listed twice", v.value));
                } else if v.hard && !s.splits_hard_soft {
                    self.err(
                        loc,
                        "`hard` means something only in a scheme with `splits_hard_soft: true`",
                    );
                }
            }
            if s.values.is_empty() {
                let loc = self.docs.at(file, &p.key("values"));
                self.err(loc, "list the scheme's categories");
            }
        }
        let schemes: Vec<&CrosswalkScheme> = c.crosswalks.iter().map(|(_, s)| s).collect();
        for (i, r) in &c.reasons {
            self.reason_crosswalk(file, *i, r, &schemes);
        }
    }

    fn reason_crosswalk(
        &mut self,
        file: &str,
        i: usize,
        r: &ReasonEntry,
        schemes: &[&CrosswalkScheme],
    ) {
        let p = YamlPath::root().key("reasons").index(i);
        let failure = r.bounce != Bounce::None;
        if !failure {
            if !r.crosswalk.is_empty() {
                let loc = self.docs.at(file, &p.key("crosswalk"));
                self.err(loc, format!("`{}` is not a failure (bounce: none); the crosswalk names failure categories only: remove it", r.id));
            }
            return;
        }
        for (key, value) in &r.crosswalk {
            let loc = self.docs.at(file, &p.key("crosswalk").key(key));
            let Some(s) = schemes.iter().find(|s| &s.scheme == key) else {
                let known: Vec<&str> = schemes.iter().map(|s| s.scheme.as_str()).collect();
                self.err(
                    loc,
                    format!(
                        "`{key}` is not a scheme of `crosswalks` ({})",
                        known.join(", ")
                    ),
                );
                continue;
            };
            let Some(v) = s.value(value) else {
                self.err(loc, format!("`{value}` is not a category of `{key}`; add it to the scheme's `values` with its source, or use one listed there"));
                continue;
            };
            if s.splits_hard_soft && v.hard != (r.bounce == Bounce::Hard) {
                let (what, want) = if v.hard {
                    ("a hard bounce", "soft")
                } else {
                    ("not a hard bounce", "hard")
                };
                self.err(loc, format!("`{value}` is {what} in `{key}`, but `{}` is a {} bounce; use a {want} category there or change `bounce`", r.id, r.bounce.as_str()));
            }
        }
        let missing: Vec<&str> = schemes
            .iter()
            .map(|s| s.scheme.as_str())
            .filter(|s| !r.crosswalk.contains_key(*s))
            .collect();
        if !missing.is_empty() {
            let at = if r.crosswalk.is_empty() {
                p.key("id")
            } else {
                p.key("crosswalk")
            };
            let loc = self.docs.at(file, &at);
            self.err(
                loc,
                format!(
                    "`{}` is a failure: give its category in {}",
                    r.id,
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
}
