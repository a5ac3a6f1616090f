// {{ v.marker }}

//! The vocabularies the crate shares with the generator: whose side a problem is on, the
//! bounce type, and a vendor's retry advice, each with its identifier (as the JSON writes it)
//! and its wording for people. Defined once, in the generator's `model/vocabulary.rs`.
{%- for voc in v.vocabularies %}

/// {{ voc.doc }}
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum {{ voc.name }} {
{%- for t in voc.terms %}
    /// {{ t.doc }}
    {{ t.variant }},
{%- endfor %}
}

impl {{ voc.name }} {
    /// Every value, in order.
    {{ voc.all }}

    /// The identifier: {{ voc.ids_doc }}.
    pub const fn as_str(self) -> &'static str {
        match self {
{%- for t in voc.terms %}
            {{ voc.name }}::{{ t.variant }} => {{ t.id }},
{%- endfor %}
        }
    }

    /// {{ voc.words_doc }}
    pub const fn words(self) -> &'static str {
        match self {
{%- for t in voc.terms %}
            {{ voc.name }}::{{ t.variant }} => {{ t.words }},
{%- endfor %}
        }
    }
}
{%- endfor %}

