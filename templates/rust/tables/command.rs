// {{ v.marker }}

//! [`Command`]: the SMTP commands (and the connection greeting) that reply codes answer. The
//! rest of its API is in `src/command.rs`.

use crate::tables::known::KnownReplyCode;

/// An SMTP command, as the registry names it.
///
/// Besides the commands sent on the wire, the registry names two pseudo-commands: `CONNECT`
/// stands for the server's greeting when a connection opens, and `ANY` for replies any command
/// may get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Command {
{%- for c in v.commands %}
    /// `{{ c.wire_plain }}`{% if c.historic %} (historic){% endif %}
    ///
{%- for line in c.doc %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    {{ c.variant }},
{%- endfor %}
}

impl Command {
    /// Every command, in order of name.
    {{ v.command_all() }}

    /// The name as sent on the wire (`"RCPT"`), or the registry's pseudo-name (`"CONNECT"`,
    /// `"ANY"`).
    pub const fn as_str(self) -> &'static str {
        match self {
{%- for c in v.commands %}
            Command::{{ c.variant }} => {{ c.wire }},
{%- endfor %}
        }
    }

    /// A short title, such as `"RCPT TO"`.
    pub const fn title(self) -> &'static str {
        match self {
{%- for c in v.commands %}
            Command::{{ c.variant }} => {{ c.title }},
{%- endfor %}
        }
    }

    /// What the command does, in plain words (CommonMark).
    pub const fn description(self) -> &'static str {
        match self {
{%- for c in v.commands %}
            Command::{{ c.variant }} => {{ c.description }},
{%- endfor %}
        }
    }

    /// Whether RFC 5321 retired the command.
    pub const fn is_historic(self) -> bool {
        match self {
{%- for c in v.commands %}
            Command::{{ c.variant }} => {{ c.historic }},
{%- endfor %}
        }
    }

    /// The registered reply codes this command may get, including those any command may get.
    pub const fn replies(self) -> &'static [KnownReplyCode] {
        match self {
{%- for c in v.commands %}
            {{ c.replies_arm }}
{%- endfor %}
        }
    }
}

