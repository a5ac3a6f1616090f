//! The data part of the Python package (`generated/python/src/smtp_codes/_tables/`).
//!
//! The package's logic (parser, writer, classifier, `smtp-explain`) is hand-written Python
//! beside this folder; the generator writes only the tables it reads, built from the same
//! JSON view as `generated/json/smtp-codes.json`, so both say the same. Each file is plain
//! Python: constructor calls of the package's own frozen dataclasses and two `Enum` classes
//! (`ReplyCode`, `Reason`) and a third (`Command`) whose members are data. Every string
//! reaches the output through [`py_str`](crate::views::text::py_str), the one function that
//! escapes for Python; the prose of retry policies is first folded onto one line
//! ([`one_line`], as the Rust tables do).

use std::fmt::Write as _;

use crate::model::Registry;
use crate::names::{python_const, python_enhanced_const, python_id_member};
use crate::outputs::{Outputs, MARKER};
use crate::views::document::{Ref, RetryPolicyJson, Root};
use crate::views::text::{duration_secs, one_line, py_str};

/// The folder the generator owns in the Python package: its tables.
pub const TABLES_DIR: &str = "generated/python/src/smtp_codes/_tables/";

fn opt_str(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_string(), py_str)
}

fn strs<S: AsRef<str>>(items: &[S]) -> String {
    tuple(items.iter().map(|s| py_str(s.as_ref())))
}

fn ints<T: std::fmt::Display>(items: &[T]) -> String {
    tuple(items.iter().map(|n| n.to_string()))
}

/// A tuple literal of already-rendered items (`()`, `(x,)`, `(x, y)`).
fn tuple(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.len() {
        0 => "()".to_string(),
        1 => format!("({},)", items[0]),
        _ => format!("({})", items.join(", ")),
    }
}

fn reference(r: &Ref) -> String {
    format!(
        "Reference({}, {}, {})",
        py_str(&r.document),
        opt_str(r.section.as_deref()),
        py_str(&r.url)
    )
}

fn references(refs: &[Ref]) -> String {
    tuple(refs.iter().map(reference))
}

fn header(out: &mut String, doc: &str) {
    let _ = writeln!(out, "# {MARKER}");
    let _ = writeln!(out, "\"\"\"{doc}\"\"\"");
    out.push('\n');
    out.push_str("from __future__ import annotations\n\n");
}

/// A keyword argument line inside a constructor call.
fn arg(out: &mut String, indent: &str, name: &str, value: &str) {
    let _ = writeln!(out, "{indent}{name}={value},");
}

/// Renders the package's tables.
pub fn render(reg: &Registry, json: &Root<'_>, out: &mut Outputs) {
    out.add(format!("{TABLES_DIR}__init__.py"), init(reg, json));
    out.add(format!("{TABLES_DIR}codes.py"), codes(json));
    out.add(
        format!("{TABLES_DIR}enhanced_codes.py"),
        enhanced_codes(json),
    );
    out.add(format!("{TABLES_DIR}commands.py"), commands(json));
    out.add(format!("{TABLES_DIR}classifier.py"), classifier(json));
    out.add(format!("{TABLES_DIR}vendors.py"), vendors(json));
}

/// The commands replies answer, as an enum of their names.
fn commands(json: &Root<'_>) -> String {
    let mut s = String::new();
    header(
        &mut s,
        "The SMTP commands (and the connection greeting) that replies answer, from `data/`.",
    );
    s.push_str("from .._command import CommandBase\n\n\n");
    s.push_str("class Command(CommandBase):\n");
    s.push_str("    \"\"\"An SMTP command (or the connection greeting), by its name.\"\"\"\n\n");
    for c in &json.commands {
        let _ = writeln!(s, "    {} = {}", python_const(c.name), py_str(c.name));
        let _ = writeln!(s, "    {}", py_str(c.title));
    }
    s
}

fn opt_duration(d: Option<&str>) -> String {
    d.map_or_else(
        || "None".to_string(),
        |d| format!("timedelta(seconds={})", duration_secs(d)),
    )
}

