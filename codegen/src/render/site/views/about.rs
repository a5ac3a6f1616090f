//! The about page: sources, vendored files, how the site is made.

use super::*;

pub struct VendoredV {
    pub path: String,
    pub origin: String,
    pub read: String,
    /// Markdown, one line.
    pub note: String,
}

pub struct AboutPage {
    pub chrome: Chrome,
    pub registry_version: String,
    pub iana_updated: String,
    pub vendored: Vec<VendoredV>,
    pub standard_count: usize,
    pub nonstandard_count: usize,
    pub enhanced_count: usize,
    pub command_count: usize,
    pub troubleshooting_count: usize,
    pub vendors: Vec<Link>,
    /// "What changed" of every edition, newest first.
    pub editions: Vec<Link>,
    pub feed: String,
    /// The reasons page, with the crosswalks to other systems' bounce categories.
    pub reasons: Link,
}

pub fn about_page(ctx: &Ctx) -> AboutPage {
    let reg = ctx.reg;
    AboutPage {
        chrome: chrome(
            ctx,
            paths::ABOUT,
            "About this registry",
            "Where the SMTP code registry comes from, its version, and how to add or correct a code.",
        ),
        registry_version: ctx.text(&reg.meta.registry_version),
        iana_updated: reg.meta.iana_updated.0.clone(),
        vendored: reg
            .meta
            .vendored
            .iter()
            .map(|v| VendoredV {
                path: v.path.clone(),
                origin: ctx.text(&v.origin),
                read: v.read.0.clone(),
                note: v.note.as_deref().map(|n| ctx.markdown_inline(n)).unwrap_or_default(),
            })
            .collect(),
        standard_count: reg.standard_basic().count(),
        nonstandard_count: reg.basic.iter().filter(|b| b.status == BasicStatus::Nonstandard).count(),
        enhanced_count: reg.enhanced.len(),
        command_count: reg.commands.len(),
        troubleshooting_count: reg.troubleshooting.len(),
        vendors: reg
            .vendors
            .iter()
            .map(|v| ctx.link(&paths::vendor(&v.vendor), &v.name))
            .collect(),
        editions: reg
            .editions
            .iter()
            .map(|e| {
                ctx.link(
                    &super::super::changes::path(&e.edition),
                    &format!("{} ({}, crate {})", e.edition, e.date.0, e.crate_version),
                )
            })
            .collect(),
        feed: format!("{}feed.xml", ctx.root),
        reasons: ctx.link(super::REASONS, "Bounce reasons in other systems' terms"),
    }
}
