//! `documents.yaml`, and the `history` of each reply code, which cites only documents
//! described there and obsoleted since.

use super::*;

impl Validator<'_> {
    pub(super) fn documents(&mut self, docs: &[Item<DocumentEntry>]) {
        let known: BTreeSet<&DocumentId> = docs.iter().map(|d| &d.value.document).collect();
        for (i, it) in docs.iter().enumerate() {
            let d = &it.value;
            if let Some(prev) = docs[..i].iter().find(|p| p.value.document == d.document) {
                let line = self.docs.entry(prev).line;
                let loc = self.docs.item(it, "document");
                self.err(
                    loc,
                    format!(
                        "`{}` is described twice (first at line {line}); keep one entry",
                        d.document
                    ),
                );
            } else if i > 0 && docs[i - 1].value.document > d.document {
                let loc = self.docs.item(it, "document");
                self.err(
                    loc,
                    format!(
                        "`{}` is out of order; keep documents sorted (RFCs by number, then drafts)",
                        d.document
                    ),
                );
            }
            self.nonempty(it, "title", &d.title);
            if let Some(o) = &d.obsoleted_by {
                if !known.contains(o) {
                    let loc = self.docs.item(it, "obsoleted_by");
                    self.err(
                        loc,
                        format!("`{o}` is not described in documents.yaml; add it"),
                    );
                }
            }
        }
    }

    /// `history` of reply codes: earlier, obsoleted documents, each described, sorted, once.
    pub(super) fn basic_history<'i>(
        &mut self,
        items: impl Iterator<Item = &'i Item<BasicEntry>>,
        docs: &[Item<DocumentEntry>],
    ) {
        for it in items {
            let mut prev: Option<&DocumentId> = None;
            for (i, r) in it.value.history.iter().enumerate() {
                let loc = self.docs.at(&it.file, &it.path.key("history").index(i));
                match docs.iter().find(|d| d.value.document == r.document) {
                    None => self.err(
                        loc.clone(),
                        format!("`{}` is not described in documents.yaml; add it there (title, status, obsoleted_by)", r.document),
                    ),
                    Some(d) if d.value.obsoleted_by.is_none() => self.err(
                        loc.clone(),
                        format!("`{}` is not obsoleted: `history` lists earlier documents only; cite a current one in `meanings`, `uses` or `references`", r.document),
                    ),
                    Some(_) => {}
                }
                if prev.is_some_and(|p| p >= &r.document) {
                    self.err(
                        loc,
                        format!(
                            "`{}` is out of order or given twice; keep `history` oldest first",
                            r.document
                        ),
                    );
                }
                prev = Some(&r.document);
            }
        }
    }
}
