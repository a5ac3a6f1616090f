//! `bounce-formats.yaml`: the bounce reader's phrase tables. Each table is read item by item,
//! so a misspelt key in one row is one error at that row. Then each row is checked on its
//! own (a phrase that is empty, padded with line breaks, or not lower-case where the reader
//! compares lower-case; a command `commands.yaml` does not define) and against the rows
//! before it in its table: a repeated phrase, or one that can never decide anything because
//! an earlier or shorter row always matches first (see `model::bounce_formats::Matching`).

use super::*;

/// The file's sections: every table of `TABLES`, each required.
pub(super) fn shape() -> Shape {
    Shape::Mapping {
        what: "the bounce reader's tables",
        known: &KNOWN,
        required: &KNOWN,
    }
}

const KNOWN: [&str; 18] = {
    let mut out = [""; 18];
    let mut i = 0;
    while i < 18 {
        out[i] = TABLES[i].name;
        i += 1;
    }
    out
};

/// The rows that deserialized, each with its index in its table.
pub(super) struct Loaded {
    pub(super) file: String,
    phrases: Vec<(&'static Table, Vec<(usize, FormatPhrase)>)>,
    command_phrases: Vec<(usize, CommandPhrase)>,
    auto_reply_fields: Vec<(usize, AutoReplyField)>,
    format_markers: Vec<(usize, FormatMarker)>,
}

fn table(name: &str) -> &'static Table {
    TABLES
        .iter()
        .find(|t| t.name == name)
        .expect("a table of TABLES")
}

impl Loaded {
    pub(super) fn read(doc: &Document, diags: &mut Diagnostics) -> Self {
        Loaded {
            file: doc.file.clone(),
            phrases: TABLES[..PHRASE_TABLES]
                .iter()
                .map(|t| (t, list(doc, t.name, diags)))
                .collect(),
            command_phrases: list(doc, "command_phrases", diags),
            auto_reply_fields: list(doc, "auto_reply_fields", diags),
            format_markers: list(doc, "format_markers", diags),
        }
    }

    pub(super) fn into_model(self) -> BounceFormats {
        fn values<T>(v: Vec<(usize, T)>) -> Vec<T> {
            v.into_iter().map(|(_, t)| t).collect()
        }
        BounceFormats {
            phrases: self
                .phrases
                .into_iter()
                .map(|(t, rows)| (t, values(rows)))
                .collect(),
            command_phrases: values(self.command_phrases),
            auto_reply_fields: values(self.auto_reply_fields),
            format_markers: values(self.format_markers),
        }
    }
}

/// How one row can hide another.
#[derive(PartialEq)]
enum Hidden {
    /// The same phrase, ignoring ASCII case.
    Repeats,
    /// Wherever the hidden row matches, the other matches too.
    Covered,
}

/// Whether `earlier` (a row before `later`, or any other row when order does not matter)
/// keeps `later` from ever deciding anything in a table matched as `t` says.
fn hidden_by(t: &Table, earlier: &str, later: &str) -> Option<Hidden> {
    let (e, l) = (earlier.to_ascii_lowercase(), later.to_ascii_lowercase());
    if e == l {
        return Some(Hidden::Repeats);
    }
    let covers = match t.matching {
        Matching::Substring => l.contains(&e),
        Matching::Prefix => l.starts_with(&e),
        // The reader also wants a word boundary before an introducer that starts with a
        // letter or digit: `e` covers `l` when that boundary holds inside `l` too.
        Matching::Suffix => {
            l.ends_with(&e)
                && (!e.starts_with(|c: char| c.is_ascii_alphanumeric())
                    || !l[..l.len() - e.len()].ends_with(|c: char| c.is_ascii_alphanumeric()))
        }
        Matching::Exact => false,
    };
    covers.then_some(Hidden::Covered)
}