/// A `RetryPolicy(...)` call from `source` (a `PolicySource` member), its arguments one per
/// line at `indent` plus four spaces.
fn retry_policy(p: &RetryPolicyJson<'_>, source: &str, indent: &str) -> String {
    let i = format!("{indent}    ");
    let mut s = String::from("RetryPolicy(\n");
    arg(
        &mut s,
        &i,
        "retry",
        &format!("VendorRetry.{}", p.retry.to_ascii_uppercase()),
    );
    arg(&mut s, &i, "first_after", &opt_duration(p.first_after));
    arg(
        &mut s,
        &i,
        "backoff",
        &opt_str(p.backoff.map(one_line).as_deref()),
    );
    arg(&mut s, &i, "how", &opt_str(p.how.map(one_line).as_deref()));
    arg(&mut s, &i, "give_up_after", &opt_duration(p.give_up_after));
    arg(
        &mut s,
        &i,
        "give_up_attempts",
        &p.give_up_attempts
            .map_or_else(|| "None".to_string(), |n| n.to_string()),
    );
    arg(
        &mut s,
        &i,
        "suppress_address",
        if p.suppress_address { "True" } else { "False" },
    );
    arg(&mut s, &i, "source", &format!("PolicySource.{source}"));
    let _ = write!(s, "{indent})");
    s
}

fn opt_retry_policy(p: Option<&RetryPolicyJson<'_>>, source: &str, indent: &str) -> String {
    p.map_or_else(|| "None".to_string(), |p| retry_policy(p, source, indent))
}

fn init(reg: &Registry, json: &Root<'_>) -> String {
    let mut s = String::new();
    header(
        &mut s,
        "The registry's data, generated from `data/`; the package's logic reads it.",
    );
    let _ = writeln!(s, "__version__ = {}", py_str(reg.package_version()));
    let _ = writeln!(s, "REGISTRY_VERSION = {}", py_str(json.registry_version));
    let _ = writeln!(s, "IANA_UPDATED = {}", py_str(json.iana_updated));
    let _ = writeln!(
        s,
        "SITE_URL: str | None = {}",
        opt_str(reg.meta.site_url.as_deref())
    );
    s
}

