//! `site/`: the static reference site, one page per code, in two flavors from the same views:
//! HTML (`site/**.html`, from `templates/site/`) and Markdown (`site/markdown/**.md`, from
//! `templates/markdown/`), so both always say the same.
//!
//! The views in [`views`] are built once per page and flavor, with every string already in
//! its final form for that flavor ([`Flavor`]): HTML views hold plain text (askama escapes
//! it) and registry Markdown or prose rendered by [`markdown`]'s functions (the only HTML the
//! templates insert unescaped); Markdown views hold text escaped by [`markdown::escape_text`]
//! and registry Markdown passed through [`markdown::sanitize`]. Prose and registry Markdown
//! get the codes they name linked, the same way in both flavors ([`Ctx::code_href`] says
//! where to; [`markdown`]'s `*_linked` functions say where not). Links are relative, so the site
//! works from `file://` and from any static host at any sub-path. [`answer`] holds the logic
//! of the answer box; [`search`] writes the search box's data and engine scripts.

pub mod answer;
pub mod changes;
mod pages;
pub mod search;
pub mod views;

use crate::model::{EnhancedKey, FullEnhanced, Reference, Registry, VendorFile, VendorIndex};
use crate::outputs::Outputs;
use crate::views::code_mentions::Mention;
use crate::views::document;
use crate::views::markdown;

/// Where the site lives in the project.
pub const SITE_DIR: &str = "site";
/// Where the Markdown flavor lives.
pub const MARKDOWN_DIR: &str = "site/markdown";

/// The two renderings of every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Html,
    Markdown,
}

impl Flavor {
    pub fn ext(self) -> &'static str {
        match self {
            Flavor::Html => "html",
            Flavor::Markdown => "md",
        }
    }

    /// The output path of the page at `page` (`basic/550`).
    pub fn output_path(self, page: &str) -> String {
        match self {
            Flavor::Html => format!("{SITE_DIR}/{page}.html"),
            Flavor::Markdown => format!("{MARKDOWN_DIR}/{page}.md"),
        }
    }
}

/// A link, ready for the flavor: `href` relative to the page, `text` escaped as needed.
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// Everything a view builder needs: the registry, the flavor, and where the page sits.
pub struct Ctx<'a> {
    pub reg: &'a Registry,
    pub json: &'a document::Root<'a>,
    pub flavor: Flavor,
    /// Vendor entries by standard code, built once per render.
    pub variants: &'a VendorIndex<'a>,
    /// From the page to the site root: `""` or `"../"`.
    pub root: &'static str,
    /// The page being built (`basic/550`): the codes its text names never link to it.
    pub page: String,
}

impl<'a> Ctx<'a> {
    /// A page of the site at `page` (`basic/550`), with the flavor's extension.
    pub fn href(&self, page: &str) -> String {
        format!("{}{}.{}", self.root, page, self.flavor.ext())
    }

    /// Plain text for the flavor.
    pub fn text(&self, s: &str) -> String {
        match self.flavor {
            Flavor::Html => s.to_string(),
            Flavor::Markdown => markdown::escape_text(s),
        }
    }

    /// Text shown as code: plain for HTML (the template wraps it in `<code>`), a complete code
    /// span for Markdown.
    pub fn code(&self, s: &str) -> String {
        match self.flavor {
            Flavor::Html => s.to_string(),
            Flavor::Markdown => markdown::code_span(s),
        }
    }

    /// Plain text where rendered Markdown is expected (a field that holds either).
    pub fn text_as_markup(&self, s: &str) -> String {
        match self.flavor {
            Flavor::Html => markdown::text_to_html(s),
            Flavor::Markdown => markdown::escape_text(s),
        }
    }

    /// Registry Markdown as blocks, with the codes it names linked ([`Ctx::code_href`]).
    pub fn markdown(&self, md: &str) -> String {
        let linker = |m| self.code_href(m, None);
        match self.flavor {
            Flavor::Html => markdown::to_html_linked(md, &linker),
            Flavor::Markdown => markdown::sanitize_linked(md, &linker),
        }
    }

    /// Registry Markdown for one line (list item, table cell), with the codes it names linked.
    pub fn markdown_inline(&self, md: &str) -> String {
        let linker = |m| self.code_href(m, None);
        match self.flavor {
            Flavor::Html => markdown::to_html_inline_linked(md, &linker),
            Flavor::Markdown => markdown::sanitize_inline_linked(md, &linker),
        }
    }

    /// Plain prose (a note, a use's context) as markup for the flavor, with the codes it
    /// names linked: escaped HTML, or escaped Markdown text.
    pub fn prose(&self, s: &str) -> String {
        self.prose_linked(s, None)
    }

    /// A vendor's prose (an entry's meaning, cause, advice or note): as [`Ctx::prose`], but a
    /// code only vendors document links only to this vendor's own entry.
    pub fn vendor_prose(&self, v: &VendorFile, s: &str) -> String {
        self.prose_linked(s, Some(v))
    }

    /// A vendor's Markdown (its description): as [`Ctx::markdown`], with the restriction of
    /// [`Ctx::vendor_prose`].
    pub fn vendor_markdown(&self, v: &VendorFile, md: &str) -> String {
        let linker = |m| self.code_href(m, Some(v));
        match self.flavor {
            Flavor::Html => markdown::to_html_linked(md, &linker),
            Flavor::Markdown => markdown::sanitize_linked(md, &linker),
        }
    }

