// {{ v.marker }}

//! A named [`EnhancedCode`] constant for every registered enhanced code, in each class its
//! definition says it suits.

use crate::{Class, EnhancedCode};

/// One constant per registered code and class, prefixed with the class.
impl EnhancedCode {
{%- for c in v.enhanced_constants() %}
{%- if !loop.first %}
{% endif %}
    /// `{{ c.wire }}` {{ c.doc_title }}
    ///
{%- for line in c.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    ///
    /// Defined in {{ c.links }}.
{%- if c.deprecated %}
    #[deprecated(note = "{{ c.key }} is deprecated in the IANA registry; use {{ c.replaced_by_key }}")]
{%- endif %}
    {{ c.declaration }}
{%- endfor %}
}

