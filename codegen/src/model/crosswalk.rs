//! Crosswalks: the categories other systems (Amazon SES, SendGrid, Postmark, Mailgun,
//! SparkPost, KumoMTA, PowerMTA) sort bounces into, declared once per scheme in
//! `classifier.yaml` (`crosswalks`), and named per reason (`crosswalk` on each failure reason),
//! so that a user of one of those systems can read a reason in the words they already use.

use serde::Deserialize;

use super::Date;

/// A page a scheme is documented on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeSource {
    pub url: String,
    pub title: String,
    pub read: Date,
}

/// One category of a scheme.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchemeValue {
    /// As the scheme writes it (`Permanent/NoEmail`, `Invalid Address`, `10`).
    pub value: String,
    /// What the category means, in the scheme's terms, when the value alone does not say.
    #[serde(default)]
    pub title: Option<String>,
    /// A hard bounce in a scheme that tells hard from soft (`splits_hard_soft`).
    #[serde(default)]
    pub hard: bool,
}

/// A scheme of bounce categories.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkScheme {
    /// `amazon_ses`, `sendgrid`, ...: snake_case, forever (a JSON key and a Rust field).
    pub scheme: String,
    /// The system's name.
    pub title: String,
    /// What the system calls the category (Markdown).
    pub field: String,
    pub sources: Vec<SchemeSource>,
    pub values: Vec<SchemeValue>,
    /// Whether the scheme tells hard from soft bounces as the registry's `bounce` does.
    #[serde(default)]
    pub splits_hard_soft: bool,
}

impl CrosswalkScheme {
    pub fn value(&self, value: &str) -> Option<&SchemeValue> {
        self.values.iter().find(|v| v.value == value)
    }
}
