//! Reading data files: each file parsed once into a [`Document`], then its entries
//! deserialized one by one (lists item by item, mappings key by key), so that one bad entry or
//! one misspelt key gives one error and hides nothing else.

use super::*;

/// An entry with the place it came from.
pub(super) struct Item<T> {
    pub(super) file: String,
    pub(super) path: YamlPath,
    pub(super) value: T,
}

/// Parsed documents, by file name relative to the project root.
#[derive(Default)]
pub(super) struct Docs {
    pub(super) docs: HashMap<String, Document>,
}

impl Docs {
    pub(super) fn at(&self, file: &str, path: &YamlPath) -> Location {
        match self.docs.get(file) {
            Some(d) => d.locate(path),
            None => Location::file(file),
        }
    }

    pub(super) fn item<T>(&self, item: &Item<T>, field: &str) -> Location {
        self.at(&item.file, &item.path.key(field))
    }

    pub(super) fn entry<T>(&self, item: &Item<T>) -> Location {
        self.at(&item.file, &item.path)
    }
}

/// Reads `data_dir/name` (shown as `shown_dir/name`) into a document. Every file the
/// loader reads is declared in [`manifest`](crate::manifest) and required.
pub(super) fn read_doc(
    data_dir: &Path,
    shown_dir: &str,
    name: &str,
    docs: &mut Docs,
    diags: &mut Diagnostics,
) -> Option<String> {
    let shown = format!("{shown_dir}/{name}");
    let bytes = match std::fs::read(data_dir.join(name)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags.push(
                Location::file(&shown),
                "the file is missing; the registry needs it (see data/README.md)",
            );
            return None;
        }
        Err(e) => {
            diags.push(Location::file(&shown), format!("cannot read the file: {e}"));
            return None;
        }
    };
    let doc = Document::read(&shown, &bytes, diags)?;
    docs.docs.insert(shown.clone(), doc);
    Some(shown)
}

pub(super) fn items<T: DeserializeOwned>(
    docs: &Docs,
    file: &Option<String>,
    path: YamlPath,
    diags: &mut Diagnostics,
) -> Vec<Item<T>> {
    let Some(file) = file else { return Vec::new() };
    let doc = &docs.docs[file];
    doc.deserialize_items::<T>(&path, diags)
        .into_iter()
        .map(|(i, value)| Item {
            file: file.clone(),
            path: path.index(i),
            value,
        })
        .collect()
}

