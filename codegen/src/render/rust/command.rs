//! The views of `tables/command.rs`: the SMTP commands and the replies each may get.

use super::*;

pub struct CommandV {
    pub variant: String,
    /// `Command::Rcpt => &[...]`, laid out.
    pub replies_arm: String,
    pub wire: String,
    pub wire_plain: String,
    pub title: String,
    pub description: String,
    pub historic: bool,
    pub doc: Vec<String>,
}

/// A standard or historic reply code (the `KnownReplyCode` variants).
fn known_reply(reg: &Registry, code: u16) -> Option<&BasicEntry> {
    reg.basic(code)
        .filter(|b| b.status != BasicStatus::Nonstandard)
}

/// The `Command` variants.
pub fn commands(reg: &Registry) -> Vec<CommandV> {
    reg.commands
        .iter()
        .map(|c| CommandV {
            replies_arm: {
                let items: Vec<String> = reg
                    .replies_to(&c.name)
                    .into_iter()
                    .filter_map(|code| known_reply(reg, code))
                    .map(|b| format!("KnownReplyCode::{}", b.name))
                    .collect();
                let prefix = format!("Command::{} => ", command_variant(&c.name));
                format!("{prefix}{},", rust_slice(&items, 12, prefix.len()))
            },
            variant: command_variant(&c.name),
            wire: rust_str(&c.name),
            wire_plain: c.name.clone(),
            title: rust_str(&c.title),
            description: rust_str(&one_line(&c.description)),
            historic: c.status == CommandStatus::Historic,
            doc: doc(&c.description),
        })
        .collect()
}
