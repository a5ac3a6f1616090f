//! Conformance vectors for SMTP reply parsers: `data/reply-vectors.yaml`, loaded, validated
//! and rendered as JSON.
//!
//! The vectors are the reply parser's test cases as data, labelled by hand, so that parsers
//! in other languages can check themselves against the same expectations. They are written
//! twice with the same bytes: `generated/json/reply-vectors.json` for the world and
//! `generated/rust/tests/reply-vectors.json` for the crate's own test, which keeps the crate
//! self-contained when it is copied out of the repository.
//!
//! Each vector deserializes on its own (`deny_unknown_fields`, so a misspelt field is an
//! error at its line), then [`validate`] checks what spans fields: an expected reply or an
//! error, never both; the enhanced state agreeing with the codes given; names unique.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::diag::{Diagnostics, Location};
use crate::model::FullEnhanced;
use crate::outputs::{Outputs, MARKER};
use crate::yaml::{Document, YamlPath};

/// The file, relative to the data folder.
pub const FILE: &str = "reply-vectors.yaml";

/// Where the rendered vectors go.
pub const OUTPUTS: [&str; 3] = [
    "generated/json/reply-vectors.json",
    "generated/rust/tests/reply-vectors.json",
    "generated/typescript/test/reply-vectors.json",
];

/// The JSON Schema of the rendered vectors.
pub const SCHEMA: &str = "generated/json/reply-vectors.schema.json";

/// How strictly the vector's input is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Lenient,
    Strict,
}

/// What stands in the enhanced code's place (RFC 2034 position).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnhancedState {
    Absent,
    Valid,
    Malformed,
    ClassMismatch,
    Inconsistent,
}

/// The error kinds a parser reports (the crate's `ReplyErrorKind::name`).
pub const ERROR_KINDS: [&str; 22] = [
    "empty",
    "bad_code",
    "trailing_data",
    "line_too_long",
    "too_large",
    "leading_whitespace",
    "code_outside_grammar",
    "code_mismatch",
    "bad_separator",
    "misplaced_enhanced_code",
    "malformed_enhanced_code",
    "missing_space_after_enhanced_code",
    "enhanced_code_on_intermediate",
    "enhanced_class_mismatch",
    "inconsistent_enhanced_code",
    "enhanced_code_not_on_every_line",
    "invalid_text_byte",
    "bare_lf",
    "missing_line_ending",
    "incomplete",
    "line_after_last_line",
    "trailing_whitespace",
];

/// The kinds that make lenient parsing fail too.
const FATAL_KINDS: [&str; 4] = ["empty", "bad_code", "trailing_data", "line_too_long"];

/// The expected failure of an invalid input.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VectorError {
    pub kind: String,
    /// The line, counting from 1.
    pub line: usize,
    /// The byte offset in the input.
    pub position: usize,
}

/// What a classifier must make of a reply: the outcome of its code, the reason and the
/// bounce type (see data/classifier.yaml).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VectorClassification {
    /// `success`, `intermediate`, `transient` or `permanent`: the reply code's first digit.
    pub class: String,
    /// A reason id of the classifier's taxonomy.
    pub reason: String,
    /// `hard`, `soft` or `none`.
    pub bounce: String,
}

/// One vector as written in the YAML file. A missing optional field means null.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyVector {
    pub name: String,
    pub input: String,
    pub mode: Mode,
    #[serde(default)]
    pub max_line_length: Option<usize>,
    #[serde(default)]
    pub basic: Option<u16>,
    #[serde(default)]
    pub enhanced: Option<FullEnhanced>,
    #[serde(default)]
    pub enhanced_state: Option<EnhancedState>,
    #[serde(default)]
    pub enhanced_other: Option<FullEnhanced>,
    #[serde(default)]
    pub enhanced_in_text: Option<FullEnhanced>,
    #[serde(default)]
    pub lines: Option<Vec<String>>,
    #[serde(default)]
    pub complete: Option<bool>,
    #[serde(default)]
    pub error: Option<VectorError>,
    #[serde(default)]
    pub classification: Option<VectorClassification>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads and validates the vectors of `doc`, whose classifications may name `reasons`;
/// problems go to `diags`.
pub fn load(doc: &Document, reasons: &[&str], diags: &mut Diagnostics) -> Vec<ReplyVector> {
    let root = YamlPath::root();
    let items: Vec<(usize, ReplyVector)> = doc.deserialize_items(&root, diags);
    validate(doc, &items, diags);
    validate_classifications(doc, &items, reasons, diags);
    items.into_iter().map(|(_, v)| v).collect()
}

