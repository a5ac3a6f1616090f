//! `subjects.yaml`: the subjects of enhanced codes.

use super::*;

impl Validator<'_> {
    pub(super) fn subjects(&mut self, items: &[Item<SubjectEntry>]) {
        self.order(items, "subject", |s| s.subject, |k| format!("X.{k}"));
        self.names(items, |s| &s.name);
        for it in items {
            if it.value.subject > 999 {
                let loc = self.docs.item(it, "subject");
                self.err(
                    loc,
                    format!(
                        "subject `{}` has more than 3 digits (RFC 3463 allows 0 to 999)",
                        it.value.subject
                    ),
                );
            }
            self.nonempty(it, "title", &it.value.title);
            self.nonempty(it, "description", &it.value.description);
            self.references(it, &it.value.references, true);
        }
    }
}