fn codes(json: &Root<'_>) -> String {
    let mut s = String::new();
    header(
        &mut s,
        "Reply codes, enhanced codes, classes, subjects and troubleshooting, from `data/`.",
    );
    s.push_str(
        "from .._codes import ReplyCodeBase\n\
         from .._info import (\n    ClassInfo,\n    EnhancedInfo,\n    Lifecycle,\n    Meaning,\n    \
         Reference,\n    ReplyInfo,\n    ReplyStatus,\n    SubjectInfo,\n    Troubleshooting,\n)\n\n\n",
    );
    // The enum of the standard and historic codes.
    s.push_str("class ReplyCode(ReplyCodeBase):\n");
    s.push_str("    \"\"\"The standard and historic SMTP reply codes, by name.\"\"\"\n\n");
    for b in json.basic.iter().filter(|b| b.status != "nonstandard") {
        let _ = writeln!(s, "    {} = {}", python_const(b.name), b.code);
        let _ = writeln!(s, "    {}", py_str(&format!("`{}` {}", b.code, b.text)));
    }
    s.push('\n');
    s.push_str("\nTROUBLESHOOTING: dict[str, Troubleshooting] = {\n");
    for t in &json.troubleshooting {
        let _ = writeln!(s, "    {}: Troubleshooting(", py_str(&t.code));
        let i = "        ";
        arg(&mut s, i, "code", &py_str(&t.code));
        arg(&mut s, i, "summary", &py_str(t.summary));
        arg(&mut s, i, "causes", &strs(t.causes));
        arg(&mut s, i, "sender_fixes", &strs(t.sender_fixes));
        arg(&mut s, i, "admin_fixes", &strs(t.admin_fixes));
        arg(&mut s, i, "references", &references(&t.references));
        s.push_str("    ),\n");
    }
    s.push_str("}\n\n");
    s.push_str("CLASSES: dict[int, ClassInfo] = {\n");
    for c in &json.classes {
        let _ = writeln!(
            s,
            "    {}: ClassInfo({}, {}, {}, {}),",
            c.class,
            c.class,
            py_str(c.name),
            py_str(c.title),
            py_str(c.description)
        );
    }
    s.push_str("}\n\n");
    s.push_str("SUBJECTS: dict[int, SubjectInfo] = {\n");
    for x in &json.subjects {
        let _ = writeln!(
            s,
            "    {}: SubjectInfo({}, {}, {}, {}),",
            x.subject,
            x.subject,
            py_str(x.name),
            py_str(x.title),
            py_str(x.description)
        );
    }
    s.push_str("}\n\n");
    s.push_str("REPLIES: dict[int, ReplyInfo] = {\n");
    for b in &json.basic {
        let _ = writeln!(s, "    {}: ReplyInfo(", b.code);
        let i = "        ";
        arg(&mut s, i, "code", &b.code.to_string());
        arg(&mut s, i, "name", &py_str(b.name));
        arg(&mut s, i, "text", &py_str(b.text));
        arg(&mut s, i, "text_note", &opt_str(b.text_note));
        arg(&mut s, i, "description", &py_str(b.description));
        arg(
            &mut s,
            i,
            "status",
            &format!("ReplyStatus.{}", b.status.to_ascii_uppercase()),
        );
        arg(&mut s, i, "nonstandard_kind", &opt_str(b.kind));
        arg(&mut s, i, "confidence", &opt_str(b.confidence));
        let mut meanings = String::from("(\n");
        for m in &b.meanings {
            let reference = match (&m.document, &m.url) {
                (Some(d), Some(u)) => format!(
                    "Reference({}, {}, {})",
                    py_str(d),
                    opt_str(m.section.as_deref()),
                    py_str(u)
                ),
                _ => "None".to_string(),
            };
            let _ = writeln!(
                meanings,
                "            Meaning({}, {}, {}, {}, {}, {}, {}),",
                py_str(m.text),
                opt_str(m.summary),
                reference,
                opt_str(m.vendor),
                strs(m.sources),
                if m.standard { "True" } else { "False" },
                strs(m.commands)
            );
        }
        meanings.push_str("        )");
        arg(&mut s, i, "meanings", &meanings);
        arg(&mut s, i, "commands", &strs(b.commands));
        arg(&mut s, i, "references", &references(&b.references));
        arg(
            &mut s,
            i,
            "associated_enhanced",
            &strs(&b.associated_enhanced),
        );
        arg(&mut s, i, "notes", &opt_str(b.notes));
        let trouble = json
            .troubleshooting
            .iter()
            .find(|t| t.code == b.code.to_string())
            .map(|t| format!("TROUBLESHOOTING[{}]", py_str(&t.code)))
            .unwrap_or_else(|| "None".to_string());
        arg(&mut s, i, "troubleshooting", &trouble);
        s.push_str("    ),\n");
    }
    s.push_str("}\n\n");
    s.push_str("ENHANCED: dict[tuple[int, int], EnhancedInfo] = {\n");
    for e in &json.enhanced {
        let _ = writeln!(s, "    ({}, {}): EnhancedInfo(", e.subject, e.detail);
        let i = "        ";
        arg(&mut s, i, "subject", &e.subject.to_string());
        arg(&mut s, i, "detail", &e.detail.to_string());
        arg(&mut s, i, "name", &py_str(e.name));
        arg(&mut s, i, "sample_text", &py_str(e.sample_text));
        arg(&mut s, i, "description", &py_str(e.description));
        arg(&mut s, i, "basic_codes", &ints(e.basic_codes));
        arg(&mut s, i, "basic_codes_text", &py_str(e.basic_codes_text));
        arg(
            &mut s,
            i,
            "basic_code_classes",
            &ints(e.basic_codes_classes),
        );
        arg(
            &mut s,
            i,
            "any_basic_code",
            if e.basic_codes_any { "True" } else { "False" },
        );
        arg(
            &mut s,
            i,
            "status",
            &format!("Lifecycle.{}", e.status.to_ascii_uppercase()),
        );
        arg(&mut s, i, "replaced_by", &opt_str(e.replaced_by.as_deref()));
        arg(&mut s, i, "references", &references(&e.references));
        arg(&mut s, i, "notes", &opt_str(e.notes));
        let trouble = json
            .troubleshooting
            .iter()
            .find(|t| t.code == e.code)
            .map(|t| format!("TROUBLESHOOTING[{}]", py_str(&t.code)))
            .unwrap_or_else(|| "None".to_string());
        arg(&mut s, i, "troubleshooting", &trouble);
        s.push_str("    ),\n");
    }
    s.push_str("}\n");
    s
}

/// A named constant for each registered enhanced code in each class it suits.
fn enhanced_codes(json: &Root<'_>) -> String {
    let mut s = String::new();
    header(
        &mut s,
        "A constant for every registered enhanced code in each class it suits, from `data/`.",
    );
    s.push_str(
        "from .._codes import EnhancedCode

",
    );
    let mut names = Vec::new();
    for e in &json.enhanced {
        for usable in &e.usable_as {
            let class = match *usable {
                "success" => 2,
                "transient" => 4,
                _ => 5,
            };
            let name = python_enhanced_const(usable, e.name);
            let _ = writeln!(
                s,
                "{name} = EnhancedCode({class}, {}, {})",
                e.subject, e.detail
            );
            let title = if e.sample_text.is_empty() {
                "(no sample text)"
            } else {
                e.sample_text
            };
            let _ = writeln!(
                s,
                "{}",
                py_str(&format!("`{class}.{}.{}` {title}", e.subject, e.detail))
            );
            names.push(name);
        }
    }
    // Sorted, as ruff wants `__all__`.
    names.sort();
    s.push_str("\n__all__ = [\n");
    for n in &names {
        let _ = writeln!(s, "    {},", py_str(n));
    }
    s.push_str("]\n");
    s
}