    fn prose_linked(&self, s: &str, vendor: Option<&VendorFile>) -> String {
        let linker = |m| self.code_href(m, vendor);
        match self.flavor {
            Flavor::Html => markdown::text_to_html_linked(s, &linker),
            Flavor::Markdown => markdown::escape_text_linked(s, &linker),
        }
    }

    /// Where a code named in the page's text leads: the page of a reply or enhanced code the
    /// registry holds; for an enhanced code only vendors document (or a vendor's range of
    /// them, `4.7.500-699`), the entry of the vendor whose text names it (`vendor`), or in
    /// text of no vendor, of the one vendor that documents it (none when several do: the text
    /// would have to say which). Never the page itself, and nowhere for a code the site has no
    /// page for. A range whose first code is registered links nowhere: it spans codes of
    /// different meanings.
    pub fn code_href(&self, m: Mention, vendor: Option<&VendorFile>) -> Option<String> {
        let registered = |key| self.reg.enhanced(key).is_some();
        let (page, anchor) = match m {
            Mention::Reply(code) => (paths::basic(self.reg.basic(code)?.code), None),
            Mention::Enhanced { key, .. } if registered(key) => (paths::enhanced(key), None),
            Mention::EnhancedRange { first, .. } if registered(first) => return None,
            Mention::Enhanced { class, key } | Mention::EnhancedRange { class, first: key } => {
                self.vendor_entry_of(class, key, vendor)?
            }
        };
        if page == self.page {
            return None;
        }
        let href = self.href(&page);
        Some(match (anchor, self.flavor) {
            (Some(a), Flavor::Html) => format!("{href}#{a}"),
            // Markdown headings get their anchors from the forge, not from us.
            _ => href,
        })
    }

    /// The vendor page and entry anchor of an enhanced code: `vendor`'s entry for it, or
    /// without a vendor, the entry of the only vendor that documents it.
    fn vendor_entry_of(
        &self,
        class: Option<u8>,
        key: EnhancedKey,
        vendor: Option<&VendorFile>,
    ) -> Option<(String, Option<String>)> {
        let matches = |x: &FullEnhanced| x.key() == key && class.is_none_or(|c| c == x.class);
        let vendors: &[VendorFile] = match vendor {
            Some(v) => std::slice::from_ref(v),
            None => &self.reg.vendors,
        };
        let mut found = vendors.iter().filter_map(|v| {
            v.entries
                .iter()
                .find(|e| e.enhanced.as_ref().is_some_and(matches))
                .map(|e| (v, e))
        });
        let (v, e) = found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some((paths::vendor(&v.vendor), Some(v.anchor_of(e))))
    }

    pub fn link(&self, page: &str, text: &str) -> Link {
        Link {
            href: self.href(page),
            text: self.text(text),
        }
    }

    /// A link to another site.
    pub fn external(&self, url: &str, text: &str) -> Link {
        Link {
            href: match self.flavor {
                Flavor::Html => url.to_string(),
                Flavor::Markdown => markdown::url(url),
            },
            text: self.text(text),
        }
    }

    pub fn reference(&self, r: &Reference) -> Link {
        self.external(&r.url(), &r.to_string())
    }

    pub fn basic_link(&self, code: u16) -> Link {
        self.link(&paths::basic(code), &code.to_string())
    }

    pub fn enhanced_link(&self, key: EnhancedKey) -> Link {
        self.link(&paths::enhanced(key), &key.to_string())
    }

    pub fn command_link(&self, name: &str) -> Link {
        self.link(&paths::command(name), name)
    }
}

/// Page paths, relative to the site root and without extension.
pub mod paths {
    use crate::model::EnhancedKey;

    pub const INDEX: &str = "index";
    pub const ABOUT: &str = "about";

    pub fn basic(code: u16) -> String {
        format!("basic/{code}")
    }
    pub fn enhanced(key: EnhancedKey) -> String {
        format!("enhanced/X.{}.{}", key.subject, key.detail)
    }
    /// The class-digit form that leads to the enhanced page (`enhanced/5.1.1`).
    pub fn enhanced_with_class(class: u8, key: EnhancedKey) -> String {
        format!("enhanced/{class}.{}.{}", key.subject, key.detail)
    }
    pub fn command(name: &str) -> String {
        format!("commands/{name}")
    }
    pub fn class(digit: u8) -> String {
        format!("classes/{digit}")
    }
    pub fn subject(n: u16) -> String {
        format!("subjects/{n}")
    }
    pub fn vendor(slug: &str) -> String {
        format!("vendors/{slug}")
    }
    /// `""` for a page at the root, `"../"` for one in a folder.
    pub fn root_of(page: &str) -> &'static str {
        if page.contains('/') {
            "../"
        } else {
            ""
        }
    }
}

/// The enhanced-code class digits a redirect page is made for.
pub const REDIRECT_CLASSES: [u8; 3] = [2, 4, 5];

/// Renders the site into `out`.
pub fn render(reg: &Registry, out: &mut Outputs) -> Result<(), askama::Error> {
    render_with(reg, &document::build(reg), out)
}

/// Renders the site into `out`, with the registry's JSON document already built (the pages
/// show each code's JSON entry).
pub fn render_with(
    reg: &Registry,
    json: &document::Root<'_>,
    out: &mut Outputs,
) -> Result<(), askama::Error> {
    let variants = reg.vendor_variants_by_code();
    for flavor in [Flavor::Html, Flavor::Markdown] {
        pages::render_flavor(reg, json, &variants, flavor, out)?;
    }
    pages::render_redirects(reg, out)?;
    pages::render_assets(out)?;
    search::render(reg, json, out);
    changes::render_feed(reg, out);
    Ok(())
}