/// The `key` field of every item of a top-level sequence, read from the raw YAML even for
/// items that failed to deserialize, so that one broken entry does not make every reference
/// to it an error too.
pub(super) fn raw_keys(docs: &Docs, file: &Option<String>, key: &str) -> Vec<String> {
    let Some(doc) = file.as_ref().and_then(|f| docs.docs.get(f)) else {
        return Vec::new();
    };
    doc.value
        .as_sequence()
        .map(|seq| {
            seq.iter()
                .filter_map(|item| match item.get(key)? {
                    serde_yaml::Value::String(s) => Some(s.clone()),
                    serde_yaml::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What an empty or malformed top-level value means for a file: the shape it should have.
pub(super) enum Shape {
    /// A list of entries, described as given (`"a list of enhanced codes"`).
    List(&'static str),
    /// One record, deserialized whole (its own unknown keys are reported by serde).
    Record(&'static str),
    /// A mapping with these keys; the `required` ones must be present.
    Mapping {
        what: &'static str,
        known: &'static [&'static str],
        required: &'static [&'static str],
    },
}

/// Checks the top level of `file` against its shape: an empty file says so; a list file must
/// hold a list; a mapping file must hold a mapping whose keys are all known (each unknown key
/// is one error, at the key) and whose required keys are present. Returns whether the file's
/// content can be read further (a file that is empty or of the wrong shape cannot, and checks
/// that depend on its entries are then skipped).
pub(super) fn check_shape(
    docs: &Docs,
    file: &Option<String>,
    shape: Shape,
    diags: &mut Diagnostics,
) -> bool {
    let Some(doc) = file.as_ref().and_then(|f| docs.docs.get(f)) else {
        return false;
    };
    let what = match shape {
        Shape::List(what) | Shape::Record(what) | Shape::Mapping { what, .. } => what,
    };
    if doc.value.is_null() {
        diags.push(
            Location::file(&doc.file),
            format!("the file is empty; it should hold {what} (see data/README.md)"),
        );
        return false;
    }
    match shape {
        Shape::List(_) => {
            if !doc.value.is_sequence() {
                diags.push(
                    doc.locate(&YamlPath::root()),
                    format!("expected {what} (a YAML sequence) at the top of the file"),
                );
                return false;
            }
            true
        }
        Shape::Record(_) => {
            if !doc.value.is_mapping() {
                diags.push(
                    doc.locate(&YamlPath::root()),
                    format!("expected {what} (a YAML mapping) at the top of the file"),
                );
                return false;
            }
            true
        }
        Shape::Mapping {
            known, required, ..
        } => {
            let Some(map) = doc.value.as_mapping() else {
                diags.push(
                    doc.locate(&YamlPath::root()),
                    format!("expected {what} (a YAML mapping) at the top of the file"),
                );
                return false;
            };
            let present: Vec<String> = map.keys().map(key_text).collect();
            let mut missing: Vec<&str> = required
                .iter()
                .copied()
                .filter(|k| !present.iter().any(|p| p == k))
                .collect();
            for name in present.iter().filter(|p| !known.contains(&p.as_str())) {
                let loc = doc.locate(&YamlPath::root().key(name));
                // A misspelt required key is one mistake: say so once, not also "missing".
                match missing.iter().position(|m| edit_distance(m, name) <= 2) {
                    Some(i) => {
                        let meant = missing.remove(i);
                        diags.push(
                            loc,
                            format!(
                                "unknown field `{name}`; did you mean `{meant}`, which this file \
                                 requires? (see data/README.md)"
                            ),
                        );
                    }
                    None => {
                        let expected: Vec<String> =
                            known.iter().map(|k| format!("`{k}`")).collect();
                        diags.push(
                            loc,
                            format!(
                                "unknown field `{name}`, expected one of {}; remove it or fix \
                                 its spelling (see data/README.md)",
                                expected.join(", ")
                            ),
                        );
                    }
                }
            }
            for key in missing {
                diags.push(
                    doc.locate(&YamlPath::root()),
                    format!("missing field `{key}`; this file requires it (see data/README.md)"),
                );
            }
            true
        }
    }
}

/// The value of the top-level `key` of a mapping file, deserialized on its own; `None` when
/// absent (already reported by [`check_shape`] when required) or wrong (reported here).
pub(super) fn field<T: DeserializeOwned>(
    doc: &Document,
    key: &str,
    diags: &mut Diagnostics,
) -> Option<T> {
    let path = YamlPath::root().key(key);
    doc.get(&path)?;
    doc.deserialize_at(&path, diags)
}

/// The items of the top-level list `key` of a mapping file, each deserialized on its own,
/// with their index in the list; empty when the key is absent.
pub(super) fn list<T: DeserializeOwned>(
    doc: &Document,
    key: &str,
    diags: &mut Diagnostics,
) -> Vec<(usize, T)> {
    let path = YamlPath::root().key(key);
    if doc.get(&path).is_none() {
        return Vec::new();
    }
    doc.deserialize_items(&path, diags)
}

/// The `key` field of every item of the top-level list `list` of a mapping file, read from
/// the raw YAML, so that references to an entry that failed to deserialize are not errors too.
pub(super) fn raw_list_keys(doc: &Document, list: &str, key: &str) -> Vec<String> {
    doc.get(&YamlPath::root().key(list))
        .and_then(|v| v.as_sequence())
        .map(|seq| {
            seq.iter()
                .filter_map(|item| match item.get(key)? {
                    serde_yaml::Value::String(s) => Some(s.clone()),
                    serde_yaml::Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A mapping key as text.
fn key_text(key: &serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(s) => s.clone(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

/// The number of single-character edits between `a` and `b` (Levenshtein).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("description", "descripton"), 1);
        assert_eq!(edit_distance("rules", "ruels"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }
}
