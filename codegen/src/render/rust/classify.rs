//! The views of `tables/classify.rs`: reasons, default reasons and text rules.

use super::*;

pub struct ReasonV {
    pub variant: String,
    pub id: String,
    pub id_plain: String,
    pub title: String,
    pub title_plain: String,
    pub advice: String,
    pub side: &'static str,
    pub bounce: &'static str,
    pub sisimai: String,
    /// `Reason::X => Some(Crosswalk { ... }),` or `=> None,`, laid out as rustfmt would.
    pub crosswalk_arm: String,
    pub doc: Vec<String>,
}

/// A reason's own retry policy, as a Rust expression.
pub struct ReasonPolicyV {
    pub variant: String,
    pub policy: String,
}

/// A field of `Crosswalk`: one scheme of bounce categories.
pub struct SchemeV {
    pub field: String,
    pub doc: Vec<String>,
}

/// The fields of `Crosswalk`, in scheme order.
pub fn schemes(reg: &Registry) -> Vec<SchemeV> {
    reg.classifier
        .crosswalks
        .iter()
        .map(|s| {
            let values: Vec<String> = s.values.iter().map(|v| format!("`{}`", v.value)).collect();
            let mut doc = doc(&format!(
                "{}: {}.\n\nOne of {}.",
                s.title,
                s.field,
                values.join(", ")
            ));
            doc.push(String::new());
            doc.push("Sources:".into());
            // Links are written as they are: `rust_doc` would escape their brackets.
            for x in &s.sources {
                doc.push(format!(
                    "- [{}]({}), read {}.",
                    x.title.replace(['[', ']'], ""),
                    x.url,
                    x.read.0
                ));
            }
            SchemeV {
                field: s.scheme.clone(),
                doc,
            }
        })
        .collect()
}

fn crosswalk_arm(reg: &Registry, r: &ReasonEntry) -> String {
    let variant = rust_reason_variant(&r.id);
    let fields: Vec<String> = reg
        .classifier
        .crosswalk(r)
        .map(|(s, v)| format!("{}: {}", s.scheme, rust_str(v)))
        .collect();
    if fields.is_empty() {
        return format!("Reason::{variant} => None,");
    }
    // rustfmt keeps a struct literal on one line while its fields fit in 18 columns.
    let inline = format!(
        "Reason::{variant} => Some(Crosswalk {{ {} }}),",
        fields.join(", ")
    );
    if fields.join(", ").len() <= 18 && 12 + inline.len() <= 100 {
        return inline;
    }
    let body: String = fields
        .iter()
        .map(|f| format!("                {f},\n"))
        .collect();
    format!("Reason::{variant} => Some(Crosswalk {{\n{body}            }}),")
}

/// The body of `Crosswalk::schemes`: the array of (scheme, value) pairs and `.into_iter()`,
/// on one line while rustfmt keeps it there (a chain of at most 60 columns), else one pair
/// per line.
pub fn crosswalk_pairs(reg: &Registry) -> String {
    let pairs: Vec<String> = reg
        .classifier
        .crosswalks
        .iter()
        .map(|s| format!("(\"{0}\", self.{0})", s.scheme))
        .collect();
    let inline = format!("[{}].into_iter()", pairs.join(", "));
    if inline.len() <= 60 {
        return format!("        {inline}");
    }
    let body: String = pairs
        .iter()
        .map(|p| format!("            {p},\n"))
        .collect();
    format!("        [\n{body}        ]\n        .into_iter()")
}

pub struct RuleV {
    pub id: String,
    pub weak: bool,
    pub reason: String,
    pub any: String,
    pub all: String,
    pub none: String,
    pub classes: String,
    pub codes: String,
    pub enhanced: String,
}

/// `Reason::UnknownUser` for `unknown_user`.
pub fn reason_variant(id: &str) -> String {
    format!("Reason::{}", rust_reason_variant(id))
}

/// Phrases as a slice literal; rule fields sit at 8 columns, after `any: ` and the like.
fn lits(v: &[String], field: &str) -> String {
    let items: Vec<String> = v.iter().map(|x| rust_str(x)).collect();
    rust_slice(&items, 8, field.len() + 2)
}

