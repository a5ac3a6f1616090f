//! The parts of [`Command`] that do not depend on the registry: `Display` and parsing. The
//! enum, with its names and the replies each command may get, is generated into
//! `tables/command.rs`.

use core::fmt;
use core::str::FromStr;

use crate::Command;

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
