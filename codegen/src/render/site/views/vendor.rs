//! The page of a vendor and its entries (`vendor/gmail`).

use super::*;

pub struct SourceV {
    pub link: Link,
    pub read: String,
    pub published: String,
    /// Prose ([`Ctx::vendor_prose`]).
    pub note: String,
}

pub struct VendorPage {
    pub chrome: Chrome,
    pub name: String,
    pub kind: &'static str,
    /// Markdown.
    pub description: String,
    pub sources: Vec<SourceV>,
    pub entries: Vec<VariantV>,
}

pub fn vendor_page(ctx: &Ctx, v: &VendorFile) -> VendorPage {
    VendorPage {
        chrome: chrome(
            ctx,
            &paths::vendor(&v.vendor),
            &format!("{}: SMTP codes and what they mean", v.name),
            &markdown::to_plain(&v.description),
        ),
        name: ctx.text(&v.name),
        kind: match v.kind {
            VendorKind::Provider => "mail provider",
            VendorKind::Mta => "mail server software",
        },
        description: ctx.vendor_markdown(v, &v.description),
        sources: v
            .sources
            .iter()
            .map(|s| SourceV {
                link: ctx.external(&s.url, &s.title),
                read: s.read.0.clone(),
                published: s
                    .published
                    .as_ref()
                    .map(|d| d.0.clone())
                    .unwrap_or_default(),
                note: ctx.vendor_prose(v, s.note.as_deref().unwrap_or("")),
            })
            .collect(),
        entries: v.entries.iter().map(|e| variant(ctx, v, e)).collect(),
    }
}
