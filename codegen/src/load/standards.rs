//! Checks of the standards data against its own written rules (data/README.md).
//!
//! Three rules can be checked by machine once every file has loaded:
//!
//! - **`usable_as` follows the defining text.** A class statement in IANA's description is the
//!   defining text's own; where the description names no class and no `usable_as_source` points
//!   at the section that sets one, the text is silent and the code suits both failure classes.
//!   A deprecated code suits what its replacement suits.
//! - **Codes shown against their definition carry a note.** A full code in a troubleshooting
//!   entry's text (`4.1.2`) whose class digit is outside that code's `usable_as` needs a
//!   `nonconforming` note, and a note is only for such a code.
//! - **References to RFCs name a section.** Every RFC has numbered sections; only an
//!   Internet-Draft whose text could not be read may go without one.
//!
//! They compare entries across files, so they run on the loaded [`Registry`], after the
//! structural checks have passed; each problem is reported at its `file:line:column`.

use std::collections::BTreeSet;

use crate::diag::{Diagnostics, Location};
use crate::model::*;
use crate::yaml::YamlPath;

/// Finds the place of a YAML path in a data file (`data/enhanced.yaml`).
pub type Locate<'a> = dyn Fn(&str, &YamlPath) -> Location + 'a;

/// Runs every check over `reg`, whose files are shown as `shown_dir/<name>.yaml`.
pub fn check(reg: &Registry, shown_dir: &str, locate: &Locate<'_>, diags: &mut Diagnostics) {
    let file = |name: &str| format!("{shown_dir}/{name}");
    let mut c = Checker { locate, diags, reg };
    c.usable_as(&file("enhanced.yaml"));
    c.nonconforming(&file("troubleshooting.yaml"));
    c.sections(
        &file("enhanced.yaml"),
        &file("basic.yaml"),
        &file("nonstandard.yaml"),
        &[
            (file("classes.yaml"), Refs::Classes),
            (file("subjects.yaml"), Refs::Subjects),
            (file("commands.yaml"), Refs::Commands),
            (file("troubleshooting.yaml"), Refs::Troubleshooting),
        ],
    );
}

/// A sentence of IANA's description that states the class, and the outcomes it allows.
/// `exact`: the code suits these outcomes only; otherwise it suits at least these.
struct ClassStatement {
    phrase: &'static str,
    outcomes: &'static [Outcome],
    exact: bool,
}

use Outcome::{Permanent, Success, Transient};

/// The class statements RFC 3463 and its successors write, as IANA copies them.
const STATEMENTS: &[ClassStatement] = &[
    ClassStatement {
        phrase: "only useful for permanent",
        outcomes: &[Permanent],
        exact: true,
    },
    ClassStatement {
        phrase: "useful only as a permanent",
        outcomes: &[Permanent],
        exact: true,
    },
    ClassStatement {
        phrase: "should be used as a permanent failure",
        outcomes: &[Permanent],
        exact: true,
    },
    ClassStatement {
        phrase: "useful only as a persistent transient",
        outcomes: &[Transient],
        exact: true,
    },
    ClassStatement {
        phrase: "should be used as a persistent transient",
        outcomes: &[Transient],
        exact: true,
    },
    ClassStatement {
        phrase: "should be used for positive delivery reports",
        outcomes: &[Success],
        exact: true,
    },
    ClassStatement {
        phrase: "both permanent and persistent transient",
        outcomes: &[Transient, Permanent],
        exact: false,
    },
    ClassStatement {
        phrase: "a permanent failure or a persistent transient",
        outcomes: &[Transient, Permanent],
        exact: false,
    },
    ClassStatement {
        phrase: "a permanent or persistent temporary",
        outcomes: &[Transient, Permanent],
        exact: false,
    },
    ClassStatement {
        phrase: "permanent, transient persistent, or successful",
        outcomes: &[Success, Transient, Permanent],
        exact: false,
    },
];

