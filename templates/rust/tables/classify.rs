// {{ v.marker }}

//! The classifier's data, from `data/classifier.yaml`: the default reason of each code, and
//! the text rules (the reason taxonomy is in `reason.rs`). The engine is in [`crate::classify`].

use crate::classify::retry::RetryPolicy;
use crate::classify::rule::Rule;
use crate::tables::reason::Reason;

/// What to do next time after a transient (4yz) reply when neither the vendor entry nor the
/// reason says more (RFC 5321 section 4.5.4.1).
#[rustfmt::skip] // one policy per line, laid out by the generator
pub const RETRY_DEFAULT_TRANSIENT: RetryPolicy = {{ v.retry_default_transient }};

/// What to do next time after a permanent (5yz) reply when neither the vendor entry nor the
/// reason says more (RFC 5321 section 4.2.1: do not repeat it unchanged).
#[rustfmt::skip] // one policy per line, laid out by the generator
pub const RETRY_DEFAULT_PERMANENT: RetryPolicy = {{ v.retry_default_permanent }};

/// A reason's own retry policy, before resolution (see [`crate::classify::retry`]).
#[rustfmt::skip] // one policy per line, laid out by the generator
pub(crate) const fn reason_retry_policy(reason: Reason) -> Option<RetryPolicy> {
    match reason {
{%- for p in v.reason_policies %}
        Reason::{{ p.variant }} => Some({{ p.policy }}),
{%- endfor %}
        _ => None,
    }
}

/// The default reason of a registered enhanced code.
pub(crate) const fn enhanced_default(subject: u16, detail: u16) -> Option<Reason> {
    match (subject, detail) {
{%- for (s, d, r) in v.enhanced_defaults %}
        ({{ s }}, {{ d }}) => Some({{ r }}),
{%- endfor %}
        _ => None,
    }
}

/// Whether weak rules may refine this registered enhanced code: it says little by itself.
{%- if v.generic_enhanced.is_empty() %}
pub(crate) const fn is_generic_enhanced(_subject: u16, _detail: u16) -> bool {
    false
}
{%- else %}
pub(crate) const fn is_generic_enhanced(subject: u16, detail: u16) -> bool {
    {{ v.generic_matches() }}
}
{%- endif %}

/// The default reason of an unregistered enhanced code's subject.
pub(crate) const fn subject_default(subject: u16) -> Option<Reason> {
    match subject {
{%- for (s, r) in v.subject_defaults %}
        {{ s }} => Some({{ r }}),
{%- endfor %}
        _ => None,
    }
}

/// The default reason of a reply code.
pub(crate) const fn basic_default(code: u16) -> Option<Reason> {
    match code {
{%- for (c, r) in v.basic_defaults %}
        {{ c }} => Some({{ r }}),
{%- endfor %}
        _ => None,
    }
}

/// The built-in text rules, in the order they are tried.
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static RULES: &[Rule<'static>] = &[
{%- for r in v.rules %}
    Rule {
        id: {{ r.id }},
        reason: {{ r.reason }},
        any: {{ r.any }},
        all: {{ r.all }},
        none: {{ r.none }},
        classes: &[{{ r.classes }}],
        codes: &[{{ r.codes }}],
        enhanced: &[{{ r.enhanced }}],
        weak: {{ r.weak }},
        retry_policy: None,
    },
{%- endfor %}
];