/// A classification names a known reason, agrees with the reply code, and belongs to a
/// vector that parses.
fn validate_classifications(
    doc: &Document,
    items: &[(usize, ReplyVector)],
    reasons: &[&str],
    diags: &mut Diagnostics,
) {
    for (i, v) in items {
        let Some(c) = &v.classification else { continue };
        let at =
            |field: &str| doc.locate(&YamlPath::root().index(*i).key("classification").key(field));
        if v.error.is_some() {
            diags.push(
                doc.locate(&YamlPath::root().index(*i).key("classification")),
                "a vector with `error` has no reply to classify; remove `classification`",
            );
            continue;
        }
        if !reasons.is_empty() && !reasons.contains(&c.reason.as_str()) {
            diags.push(
                at("reason"),
                format!(
                    "reason `{}` is not defined in data/classifier.yaml",
                    c.reason
                ),
            );
        }
        let expected_class = match v.basic.map(|b| b / 100) {
            Some(2) => "success",
            Some(3) => "intermediate",
            Some(4) => "transient",
            _ => "permanent",
        };
        if c.class != expected_class {
            diags.push(
                at("class"),
                format!(
                    "class `{}` does not follow the reply code; it is `{expected_class}`",
                    c.class
                ),
            );
        }
        if !matches!(c.bounce.as_str(), "hard" | "soft" | "none") {
            diags.push(
                at("bounce"),
                format!("bounce `{}` must be hard, soft or none", c.bounce),
            );
        }
    }
}

/// Checks the rules that span fields and vectors.
pub fn validate(doc: &Document, items: &[(usize, ReplyVector)], diags: &mut Diagnostics) {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for (i, v) in items {
        let at = |field: &str| doc.locate(&YamlPath::root().index(*i).key(field));
        let at_error =
            |field: &str| doc.locate(&YamlPath::root().index(*i).key("error").key(field));
        let mut err = |loc: Location, msg: String| diags.push(loc, msg);
        let kebab = !v.name.is_empty()
            && v.name.starts_with(|c: char| c.is_ascii_lowercase())
            && v.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !kebab {
            err(
                at("name"),
                format!(
                    "vector name `{}` must be kebab-case (`gmail-repeated-code`)",
                    v.name
                ),
            );
        }
        if let Some(j) = names.insert(&v.name, *i) {
            let prev = doc.locate(&YamlPath::root().index(j));
            err(
                at("name"),
                format!(
                    "vector name `{}` is used twice (first at line {}); names identify vectors",
                    v.name, prev.line
                ),
            );
        }
        if v.max_line_length == Some(0) {
            err(
                at("max_line_length"),
                "`max_line_length` must be at least 1".into(),
            );
        }
        match &v.error {
            Some(e) => {
                for (field, given) in [
                    ("basic", v.basic.is_some()),
                    ("enhanced", v.enhanced.is_some()),
                    ("enhanced_state", v.enhanced_state.is_some()),
                    ("enhanced_other", v.enhanced_other.is_some()),
                    ("enhanced_in_text", v.enhanced_in_text.is_some()),
                    ("lines", v.lines.is_some()),
                    ("complete", v.complete.is_some()),
                ] {
                    if given {
                        err(at(field), format!("`{field}` describes a parsed reply; a vector with `error` has none, so remove it"));
                    }
                }
                if !ERROR_KINDS.contains(&e.kind.as_str()) {
                    err(
                        at_error("kind"),
                        format!(
                            "unknown error kind `{}`; use one of: {}",
                            e.kind,
                            ERROR_KINDS.join(", ")
                        ),
                    );
                } else if v.mode == Mode::Lenient && !FATAL_KINDS.contains(&e.kind.as_str()) {
                    err(
                        at_error("kind"),
                        format!(
                            "lenient parsing does not fail on `{}`; only on {}",
                            e.kind,
                            FATAL_KINDS.join(", ")
                        ),
                    );
                }
                if e.kind == "line_too_long"
                    && v.mode == Mode::Lenient
                    && v.max_line_length.is_none()
                {
                    err(
                        at_error("kind"),
                        "lenient parsing fails on `line_too_long` only with `max_line_length` set"
                            .into(),
                    );
                }
                if e.line == 0 {
                    err(at_error("line"), "error `line` counts from 1".into());
                }
                if e.position > v.input.len() {
                    err(
                        at_error("position"),
                        format!(
                            "error `position` {} is past the input's end ({} bytes)",
                            e.position,
                            v.input.len()
                        ),
                    );
                }
                if (e.kind == "empty") != v.input.is_empty() {
                    err(
                        at("input"),
                        "the `empty` error goes with an empty input, and only with one".into(),
                    );
                }
            }
            None => {
                for (field, missing) in [
                    ("basic", v.basic.is_none()),
                    ("enhanced_state", v.enhanced_state.is_none()),
                    ("lines", v.lines.is_none()),
                ] {
                    if missing {
                        err(at("name"), format!("missing `{field}`: a vector without `error` describes the parsed reply"));
                    }
                }
                if let Some(b) = v.basic {
                    if !(200..=599).contains(&b) {
                        err(
                            at("basic"),
                            format!("basic code `{b}` is not a reply code (200 to 599)"),
                        );
                    }
                }
                if v.lines.as_ref().is_some_and(Vec::is_empty) {
                    err(
                        at("lines"),
                        "`lines` lists at least one line (a bare code has one empty line)".into(),
                    );
                }
                if let Some(state) = v.enhanced_state {
                    check_state(v, state, &at, &mut err);
                }
            }
        }
    }
}

