//! `reply-vectors.yaml`: each vector deserializes on its own (`deny_unknown_fields`, so a
//! misspelt field is an error at its line), then [`validate`] checks what spans fields: an
//! expected reply or an error, never both; the enhanced state agreeing with the codes given;
//! names unique.

use std::collections::HashMap;

use crate::diag::{Diagnostics, Location};
use crate::model::*;
use crate::yaml::{Document, YamlPath};

/// The file, relative to the data folder.
pub const FILE: &str = crate::manifest::REPLY_VECTORS;

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
            Some(e) => expected_error(v, e, &at, &at_error, &mut err),
            None => expected_reply(v, &at, &mut err),
        }
    }
}

/// A vector that must fail: nothing of a parsed reply, a known kind that its mode fails on, a
/// place inside the input.
fn expected_error(
    v: &ReplyVector,
    e: &VectorError,
    at: &dyn Fn(&str) -> Location,
    at_error: &dyn Fn(&str) -> Location,
    err: &mut dyn FnMut(Location, String),
) {
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
    if e.kind == "line_too_long" && v.mode == Mode::Lenient && v.max_line_length.is_none() {
        err(
            at_error("kind"),
            "lenient parsing fails on `line_too_long` only with `max_line_length` set".into(),
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

/// A vector that must parse: the reply's code, enhanced state and lines.
fn expected_reply(
    v: &ReplyVector,
    at: &dyn Fn(&str) -> Location,
    err: &mut dyn FnMut(Location, String),
) {
    for (field, missing) in [
        ("basic", v.basic.is_none()),
        ("enhanced_state", v.enhanced_state.is_none()),
        ("lines", v.lines.is_none()),
    ] {
        if missing {
            err(
                at("name"),
                format!("missing `{field}`: a vector without `error` describes the parsed reply"),
            );
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
        check_state(v, state, at, err);
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
}
