//! Bad registries and the errors they must produce: one case per validation rule. Each case
//! copies the small fixture, breaks one thing, and checks the full `path:line:column: message`.

mod common;
use common::copy_dir;

use std::fs;
use std::path::{Path, PathBuf};

fn small() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/data")
}

/// Applies `edits` (file, text to find or `""` for the whole file, replacement) to a copy of the small fixture and
/// returns every diagnostic line.
fn errors(case: &str, edits: &[(&str, &str, &str)]) -> Vec<String> {
    let dir = std::env::temp_dir().join(format!("smtp-codes-bad-{}-{case}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&small(), &dir);
    for (file, find, replace) in edits {
        let p = dir.join(file);
        let text = fs::read_to_string(&p).unwrap();
        assert!(
            text.contains(find),
            "case {case}: `{find}` not found in {file}"
        );
        // An empty `find` replaces the whole file.
        let new = if find.is_empty() {
            replace.to_string()
        } else {
            text.replacen(find, replace, 1)
        };
        fs::write(&p, new).unwrap();
    }
    let result = codegen::load::load_as(&dir, "data");
    let _ = fs::remove_dir_all(&dir);
    match result {
        Ok(_) => panic!("case {case}: the broken registry was accepted"),
        Err(e) => e.0.iter().map(|d| d.to_string()).collect(),
    }
}

fn assert_errors(case: &str, edits: &[(&str, &str, &str)], expected: &[&str]) {
    let got = errors(case, edits);
    assert_eq!(got, expected, "case {case}");
}

#[test]
fn duplicate_code() {
    assert_errors(
        "duplicate_code",
        &[
        ("enhanced.yaml", "- code: X.1.2", "- code: X.1.1"),
        ],
        &[
            "data/classifier.yaml:34:7: `X.1.2` is not in enhanced.yaml; defaults are for registered codes (use `subjects` for the rest)",
            "data/enhanced.yaml:35:3: duplicate code `X.1.1`: already defined at line 18; keep one entry per code",
            "data/enhanced.yaml:60:3: replacement `X.1.2` does not exist in enhanced.yaml",
        ],
    );
}

#[test]
fn unsorted_codes() {
    assert_errors(
        "unsorted_codes",
        &[
        ("basic.yaml", "- code: 250", "- code: 552"),
        ],
        &[
            "data/basic.yaml:15:3: code `451` is out of order: it must come before `552`; keep the file sorted by code",
            "data/classifier.yaml:48:7: code `250` must be a reply code in the registry, given once",
        ],
    );
}

#[test]
fn malformed_code() {
    assert_errors(
        "malformed_code",
        &[
        ("enhanced.yaml", "- code: X.1.2", "- code: X.1.02"),
        ],
        &[
            "data/classifier.yaml:34:7: `X.1.2` is not in enhanced.yaml; defaults are for registered codes (use `subjects` for the rest)",
            "data/enhanced.yaml:35:3: `X.1.02` is not a class-independent enhanced code; write `X.<subject>.<detail>` with 1 to 3 digits each and no leading zeros, such as `X.1.1`",
            "data/enhanced.yaml:60:3: replacement `X.1.2` does not exist in enhanced.yaml",
        ],
    );
}

#[test]
fn class_digit_other_than_2_4_5() {
    assert_errors(
        "class_digit_other_than_2_4_5",
        &[
        ("classes.yaml", "- class: 4", "- class: 3"),
        ("vendors/example-mail.yaml", "enhanced: \"5.1.1\"", "enhanced: \"6.1.1\""),
        ],
        &[
            "data/classes.yaml:13:3: class `3` does not exist: RFC 3463 allows only 2, 4 and 5",
            "data/vendors/example-mail.yaml:13:5: `6.1.1` is not an enhanced status code: the class digit must be 2, 4 or 5 (RFC 3463 section 2), as in `5.7.1`",
        ],
    );
}

#[test]
fn undefined_associated_basic_code() {
    assert_errors(
        "undefined_associated_basic_code",
        &[
        ("enhanced.yaml", "iana: \"451, 550\"\n    codes: [451, 550]", "iana: \"451, 559\"\n    codes: [451, 559]"),
        ],
        &[
            "data/enhanced.yaml:23:18: associated basic code `559` is not defined; add it to basic.yaml (or nonstandard.yaml if no RFC defines it)",
        ],
    );
}

#[test]
fn malformed_identifier() {
    assert_errors(
        "malformed_identifier",
        &[
        ("enhanced.yaml", "name: BadDestinationMailboxAddress", "name: bad_destination"),
        ],
        &[
            "data/enhanced.yaml:19:3: identifier `bad_destination` is malformed; write UpperCamelCase ASCII letters and digits starting with a capital, such as `MailboxUnavailable`",
        ],
    );
}

#[test]
fn identifier_collision_after_case_conversion() {
    assert_errors(
        "identifier_collision_after_case_conversion",
        &[
        ("enhanced.yaml", "name: BadDestinationSystemAddress", "name: BadDestinationMAILBOXAddress"),
        ],
        &[
            "data/enhanced.yaml:36:3: identifier `BadDestinationMAILBOXAddress` collides with `BadDestinationMailboxAddress` (line 19): both become `BAD_DESTINATION_MAILBOX_ADDRESS` as a Rust/C constant; choose a distinct name",
        ],
    );
}

#[test]
fn deprecated_without_replacement() {
    assert_errors(
        "deprecated_without_replacement",
        &[
        ("enhanced.yaml", "  replaced_by: X.1.2\n", ""),
        ],
        &[
            "data/enhanced.yaml:59:3: deprecated code `X.1.3` needs `replaced_by`: the code to use instead",
        ],
    );
}

#[test]
fn replacement_does_not_exist() {
    assert_errors(
        "replacement_does_not_exist",
        &[("enhanced.yaml", "replaced_by: X.1.2", "replaced_by: X.1.9")],
        &["data/enhanced.yaml:60:3: replacement `X.1.9` does not exist in enhanced.yaml"],
    );
}

#[test]
fn replacement_on_current_code() {
    assert_errors(
        "replacement_on_current_code",
        &[
        ("enhanced.yaml", "  status: current\n  references:\n    - { document: RFC 3463, section: \"3.1\" }", "  status: current\n  replaced_by: X.1.1\n  references:\n    - { document: RFC 3463, section: \"3.1\" }"),
        ],
        &[
            "data/enhanced.yaml:10:3: `replaced_by` is only for deprecated codes; remove it or set `status: deprecated`",
        ],
    );
}

#[test]
fn missing_required_field() {
    assert_errors(
        "missing_required_field",
        &[
        ("enhanced.yaml", "  sample_text: Other undefined Status\n", ""),
        ],
        &[
            "data/enhanced.yaml:1:3: missing field `sample_text`; this entry requires it (see data/README.md)",
        ],
    );
}

#[test]
fn malformed_reference_document() {
    assert_errors(
        "malformed_reference_document",
        &[
        ("enhanced.yaml", "- { document: RFC 3463, section: \"3.2\" }", "- { document: RFC3463, section: \"3.2\" }"),
        ],
        &[
            "data/enhanced.yaml:28:9: `RFC3463` is not a document name; write `RFC <number>` (one space, as in `RFC 5321`) or an Internet-Draft name such as `draft-levine-mailbomb-header-00`",
        ],
    );
}

#[test]
fn malformed_reference_section() {
    assert_errors(
        "malformed_reference_section",
        &[
        ("basic.yaml", "section: \"4.2.1\"", "section: \"four\""),
        ],
        &[
            "data/basic.yaml:48:29: `four` is not a section; write a section number such as `4.2.3` or `Appendix A`",
        ],
    );
}

#[test]
fn unknown_key() {
    assert_errors(
        "unknown_key",
        &[
        ("basic.yaml", "  name: Ok\n", "  name: Ok\n  colour: red\n"),
        ],
        &[
            "data/basic.yaml:3:3: unknown field `colour`, expected one of `code`, `name`, `status`, `kind`, `text`, `text_note`, `text_source`, `introduced`, `history`, `description`, `confidence`, `commands`, `meanings`, `uses`, `references`, `notes`, `conflicts`; remove it or fix its spelling (see data/README.md)",
        ],
    );
}

#[test]
fn repeated_key() {
    assert_errors(
        "repeated_key",
        &[("basic.yaml", "  name: Ok\n", "  name: Ok\n  name: Okay\n")],
        &["data/basic.yaml:3:3: key `name` is given twice in the same mapping; keep one"],
    );
}

#[test]
fn yaml_syntax_error() {
    assert_errors(
        "yaml_syntax_error",
        &[(
            "commands.yaml",
            "description: Starts a transaction.",
            "description: [Starts a transaction.",
        )],
        &["data/commands.yaml:8:16: this `[` is never closed: add `]` where it should end (the YAML parser stopped at line 9, column 9: illegal placement of ':' indicator)"],
    );
}

#[test]
fn association_does_not_match_iana_text() {
    assert_errors(
        "association_does_not_match_iana_text",
        &[
        ("enhanced.yaml", "    codes: [451, 550]", "    codes: [550]"),
        ],
        &[
            "data/enhanced.yaml:22:5: basic_codes does not match IANA's text `451, 550`: it says codes [451, 550], classes [], any false",
        ],
    );
}

#[test]
fn unknown_command() {
    assert_errors(
        "unknown_command",
        &[
        ("basic.yaml", "  commands: [MAIL, RCPT]\n  meanings:\n    - text: \"Requested mail action okay, completed\"", "  commands: [MAIL, RCTP]\n  meanings:\n    - text: \"Requested mail action okay, completed\""),
        ],
        &[
            "data/basic.yaml:8:20: unknown command `RCTP`; define it in data/commands.yaml or use one of: ANY, MAIL, RCPT",
            "data/basic.yaml:13:7: command `RCPT` of this meaning is missing from the code's `commands` list; add it there",
        ],
    );
}

#[test]
fn nonstandard_code_in_the_standard_file() {
    assert_errors(
        "nonstandard_code_in_the_standard_file",
        &[
        ("basic.yaml", "  name: LocalErrorInProcessing\n  status: standard", "  name: LocalErrorInProcessing\n  status: nonstandard"),
        ],
        &[
            "data/basic.yaml:17:3: code `451` is marked nonstandard: move it to nonstandard.yaml, which keeps such codes apart",
        ],
    );
}

#[test]
fn standard_number_as_a_second_code() {
    assert_errors(
        "standard_number_as_a_second_code",
        &[
        ("nonstandard.yaml", "- code: 471", "- code: 550"),
        ],
        &[
            "data/nonstandard.yaml:13:3: code `550` is already in data/basic.yaml (line 29): a vendor meaning of a standard number is an extra meaning of that entry (with `vendor` and `source`), not a second code",
            "data/troubleshooting.yaml:10:3: code `550` is not a standard code in the registry; troubleshooting covers registered codes only",
        ],
    );
}

#[test]
fn vendor_refines_unknown_code_and_source() {
    assert_errors(
        "vendor_refines_unknown_code_and_source",
        &[
        ("vendors/example-mail.yaml", "refines: X.1.1\n    meaning: The address", "refines: X.1.9\n    meaning: The address"),
        ("vendors/example-mail.yaml", "    source: codes\n", "    source: nosuch\n"),
        ],
        &[
            "data/vendors/example-mail.yaml:15:5: `refines: X.1.9` must name a standard code in the registry",
            "data/vendors/example-mail.yaml:22:5: source `nosuch` is not one of this file's sources",
        ],
    );
}

#[test]
fn troubleshooting_for_unknown_code() {
    assert_errors(
        "troubleshooting_for_unknown_code",
        &[
        ("troubleshooting.yaml", "- code: X.1.1", "- code: X.1.9"),
        ],
        &[
            "data/troubleshooting.yaml:1:3: code `X.1.9` is not a standard code in the registry; troubleshooting covers registered codes only",
        ],
    );
}

#[test]
fn malformed_registry_version() {
    assert_errors(
        "malformed_registry_version",
        &[
        ("registry.yaml", "registry_version: \"1.2.3\"", "registry_version: \"v1\""),
        ],
        &[
            "data/registry.yaml:2:1: registry_version `v1` must be dot-separated numbers, such as `2026.11.29`",
        ],
    );
}

#[test]
fn malformed_date() {
    assert_errors(
        "malformed_date",
        &[
        ("nonstandard.yaml", "read: \"2026-11-29\"", "read: \"29/11/2026\""),
        ],
        &[
            "data/nonstandard.yaml:11:7: `29/11/2026` is not a date; write `YYYY-MM-DD`, such as `2026-11-29`",
        ],
    );
}

#[test]
fn every_problem_at_once() {
    assert_errors(
        "every_problem_at_once",
        &[
        ("enhanced.yaml", "- code: X.1.2", "- code: X.1.02"),
        ("basic.yaml", "  name: Ok\n", "  name: Ok\n  colour: red\n"),
        ("commands.yaml", "- name: RCPT", "- name: Rcpt"),
        ],
        &[
            "data/basic.yaml:3:3: unknown field `colour`, expected one of `code`, `name`, `status`, `kind`, `text`, `text_note`, `text_source`, `introduced`, `history`, `description`, `confidence`, `commands`, `meanings`, `uses`, `references`, `notes`, `conflicts`; remove it or fix its spelling (see data/README.md)",
            "data/basic.yaml:23:20: unknown command `RCPT`; define it in data/commands.yaml or use one of: ANY, MAIL, Rcpt",
            "data/basic.yaml:28:24: unknown command `RCPT`; define it in data/commands.yaml or use one of: ANY, MAIL, Rcpt",
            "data/basic.yaml:38:20: unknown command `RCPT`; define it in data/commands.yaml or use one of: ANY, MAIL, Rcpt",
            "data/basic.yaml:43:24: unknown command `RCPT`; define it in data/commands.yaml or use one of: ANY, MAIL, Rcpt",
            "data/bounce-formats.yaml:21:46: `RCPT` is not a command of commands.yaml; use its name there (`RCPT`, `DATA`, `CONNECT`, ...)",
            "data/classifier.yaml:34:7: `X.1.2` is not in enhanced.yaml; defaults are for registered codes (use `subjects` for the rest)",
            "data/commands.yaml:13:3: command `Rcpt` must be upper-case ASCII letters, as sent on the wire (`RCPT`)",
            "data/enhanced.yaml:35:3: `X.1.02` is not a class-independent enhanced code; write `X.<subject>.<detail>` with 1 to 3 digits each and no leading zeros, such as `X.1.1`",
            "data/enhanced.yaml:60:3: replacement `X.1.2` does not exist in enhanced.yaml",
        ],
    );
}

#[test]
fn classifier_reason_not_defined() {
    assert_errors(
        "classifier_reason_not_defined",
        &[(
            "classifier.yaml",
            "  - { subject: 1, reason: unknown_user }",
            "  - { subject: 1, reason: no_such_reason }",
        )],
        &["data/classifier.yaml:40:19: reason `no_such_reason` is not defined under `reasons`"],
    );
}

#[test]
fn classifier_default_missing_for_a_registered_code_and_its_subject() {
    // Without an entry of its own a registered code takes its subject's default; with neither,
    // the message says where to add one.
    assert_errors(
        "classifier_default_missing_for_a_registered_code_and_its_subject",
        &[
            ("classifier.yaml", "  - { code: X.1.3, reason: unknown_user }\n", ""),
            ("classifier.yaml", "  - { subject: 1, reason: unknown_user }\n", ""),
        ],
        &[
            "data/classifier.yaml:38:1: registered code `X.1.3` has no default reason and subject 1 has none either; add `- { subject: 1, reason: ... }` to `subjects` (or `- { code: X.1.3, reason: ... }` to `enhanced`)",
        ],
    );
}

#[test]
fn classifier_default_missing_for_a_reply_code_and_its_class() {
    assert_errors(
        "classifier_default_missing_for_a_reply_code_and_its_class",
        &[("classifier.yaml", "  - { class: 5, reason: unknown }\n", "")],
        &[
            "data/classifier.yaml:46:1: reply code `550` has no default reason and class 5 has none either; add `- { class: 5, reason: ... }` to `classes` (or `- { code: 550, reason: ... }` to `basic`)",
        ],
    );
}

#[test]
fn classifier_class_default_twice_or_not_a_class() {
    assert_errors(
        "classifier_class_default_twice_or_not_a_class",
        &[(
            "classifier.yaml",
            "  - { class: 4, reason: unknown }\n",
            "  - { class: 4, reason: unknown }\n  - { class: 4, reason: nonsense }\n  - { class: 6, reason: unknown }\n",
        )],
        &[
            "data/classifier.yaml:45:7: class `4` must be a reply class (2, 3, 4 or 5), given once",
            "data/classifier.yaml:45:17: reason `nonsense` is not defined under `reasons`",
            "data/classifier.yaml:46:7: class `6` must be a reply class (2, 3, 4 or 5), given once",
        ],
    );
}

#[test]
fn classifier_phrase_malformed() {
    assert_errors(
        "classifier_phrase_malformed",
        &[("classifier.yaml", "any: [spamhaus, ", "any: [Spam*haus, ")],
        &[
            "data/classifier.yaml:53:11: phrase `Spam*haus` has `*` inside; it may only start or end a phrase",
        ],
    );
}

#[test]
fn vendor_reason_not_in_the_taxonomy() {
    assert_errors(
        "vendor_reason_not_in_the_taxonomy",
        &[("vendors/example-mail.yaml", "reason: unknown_user", "reason: user_unknown")],
        &[
            "data/vendors/example-mail.yaml:21:5: reason `user_unknown` is not defined in data/classifier.yaml",
        ],
    );
}

#[test]
fn usable_as_narrower_than_a_silent_definition() {
    assert_errors(
        "usable_as_narrower_than_a_silent_definition",
        &[(
            "enhanced.yaml",
            "does not exist. This code is only useful for permanent failures.\"\n    reference: \"[RFC3463] (Standards Track)\"\n    submitter: G. Vaudreuil\n    change_controller: IESG\n\n- code: X.1.2",
            "does not exist.\"\n    reference: \"[RFC3463] (Standards Track)\"\n    submitter: G. Vaudreuil\n    change_controller: IESG\n\n- code: X.1.2",
        )],
        &[
            "data/enhanced.yaml:24:3: `usable_as: [permanent]` leaves out transient, but the defining text (RFC 3463, section 3.2) is silent on the class: IANA's description names none and no `usable_as_source` names a section that does; by the rule in data/README.md write `usable_as: [transient, permanent]`, or name the section that sets the class in `usable_as_source`",
        ],
    );
}

#[test]
fn usable_as_contradicts_the_defining_text() {
    assert_errors(
        "usable_as_contradicts_the_defining_text",
        &[(
            "enhanced.yaml",
            "  usable_as: [permanent]\n  description: The mailbox does not exist.",
            "  usable_as: [transient, permanent]\n  description: The mailbox does not exist.",
        )],
        &[
            "data/enhanced.yaml:24:3: `usable_as: [transient, permanent]` contradicts the defining text, which IANA's description quotes (\"...only useful for permanent...\"); it suits exactly [permanent]: write `usable_as: [permanent]`",
        ],
    );
}

#[test]
fn deprecated_code_suits_other_outcomes_than_its_replacement() {
    assert_errors(
        "deprecated_code_suits_other_outcomes_than_its_replacement",
        &[(
            "enhanced.yaml",
            "  usable_as: [permanent]\n  description: A deprecated duplicate of X.1.2.",
            "  usable_as: [success, permanent]\n  description: A deprecated duplicate of X.1.2.",
        )],
        &[
            "data/enhanced.yaml:57:3: `usable_as: [success, permanent]` differs from what the replacement X.1.2 suits; a deprecated code suits what its replacement suits: write `usable_as: [permanent]`",
        ],
    );
}

#[test]
fn usable_as_source_where_iana_already_states_the_class() {
    assert_errors(
        "usable_as_source_where_iana_already_states_the_class",
        &[(
            "enhanced.yaml",
            "  usable_as: [permanent]\n  description: The mailbox does not exist.",
            "  usable_as: [permanent]\n  usable_as_source: { document: RFC 3463, section: \"3.2\" }\n  description: The mailbox does not exist.",
        )],
        &[
            "data/enhanced.yaml:25:23: `usable_as_source` is for a class the IANA description does not state, but X.1.1's description already says which outcomes it suits; remove `usable_as_source`",
        ],
    );
}

#[test]
fn troubleshooting_shows_a_code_outside_its_class_without_a_note() {
    assert_errors(
        "troubleshooting_shows_a_code_outside_its_class_without_a_note",
        &[(
            "troubleshooting.yaml",
            "    - A typo in the address.",
            "    - A typo in the address; some servers answer `450 4.1.1` and retry 4.1.1 forever.",
        )],
        &[
            "data/troubleshooting.yaml:4:7: `4.1.1` is shown here, but X.1.1 suits only [permanent] (`usable_as` in enhanced.yaml, after RFC 3463, section 3.2); add a `nonconforming` entry for `4.1.1` with a note saying who sends it so and what the standard use is",
        ],
    );
}

#[test]
fn nonconforming_note_for_a_conforming_or_unknown_code() {
    assert_errors(
        "nonconforming_note_for_a_conforming_or_unknown_code",
        &[(
            "troubleshooting.yaml",
            "    - Check the user directory.\n",
            "    - Check the user directory.\n  nonconforming:\n    - code: \"5.1.1\"\n      note: Standard.\n    - code: \"4.1.9\"\n      note: \"\"\n",
        )],
        &[
            "data/troubleshooting.yaml:10:7: `5.1.1` conforms: X.1.1 suits [permanent] (`usable_as` in enhanced.yaml); remove this note",
            "data/troubleshooting.yaml:12:7: `4.1.9` is not a registered code (no X.1.9 in enhanced.yaml); a nonconforming note is for a registered code sent in a class its definition excludes",
            "data/troubleshooting.yaml:13:7: `note` is empty; say who sends the code so and what the standard use is",
        ],
    );
}

#[test]
fn reference_to_an_rfc_without_a_section() {
    assert_errors(
        "reference_to_an_rfc_without_a_section",
        &[
            ("enhanced.yaml", "    - { document: RFC 3463, section: \"3.2\" }", "    - { document: RFC 3463 }"),
            ("basic.yaml", "      section: \"4.2.3\"\n", ""),
        ],
        &[
            "data/basic.yaml:10:7: the reference to RFC 5321 names no section; every RFC has numbered sections: add the one that says this (`section: \"3.2\"`, or `Appendix A`)",
            "data/enhanced.yaml:28:9: the reference to RFC 3463 names no section; every RFC has numbered sections: add the one that says this (`section: \"3.2\"`, or `Appendix A`)",
        ],
    );
}

// Item by item: one mistake, one message, and nothing that depends on it breaks too.

#[test]
fn classifier_rule_with_a_misspelt_key() {
    assert_errors(
        "classifier_rule_with_a_misspelt_key",
        &[("classifier.yaml", "    weak: true\n", "    waek: true\n")],
        &[
            "data/classifier.yaml:58:5: unknown field `waek`, expected one of `id`, `reason`, `any`, `all`, `none`, `classes`, `codes`, `enhanced`, `weak`, `note`; remove it or fix its spelling (see data/README.md)",
        ],
    );
}

#[test]
fn classifier_with_an_unknown_section() {
    assert_errors(
        "classifier_with_an_unknown_section",
        &[("classifier.yaml", "rules:\n", "ruels:\n")],
        &[
            "data/classifier.yaml:50:1: unknown field `ruels`; did you mean `rules`, which this file requires? (see data/README.md)",
        ],
    );
}

#[test]
fn vendor_entry_with_a_misspelt_key() {
    assert_errors(
        "vendor_entry_with_a_misspelt_key",
        &[(
            "vendors/example-mail.yaml",
            "    sender_action: Fix the address.",
            "    sender_actoin: Fix the address.",
        )],
        &[
            "data/vendors/example-mail.yaml:18:5: unknown field `sender_actoin`, expected one of `basic`, `enhanced`, `enhanced_to`, `token`, `pattern`, `refines`, `meaning`, `cause`, `sender_action`, `admin_action`, `retry`, `reason`, `source`, `note`, `retry_policy`; remove it or fix its spelling (see data/README.md)",
        ],
    );
}

#[test]
fn vendor_file_with_a_misspelt_key() {
    assert_errors(
        "vendor_file_with_a_misspelt_key",
        &[(
            "vendors/example-mail.yaml",
            "description: A mail",
            "descripton: A mail",
        )],
        &[
            "data/vendors/example-mail.yaml:4:1: unknown field `descripton`; did you mean `description`, which this file requires? (see data/README.md)",
        ],
    );
}

#[test]
fn empty_enhanced_file() {
    assert_errors(
        "empty_enhanced_file",
        &[("enhanced.yaml", "", "")],
        &[
            "data/enhanced.yaml: the file is empty; it should hold a list of enhanced codes (see data/README.md)",
        ],
    );
}

#[test]
fn commands_file_of_the_wrong_shape() {
    assert_errors(
        "commands_file_of_the_wrong_shape",
        &[("commands.yaml", "", "name: RCPT\n")],
        &[
            "data/commands.yaml:1:1: expected a list of commands (a YAML sequence) at the top of the file",
        ],
    );
}

#[test]
fn reply_named_like_a_c_header_macro() {
    assert_errors(
        "reply_named_like_a_c_header_macro",
        &[("basic.yaml", "  name: MailboxUnavailable", "  name: Map")],
        &[
            "data/basic.yaml:30:3: identifier `Map` becomes `SMTP_REPLY_MAP` in C, a name the header already uses for its own macro; choose another",
        ],
    );
}

#[test]
fn history_cites_an_undescribed_document() {
    assert_errors(
        "history_cites_an_undescribed_document",
        &[(
            "basic.yaml",
            "  introduced: { document: RFC 821, section: \"4.2.2\" }\n",
            "  introduced: { document: RFC 821, section: \"4.2.2\" }\n  history:\n    - { document: RFC 2821, section: \"4.2.3\" }\n",
        )],
        &["data/basic.yaml:8:9: `RFC 2821` is not described in documents.yaml; add it there (title, status, obsoleted_by)"],
    );
}

#[test]
fn editions_out_of_step() {
    assert_errors(
        "editions_out_of_step",
        &[
            ("editions.yaml", "- edition: \"1.2.3\"", "- edition: \"1.2.4\""),
            ("editions.yaml", "crate_version: \"0.3.0\"", "crate_version: \"0.1.0\""),
            ("editions.yaml", "    - code: 550\n", "    - code: 557\n"),
        ],
        &[
            "data/editions.yaml:1:3: the newest edition is `1.2.4` but registry.yaml says registry_version `1.2.3`; they must be equal (add an edition for `1.2.3` at the top, or set registry_version)",
            "data/editions.yaml:3:3: crate_version `0.1.0` must be greater than the older edition's `0.2.0`",
            "data/editions.yaml:11:7: code `557` is not in the registry",
        ],
    );
}

#[test]
fn vendor_range_that_leaves_its_subject_or_runs_backwards() {
    assert_errors(
        "vendor_range_that_leaves_its_subject_or_runs_backwards",
        &[(
            "vendors/example-mail.yaml",
            "    enhanced: \"5.1.351\"\n",
            "    enhanced: \"5.1.351\"\n    enhanced_to: \"5.2.400\"\n",
        )],
        &[
            "data/vendors/example-mail.yaml:26:5: the range 5.1.351 to 5.2.400 must stay in one class and subject; `enhanced_to` should read 5.1.N",
        ],
    );
    assert_errors(
        "vendor_range_that_runs_backwards",
        &[(
            "vendors/example-mail.yaml",
            "    enhanced: \"5.1.351\"\n",
            "    enhanced: \"5.1.351\"\n    enhanced_to: \"5.1.300\"\n",
        )],
        &[
            "data/vendors/example-mail.yaml:26:5: the range 5.1.351 to 5.1.300 ends before it starts; `enhanced_to` must be above 5.1.351, or left out for a single code",
        ],
    );
}

#[test]
fn vendor_range_without_a_start() {
    assert_errors(
        "vendor_range_without_a_start",
        &[(
            "vendors/example-mail.yaml",
            "    enhanced: \"5.1.1\"\n    pattern: \"no such user\"\n",
            "    pattern: \"no such user\"\n    enhanced_to: \"5.1.9\"\n",
        )],
        &[
            "data/vendors/example-mail.yaml:14:5: `enhanced_to: 5.1.9` ends a range, but the entry has no `enhanced` to start it; give the range's first code in `enhanced`",
        ],
    );
}

#[test]
fn vendor_hosts_and_markers_that_cannot_identify_it() {
    assert_errors(
        "vendor_hosts_and_markers_that_cannot_identify_it",
        &[(
            "vendors/example-mail.yaml",
            "sources:\n",
            "hosts:\n  - .Example.com\n  - example.com\n  - example.com\nmarkers:\n  - abc\nsources:\n",
        )],
        &[
            "data/vendors/example-mail.yaml:6:5: host suffix `.Example.com` must be a lower-case domain name with at least two labels, such as `google.com` (no leading dot, no wildcard)",
            "data/vendors/example-mail.yaml:8:5: host suffix `example.com` is listed twice",
            "data/vendors/example-mail.yaml:10:5: marker `abc` is too short to identify a vendor; use at least four characters only this vendor sends",
        ],
    );
}

#[test]
fn bounce_format_rows_are_checked_one_by_one() {
    assert_errors(
        "bounce_formats",
        &[
            // A misspelt key in one row: that row only.
            (
                "bounce-formats.yaml",
                r#"  - { phrase: "--- Below this line is a copy of the message", note: "qmail" }"#,
                r#"  - { phrase: "--- Below this line is a copy of the message", notes: "qmail" }"#,
            ),
            // A command commands.yaml does not define.
            ("bounce-formats.yaml", "command: RCPT }", "command: RCTP }"),
            // A row hidden by an earlier one that always matches first.
            (
                "bounce-formats.yaml",
                r#"  - { phrase: "remote host " }
  - { phrase: "host " }"#,
                r#"  - { phrase: "host " }
  - { phrase: "remote host " }"#,
            ),
            // The same phrase twice, differing only in case.
            (
                "bounce-formats.yaml",
                r#"  - { phrase: "undeliverable" }"#,
                r#"  - { phrase: "undeliverable" }
  - { phrase: "Undeliverable" }"#,
            ),
            // A longer phrase that a shorter one of an unordered table always covers.
            (
                "bounce-formats.yaml",
                r#"  - { phrase: "could not be delivered" }"#,
                r#"  - { phrase: "could not be delivered" }
  - { phrase: "mail could not be delivered" }"#,
            ),
            // A sender the reader could never match (it lower-cases the local part).
            ("bounce-formats.yaml", r#"phrase: "mailer-daemon""#, r#"phrase: "MAILER-daemon""#),
            // A line break in a phrase matched within one line.
            ("bounce-formats.yaml", r#"phrase: "From:""#, r#"phrase: "From:\nTo:""#),
            // A table left out.
            ("bounce-formats.yaml", "dsn_text_fields:\n  - { phrase: \"Final-Recipient:\" }\n", ""),
        ],
        &[
            "data/bounce-formats.yaml:3:1: missing field `dsn_text_fields`; this file requires it (see data/README.md)",
            "data/bounce-formats.yaml:4:63: unknown field `notes`, expected `phrase` or `note`; remove it or fix its spelling (see data/README.md)",
            "data/bounce-formats.yaml:15:7: a phrase is matched within one line: no line breaks or other control characters",
            "data/bounce-formats.yaml:21:46: `RCTP` is not a command of commands.yaml; use its name there (`RCPT`, `DATA`, `CONNECT`, ...)",
            "data/bounce-formats.yaml:24:7: `remote host ` never decides: `host ` (line 23) comes first and matches wherever it does; move this row above it, or remove it",
            "data/bounce-formats.yaml:28:7: `MAILER-daemon` must be lower-case: the reader compares the lower-cased local part (`mailer-daemon`)",
            "data/bounce-formats.yaml:31:7: `Undeliverable` repeats line 30 (phrases match ignoring ASCII case); keep one",
            "data/bounce-formats.yaml:36:7: `mail could not be delivered` never decides: `could not be delivered` (line 35) matches wherever it does; remove this row",
        ],
    );
}

#[test]
fn crosswalks_are_complete_and_within_their_schemes() {
    assert_errors(
        "crosswalks",
        &[
            // A category the scheme does not declare.
            ("classifier.yaml", r#"crosswalk: { sparkpost: "51" }"#, r#"crosswalk: { sparkpost: "52" }"#),
            // A hard category for a soft-bounce reason, in a scheme that tells them apart.
            ("classifier.yaml", r#"crosswalk: { sparkpost: "1" }"#, r#"crosswalk: { sparkpost: "10" }"#),
            // A failure reason without its category.
            ("classifier.yaml", "    crosswalk: { sparkpost: \"10\" }\n", ""),
            // A reason that is not a failure, with a crosswalk.
            ("classifier.yaml", "    bounce: none\n", "    bounce: none\n    crosswalk: { sparkpost: \"1\" }\n"),
        ],
        &[
            "data/classifier.yaml:7:18: `accepted` is not a failure (bounce: none); the crosswalk names failure categories only: remove it",
            "data/classifier.yaml:10:5: `unknown_user` is a failure: give its category in `sparkpost`",
            "data/classifier.yaml:21:18: `52` is not a category of `sparkpost`; add it to the scheme's `values` with its source, or use one listed there",
            "data/classifier.yaml:28:18: `10` is a hard bounce in `sparkpost`, but `unknown` is a soft bounce; use a soft category there or change `bounce`",
        ],
    );
}
