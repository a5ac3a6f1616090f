// {{ v.marker }}

//! Enums of the registered codes: [`KnownReplyCode`] (every standard and historic 3-digit
//! code) and [`KnownEnhancedCode`] (every IANA enumerated code, class-independent). The rest
//! of their API is in `src/known.rs`.

/// Every 3-digit reply code an RFC defines or uses ({{ v.replies.len() }} codes). The
/// discriminant is the code.
///
/// Non-standard codes (vendor codes, `101`, ...) are deliberately not here; see
/// [`reply_info`](crate::reply_info) and [`NONSTANDARD`](crate::NONSTANDARD).
///
/// ```
/// use smtp_codes::{KnownReplyCode, ReplyCode};
/// let k = KnownReplyCode::MailboxUnavailable;
/// assert_eq!(k as u16, 550);
/// assert_eq!(ReplyCode::from(k), ReplyCode::MAILBOX_UNAVAILABLE);
/// assert_eq!(ReplyCode::MAILBOX_UNAVAILABLE.known(), Some(k));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u16)]
#[non_exhaustive]
pub enum KnownReplyCode {
{%- for r in v.replies %}
    /// {{ r.doc_title }}
    ///
{%- for line in r.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    ///
    /// Defined in {{ r.links }}.
    {{ r.variant }} = {{ r.code }},
{%- endfor %}
}

impl KnownReplyCode {
    /// Every registered reply code, in numeric order.
    {{ v.reply_all() }}

    /// The registered code with this number.
    pub const fn from_u16(code: u16) -> Option<KnownReplyCode> {
        match code {
{%- for r in v.replies %}
            {{ r.code }} => Some(KnownReplyCode::{{ r.variant }}),
{%- endfor %}
            _ => None,
        }
    }

    pub(crate) const fn index(self) -> usize {
        match self {
{%- for r in v.replies %}
            KnownReplyCode::{{ r.variant }} => {{ loop.index0 }},
{%- endfor %}
        }
    }
}

/// Every enumerated enhanced status code in the IANA registry ({{ v.enhanced.len() }} codes),
/// class-independent: `X.1.1` covers `2.1.1`, `4.1.1` and `5.1.1`.
///
/// ```
/// use smtp_codes::{Class, EnhancedCode, KnownEnhancedCode};
/// let k = KnownEnhancedCode::BadDestinationMailboxAddress;
/// assert_eq!(k.to_string(), "X.1.1");
/// let code = k.with_class(Class::PermanentFailure);
/// assert_eq!(code.to_string(), "5.1.1");
/// assert_eq!(code.known(), Some(k));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum KnownEnhancedCode {
{%- for e in v.enhanced %}
    /// {{ e.doc_title }}
    ///
{%- for line in e.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    ///
    /// Defined in {{ e.links }}.
{%- if e.deprecated %}
    #[deprecated(note = "{{ e.key }} is deprecated in the IANA registry; use {{ e.replaced_by_key }}")]
{%- endif %}
    {{ e.variant }},
{%- endfor %}
}

#[allow(deprecated)]
impl KnownEnhancedCode {
    /// Every registered enhanced code, in order of subject and detail.
    {{ v.enhanced_all() }}

    /// The registered code with this subject and detail.
    pub const fn from_parts(subject: u16, detail: u16) -> Option<KnownEnhancedCode> {
        match (subject, detail) {
{%- for e in v.enhanced %}
            ({{ e.subject }}, {{ e.detail }}) => Some(KnownEnhancedCode::{{ e.variant }}),
{%- endfor %}
            _ => None,
        }
    }
}

