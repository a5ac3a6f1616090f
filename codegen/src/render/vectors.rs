//! `generated/json/reply-vectors.json` and its copy in the crate's tests: the conformance
//! vectors of `data/reply-vectors.yaml` as JSON, with their JSON Schema.
//!
//! The vectors are the reply parser's test cases as data, labelled by hand, so that parsers
//! in other languages can check themselves against the same expectations. They are written
//! twice with the same bytes: `generated/json/reply-vectors.json` for the world and
//! `generated/rust/tests/reply-vectors.json` for the crate's own test, which keeps the crate
//! self-contained when it is copied out of the repository.

use serde::Serialize;

use crate::model::*;
use crate::outputs::{Outputs, MARKER};

/// Where the rendered vectors go.
pub const OUTPUTS: [&str; 3] = [
    "generated/json/reply-vectors.json",
    "generated/rust/tests/reply-vectors.json",
    "generated/python/tests/reply-vectors.json",
];

/// The JSON Schema of the rendered vectors.
pub const SCHEMA: &str = "generated/json/reply-vectors.schema.json";

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
    use crate::diag::Diagnostics;
    use crate::yaml::Document;

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
        let vectors = crate::load::vectors::load(&doc, &[], &mut diags);
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
