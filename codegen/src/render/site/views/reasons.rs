//! The reasons page (`guide/reasons`): every failure reason of the classifier with its
//! category in the bounce schemes other systems use (the crosswalks of
//! `data/classifier.yaml`) and in Sisimai's, then each scheme with the pages it comes from.

use super::*;

/// Where the page lives.
pub const REASONS: &str = "guide/reasons";

pub struct SchemeV {
    pub title: String,
    /// What the scheme calls its categories (markup for the flavor).
    pub field: String,
    pub sources: Vec<(Link, String)>,
}

pub struct ReasonRowV {
    /// Code.
    pub id: String,
    pub title: String,
    pub bounce: &'static str,
    /// Code, one per scheme in [`ReasonsPage::schemes`] order.
    pub cells: Vec<String>,
    /// Code, or empty.
    pub sisimai: String,
}

pub struct ReasonsPage {
    pub chrome: Chrome,
    pub schemes: Vec<SchemeV>,
    pub rows: Vec<ReasonRowV>,
}

pub fn reasons_page(ctx: &Ctx) -> ReasonsPage {
    let c = &ctx.reg.classifier;
    ReasonsPage {
        chrome: chrome(
            ctx,
            REASONS,
            "Bounce reasons in other systems' terms",
            "Each bounce reason of the classifier with its category in Amazon SES, SendGrid, Postmark, Mailgun, SparkPost, KumoMTA, PowerMTA and Sisimai.",
        ),
        schemes: c
            .crosswalks
            .iter()
            .map(|s| SchemeV {
                title: ctx.text(&s.title),
                field: ctx.markdown_inline(&s.field),
                sources: s
                    .sources
                    .iter()
                    .map(|x| (ctx.external(&x.url, &x.title), x.read.0.clone()))
                    .collect(),
            })
            .collect(),
        rows: c
            .reasons
            .iter()
            .filter(|r| r.bounce != Bounce::None)
            .map(|r| ReasonRowV {
                id: ctx.code(&r.id),
                title: ctx.text(&r.title),
                bounce: r.bounce.as_str(),
                cells: c.crosswalk(r).map(|(_, v)| ctx.code(v)).collect(),
                sisimai: r.sisimai.as_deref().map(|s| ctx.code(s)).unwrap_or_default(),
            })
            .collect(),
    }
}
