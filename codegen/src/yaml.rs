//! The one module that parses YAML.
//!
//! Data files are read twice: `serde_yaml` (the YAML organisation's maintained fork, under the
//! familiar name) turns them into typed structs, and `yaml-rust2`'s event parser builds a
//! [`PositionIndex`] from every key and item to its line and column. Typed deserialization
//! errors carry a path (`[3].basic_codes.codes[1]`, through `serde_path_to_error`), and semantic
//! errors found later name a path too; the index turns either into `file:line:column`.
//! The event walk also catches a mapping key given twice, which libyaml-based parsers let the
//! last occurrence win silently.
//!
//! Before parsing, [`Document::read`] turns a file's bytes into text ([`input`]: a size limit,
//! UTF-8 with the bad byte located, a byte-order mark accepted); after it, every string is
//! held to the length the outputs can carry. Syntax errors the
//! parser places badly (a tab in the indentation, a bracket left open) are explained at their
//! cause ([`syntax`]).
//!
//! Swapping the YAML library means changing this file (and its two submodules) only.

mod input;
mod syntax;

pub use input::{MAX_FILE_BYTES, MAX_STRING_BYTES};

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_yaml::Value;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use crate::diag::{Diagnostics, Location};

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path into a YAML document, such as `[3].basic_codes.codes[1]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct YamlPath(pub Vec<Seg>);

impl YamlPath {
    pub fn root() -> Self {
        YamlPath(Vec::new())
    }

    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Key(key.to_string()));
        p
    }

    pub fn index(&self, index: usize) -> Self {
        let mut p = self.clone();
        p.0.push(Seg::Index(index));
        p
    }
}

/// Where each key and item of a document starts.
#[derive(Debug, Default)]
pub struct PositionIndex {
    positions: HashMap<YamlPath, (usize, usize)>,
}

impl PositionIndex {
    /// The position of `path`, or of its nearest ancestor that has one.
    pub fn find(&self, path: &YamlPath) -> (usize, usize) {
        let mut p = path.0.clone();
        loop {
            if let Some(pos) = self.positions.get(&YamlPath(p.clone())) {
                return *pos;
            }
            if p.pop().is_none() {
                return (1, 1);
            }
        }
    }
}

/// A parsed data file: its name for messages, its value tree, and (built on first use) the
/// position index.
pub struct Document {
    pub file: String,
    pub value: Value,
    text: String,
    positions: std::cell::OnceCell<PositionIndex>,
}

impl Document {
    /// Reads a data file from its bytes: [`input::text`], then [`Document::parse`].
    pub fn read(file: &str, bytes: &[u8], diags: &mut Diagnostics) -> Option<Document> {
        let text = input::text(file, bytes, diags)?;
        Document::parse(file, text, diags)
    }

    /// Parses `text`. A syntax error or a repeated key is reported into `diags` and gives
    /// `None`.
    ///
    /// Only `serde_yaml` reads a valid file; the slower event walk that locates keys runs
    /// when a message needs a location, or to explain a file `serde_yaml` refused (the walk
    /// names every repeated key, where `serde_yaml` stops at the first).
    pub fn parse(file: &str, text: &str, diags: &mut Diagnostics) -> Option<Document> {
        match serde_yaml::from_str::<Value>(text) {
            Ok(value) => {
                let doc = Document {
                    file: file.to_string(),
                    value,
                    text: text.to_string(),
                    positions: std::cell::OnceCell::new(),
                };
                let before = diags.len();
                doc.check_string_lengths(&doc.value, &YamlPath::root(), diags);
                (diags.len() == before).then_some(doc)
            }
            Err(e) => {
                explain_failure(file, text, &e, diags);
                None
            }
        }
    }

    /// Reports every string (key or value) longer than [`MAX_STRING_BYTES`], at its place.
    fn check_string_lengths(&self, value: &Value, path: &YamlPath, diags: &mut Diagnostics) {
        match value {
            Value::String(s) if s.len() > MAX_STRING_BYTES => {
                diags.push(self.locate(path), input::string_too_long(s.len()));
            }
            Value::Sequence(items) => {
                for (i, v) in items.iter().enumerate() {
                    self.check_string_lengths(v, &path.index(i), diags);
                }
            }
            Value::Mapping(m) => {
                for (k, v) in m {
                    match k.as_str() {
                        Some(k) if k.len() > MAX_STRING_BYTES => {
                            diags.push(self.locate(path), input::string_too_long(k.len()));
                        }
                        Some(k) => self.check_string_lengths(v, &path.key(k), diags),
                        None => {}
                    }
                }
            }
            Value::Tagged(t) => self.check_string_lengths(&t.value, path, diags),
            _ => {}
        }
    }

    fn positions(&self) -> &PositionIndex {
        self.positions.get_or_init(|| PositionIndex {
            positions: walk(&self.text).map(|w| w.positions).unwrap_or_default(),
        })
    }

    /// The location of `path` in this document.
    pub fn locate(&self, path: &YamlPath) -> Location {
        let (line, col) = self.positions().find(path);
        Location::new(&self.file, line, col)
    }

    /// The value at `path`, if present.
    pub fn get(&self, path: &YamlPath) -> Option<&Value> {
        let mut v = &self.value;
        for seg in &path.0 {
            v = match seg {
                Seg::Key(k) => v.as_mapping()?.get(k.as_str())?,
                Seg::Index(i) => v.as_sequence()?.get(*i)?,
            };
        }
        Some(v)
    }

    /// Deserializes the value at `path` as `T`, reporting a failure at the exact place.
    pub fn deserialize_at<T: DeserializeOwned>(
        &self,
        path: &YamlPath,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let Some(value) = self.get(path) else {
            diags.push(self.locate(path), "expected a value here".to_string());
            return None;
        };
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => Some(t),
            Err(e) => {
                let mut full = path.clone();
                for seg in e.path().iter() {
                    match seg {
                        serde_path_to_error::Segment::Seq { index } => {
                            full.0.push(Seg::Index(*index))
                        }
                        serde_path_to_error::Segment::Map { key } => {
                            full.0.push(Seg::Key(key.clone()))
                        }
                        _ => {}
                    }
                }
                diags.push(
                    self.locate(&full),
                    describe_error(&e.into_inner().to_string()),
                );
                None
            }
        }
    }

    /// Deserializes every item of the sequence at `path`, each on its own, so that one bad
    /// entry does not hide the problems of the next. Returns the items that deserialized,
    /// with their index in the sequence.
    pub fn deserialize_items<T: DeserializeOwned>(
        &self,
        path: &YamlPath,
        diags: &mut Diagnostics,
    ) -> Vec<(usize, T)> {
        let Some(value) = self.get(path) else {
            diags.push(
                self.locate(path),
                "expected a list of entries here".to_string(),
            );
            return Vec::new();
        };
        let Some(seq) = value.as_sequence() else {
            if !value.is_null() {
                diags.push(
                    self.locate(path),
                    "expected a list (YAML sequence) of entries".to_string(),
                );
            }
            return Vec::new();
        };
        (0..seq.len())
            .filter_map(|i| self.deserialize_at(&path.index(i), diags).map(|t| (i, t)))
            .collect()
    }
}

/// Reports why `serde_yaml` refused `text`, as precisely as the event walk can place it: a
/// syntax error (explained at its cause where [`syntax`] knows it), every repeated key, or
/// aliases that expand past the reader's limits (at the first alias).
fn explain_failure(file: &str, text: &str, e: &serde_yaml::Error, diags: &mut Diagnostics) {
    let w = match walk(text) {
        Err((line, col, msg)) => {
            let (line, col, msg) = match syntax::explain(text, line, col, &msg) {
                Some(better) => better,
                None => (line, col, format!("YAML syntax error: {msg}")),
            };
            diags.push(Location::new(file, line, col), msg);
            return;
        }
        Ok(w) => w,
    };
    if !w.duplicates.is_empty() {
        for (line, col, key) in w.duplicates {
            diags.push(
                Location::new(file, line, col),
                format!("key `{key}` is given twice in the same mapping; keep one"),
            );
        }
        return;
    }
    let msg = strip_location(&e.to_string());
    if let (Some((line, col)), true) = (w.first_alias, msg.contains("limit exceeded")) {
        diags.push(
            Location::new(file, line, col),
            format!(
                "YAML error: {msg}: the anchors and aliases (`&name`, `*name`) from here on expand \
                 to too much data; data files need no aliases, write the values out"
            ),
        );
        return;
    }
    let loc = match e.location() {
        Some(l) => Location::new(file, l.line(), l.column()),
        None => Location::file(file),
    };
    diags.push(loc, format!("YAML error: {msg}"));
}

/// Runs the event walk over `text`: positions and repeated keys, or the syntax error.
fn walk(text: &str) -> Result<Walker, (usize, usize, String)> {
    let mut walker = Walker::new();
    let mut parser = Parser::new_from_str(text);
    match parser.load(&mut walker, false) {
        Ok(()) => Ok(walker),
        Err(e) => {
            let m = e.marker();
            Err((m.line(), m.col() + 1, e.info().to_string()))
        }
    }
}

/// serde_yaml appends " at line X column Y" to some messages; the location is printed in front.
fn strip_location(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Turns a serde message into one that says what would be right.
fn describe_error(msg: &str) -> String {
    let msg = strip_location(msg);
    if msg.starts_with("unknown field") {
        format!("{msg}; remove it or fix its spelling (see data/README.md)")
    } else if msg.starts_with("missing field") {
        format!("{msg}; this entry requires it (see data/README.md)")
    } else {
        msg
    }
}

enum Frame {
    Seq {
        next: usize,
    },
    Map {
        key: Option<String>,
        seen: HashSet<String>,
    },
}

/// Walks parser events, recording where every key and item starts.
struct Walker {
    stack: Vec<Frame>,
    path: Vec<Seg>,
    positions: HashMap<YamlPath, (usize, usize)>,
    duplicates: Vec<(usize, usize, String)>,
    depth_pushed: Vec<bool>,
    /// Where the first alias (`*name`) is.
    first_alias: Option<(usize, usize)>,
}

impl Walker {
    fn new() -> Self {
        Walker {
            stack: Vec::new(),
            path: Vec::new(),
            positions: HashMap::new(),
            duplicates: Vec::new(),
            depth_pushed: Vec::new(),
            first_alias: None,
        }
    }

    fn record(&mut self, mark: Marker) {
        let key = YamlPath(self.path.clone());
        self.positions
            .entry(key)
            .or_insert((mark.line(), mark.col() + 1));
    }

    /// Called when a node (scalar or collection) starts. Returns true when the node is a
    /// mapping key rather than a value.
    fn enter_node(&mut self, mark: Marker, scalar: Option<&str>) -> bool {
        match self.stack.last_mut() {
            Some(Frame::Map { key, seen }) if key.is_none() => {
                let k = scalar.unwrap_or("").to_string();
                let first_key = seen.is_empty();
                if !seen.insert(k.clone()) {
                    self.duplicates
                        .push((mark.line(), mark.col() + 1, k.clone()));
                }
                *key = Some(k.clone());
                if first_key {
                    // A mapping is located at its first key: that is where a reader looks.
                    self.positions
                        .insert(YamlPath(self.path.clone()), (mark.line(), mark.col() + 1));
                }
                self.path.push(Seg::Key(k));
                self.record(mark);
                self.path.pop();
                true
            }
            Some(Frame::Map { key, .. }) => {
                let k = key.take().unwrap_or_default();
                self.path.push(Seg::Key(k));
                false
            }
            Some(Frame::Seq { next }) => {
                let i = *next;
                *next += 1;
                self.path.push(Seg::Index(i));
                self.record(mark);
                false
            }
            None => false,
        }
    }

    fn leave_value(&mut self) {
        if !self.stack.is_empty() {
            self.path.pop();
        }
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(ref s, ..) => {
                let is_key = self.enter_node(mark, Some(s));
                if !is_key {
                    self.leave_value();
                }
            }
            Event::Alias(_) => {
                self.first_alias
                    .get_or_insert((mark.line(), mark.col() + 1));
                let is_key = self.enter_node(mark, None);
                if !is_key {
                    self.leave_value();
                }
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let is_key = self.enter_node(mark, None);
                // A collection used as a key is not something our files do; treat it as a value.
                self.depth_pushed.push(!is_key && !self.stack.is_empty());
                if matches!(ev, Event::SequenceStart(..)) {
                    self.stack.push(Frame::Seq { next: 0 });
                } else {
                    self.stack.push(Frame::Map {
                        key: None,
                        seen: HashSet::new(),
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.stack.pop();
                if self.depth_pushed.pop() == Some(true) {
                    self.path.pop();
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_duplicates() {
        let text =
            "- code: 1\n  name: A\n- code: 2\n  name: B\n  name: C\n  list:\n    - x\n    - y\n";
        let mut d = Diagnostics::default();
        assert!(Document::parse("t.yaml", text, &mut d).is_none());
        let text = text.replace("  name: C\n", "");
        let mut d2 = Diagnostics::default();
        let doc = Document::parse("t.yaml", &text, &mut d2).unwrap();
        assert!(d2.is_empty());
        let p = YamlPath::root().index(1).key("list").index(1);
        assert_eq!(doc.locate(&p).to_string(), "t.yaml:7:7");
        assert_eq!(
            doc.locate(&YamlPath::root().index(1).key("code"))
                .to_string(),
            "t.yaml:3:3"
        );
        let diags = d.into_sorted();
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "t.yaml:5:3: key `name` is given twice in the same mapping; keep one"
        );
    }

    #[test]
    fn typed_errors_are_located() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct E {
            code: u16,
            list: Vec<u16>,
        }
        let text = "- code: 1\n  list: [1, 2]\n- code: 2\n  list:\n    - 3\n    - x\n- code: 3\n  lst: []\n";
        let mut d = Diagnostics::default();
        let doc = Document::parse("t.yaml", text, &mut d).unwrap();
        let items: Vec<(usize, E)> = doc.deserialize_items(&YamlPath::root(), &mut d);
        assert_eq!(items.len(), 1);
        let msgs: Vec<String> = d.into_sorted().iter().map(|x| x.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs[0].starts_with("t.yaml:6:7: invalid type: string \"x\""),
            "{msgs:?}"
        );
        assert!(
            msgs[1].starts_with("t.yaml:8:3: unknown field `lst`"),
            "{msgs:?}"
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let mut d = Diagnostics::default();
        assert!(Document::parse("t.yaml", "- a: [1, 2\n- b: 3\n", &mut d).is_none());
        let msgs = d.into_sorted();
        assert_eq!(msgs.len(), 1);
        assert!(msgs[0].to_string().starts_with("t.yaml:"), "{}", msgs[0]);
    }
}