/// `5.7.606` -> `EnhancedCode(5, 7, 606)`.
fn enhanced_code(code: Option<&str>) -> String {
    match code {
        Some(c) => format!("EnhancedCode({})", c.replace('.', ", ")),
        None => "None".to_string(),
    }
}

/// `X.1.1` -> `(1, 1)`; `X.7` -> `7`.
fn x_code(code: &str) -> String {
    let parts: Vec<&str> = code.trim_start_matches("X.").split('.').collect();
    match parts.as_slice() {
        [s, d] => format!("({s}, {d})"),
        [s] => (*s).to_string(),
        _ => unreachable!("class-independent codes have one or two numbers: {code}"),
    }
}

fn classifier(json: &Root<'_>) -> String {
    let c = &json.classifier;
    let mut s = String::new();
    s.push_str("class Reason(ReasonBase):\n");
    s.push_str("    \"\"\"Why a reply failed (or what it means when it did not).\"\"\"\n\n");
    for r in &c.reasons {
        let _ = writeln!(s, "    {} = {}", python_id_member(r.id), py_str(r.id));
        let _ = writeln!(s, "    {}", py_str(r.title));
    }
    s.push('\n');
    s.push_str("\nREASONS: dict[str, ReasonInfo] = {\n");
    for r in &c.reasons {
        let _ = writeln!(
            s,
            "    {}: ReasonInfo(\n        {},\n        {},\n        Side.{},\n        Bounce.{},\n        {},\n        {},\n    ),",
            py_str(r.id),
            py_str(r.title),
            py_str(r.advice),
            r.side.to_ascii_uppercase(),
            r.bounce.to_ascii_uppercase(),
            opt_str(r.sisimai),
            opt_retry_policy(r.retry_policy.as_ref(), "REASON", "        "),
        );
    }
    s.push_str("}\n\n");
    let d = &c.effective_retry_defaults;
    let transient = retry_policy(&d.transient, "DEFAULT", "");
    let permanent = retry_policy(&d.permanent, "DEFAULT", "");
    let _ = writeln!(s, "RETRY_DEFAULT_TRANSIENT = {transient}");
    s.push_str(
        "\"The policy of a transient reply that nothing more specific covers (RFC 5321).\"\n\n",
    );
    let _ = writeln!(s, "RETRY_DEFAULT_PERMANENT = {permanent}");
    s.push_str("\"The policy of a permanent reply that nothing more specific covers.\"\n\n");
    s.push_str("ENHANCED_DEFAULTS: dict[tuple[int, int], Reason] = {\n");
    for d in &c.enhanced_defaults {
        let _ = writeln!(
            s,
            "    {}: Reason.{},",
            x_code(&d.code),
            python_id_member(d.reason)
        );
    }
    s.push_str("}\n\n");
    let generic = tuple(c.generic_enhanced.iter().map(|g| x_code(g)));
    let _ = writeln!(
        s,
        "GENERIC_ENHANCED: frozenset[tuple[int, int]] = frozenset({generic})\n"
    );
    s.push_str("SUBJECT_DEFAULTS: dict[int, Reason] = {\n");
    for d in &c.subject_defaults {
        let _ = writeln!(
            s,
            "    {}: Reason.{},",
            x_code(&d.code),
            python_id_member(d.reason)
        );
    }
    s.push_str("}\n\n");
    s.push_str("BASIC_DEFAULTS: dict[int, Reason] = {\n");
    for d in &c.basic_defaults {
        let _ = writeln!(s, "    {}: Reason.{},", d.code, python_id_member(d.reason));
    }
    s.push_str("}\n\n");
    s.push_str("RULES: tuple[Rule, ...] = (\n");
    for r in &c.rules {
        s.push_str("    Rule(\n");
        let i = "        ";
        arg(&mut s, i, "id", &py_str(r.id));
        arg(
            &mut s,
            i,
            "reason",
            &format!("Reason.{}", python_id_member(r.reason)),
        );
        arg(&mut s, i, "any", &strs(r.any));
        arg(&mut s, i, "all", &strs(r.all));
        arg(&mut s, i, "none", &strs(r.none));
        arg(&mut s, i, "classes", &ints(r.classes));
        arg(&mut s, i, "codes", &ints(r.codes));
        arg(
            &mut s,
            i,
            "enhanced",
            &tuple(r.enhanced.iter().map(|e| x_code(e))),
        );
        arg(&mut s, i, "weak", if r.weak { "True" } else { "False" });
        s.push_str("    ),\n");
    }
    s.push_str(")\n");
    let mut out = String::new();
    header(
        &mut out,
        "The classifier's data, from `data/classifier.yaml`: reasons, defaults and text rules.",
    );
    out.push_str(datetime_import(&s));
    out.push_str(
        "from .._reason import Bounce, ReasonBase, ReasonInfo, Side\n\
         from .._retry import PolicySource, RetryPolicy\n\
         from .._rule import Rule\n\
         from .._vendor_types import VendorRetry\n\n\n",
    );
    out + &s
}

