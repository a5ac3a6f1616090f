//! `commands.yaml`: the SMTP commands reply codes answer.

use super::*;

impl Validator<'_> {
    pub(super) fn commands(&mut self, items: &[Item<CommandEntry>]) {
        self.order(items, "name", |c| c.name.as_str(), str::to_string);
        for it in items {
            let n = it.value.name.as_str();
            if n.is_empty() || !n.bytes().all(|b| b.is_ascii_uppercase()) {
                let loc = self.docs.item(it, "name");
                self.err(loc, format!("command `{n}` must be upper-case ASCII letters, as sent on the wire (`RCPT`)"));
            }
            self.nonempty(it, "title", &it.value.title);
            self.nonempty(it, "description", &it.value.description);
        }
    }
}
