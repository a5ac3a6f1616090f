// {{ v.marker }}

//! A named [`ReplyCode`] constant for every registered reply code.

use crate::ReplyCode;

/// One constant per standard and historic reply code.
impl ReplyCode {
{%- for r in v.replies %}
{%- if !loop.first %}
{% endif %}
    /// {{ r.doc_title }}
    ///
{%- for line in r.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    ///
    /// Defined in {{ r.links }}.
    pub const {{ r.const_name }}: ReplyCode = ReplyCode({{ r.code }});
{%- endfor %}
}

