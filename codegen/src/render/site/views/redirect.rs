//! The redirect pages of class-specific enhanced codes (`enhanced/5.1.1` to `X.1.1`).

use super::*;

/// `enhanced/5.1.1.html`, which leads to `enhanced/X.1.1.html` (HTML only).
pub struct RedirectPage {
    pub marker: &'static str,
    pub title: String,
    pub code: String,
    pub target: String,
    pub canonical: String,
    pub key: String,
    pub heading: String,
    pub note: String,
}

pub fn redirect_page(reg: &Registry, e: &EnhancedEntry, class: u8) -> RedirectPage {
    let k = e.code;
    let target = format!("X.{}.{}.html", k.subject, k.detail);
    let code = format!("{class}.{}.{}", k.subject, k.detail);
    let outcome = outcome_of_class(class);
    let heading = enhanced_heading_text(e);
    let note = if e.usable_as.contains(&outcome) {
        format!("{code} is {k} reported as a {}.", outcome_label(outcome))
    } else {
        format!(
            "{code} is {k} with class {class} ({}), a class its defining text does not use it with.",
            outcome_label(outcome)
        )
    };
    RedirectPage {
        marker: MARKER,
        title: format!("{code}: {heading} – {SITE_NAME}"),
        canonical: match &reg.meta.site_url {
            Some(base) => format!("{}/{}.html", base.trim_end_matches('/'), paths::enhanced(k)),
            None => target.clone(),
        },
        code,
        target,
        key: k.to_string(),
        heading,
        note,
    }
}