impl Validator<'_> {
    pub(super) fn bounce_formats(&mut self, f: &Loaded, command_names: Option<&[String]>) {
        for (t, rows) in &f.phrases {
            let rows: Vec<(usize, &str)> =
                rows.iter().map(|(i, r)| (*i, r.phrase.as_str())).collect();
            self.format_rows(f, t, "phrase", &rows);
        }
        let t = table("command_phrases");
        let rows: Vec<(usize, &str)> = f
            .command_phrases
            .iter()
            .map(|(i, r)| (*i, r.phrase.as_str()))
            .collect();
        self.format_rows(f, t, "phrase", &rows);
        if let Some(names) = command_names {
            for (i, r) in &f.command_phrases {
                if !names.contains(&r.command) {
                    let loc = self.docs.at(&f.file, &row(t, *i, "command"));
                    self.err(
                        loc,
                        format!(
                            "`{}` is not a command of commands.yaml; use its name there (`RCPT`, `DATA`, `CONNECT`, ...)",
                            r.command
                        ),
                    );
                }
            }
        }
        let t = table("auto_reply_fields");
        let rows: Vec<(usize, &str)> = f
            .auto_reply_fields
            .iter()
            .map(|(i, r)| (*i, r.field.as_str()))
            .collect();
        self.format_rows(f, t, "field", &rows);
        for (i, r) in &f.auto_reply_fields {
            if !r.field.bytes().all(|b| b.is_ascii_graphic() && b != b':') {
                let loc = self.docs.at(&f.file, &row(t, *i, "field"));
                self.err(
                    loc,
                    format!(
                        "`{}` is not a header field name (printable ASCII, no colon or space)",
                        r.field
                    ),
                );
            }
        }
        let t = table("format_markers");
        let rows: Vec<(usize, &str)> = f
            .format_markers
            .iter()
            .map(|(i, r)| (*i, r.phrase.as_str()))
            .collect();
        self.format_rows(f, t, "phrase", &rows);
        for (i, r) in &f.format_markers {
            if r.format.trim().is_empty() {
                let loc = self.docs.at(&f.file, &row(t, *i, "format"));
                self.err(loc, "`format` is empty; name the server or provider");
            }
        }
    }

    /// Checks the values of `field` in the rows of table `t`, each on its own and against
    /// the rows before it.
    fn format_rows(&mut self, f: &Loaded, t: &Table, field: &str, rows: &[(usize, &str)]) {
        for (n, (i, phrase)) in rows.iter().enumerate() {
            let loc = || self.docs.at(&f.file, &row(t, *i, field));
            if let Some(problem) = phrase_problem(t, phrase) {
                let loc = loc();
                self.err(loc, problem);
                continue;
            }
            // Earlier rows; for a table whose order does not matter, every other row.
            let others = rows.iter().enumerate().filter(|(m, _)| match t.order {
                Order::FirstWins => *m < n,
                Order::Any => *m != n,
            });
            for (m, (j, other)) in others {
                let Some(how) = hidden_by(t, other, phrase) else {
                    continue;
                };
                // Two rows that repeat each other: report the later one only.
                if how == Hidden::Repeats && m > n {
                    continue;
                }
                let line = self.docs.at(&f.file, &row(t, *j, field)).line;
                let loc = loc();
                let msg = match (how, t.order) {
                    (Hidden::Repeats, _) => format!("`{phrase}` repeats line {line} (phrases match ignoring ASCII case); keep one"),
                    (Hidden::Covered, Order::FirstWins) => format!("`{phrase}` never decides: `{other}` (line {line}) comes first and matches wherever it does; move this row above it, or remove it"),
                    (Hidden::Covered, Order::Any) => format!("`{phrase}` never decides: `{other}` (line {line}) matches wherever it does; remove this row"),
                };
                self.err(loc, msg);
                break;
            }
        }
    }
}

/// What is wrong with one phrase of table `t` on its own.
fn phrase_problem(t: &Table, phrase: &str) -> Option<String> {
    if phrase.trim().is_empty() {
        return Some("the phrase is empty; a table row needs words to match".into());
    }
    if phrase
        .chars()
        .any(|c| c.is_control() && !(t.multiline && c == '\n'))
    {
        return Some(if t.multiline {
            "a phrase holds no control characters other than line breaks (`\\n`)".into()
        } else {
            "a phrase is matched within one line: no line breaks or other control characters".into()
        });
    }
    if t.matching == Matching::Exact
        && t.name == "bounce_senders"
        && phrase != phrase.to_ascii_lowercase()
    {
        return Some(format!(
            "`{phrase}` must be lower-case: the reader compares the lower-cased local part (`{}`)",
            phrase.to_ascii_lowercase()
        ));
    }
    None
}

/// `table[i].field`.
fn row(t: &Table, i: usize, field: &str) -> YamlPath {
    YamlPath::root().key(t.name).index(i).key(field)
}
