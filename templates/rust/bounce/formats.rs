// {{ marker }}

//! The phrase tables of `data/bounce-formats.yaml`, rows in file order. Every phrase matches
//! ignoring ASCII case; "at line start" means after leading white space. Documented in
//! [`crate::formats`].

use smtp_codes::Command;
{% for t in tables %}
{%- for line in t.doc %}
///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
{{ t.item }}
{% endfor %}
