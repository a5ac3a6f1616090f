//! What changed, edition by edition, from `data/editions.yaml`: the crate's `CHANGELOG.md`.
//! (The site's "What changed" pages and its Atom feed are in `site/changes.rs`.) Every date
//! comes from the data; nothing reads the clock.

use std::fmt::Write as _;

use crate::model::{CodeRef, Registry};
use crate::outputs::{Outputs, MARKER};
use crate::views::markdown;
use crate::views::text::{finish, one_line};

/// Where the crate's changelog is written.
pub const CHANGELOG: &str = "generated/rust/CHANGELOG.md";

/// The versioning policy, shown in the changelog (README.md says the same).
const POLICY: &str = "The crate's version follows the registry's editions. A new code, \
meaning or vendor entry is a minor release (0.x: the second number); a corrected text or \
description is a patch release. A changed meaning is listed under *Changed*. Nothing is ever \
removed: a retired code stays, marked deprecated (`#[deprecated]` in Rust). The enums that list \
registry content are `#[non_exhaustive]` and the tables are slices, so new codes never break a \
build.";

/// Adds the changelog (nothing when the registry has no editions).
pub fn render(reg: &Registry, out: &mut Outputs) {
    if reg.editions.is_empty() {
        return;
    }
    out.add(CHANGELOG, changelog(reg));
}

/// What a change is about, as the start of its line: "`550`: ", "vendor `yahoo`: ".
pub fn subject(c: &crate::model::Change) -> String {
    match (c.code, &c.vendor) {
        (Some(CodeRef::Enhanced(k)), _) => format!("`{k}`: "),
        (Some(CodeRef::Basic(b)), _) => format!("`{b}`: "),
        (None, Some(v)) => format!("vendor `{v}`: "),
        (None, None) => String::new(),
    }
}

fn changelog(reg: &Registry) -> String {
    let mut s = format!(
        "<!-- {MARKER} (data/editions.yaml) -->\n\n# Changelog\n\nEvery edition of the \
         smtp-codes registry, newest first. {POLICY}\n"
    );
    for e in &reg.editions {
        let _ = write!(
            s,
            "\n## {} (registry edition {}, {})\n\n{}\n",
            e.crate_version,
            e.edition,
            e.date.0,
            one_line(&markdown::sanitize(&e.summary))
        );
        for (title, list) in e.sections() {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(s, "\n### {title}\n");
            for c in list {
                let _ = writeln!(s, "- {}{}", subject(c), markdown::sanitize_inline(&c.note));
            }
        }
    }
    finish(s)
}
