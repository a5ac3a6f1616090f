//! Renderers: one module per output family. Each takes the validated [`Registry`] and adds
//! its files to an [`Outputs`] set; none of them reads YAML or touches the disk.

pub mod c;
pub mod json;
pub mod markdown;
pub mod rust;
pub mod site;
pub mod text;
pub mod typescript;

use askama::Template;

use crate::model::Registry;
use crate::outputs::{Outputs, MARKER};

/// `generated/json/smtp-codes.schema.json`.
#[derive(Template)]
#[template(path = "json/smtp-codes.schema.json")]
struct SchemaTemplate {
    marker: &'static str,
}

/// Renders every output of the registry, in memory.
pub fn render_all(reg: &Registry) -> Result<Outputs, askama::Error> {
    let mut out = Outputs::default();
    let json = json::build(reg);
    out.add("generated/json/smtp-codes.json", json::text(&json));
    out.add(
        "generated/json/smtp-codes.schema.json",
        text::finish(SchemaTemplate { marker: MARKER }.render()?),
    );
    rust::render(reg, &mut out)?;
    c::render(reg, &mut out)?;
    typescript::render(reg, &json, &mut out);
    site::render_with(reg, &json, &mut out)?;
    crate::vectors::render(&reg.reply_vectors, &mut out);
    Ok(out)
}
