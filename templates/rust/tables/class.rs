// {{ v.marker }}

//! [`Class`] and [`Subject`]: the first two fields of an enhanced status code, as the IANA
//! registry enumerates them. The rest of their API is in `src/class.rs`.

/// The class of an enhanced status code: its first field
/// ([RFC 3463, section 2](https://www.rfc-editor.org/rfc/rfc3463.html#section-2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
#[non_exhaustive]
pub enum Class {
{%- for c in v.classes %}
    /// {{ c.doc_title }}
    ///
{%- for line in c.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    ///
    /// Defined in {{ c.links }}.
    {{ c.variant }} = {{ c.digit }},
{%- endfor %}
}

impl Class {
    /// Every class, in order.
    {{ v.class_all() }}

    /// The class for a digit, if the digit is 2, 4 or 5.
    pub const fn from_digit(digit: u8) -> Option<Class> {
        match digit {
{%- for c in v.classes %}
            {{ c.digit }} => Some(Class::{{ c.variant }}),
{%- endfor %}
            _ => None,
        }
    }

    /// IANA's title, such as `"Permanent Failure"`.
    pub const fn title(self) -> &'static str {
        match self {
{%- for c in v.classes %}
            Class::{{ c.variant }} => {{ c.title }},
{%- endfor %}
        }
    }

    /// What the class means, in plain words (CommonMark).
    pub const fn description(self) -> &'static str {
        match self {
{%- for c in v.classes %}
            Class::{{ c.variant }} => {{ c.description }},
{%- endfor %}
        }
    }
}

/// The subject of an enhanced status code: its second field, the probable source of the
/// condition ([RFC 3463, section 2](https://www.rfc-editor.org/rfc/rfc3463.html#section-2)).
///
/// [`EnhancedCode`](crate::EnhancedCode) stores the subject as a number, so unregistered
/// subjects keep their value; this enum names the registered ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u16)]
#[non_exhaustive]
pub enum Subject {
{%- for s in v.subjects %}
    /// {{ s.doc_title }}
    ///
{%- for line in s.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    ///
    /// Defined in {{ s.links }}.
    {{ s.variant }} = {{ s.number }},
{%- endfor %}
}

impl Subject {
    /// Every registered subject, in order.
    {{ v.subject_all() }}

    /// The registered subject with this number.
    pub const fn from_number(number: u16) -> Option<Subject> {
        match number {
{%- for s in v.subjects %}
            {{ s.number }} => Some(Subject::{{ s.variant }}),
{%- endfor %}
            _ => None,
        }
    }

    /// IANA's title, such as `"Addressing Status"`.
    pub const fn title(self) -> &'static str {
        match self {
{%- for s in v.subjects %}
            Subject::{{ s.variant }} => {{ s.title }},
{%- endfor %}
        }
    }

    /// What the subject covers, in plain words (CommonMark).
    pub const fn description(self) -> &'static str {
        match self {
{%- for s in v.subjects %}
            Subject::{{ s.variant }} => {{ s.description }},
{%- endfor %}
        }
    }
}