/// Words that show a description says something about the class, even in a sentence of its
/// own wording ("the failure is permanent", "might be temporary").
const CLASS_WORDS: &[&str] = &[
    "permanent",
    "transient",
    "temporar",
    "positive delivery",
    "successful",
];

fn outcomes_list(o: &[Outcome]) -> String {
    let names: Vec<&str> = o.iter().map(|x| x.as_str()).collect();
    format!("[{}]", names.join(", "))
}

fn outcome_of_class(class: u8) -> Option<Outcome> {
    match class {
        2 => Some(Success),
        4 => Some(Transient),
        5 => Some(Permanent),
        _ => None,
    }
}

/// The defining section a message can point at: the entry's first reference.
fn defining(e: &EnhancedEntry) -> String {
    e.references
        .first()
        .map_or_else(|| "its defining text".to_string(), |r| r.to_string())
}

struct Checker<'a, 'd> {
    locate: &'a Locate<'a>,
    diags: &'d mut Diagnostics,
    reg: &'a Registry,
}

impl Checker<'_, '_> {
    fn err(&mut self, file: &str, path: &YamlPath, msg: String) {
        let loc = (self.locate)(file, path);
        self.diags.push(loc, msg);
    }

    fn usable_as(&mut self, file: &str) {
        let reg = self.reg;
        for (i, e) in reg.enhanced.iter().enumerate() {
            let at = YamlPath::root().index(i).key("usable_as");
            let have = outcomes_list(&e.usable_as);
            if let (Lifecycle::Deprecated, Some(r)) = (e.status, e.replaced_by) {
                if let Some(rep) = reg.enhanced(r) {
                    if rep.usable_as != e.usable_as {
                        let want = outcomes_list(&rep.usable_as);
                        self.err(file, &at, format!("`usable_as: {have}` differs from what the replacement {r} suits; a deprecated code suits what its replacement suits: write `usable_as: {want}`"));
                    }
                }
                continue;
            }
            let text = e.iana.description.to_ascii_lowercase();
            for s in STATEMENTS.iter().filter(|s| text.contains(s.phrase)) {
                let fits = if s.exact {
                    e.usable_as == s.outcomes
                } else {
                    s.outcomes.iter().all(|o| e.usable_as.contains(o))
                };
                if !fits {
                    let want = outcomes_list(s.outcomes);
                    let how = if s.exact { "exactly" } else { "at least" };
                    self.err(file, &at, format!("`usable_as: {have}` contradicts the defining text, which IANA's description quotes (\"...{}...\"); it suits {how} {want}: write `usable_as: {want}`", s.phrase));
                }
            }
            let states_class = CLASS_WORDS.iter().any(|w| text.contains(w));
            if states_class {
                if e.usable_as_source.is_some() {
                    let p = YamlPath::root().index(i).key("usable_as_source");
                    self.err(file, &p, format!("`usable_as_source` is for a class the IANA description does not state, but {}'s description already says which outcomes it suits; remove `usable_as_source`", e.code));
                }
                continue;
            }
            if e.usable_as_source.is_some() {
                continue;
            }
            let missing: Vec<&str> = [Transient, Permanent]
                .iter()
                .filter(|o| !e.usable_as.contains(o))
                .map(|o| o.as_str())
                .collect();
            if !missing.is_empty() {
                let mut want: Vec<Outcome> = e.usable_as.clone();
                want.extend([Transient, Permanent]);
                want.sort();
                want.dedup();
                self.err(file, &at, format!("`usable_as: {have}` leaves out {}, but the defining text ({}) is silent on the class: IANA's description names none and no `usable_as_source` names a section that does; by the rule in data/README.md write `usable_as: {}`, or name the section that sets the class in `usable_as_source`", missing.join(" and "), defining(e), outcomes_list(&want)));
            }
        }
    }

