//! The page templates (`templates/site/`, `templates/markdown/`) and the loop that renders
//! every page of the site in one flavor.

use askama::Template;

use super::views::{self, *};
use super::{paths, Ctx, Flavor, REDIRECT_CLASSES, SITE_DIR};
use crate::model::{Registry, VendorIndex};
use crate::outputs::{Outputs, MARKER};
use crate::views::document;
use crate::views::text::finish;

/// An HTML and a Markdown template over the same view.
macro_rules! page_templates {
    ($html:ident, $md:ident, $view:ty, $html_path:literal, $md_path:literal) => {
        #[derive(Template)]
        #[template(path = $html_path)]
        struct $html<'a> {
            v: &'a $view,
        }

        #[derive(Template)]
        #[template(path = $md_path)]
        struct $md<'a> {
            v: &'a $view,
        }

        impl $view {
            fn render_as(&self, flavor: Flavor) -> askama::Result<String> {
                match flavor {
                    Flavor::Html => $html { v: self }.render(),
                    Flavor::Markdown => $md { v: self }.render(),
                }
            }
        }
    };
}

page_templates!(
    IndexHtml,
    IndexMd,
    IndexPage,
    "site/index.html",
    "markdown/index.md"
);
page_templates!(
    BasicHtml,
    BasicMd,
    BasicPage,
    "site/basic.html",
    "markdown/basic.md"
);
page_templates!(
    EnhancedHtml,
    EnhancedMd,
    EnhancedPage,
    "site/enhanced.html",
    "markdown/enhanced.md"
);
page_templates!(
    CommandHtml,
    CommandMd,
    CommandPage,
    "site/command.html",
    "markdown/command.md"
);
page_templates!(
    ClassHtml,
    ClassMd,
    ClassPage,
    "site/class.html",
    "markdown/class.md"
);
page_templates!(
    SubjectHtml,
    SubjectMd,
    SubjectPage,
    "site/subject.html",
    "markdown/subject.md"
);
page_templates!(
    VendorHtml,
    VendorMd,
    VendorPage,
    "site/vendor.html",
    "markdown/vendor.md"
);
page_templates!(
    ChangesHtml,
    ChangesMd,
    super::changes::ChangesPage,
    "site/changes.html",
    "markdown/changes.md"
);
page_templates!(
    ReasonsHtml,
    ReasonsMd,
    ReasonsPage,
    "site/reasons.html",
    "markdown/reasons.md"
);
page_templates!(
    AboutHtml,
    AboutMd,
    AboutPage,
    "site/about.html",
    "markdown/about.md"
);

#[derive(Template)]
#[template(path = "site/redirect.html")]
struct RedirectHtml<'a> {
    v: &'a RedirectPage,
}

#[derive(Template)]
#[template(path = "site/style.css")]
struct StyleCss {
    marker: &'static str,
}

#[derive(Template)]
#[template(path = "site/search.js")]
struct SearchJs {
    marker: &'static str,
}

/// Renders every page in `flavor`.
pub(super) fn render_flavor(
    reg: &Registry,
    json: &document::Root<'_>,
    variants: &VendorIndex<'_>,
    flavor: Flavor,
    out: &mut Outputs,
) -> Result<(), askama::Error> {
    let ctx_for = |page: &str| Ctx {
        reg,
        json,
        variants,
        flavor,
        root: paths::root_of(page),
        page: page.to_string(),
    };
    let mut emit = |page: &str, text: String| {
        let text = match flavor {
            Flavor::Html => text,
            Flavor::Markdown => collapse_blank_lines(&text),
        };
        out.add(flavor.output_path(page), finish_page(text))
    };

    emit(
        paths::INDEX,
        views::index_page(&ctx_for(paths::INDEX)).render_as(flavor)?,
    );
    emit(
        paths::ABOUT,
        views::about_page(&ctx_for(paths::ABOUT)).render_as(flavor)?,
    );
    emit(
        views::REASONS,
        views::reasons_page(&ctx_for(views::REASONS)).render_as(flavor)?,
    );
    for (i, b) in reg.basic.iter().enumerate() {
        let page = paths::basic(b.code);
        emit(
            &page,
            views::basic_page(&ctx_for(&page), i).render_as(flavor)?,
        );
    }
    for (i, e) in reg.enhanced.iter().enumerate() {
        let page = paths::enhanced(e.code);
        emit(
            &page,
            views::enhanced_page(&ctx_for(&page), i).render_as(flavor)?,
        );
    }
    for c in &reg.commands {
        let page = paths::command(&c.name);
        emit(
            &page,
            views::command_page(&ctx_for(&page), c).render_as(flavor)?,
        );
    }
    for c in &reg.classes {
        let page = paths::class(c.class);
        emit(
            &page,
            views::class_page(&ctx_for(&page), c).render_as(flavor)?,
        );
    }
    for s in &reg.subjects {
        let page = paths::subject(s.subject);
        emit(
            &page,
            views::subject_page(&ctx_for(&page), s).render_as(flavor)?,
        );
    }
    for (i, e) in reg.editions.iter().enumerate() {
        let page = super::changes::path(&e.edition);
        emit(
            &page,
            super::changes::changes_page(&ctx_for(&page), i).render_as(flavor)?,
        );
    }
    for v in &reg.vendors {
        let page = paths::vendor(&v.vendor);
        emit(
            &page,
            views::vendor_page(&ctx_for(&page), v).render_as(flavor)?,
        );
    }
    Ok(())
}

/// `enhanced/5.1.1.html` and its siblings (HTML only: a forge cannot redirect).
pub(super) fn render_redirects(reg: &Registry, out: &mut Outputs) -> Result<(), askama::Error> {
    for e in &reg.enhanced {
        for class in REDIRECT_CLASSES {
            let v = views::redirect_page(reg, e, class);
            let page = paths::enhanced_with_class(class, e.code);
            out.add(
                Flavor::Html.output_path(&page),
                finish(RedirectHtml { v: &v }.render()?),
            );
        }
    }
    Ok(())
}

/// The site's one style sheet and one script.
pub(super) fn render_assets(out: &mut Outputs) -> Result<(), askama::Error> {
    out.add(
        format!("{SITE_DIR}/style.css"),
        finish(StyleCss { marker: MARKER }.render()?),
    );
    out.add(
        format!("{SITE_DIR}/search.js"),
        finish(SearchJs { marker: MARKER }.render()?),
    );
    Ok(())
}

/// [`finish`], done cheaply when the page has no CR and no trailing blanks on a line (the
/// common case): then only its end needs fixing, and the page is not copied.
fn finish_page(mut text: String) -> String {
    let clean = !text.contains('\r') && !text.contains(" \n") && !text.contains("\t\n");
    if !clean {
        return finish(text);
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

/// Markdown templates leave runs of blank lines where optional parts are absent; one blank
/// line means the same to Markdown and reads better.
fn collapse_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0;
    for line in s.split('\n') {
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}
