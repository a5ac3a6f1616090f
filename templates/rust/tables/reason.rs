// {{ v.marker }}

//! The reason taxonomy of `data/classifier.yaml`: [`Reason`], with each reason's title,
//! advice, side and bounce type, and its [`Crosswalk`] to the bounce categories of other
//! systems.

use crate::tables::vocabulary::{Bounce, Side};

/// Why a reply failed (or what it means when it did not), from the project's taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
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

impl Reason {
    /// The reason's category in the schemes other systems sort bounces into, from their
    /// documentation (cited on each field of [`Crosswalk`]); `None` for a reason that is not a
    /// failure. Where a scheme tells hard from soft bounces, the category is that of a failure
    /// as hard or soft as [`Reason::permanent_bounce`].
    pub const fn crosswalk(self) -> Option<Crosswalk> {
        match self {
{%- for r in v.reasons %}
            {{ r.crosswalk_arm }}
{%- endfor %}
        }
    }
}

/// A reason's category in the bounce schemes of other systems ([`Reason::crosswalk`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Crosswalk {
{%- for s in v.schemes %}
{%- for line in s.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    pub {{ s.field }}: &'static str,
{%- endfor %}
}

impl Crosswalk {
    /// The schemes' identifiers (`"amazon_ses"`, `"sendgrid"`, ...) with this reason's
    /// category in each, in the order of the fields.
    pub fn schemes(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
{{ v.crosswalk_pairs }}
    }
}

