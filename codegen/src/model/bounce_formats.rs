//! `bounce-formats.yaml`: what the bounce reader of the `smtp-bounce` crate knows about the
//! home-grown reports of mail servers and providers, one table per kind of evidence.
//!
//! The reader is one general algorithm; each table is a list of phrases (some with a second
//! value: the command a phrase names, a format's name, a header field's value). How the
//! reader matches a table's phrases ([`Matching`], [`Order`]) is fixed by the reader, so it
//! is declared here, in [`TABLES`], beside the types, and the loader checks each table
//! against it (a phrase that can never decide anything is an error).

use serde::Deserialize;

/// A phrase, with a note saying where it was seen.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatPhrase {
    pub phrase: String,
    /// The servers or providers the phrase was seen from, or an example line.
    #[serde(default)]
    pub note: Option<String>,
}

/// A phrase that names the SMTP command the reply answered.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandPhrase {
    pub phrase: String,
    /// The command, as `commands.yaml` names it (`RCPT`, `DATA`, `CONNECT`, ...).
    pub command: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A header field whose presence marks an automatic reply.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutoReplyField {
    pub field: String,
    /// A phrase the value must hold; empty for any value.
    pub value: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// A phrase that identifies the server or provider that wrote a report.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatMarker {
    /// The name reported as the report's format (`Postfix`, `Exchange`, ...).
    pub format: String,
    pub phrase: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// The tables of `bounce-formats.yaml`.
#[derive(Debug, Clone, Default)]
pub struct BounceFormats {
    /// The phrase lists (`TABLES[..PHRASE_TABLES]`), each with its phrases in file order.
    pub phrases: Vec<(&'static Table, Vec<FormatPhrase>)>,
    pub command_phrases: Vec<CommandPhrase>,
    pub auto_reply_fields: Vec<AutoReplyField>,
    pub format_markers: Vec<FormatMarker>,
}

impl BounceFormats {
    /// The phrases of the phrase list `name`, in file order.
    pub fn phrases(&self, name: &str) -> &[FormatPhrase] {
        self.phrases
            .iter()
            .find(|(t, _)| t.name == name)
            .map_or(&[], |(_, p)| p.as_slice())
    }
}

/// Where in the text a phrase must stand to match (always ignoring ASCII case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Anywhere.
    Substring,
    /// At the start of a line (after leading white space where the table says so).
    Prefix,
    /// Right before the text that follows it (the reader looks back from a reply code).
    Suffix,
    /// The whole value (lower-case: the reader lower-cases what it compares).
    Exact,
}

/// How the reader uses a table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Any row that matches decides the same thing; order does not matter.
    Any,
    /// The first row that matches wins; a later row is never tried where an earlier one
    /// matches.
    FirstWins,
}

/// A table of the file: its key, what its rows are, and how they are matched.
#[derive(Debug)]
pub struct Table {
    pub name: &'static str,
    /// The Rust constant in `bounce/src/tables/formats.rs`.
    pub constant: &'static str,
    /// What the table holds, for the generated doc comment.
    pub doc: &'static str,
    pub matching: Matching,
    pub order: Order,
    /// Whether a phrase may hold a line break (a marker spanning lines).
    pub multiline: bool,
}

const fn table(
    name: &'static str,
    constant: &'static str,
    doc: &'static str,
    matching: Matching,
    order: Order,
) -> Table {
    Table {
        name,
        constant,
        doc,
        matching,
        order,
        multiline: false,
    }
}

use Matching::*;
use Order::*;

