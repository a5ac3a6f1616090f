// {{ v.marker }}

//! What the registry says about each code: the tables behind the lookups. The types are in
//! `src/info.rs`.

use crate::info::*;
use crate::{Class, Command, KnownEnhancedCode};

/// What the registry says about a 3-digit code: standard, historic or non-standard
/// (including numbers no server sends, such as `101`). `None` when nobody documents it.
///
/// ```
/// use smtp_codes::{reply_info, ReplyStatus};
/// assert_eq!(reply_info(550).unwrap().status, ReplyStatus::Standard);
/// assert_eq!(reply_info(101).unwrap().status, ReplyStatus::NonStandard);
/// assert!(reply_info(299).is_none());
/// ```
pub const fn reply_info(code: u16) -> Option<&'static ReplyInfo> {
    match code {
{%- for r in v.replies %}
        {{ r.code }} => Some(&REPLIES[{{ loop.index0 }}]),
{%- endfor %}
{%- for r in v.nonstandard %}
        {{ r.code }} => Some(&NONSTANDARD[{{ loop.index0 }}]),
{%- endfor %}
        _ => None,
    }
}

/// Every standard and historic reply code's entry, in numeric order.
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static REPLIES: &[ReplyInfo] = &[
{%- for r in v.replies %}
    ReplyInfo {
        code: {{ r.code }},
        name: {{ r.name }},
        text: {{ r.text }},
        text_note: {{ r.text_note }},
        description: {{ r.description }},
        status: {{ r.status }},
        nonstandard_kind: {{ r.kind }},
        confidence: {{ r.confidence }},
        meanings: &[
{%- for m in r.meanings %}
            Meaning {
                text: {{ m.text }},
                summary: {{ m.summary }},
                reference: {{ m.reference }},
                vendor: {{ m.vendor }},
                sources: &[{{ m.sources|join(", ") }}],
                standard: {{ m.standard }},
                commands: &[{{ m.commands|join(", ") }}],
            },
{%- endfor %}
        ],
        uses: &[
{%- for u in r.uses %}
            Use {
                reference: Reference {
                    document: {{ u.reference.document }},
                    section: {{ u.reference.section }},
                    url: {{ u.reference.url }},
                },
                context: {{ u.context }},
                commands: &[{{ u.commands|join(", ") }}],
                enhanced: &[{{ u.enhanced|join(", ") }}],
            },
{%- endfor %}
        ],
        commands: &[{{ r.commands|join(", ") }}],
        introduced: {{ r.introduced }},
        references: &[
{%- for x in r.references %}
            Reference {
                document: {{ x.document }},
                section: {{ x.section }},
                url: {{ x.url }},
            },
{%- endfor %}
        ],
        associated_enhanced: &[{{ r.associated_enhanced|join(", ") }}],
        notes: {{ r.notes }},
        troubleshooting: {{ r.troubleshooting }},
    },
{%- endfor %}
];

/// Every non-standard code's entry, in numeric order. Kept apart from [`REPLIES`] so that
/// nothing mistakes them for standard codes.
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static NONSTANDARD: &[ReplyInfo] = &[
{%- for r in v.nonstandard %}
    ReplyInfo {
        code: {{ r.code }},
        name: {{ r.name }},
        text: {{ r.text }},
        text_note: {{ r.text_note }},
        description: {{ r.description }},
        status: {{ r.status }},
        nonstandard_kind: {{ r.kind }},
        confidence: {{ r.confidence }},
        meanings: &[
{%- for m in r.meanings %}
            Meaning {
                text: {{ m.text }},
                summary: {{ m.summary }},
                reference: {{ m.reference }},
                vendor: {{ m.vendor }},
                sources: &[{{ m.sources|join(", ") }}],
                standard: {{ m.standard }},
                commands: &[{{ m.commands|join(", ") }}],
            },
{%- endfor %}
        ],
        uses: &[],
        commands: &[{{ r.commands|join(", ") }}],
        introduced: None,
        references: &[],
        associated_enhanced: &[{{ r.associated_enhanced|join(", ") }}],
        notes: {{ r.notes }},
        troubleshooting: None,
    },
{%- endfor %}
];

/// Every enumerated enhanced code's entry, in order of subject and detail (the order of
/// [`KnownEnhancedCode`]).
#[allow(deprecated)]
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static ENHANCED: &[EnhancedInfo] = &[
{%- for e in v.enhanced %}
    EnhancedInfo {
        code: KnownEnhancedCode::{{ e.variant }},
        subject: {{ e.subject }},
        detail: {{ e.detail }},
        name: {{ e.name }},
        sample_text: {{ e.sample_text }},
        description: {{ e.description }},
        basic_codes: &[{{ e.basic_codes }}],
        basic_codes_text: {{ e.basic_codes_text }},
        basic_code_classes: &[{{ e.basic_code_classes }}],
        any_basic_code: {{ e.any_basic_code }},
        usable_as: &[{{ e.usable_as }}],
        status: {% if e.deprecated %}Lifecycle::Deprecated{% else %}Lifecycle::Current{% endif %},
        replaced_by: {{ e.replaced_by }},
        references: &[
{%- for x in e.references %}
            Reference {
                document: {{ x.document }},
                section: {{ x.section }},
                url: {{ x.url }},
            },
{%- endfor %}
        ],
        notes: {{ e.notes }},
        troubleshooting: {{ e.troubleshooting }},
    },
{%- endfor %}
];

/// Guidance for the codes people meet most, in order of code.
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static TROUBLESHOOTING: &[Troubleshooting] = &[
{%- for t in v.troubleshooting %}
    Troubleshooting {
        code: "{{ t.code }}",
        summary: {{ t.summary }},
        causes: {{ t.causes }},
        sender_fixes: {{ t.sender_fixes }},
        admin_fixes: {{ t.admin_fixes }},
        references: &[
{%- for x in t.references %}
            Reference {
                document: {{ x.document }},
                section: {{ x.section }},
                url: {{ x.url }},
            },
{%- endfor %}
        ],
        nonconforming: &[
{%- for n in t.nonconforming %}
            Nonconforming {
                code: "{{ n.code }}",
                note: {{ n.note }},
            },
{%- endfor %}
        ],
    },
{%- endfor %}
];

