//! `bounce/src/tables/`: the bounce reader's tables (`data/bounce-formats.yaml`) as the
//! constants the `smtp-bounce` crate reads, one per table of
//! [`TABLES`](crate::model::TABLES), rows in file order. The crate's `formats` module
//! re-exports them; its reader is hand-written beside this folder.

use super::*;

/// The folder the generator owns in the `smtp-bounce` crate.
pub const TABLES_DIR: &str = "bounce/src/tables/";

#[derive(Template)]
#[template(path = "rust/bounce/mod.rs")]
struct BounceMod {
    marker: &'static str,
}

#[derive(Template)]
#[template(path = "rust/bounce/formats.rs")]
struct FormatsRs {
    marker: &'static str,
    tables: Vec<TableV>,
}

/// One table: its doc comment lines and its `pub const` item, laid out as rustfmt would.
pub struct TableV {
    pub doc: Vec<String>,
    pub item: String,
}

/// `text` in lines of at most `width` characters (a word longer than that stays whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A tuple literal of `parts` as an element of an array indented by 4: on one line when
/// rustfmt keeps it there (at most 60 characters inside the parentheses), else one part per
/// line.
fn tuple(parts: &[String]) -> String {
    let inline = parts.join(", ");
    if inline.len() <= 60 {
        return format!("({inline})");
    }
    let mut out = String::from("(\n");
    for p in parts {
        out.push_str(&format!("        {p},\n"));
    }
    out.push_str("    )");
    out
}

fn table_v(t: &Table, ty: &str, items: Vec<String>) -> TableV {
    let prefix = format!("pub const {}: {ty} = &", t.constant);
    // rustfmt keeps a multi-line element's array vertical.
    let array = if items.iter().any(|i| i.contains('\n')) {
        let mut s = String::from("[\n");
        for i in &items {
            s.push_str(&format!("    {i},\n"));
        }
        s.push(']');
        s
    } else {
        rust_array(&items, 0, prefix.len())
    };
    TableV {
        doc: wrap(t.doc, 92),
        item: format!("{prefix}{array};"),
    }
}

fn tables(f: &BounceFormats) -> Vec<TableV> {
    let mut out: Vec<TableV> = TABLES[..PHRASE_TABLES]
        .iter()
        .map(|t| {
            let items = f
                .phrases(t.name)
                .iter()
                .map(|p| rust_str(&p.phrase))
                .collect();
            table_v(t, "&[&str]", items)
        })
        .collect();
    for t in &TABLES[PHRASE_TABLES..] {
        let rows: Vec<Vec<String>> = match t.name {
            "command_phrases" => f
                .command_phrases
                .iter()
                .map(|r| {
                    vec![
                        rust_str(&r.phrase),
                        format!("Command::{}", command_variant(&r.command)),
                    ]
                })
                .collect(),
            "auto_reply_fields" => f
                .auto_reply_fields
                .iter()
                .map(|r| vec![rust_str(&r.field), rust_str(&r.value)])
                .collect(),
            _ => f
                .format_markers
                .iter()
                .map(|r| vec![rust_str(&r.format), rust_str(&r.phrase)])
                .collect(),
        };
        let ty = if t.name == "command_phrases" {
            "&[(&str, Command)]"
        } else {
            "&[(&str, &str)]"
        };
        out.push(table_v(t, ty, rows.iter().map(|r| tuple(r)).collect()));
    }
    out
}

/// Adds `bounce/src/tables/mod.rs` and `formats.rs`.
pub fn render(reg: &Registry, out: &mut Outputs) -> Result<(), askama::Error> {
    let formats = FormatsRs {
        marker: MARKER,
        tables: tables(&reg.bounce_formats),
    };
    let files = [
        ("mod.rs", BounceMod { marker: MARKER }.render()?),
        ("formats.rs", formats.render()?),
    ];
    for (path, text) in files {
        out.add(format!("{TABLES_DIR}{path}"), finish(text));
    }
    Ok(())
}
