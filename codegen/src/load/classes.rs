//! `classes.yaml`: the three classes of enhanced codes.

use super::*;

impl Validator<'_> {
    pub(super) fn classes(&mut self, items: &[Item<ClassEntry>]) {
        self.order(items, "class", |c| c.class, |k| k.to_string());
        self.names(items, |c| &c.name);
        for it in items {
            if !matches!(it.value.class, 2 | 4 | 5) {
                let loc = self.docs.item(it, "class");
                self.err(
                    loc,
                    format!(
                        "class `{}` does not exist: RFC 3463 allows only 2, 4 and 5",
                        it.value.class
                    ),
                );
            }
            self.nonempty(it, "title", &it.value.title);
            self.nonempty(it, "description", &it.value.description);
            self.references(it, &it.value.references, true);
        }
    }
}