/// The enhanced state agrees with the codes given.
fn check_state(
    v: &ReplyVector,
    state: EnhancedState,
    at: &dyn Fn(&str) -> Location,
    err: &mut dyn FnMut(Location, String),
) {
    let has_code = !matches!(state, EnhancedState::Absent | EnhancedState::Malformed);
    match (has_code, v.enhanced) {
        (true, None) => err(at("enhanced"), format!("state `{state:?}` needs the code in `enhanced`")),
        (false, Some(e)) => err(at("enhanced"), format!("state `{state:?}` has no code in the RFC 2034 position; `enhanced` must be null, not `{e}`")),
        _ => {}
    }
    if (state == EnhancedState::Inconsistent) != v.enhanced_other.is_some() {
        err(
            at("enhanced_other"),
            "`enhanced_other` is given exactly when the state is `inconsistent`".into(),
        );
    }
    if let (Some(e), Some(b)) = (v.enhanced, v.basic) {
        let agrees = u16::from(e.class) == b / 100;
        if state == EnhancedState::Valid && !agrees {
            err(
                at("enhanced_state"),
                format!("`{e}` does not agree with {b}; the state is `class_mismatch`"),
            );
        }
        if state == EnhancedState::ClassMismatch && agrees {
            err(
                at("enhanced_state"),
                format!("`{e}` agrees with {b}; the state is `valid`"),
            );
        }
    }
}

/// The JSON file: a marker, a description of the fields, and the vectors.
#[derive(Serialize)]
struct Root<'a> {
    generated_by: &'static str,
    description: &'static str,
    vectors: Vec<VectorJson<'a>>,
}

/// One vector in JSON: every field present, null when not applicable.
#[derive(Serialize)]
struct VectorJson<'a> {
    name: &'a str,
    input: &'a str,
    mode: Mode,
    max_line_length: Option<usize>,
    basic: Option<u16>,
    enhanced: Option<String>,
    enhanced_state: Option<EnhancedState>,
    enhanced_other: Option<String>,
    enhanced_in_text: Option<String>,
    lines: Option<&'a [String]>,
    complete: Option<bool>,
    error: Option<&'a VectorError>,
    classification: Option<&'a VectorClassification>,
    note: Option<&'a str>,
}

const DESCRIPTION: &str =
    "Conformance vectors for SMTP reply parsers, from data/reply-vectors.yaml \
(see its header for the fields). Parse `input` in `mode` (with `max_line_length` as a hard line \
limit when not null). A vector with `error` must fail with that kind at that line (from 1) and \
byte offset; any other must succeed with reply code `basic`, the enhanced code in the RFC 2034 \
position `enhanced` in state `enhanced_state` (`enhanced_other` for `inconsistent`), the first \
code found elsewhere in the text `enhanced_in_text`, the texts `lines` (each line after its \
code, separator and enhanced code), and `complete` false when the last line is missing. When \
`classification` is not null, a classifier following data/classifier.yaml must give that \
outcome `class`, `reason` and `bounce`.";

