//! `generated/json/`: the registry document ([`crate::views::document`]) as pretty JSON, and
//! its JSON Schema (from `templates/json/`).

use askama::Template;

use crate::outputs::{Outputs, MARKER};
use crate::views::document::Root;
use crate::views::text::finish;

/// `generated/json/smtp-codes.schema.json`.
#[derive(Template)]
#[template(path = "json/smtp-codes.schema.json")]
struct SchemaTemplate {
    marker: &'static str,
}

/// The JSON text of a built document: pretty, LF, trailing newline.
pub fn text(root: &Root<'_>) -> String {
    let mut s = serde_json::to_string_pretty(root).expect("serializing plain data cannot fail");
    s.push('\n');
    s
}

/// Adds the document and its schema.
pub fn render(doc: &Root<'_>, out: &mut Outputs) -> Result<(), askama::Error> {
    out.add("generated/json/smtp-codes.json", text(doc));
    out.add(
        "generated/json/smtp-codes.schema.json",
        finish(SchemaTemplate { marker: MARKER }.render()?),
    );
    Ok(())
}