    fn nonconforming(&mut self, file: &str) {
        let reg = self.reg;
        for (i, t) in reg.troubleshooting.iter().enumerate() {
            let entry = YamlPath::root().index(i);
            let noted: BTreeSet<FullEnhanced> = t.nonconforming.iter().map(|n| n.code).collect();
            let mut reported: BTreeSet<FullEnhanced> = BTreeSet::new();
            let mut texts: Vec<(YamlPath, &str)> = vec![(entry.key("summary"), &t.summary)];
            for (field, list) in [
                ("causes", &t.causes),
                ("sender_fixes", &t.sender_fixes),
                ("admin_fixes", &t.admin_fixes),
            ] {
                for (j, s) in list.iter().enumerate() {
                    texts.push((entry.key(field).index(j), s));
                }
            }
            for (path, text) in texts {
                for code in full_codes(text) {
                    let Some(e) = reg.enhanced(code.key()) else {
                        continue;
                    };
                    let outside =
                        outcome_of_class(code.class).is_some_and(|o| !e.usable_as.contains(&o));
                    if outside && !noted.contains(&code) && reported.insert(code) {
                        self.err(file, &path, format!("`{code}` is shown here, but {} suits only {} (`usable_as` in enhanced.yaml, after {}); add a `nonconforming` entry for `{code}` with a note saying who sends it so and what the standard use is", e.code, outcomes_list(&e.usable_as), defining(e)));
                    }
                }
            }
            let mut seen: BTreeSet<FullEnhanced> = BTreeSet::new();
            for (j, n) in t.nonconforming.iter().enumerate() {
                let np = entry.key("nonconforming").index(j);
                if !seen.insert(n.code) {
                    self.err(
                        file,
                        &np.key("code"),
                        format!("`{}` has two nonconforming notes; keep one", n.code),
                    );
                }
                if n.note.trim().is_empty() {
                    self.err(
                        file,
                        &np.key("note"),
                        "`note` is empty; say who sends the code so and what the standard use is"
                            .to_string(),
                    );
                }
                match reg.enhanced(n.code.key()) {
                    None => self.err(file, &np.key("code"), format!("`{}` is not a registered code (no {} in enhanced.yaml); a nonconforming note is for a registered code sent in a class its definition excludes", n.code, n.code.key())),
                    Some(e) if outcome_of_class(n.code.class).is_some_and(|o| e.usable_as.contains(&o)) => {
                        self.err(file, &np.key("code"), format!("`{}` conforms: {} suits {} (`usable_as` in enhanced.yaml); remove this note", n.code, e.code, outcomes_list(&e.usable_as)));
                    }
                    Some(_) => {}
                }
            }
        }
    }