/// Renders the vectors into both output files; nothing when there are none.
pub fn render(vectors: &[ReplyVector], out: &mut Outputs) {
    if vectors.is_empty() {
        return;
    }
    let root = Root {
        generated_by: MARKER,
        description: DESCRIPTION,
        vectors: vectors
            .iter()
            .map(|v| VectorJson {
                name: &v.name,
                input: &v.input,
                mode: v.mode,
                max_line_length: v.max_line_length,
                basic: v.basic,
                enhanced: v.enhanced.map(|e| e.to_string()),
                enhanced_state: v.enhanced_state,
                enhanced_other: v.enhanced_other.map(|e| e.to_string()),
                enhanced_in_text: v.enhanced_in_text.map(|e| e.to_string()),
                lines: v.lines.as_deref(),
                complete: v.error.is_none().then(|| v.complete.unwrap_or(true)),
                error: v.error.as_ref(),
                classification: v.classification.as_ref(),
                note: v.note.as_deref(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&root).expect("serializing plain data cannot fail");
    text.push('\n');
    for path in OUTPUTS {
        out.add(path, text.clone());
    }
    let mut schema =
        serde_json::to_string_pretty(&schema()).expect("serializing plain data cannot fail");
    schema.push('\n');
    out.add(SCHEMA, schema);
}

/// The JSON Schema (2020-12) of `reply-vectors.json`: every field required, null where it
/// does not apply; an error vector has no expected reply and the other way round.
fn schema() -> serde_json::Value {
    use serde_json::json;
    let code = json!({ "type": ["string", "null"], "pattern": "^[245]\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})$" });
    let fields = [
        "name",
        "input",
        "mode",
        "max_line_length",
        "basic",
        "enhanced",
        "enhanced_state",
        "enhanced_other",
        "enhanced_in_text",
        "lines",
        "complete",
        "error",
        "classification",
        "note",
    ];
    let classification = json!({
        "oneOf": [
            { "type": "null" },
            {
                "type": "object",
                "additionalProperties": false,
                "required": ["class", "reason", "bounce"],
                "properties": {
                    "class": { "enum": ["success", "intermediate", "transient", "permanent"] },
                    "reason": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" },
                    "bounce": { "enum": ["hard", "soft", "none"] }
                }
            }
        ]
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/smtp-codes/smtp-codes/generated/json/reply-vectors.schema.json",
        "$comment": MARKER,
        "title": "smtp-codes reply parser conformance vectors",
        "description": DESCRIPTION,
        "type": "object",
        "additionalProperties": false,
        "required": ["generated_by", "description", "vectors"],
        "properties": {
            "generated_by": { "type": "string" },
            "description": { "type": "string" },
            "vectors": { "type": "array", "items": { "$ref": "#/$defs/vector" } }
        },
        "$defs": {
            "vector": {
                "type": "object",
                "additionalProperties": false,
                "required": fields,
                "properties": {
                    "name": { "type": "string", "pattern": "^[a-z][a-z0-9-]*$" },
                    "input": { "type": "string" },
                    "mode": { "enum": ["lenient", "strict"] },
                    "max_line_length": { "type": ["integer", "null"], "minimum": 1 },
                    "basic": { "type": ["integer", "null"], "minimum": 200, "maximum": 599 },
                    "enhanced": code,
                    "enhanced_state": { "enum": ["absent", "valid", "malformed", "class_mismatch", "inconsistent", null] },
                    "enhanced_other": code,
                    "enhanced_in_text": code,
                    "lines": { "type": ["array", "null"], "items": { "type": "string" }, "minItems": 1 },
                    "complete": { "type": ["boolean", "null"] },
                    "error": {
                        "oneOf": [
                            { "type": "null" },
                            {
                                "type": "object",
                                "additionalProperties": false,
                                "required": ["kind", "line", "position"],
                                "properties": {
                                    "kind": { "enum": ERROR_KINDS },
                                    "line": { "type": "integer", "minimum": 1 },
                                    "position": { "type": "integer", "minimum": 0 }
                                }
                            }
                        ]
                    },
                    "classification": classification,
                    "note": { "type": ["string", "null"] }
                },
                "oneOf": [
                    { "properties": { "error": { "type": "null" }, "basic": { "type": "integer" },
                                      "enhanced_state": { "type": "string" }, "lines": { "type": "array" },
                                      "complete": { "type": "boolean" } } },
                    { "properties": { "error": { "type": "object" }, "basic": { "type": "null" },
                                      "enhanced_state": { "type": "null" }, "lines": { "type": "null" },
                                      "complete": { "type": "null" } } }
                ]
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(yaml: &str) -> Vec<String> {
        let mut diags = Diagnostics::default();
        let doc = Document::parse("data/reply-vectors.yaml", yaml, &mut diags).expect("parses");
        load(&doc, &[], &mut diags);
        diags.into_sorted().iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn good_vectors_pass() {
        let yaml = "- name: ok\n  input: \"250 OK\\r\\n\"\n  mode: strict\n  basic: 250\n  enhanced_state: absent\n  lines: [OK]\n\
                    - name: bad\n  input: \"250 OK\\n\"\n  mode: strict\n  error: {kind: bare_lf, line: 1, position: 6}\n";
        assert_eq!(messages(yaml), Vec::<String>::new());
    }

    #[test]
    fn problems_are_located() {
        let yaml = "- name: Bad_Name\n  input: x\n  mode: strict\n  basic: 250\n  enhanced: 5.1.1\n  enhanced_state: absent\n  lines: []\n\
                    - name: two\n  input: x\n  mode: lenient\n  basic: 250\n  lines: [a]\n  error: {kind: bare_lf, line: 0, position: 9}\n\
                    - name: three\n  input: x\n  mode: strict\n  enhanced: 6.1.1\n  colour: red\n";
        let m = messages(yaml);
        let expected = [
            "data/reply-vectors.yaml:1:3: vector name `Bad_Name` must be kebab-case",
            "data/reply-vectors.yaml:5:3: state `Absent` has no code in the RFC 2034 position",
            "data/reply-vectors.yaml:7:3: `lines` lists at least one line",
            "data/reply-vectors.yaml:11:3: `basic` describes a parsed reply",
            "data/reply-vectors.yaml:12:3: `lines` describes a parsed reply",
            "data/reply-vectors.yaml:13:11: lenient parsing does not fail on `bare_lf`",
            "data/reply-vectors.yaml:13:26: error `line` counts from 1",
            "data/reply-vectors.yaml:13:35: error `position` 9 is past the input's end",
            "data/reply-vectors.yaml:17:3: `6.1.1` is not an enhanced status code",
        ];
        assert_eq!(m.len(), expected.len(), "{m:#?}");
        for (got, want) in m.iter().zip(expected) {
            assert!(
                got.starts_with(want),
                "{got}\n  does not start with\n{want}"
            );
        }
    }

    #[test]
    fn the_real_vectors_match_their_schema() {
        let reg = crate::load::load(&crate::project_root().join("data")).expect("data/ is valid");
        assert!(
            reg.reply_vectors.len() >= 60,
            "{} vectors",
            reg.reply_vectors.len()
        );
        let mut out = Outputs::default();
        render(&reg.reply_vectors, &mut out);
        let schema: serde_json::Value = serde_json::from_slice(&out.files[SCHEMA]).unwrap();
        let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
        let json: serde_json::Value = serde_json::from_slice(&out.files[OUTPUTS[0]]).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let mut bad = json.clone();
        bad["vectors"][0]["error"] =
            serde_json::json!({"kind": "bare_lf", "line": 1, "position": 0});
        assert!(
            !validator.is_valid(&bad),
            "an expected reply and an error together"
        );
        let mut bad = json.clone();
        bad["vectors"][0]["colour"] = "red".into();
        assert!(!validator.is_valid(&bad), "an unknown field");
    }

    #[test]
    fn renders_both_copies_with_the_marker() {
        let mut diags = Diagnostics::default();
        let yaml = "- name: ok\n  input: \"250 OK\\r\\n\"\n  mode: strict\n  basic: 250\n  enhanced_state: absent\n  lines: [OK]\n";
        let doc = Document::parse("v.yaml", yaml, &mut diags).unwrap();
        let vectors = load(&doc, &[], &mut diags);
        let mut out = Outputs::default();
        render(&vectors, &mut out);
        let a = &out.files[OUTPUTS[0]];
        assert_eq!(a, &out.files[OUTPUTS[1]]);
        assert!(crate::outputs::is_marked(a));
        let v: serde_json::Value = serde_json::from_slice(a).unwrap();
        assert_eq!(v["vectors"][0]["complete"], true);
        assert_eq!(v["vectors"][0]["enhanced"], serde_json::Value::Null);
    }
}
