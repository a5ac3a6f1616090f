// {{ v.marker }}

//! [`Command`]: the SMTP commands (and the connection greeting) that reply codes answer.

use core::fmt;
use core::str::FromStr;

use crate::known::KnownReplyCode;

/// An SMTP command, as the registry names it.
///
/// Besides the commands sent on the wire, the registry names two pseudo-commands: `CONNECT`
/// stands for the server's greeting when a connection opens, and `ANY` for replies any command
/// may get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The text is not a command the registry knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownCommand;

impl fmt::Display for UnknownCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an SMTP command the registry knows")
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UnknownCommand {}

impl FromStr for Command {
    type Err = UnknownCommand;

    /// Case-insensitive, as SMTP commands are.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Command::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
            .ok_or(UnknownCommand)
    }
}

