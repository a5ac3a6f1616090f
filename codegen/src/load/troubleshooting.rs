//! `troubleshooting.yaml`: causes and fixes, for codes that exist.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

impl Validator<'_> {
    pub(super) fn troubleshooting(
        &mut self,
        items: &[Item<TroubleshootingEntry>],
        enhanced: &BTreeSet<EnhancedKey>,
        basic: &BTreeMap<u16, BasicStatus>,
    ) {
        self.order(items, "code", |t| t.code, |k| k.to_string());
        for it in items {
            let t = &it.value;
            let exists = match t.code {
                CodeRef::Enhanced(k) => enhanced.contains(&k),
                CodeRef::Basic(b) => basic
                    .get(&b)
                    .is_some_and(|s| *s != BasicStatus::Nonstandard),
            };
            if !exists {
                let loc = self.docs.item(it, "code");
                self.err(loc, format!("code `{}` is not a standard code in the registry; troubleshooting covers registered codes only", t.code));
            }
            self.nonempty(it, "summary", &t.summary);
            for (field, list) in [
                ("causes", &t.causes),
                ("sender_fixes", &t.sender_fixes),
                ("admin_fixes", &t.admin_fixes),
            ] {
                if list.is_empty() || list.iter().any(|s| s.trim().is_empty()) {
                    let loc = self.docs.item(it, field);
                    self.err(loc, format!("`{field}` needs at least one non-empty item"));
                }
            }
        }
    }
}
