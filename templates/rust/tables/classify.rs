// {{ v.marker }}

//! The classifier's data, from `data/classifier.yaml`: the reason taxonomy, the default reason
//! of each code, and the text rules. The engine is in [`crate::classify`].

use crate::classify::rule::{Bounce, Rule, Side};

/// Why a reply failed (or what it means when it did not), from the project's taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
{%- for r in v.reasons %}
    /// `{{ r.id_plain }}`: {{ r.title_plain }}.
    ///
{%- for line in r.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    {{ r.variant }},
{%- endfor %}
}

impl Reason {
    /// Every reason, in the taxonomy's order.
    {{ v.reason_all() }}

    /// The reason's identifier, such as `"unknown_user"`.
    pub const fn id(self) -> &'static str {
        match self {
{%- for r in v.reasons %}
            Reason::{{ r.variant }} => {{ r.id }},
{%- endfor %}
        }
    }

    /// A short title, such as `"Recipient does not exist"`.
    pub const fn title(self) -> &'static str {
        match self {
{%- for r in v.reasons %}
            Reason::{{ r.variant }} => {{ r.title }},
{%- endfor %}
        }
    }

    /// What to do about it, in plain words (CommonMark).
    pub const fn advice(self) -> &'static str {
        match self {
{%- for r in v.reasons %}
            Reason::{{ r.variant }} => {{ r.advice }},
{%- endfor %}
        }
    }

    /// Whose side the problem is usually on.
    pub const fn side(self) -> Side {
        match self {
{%- for r in v.reasons %}
            Reason::{{ r.variant }} => Side::{{ r.side }},
{%- endfor %}
        }
    }

    /// The bounce type when the reply is a permanent failure (a transient one is always soft).
    pub const fn permanent_bounce(self) -> Bounce {
        match self {
{%- for r in v.reasons %}
            Reason::{{ r.variant }} => Bounce::{{ r.bounce }},
{%- endfor %}
        }
    }

    /// The corresponding Sisimai reason, for mapping between the two.
    pub const fn sisimai(self) -> Option<&'static str> {
        match self {
{%- for r in v.reasons %}
            Reason::{{ r.variant }} => {{ r.sisimai }},
{%- endfor %}
        }
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
pub static RULES: [Rule<'static>; {{ v.rules.len() }}] = [
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
    },
{%- endfor %}
];

