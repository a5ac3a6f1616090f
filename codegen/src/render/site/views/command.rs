//! The page of an SMTP command (`command/RCPT`).

use super::*;

pub struct CommandPage {
    pub chrome: Chrome,
    pub name: String,
    /// The heading: the command as written on the wire (`RCPT TO`), then any words about it
    /// (`(Authenticated TURN)`), each empty when there is none.
    pub heading_code: String,
    pub heading_words: String,
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
    // The title repeats the command's name when it starts with it ("RCPT TO"): the verb and
    // its upper-case keywords form the code, the rest are words.
    let (heading_code, heading_words) = if c.title.starts_with(&c.name) {
        let split = c
            .title
            .split(' ')
            .take_while(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_uppercase()))
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .min(c.title.len());
        (
            c.title[..split].trim().to_string(),
            c.title[split..].to_string(),
        )
    } else {
        (c.name.clone(), c.title.clone())
    };
    CommandPage {
        chrome: chrome(
            ctx,
            &paths::command(&c.name),
            &format!("{}: the replies it may get", c.name),
            &markdown::to_plain(&c.description),
        ),
        name: ctx.text(&c.name),
        heading_code: ctx.text(&heading_code),
        heading_words: ctx.text(heading_words.trim()),
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