    fn sections(
        &mut self,
        enhanced_file: &str,
        basic_file: &str,
        nonstd_file: &str,
        others: &[(String, Refs)],
    ) {
        let reg = self.reg;
        let mut refs: Vec<(String, YamlPath, DocumentId, bool)> = Vec::new();
        let mut push = |file: &str, path: YamlPath, doc: &DocumentId, section: bool| {
            refs.push((file.to_string(), path, doc.clone(), section));
        };
        let list = |push: &mut dyn FnMut(&str, YamlPath, &DocumentId, bool),
                    file: &str,
                    at: YamlPath,
                    rs: &[Reference]| {
            for (j, r) in rs.iter().enumerate() {
                push(file, at.index(j), &r.document, r.section.is_some());
            }
        };
        for (i, e) in reg.enhanced.iter().enumerate() {
            let p = YamlPath::root().index(i);
            list(&mut push, enhanced_file, p.key("references"), &e.references);
            if let Some(r) = &e.usable_as_source {
                push(
                    enhanced_file,
                    p.key("usable_as_source"),
                    &r.document,
                    r.section.is_some(),
                );
            }
        }
        let (mut n_std, mut n_non) = (0, 0);
        for b in &reg.basic {
            let (file, i) = if b.status == BasicStatus::Nonstandard {
                n_non += 1;
                (nonstd_file, n_non - 1)
            } else {
                n_std += 1;
                (basic_file, n_std - 1)
            };
            let p = YamlPath::root().index(i);
            for (key, r) in [
                ("text_source", &b.text_source),
                ("introduced", &b.introduced),
            ] {
                if let Some(r) = r {
                    push(file, p.key(key), &r.document, r.section.is_some());
                }
            }
            for (j, m) in b.meanings.iter().enumerate() {
                if let Some(d) = &m.document {
                    push(file, p.key("meanings").index(j), d, m.section.is_some());
                }
            }
            for (j, u) in b.uses.iter().enumerate() {
                push(
                    file,
                    p.key("uses").index(j),
                    &u.document,
                    u.section.is_some(),
                );
            }
            list(&mut push, file, p.key("references"), &b.references);
        }
        for (file, kind) in others {
            let per_entry: Vec<&[Reference]> = match kind {
                Refs::Classes => reg
                    .classes
                    .iter()
                    .map(|c| c.references.as_slice())
                    .collect(),
                Refs::Subjects => reg
                    .subjects
                    .iter()
                    .map(|s| s.references.as_slice())
                    .collect(),
                Refs::Commands => reg
                    .commands
                    .iter()
                    .map(|c| c.references.as_slice())
                    .collect(),
                Refs::Troubleshooting => reg
                    .troubleshooting
                    .iter()
                    .map(|t| t.references.as_slice())
                    .collect(),
            };
            for (i, rs) in per_entry.into_iter().enumerate() {
                list(
                    &mut push,
                    file,
                    YamlPath::root().index(i).key("references"),
                    rs,
                );
            }
        }
        for (file, path, doc, has_section) in refs {
            if matches!(doc, DocumentId::Rfc(_)) && !has_section {
                self.err(&file, &path, format!("the reference to {doc} names no section; every RFC has numbered sections: add the one that says this (`section: \"3.2\"`, or `Appendix A`)"));
            }
        }
    }
}

/// The files whose entries carry only a `references` list.
pub enum Refs {
    Classes,
    Subjects,
    Commands,
    Troubleshooting,
}

/// The full enhanced codes (`4.1.2`) written in `text`: a class digit 2, 4 or 5, then two
/// numbers of 1 to 3 digits, standing alone (not inside `10.4.1.2` or `v5.2.10`).
pub fn full_codes(text: &str) -> Vec<FullEnhanced> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = matches!(b[i], b'2' | b'4' | b'5')
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.'));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut parts = 0;
        while parts < 2 && j < b.len() && b[j] == b'.' {
            let start = j + 1;
            let mut k = start;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            if k == start || k - start > 3 {
                break;
            }
            parts += 1;
            j = k;
        }
        let stands_alone = j >= b.len()
            || !(b[j].is_ascii_alphanumeric()
                || (b[j] == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_digit)));
        if parts == 2 && stands_alone {
            if let Ok(code) = text[i..j].parse::<FullEnhanced>() {
                out.push(code);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::full_codes;

    fn shown(text: &str) -> Vec<String> {
        full_codes(text).iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn finds_codes_standing_alone() {
        assert_eq!(shown("With 4.1.2: a DNS lookup"), ["4.1.2"]);
        assert_eq!(
            shown("`450 4.7.1 ...` and 4.7.27/5.7.27."),
            ["4.7.1", "4.7.27", "5.7.27"]
        );
        assert_eq!(shown("(Exchange 5.4.6, 5.4.14)"), ["5.4.6", "5.4.14"]);
    }

    #[test]
    fn skips_addresses_versions_and_other_numbers() {
        assert!(shown("from 192.0.2.1 and 10.4.5.6").is_empty());
        assert!(shown("Exim 4.86, version v5.2.10, 2.5.1.3, 5.1").is_empty());
        assert!(shown("RFC 5321 section 4.5.3.1.10").is_empty());
        assert!(shown("5.1.01 has a leading zero; 5.1.1000 is too long").is_empty());
    }
}