/// Every table of the file, in the order of the generated file: first the
/// [`PHRASE_TABLES`] plain phrase lists, then the three tables with rows of their own types.
pub static TABLES: [Table; 18] = [
    table("original_message_markers", "ORIGINAL_MESSAGE_MARKERS",
        "Lines (at line start, after leading white space) where the copy of the original message, or its headers, begins: everything after them is the sender's own message and must not be read as the report.",
        Prefix, Any),
    table("original_header_lines", "ORIGINAL_HEADER_LINES",
        "Header lines (at column 0, in a report's text) that start a copy of the original message when nothing announced it.",
        Prefix, Any),
    table("recipient_labels", "RECIPIENT_LABELS",
        "Labels (at line start) whose line names a failed recipient: the address follows the label on the same line. The first label that matches is taken.",
        Prefix, FirstWins),
    table("recipient_label_words", "RECIPIENT_LABEL_WORDS",
        "Words in a short label before a colon (`Unknown user: a@example.org`) that make the address after it a recipient, for labels not listed in [`RECIPIENT_LABELS`].",
        Substring, Any),
    table("recipient_phrases", "RECIPIENT_PHRASES",
        "Phrases after which, on the same line, a failed recipient's address follows (\"There was an error delivering your mail to <a@example.org>.\").",
        Substring, FirstWins),
    table("not_recipient_labels", "NOT_RECIPIENT_LABELS",
        "Labels (at line start) whose address is NOT a failed recipient: the report's sender, the original message's own header fields as quoted in the report.",
        Prefix, Any),
    table("reply_introducers", "REPLY_INTRODUCERS",
        "Words after which a remote server's reply (reply code, enhanced code, text) follows. The reader takes a reply code only where one of these, a line start or a punctuation mark that opens a quotation precedes it, so that numbers in prose are not read as codes.",
        Suffix, Any),
    table("remote_host_introducers", "REMOTE_HOST_INTRODUCERS",
        "Phrases in a recipient's text that name the remote host right after them (a host name, possibly followed by `[address]` or `(address)`). The first phrase that is followed by a host wins.",
        Substring, FirstWins),
    table("reporting_host_introducers", "REPORTING_HOST_INTRODUCERS",
        "Phrases that name the host writing the report right after them. The first phrase that is followed by a host wins.",
        Substring, FirstWins),
    table("bounce_senders", "BOUNCE_SENDERS",
        "Local parts (before `@`, lower-case) of the senders of bounce messages.",
        Exact, Any),
    table("bounce_subjects", "BOUNCE_SUBJECTS",
        "Subject phrases of bounce messages (found anywhere in the subject).",
        Substring, Any),
    table("delay_phrases", "DELAY_PHRASES",
        "Phrases in a report's text that say delivery is still being tried (a delay notice, not a failure).",
        Substring, Any),
    table("failure_phrases", "FAILURE_PHRASES",
        "Phrases that mark the report's text as telling of a failure (used to decide a message without a machine-readable part is a bounce).",
        Substring, Any),
    table("auto_reply_subjects", "AUTO_REPLY_SUBJECTS",
        "Subject prefixes or phrases of automatic replies.",
        Substring, Any),
    table("dsn_text_fields", "DSN_TEXT_FIELDS",
        "Field names (at line start) that mark a block of RFC 3464 fields written into a text part instead of a `message/delivery-status` part.",
        Prefix, Any),
    // Rows of their own types.
    table("command_phrases", "COMMAND_PHRASES",
        "Phrases that say which SMTP command the reply answered. The first that occurs in a recipient's diagnostic text wins; longer, more specific phrases come first.",
        Substring, FirstWins),
    table("auto_reply_fields", "AUTO_REPLY_FIELDS",
        "Header fields whose presence marks an automatic reply (RFC 3834 and common practice): (field name, a phrase the value must hold, or `\"\"` for any value).",
        Exact, Any),
    Table {
        multiline: true,
        ..table("format_markers", "FORMAT_MARKERS",
            "Mail server software and providers recognised by a marker in the report's text, reported as `Report::format`: (name, phrase). The first marker found names the format.",
            Substring, FirstWins)
    },
];

/// How many of [`TABLES`] are plain phrase lists.
pub const PHRASE_TABLES: usize = 15;
