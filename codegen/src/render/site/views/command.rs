//! The page of an SMTP command (`command/RCPT`).

use super::*;

pub struct CommandPage {
    pub chrome: Chrome,
    pub name: String,
    pub title: String,
    pub historic: bool,
    /// Markdown.
    pub description: String,
    pub references: Vec<Link>,
    pub replies: Vec<BasicRow>,
    pub nonstandard: Vec<BasicRow>,
    pub any_note: bool,
    pub any_link: Link,
}

pub fn command_page(ctx: &Ctx, c: &CommandEntry) -> CommandPage {
    let reg = ctx.reg;
    CommandPage {
        chrome: chrome(
            ctx,
            &paths::command(&c.name),
            &format!("{}: the replies it may get", c.name),
            &markdown::to_plain(&c.description),
        ),
        name: ctx.text(&c.name),
        title: ctx.text(&c.title),
        historic: c.status == CommandStatus::Historic,
        description: ctx.markdown(&c.description),
        references: c.references.iter().map(|r| ctx.reference(r)).collect(),
        replies: reg
            .replies_to(&c.name)
            .into_iter()
            .filter_map(|code| reg.basic(code))
            .map(|b| basic_row(ctx, b))
            .collect(),
        nonstandard: reg
            .basic
            .iter()
            .filter(|b| b.status == BasicStatus::Nonstandard && b.commands.contains(&c.name))
            .map(|b| basic_row(ctx, b))
            .collect(),
        any_note: c.name != "ANY" && c.name != "CONNECT" && reg.command("ANY").is_some(),
        any_link: ctx.command_link("ANY"),
    }
}