/// The `timedelta` import, when a table's body writes a duration.
fn datetime_import(body: &str) -> &'static str {
    if body.contains("timedelta(") {
        "from datetime import timedelta\n\n"
    } else {
        ""
    }
}

fn vendors(json: &Root<'_>) -> String {
    let mut s = String::new();
    s.push_str("VENDORS: dict[str, Vendor] = {\n");
    for v in &json.vendor_sources {
        let _ = writeln!(
            s,
            "    {}: Vendor(\n        {},\n        {},\n        VendorKind.{},\n        {},\n        hosts={},\n        markers={},\n    ),",
            py_str(v.vendor),
            py_str(v.vendor),
            py_str(v.name),
            v.kind.to_ascii_uppercase(),
            py_str(v.description),
            strs(v.hosts),
            strs(v.markers),
        );
    }
    s.push_str("}\n\n");
    s.push_str("VENDOR_ENTRIES: tuple[VendorEntry, ...] = (\n");
    for e in &json.vendors {
        s.push_str("    VendorEntry(\n");
        let i = "        ";
        arg(
            &mut s,
            i,
            "vendor",
            &format!("VENDORS[{}]", py_str(e.vendor)),
        );
        arg(
            &mut s,
            i,
            "basic",
            &e.basic
                .map_or_else(|| "None".to_string(), |b| b.to_string()),
        );
        arg(&mut s, i, "enhanced", &enhanced_code(e.enhanced.as_deref()));
        arg(
            &mut s,
            i,
            "enhanced_to",
            &enhanced_code(e.enhanced_to.as_deref()),
        );
        arg(&mut s, i, "token", &opt_str(e.token));
        arg(&mut s, i, "pattern", &opt_str(e.pattern));
        arg(&mut s, i, "refines", &py_str(&e.refines));
        arg(&mut s, i, "meaning", &py_str(e.meaning));
        arg(&mut s, i, "cause", &py_str(e.cause));
        arg(&mut s, i, "sender_action", &py_str(e.sender_action));
        arg(&mut s, i, "admin_action", &py_str(e.admin_action));
        arg(
            &mut s,
            i,
            "retry",
            &format!("VendorRetry.{}", e.retry.to_ascii_uppercase()),
        );
        arg(
            &mut s,
            i,
            "retry_policy",
            &opt_retry_policy(e.retry_policy.as_ref(), "VENDOR", i),
        );
        arg(
            &mut s,
            i,
            "reason",
            &e.reason.map_or_else(
                || "None".to_string(),
                |r| format!("Reason.{}", python_id_member(r)),
            ),
        );
        arg(&mut s, i, "source_title", &py_str(e.source_title));
        arg(&mut s, i, "source_url", &py_str(e.source));
        arg(&mut s, i, "read", &py_str(e.read));
        s.push_str("    ),\n");
    }
    s.push_str(")\n");
    let mut out = String::new();
    header(
        &mut out,
        "What providers and mail servers mean by their codes, from `data/vendors/`.",
    );
    out.push_str(datetime_import(&s));
    out.push_str("from .._codes import EnhancedCode\n");
    if s.contains("RetryPolicy(") {
        out.push_str("from .._retry import PolicySource, RetryPolicy\n");
    }
    out.push_str(
        "from .._vendor_types import Vendor, VendorEntry, VendorKind, VendorRetry\n\
         from .classifier import Reason\n\n",
    );
    out + &s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_for_python() {
        assert_eq!(py_str("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(py_str("x\ny\t\u{1}"), "\"x\\ny\\t\\x01\"");
        assert_eq!(py_str("bloqu\u{e9}e"), "\"bloqu\u{e9}e\"");
        assert_eq!(py_str("\u{2028}"), "\"\\u2028\"");
    }

    #[test]
    fn class_independent_codes() {
        assert_eq!(x_code("X.1.1"), "(1, 1)");
        assert_eq!(x_code("X.7"), "7");
    }
}