/// Numbers, comma-separated.
fn nums(v: &[u16]) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `Reason` variants.
pub fn reasons(reg: &Registry) -> Vec<ReasonV> {
    reg.classifier
        .reasons
        .iter()
        .map(|r| ReasonV {
            variant: rust_reason_variant(&r.id),
            id: rust_str(&r.id),
            id_plain: r.id.clone(),
            title: rust_str(&r.title),
            title_plain: rust_doc(&r.title).join(" "),
            advice: rust_str(&one_line(&r.advice)),
            side: r.side.term().variant,
            bounce: r.bounce.term().variant,
            sisimai: opt_str(r.sisimai.as_deref()),
            crosswalk_arm: crosswalk_arm(reg, r),
            doc: doc(&r.advice),
        })
        .collect()
}

/// `(subject, detail, Reason variant)` of each registered code's default.
pub fn enhanced_defaults(reg: &Registry) -> Vec<(u16, u16, String)> {
    reg.classifier
        .enhanced
        .iter()
        .map(|e| (e.code.subject, e.code.detail, reason_variant(&e.reason)))
        .collect()
}

/// `(subject, Reason variant)` of each subject's default.
pub fn subject_defaults(reg: &Registry) -> Vec<(u16, String)> {
    reg.classifier
        .subjects
        .iter()
        .map(|e| (e.subject, reason_variant(&e.reason)))
        .collect()
}

/// `(code, Reason variant)` of each reply code's default.
pub fn basic_defaults(reg: &Registry) -> Vec<(u16, String)> {
    reg.classifier
        .basic
        .iter()
        .map(|e| (e.code, reason_variant(&e.reason)))
        .collect()
}

/// `(subject, detail)` of the codes weak rules may refine.
pub fn generic_enhanced(reg: &Registry) -> Vec<(u16, u16)> {
    reg.classifier
        .generic_enhanced
        .iter()
        .map(|k| (k.subject, k.detail))
        .collect()
}

/// The built-in text rules, in order.
pub fn rules(reg: &Registry) -> Vec<RuleV> {
    reg.classifier
        .rules
        .iter()
        .map(|r| RuleV {
            id: rust_str(&r.id),
            weak: r.weak,
            reason: reason_variant(&r.reason),
            any: lits(&r.any, "any"),
            all: lits(&r.all, "all"),
            none: lits(&r.none, "none"),
            classes: r
                .classes
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            codes: nums(&r.codes),
            enhanced: r
                .enhanced
                .iter()
                .map(|k| format!("({}, {})", k.subject, k.detail))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect()
}

fn opt_duration(d: Option<&str>) -> String {
    match d {
        Some(d) => format!(
            "Some(core::time::Duration::from_secs({}))",
            duration_secs(d)
        ),
        None => "None".into(),
    }
}

/// A retry policy as a `RetryPolicy { .. }` expression on one line, from `source` (a
/// `PolicySource` variant). Paths are spelled out so that a table with no policy in it
/// imports nothing unused.
pub fn retry_policy_expr(p: &RetryPolicy, source: &str) -> String {
    format!(
        "crate::classify::RetryPolicy {{ retry: crate::classify::Retry::{}, first_after: {}, backoff: {}, how: {}, give_up_after: {}, give_up_attempts: {}, suppress_address: {}, source: crate::classify::PolicySource::{source} }}",
        p.retry.term().variant,
        opt_duration(p.first_after.as_deref()),
        opt_str(p.backoff.as_deref().map(one_line).as_deref()),
        opt_str(p.how.as_deref().map(one_line).as_deref()),
        opt_duration(p.give_up_after.as_deref()),
        match p.give_up_attempts {
            Some(n) => format!("Some({n})"),
            None => "None".into(),
        },
        p.suppress_address,
    )
}

/// The reasons that carry a policy of their own.
pub fn reason_policies(reg: &Registry) -> Vec<ReasonPolicyV> {
    reg.classifier
        .reasons
        .iter()
        .filter_map(|r| {
            r.retry_policy.as_ref().map(|p| ReasonPolicyV {
                variant: rust_reason_variant(&r.id),
                policy: retry_policy_expr(p, "Reason"),
            })
        })
        .collect()
}

/// `(transient, permanent)` defaults: the data's, else RFC 5321's
/// (`Classifier::retry_defaults_or_rfc`).
pub fn retry_defaults(reg: &Registry) -> (String, String) {
    let d = reg.classifier.retry_defaults_or_rfc();
    (
        retry_policy_expr(&d.transient, "Default"),
        retry_policy_expr(&d.permanent, "Default"),
    )
}
