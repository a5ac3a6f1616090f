//! `generated/typescript/`: the data part of the npm package `smtp-codes`.
//!
//! The package's logic (types, the reply parser and writer, the classifier engine, the
//! `smtp-explain` command) is hand-written TypeScript in `generated/typescript/src/`; this
//! renderer writes only what depends on the data: the tables in `src/tables/` (every code with
//! its registry data, the command names, the classifier's taxonomy, defaults, rules and retry
//! policies, the vendors with their hosts and markers, the vendor entries with their ranges and
//! policies) and `package.json`, whose version is the generated crate's. Rows are plain JSON literals typed
//! by the hand-written `src/rows.ts`, so `tsc --strict` checks every table against the shape
//! the engine reads.

use serde::Serialize;

use crate::model::Registry;
use crate::names::{typescript_const, typescript_enhanced_const};
use crate::outputs::{Outputs, MARKER};
use crate::views::document::{ClassifierJson, Ref, RetryPolicyJson, Root};
use crate::views::text::duration_secs;
use crate::views::text::one_line;

/// The package's folder.
const DIR: &str = "generated/typescript";

/// The generated tables' folder; everything else in `src/` is hand-written.
pub const TABLES_DIR: &str = "generated/typescript/src/tables/";

/// The package's manifest, generated for its version.
pub const MANIFEST: &str = "generated/typescript/package.json";

/// The first line of every generated TypeScript file.
fn header(doc: &str) -> String {
    format!("// {MARKER}\n\n/** {doc} */\n\n")
}

/// A table as a typed `export const`, one row per line (so that a data change is a one-line
/// diff).
fn table<T: Serialize>(name: &str, ty: &str, doc: &str, rows: &[T]) -> String {
    let mut s = format!("/** {doc} */\nexport const {name}: {ty} = [\n");
    for row in rows {
        let json = serde_json::to_string(row).expect("serializing plain data cannot fail");
        s.push_str(&format!("  {json},\n"));
    }
    s.push_str("];\n");
    s
}

/// A string or `null`, as a TypeScript literal.
fn opt_literal(s: Option<&str>) -> String {
    serde_json::to_string(&s).expect("serializing a string cannot fail")
}

#[derive(Serialize)]
struct RefRow<'a> {
    /// `RFC 5321, section 4.2.3`, as the Rust crate's `Reference` displays.
    text: String,
    url: &'a str,
}

fn ref_row(r: &Ref) -> RefRow<'_> {
    let mut text = r.document.clone();
    match r.section.as_deref() {
        Some(s) if s.starts_with("Appendix") => text.push_str(&format!(", {s}")),
        Some(s) => text.push_str(&format!(", section {s}")),
        None => {}
    }
    RefRow { text, url: &r.url }
}

#[derive(Serialize)]
struct MeaningRow<'a> {
    text: &'a str,
    reference: Option<String>,
    vendor: Option<&'a str>,
}

#[derive(Serialize)]
struct ReplyRow<'a> {
    code: u16,
    name: &'a str,
    text: &'a str,
    status: &'a str,
    description: String,
    meanings: Vec<MeaningRow<'a>>,
    associated_enhanced: &'a [String],
}

#[derive(Serialize)]
struct EnhancedRow<'a> {
    subject: u16,
    detail: u16,
    name: &'a str,
    sample_text: &'a str,
    description: String,
    basic_codes: &'a [u16],
    basic_codes_classes: &'a [u8],
    basic_codes_any: bool,
    usable_as: &'a [&'static str],
    status: &'a str,
    replaced_by: Option<&'a str>,
    references: Vec<RefRow<'a>>,
}

#[derive(Serialize)]
struct TroubleshootingRow<'a> {
    code: &'a str,
    summary: &'a str,
    causes: &'a [String],
    sender_fixes: &'a [String],
    admin_fixes: &'a [String],
}

#[derive(Serialize)]
struct TitleRow<'a> {
    number: u16,
    title: &'a str,
}

#[derive(Serialize)]
struct VendorRow<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'a str,
    description: &'a str,
    hosts: &'a [String],
    markers: &'a [String],
}

/// A retry policy as the engine reads it: durations in whole seconds, texts on one line (as
/// the Rust crate embeds them).
#[derive(Serialize)]
pub(crate) struct RetryPolicyRow<'a> {
    retry: &'a str,
    first_after_secs: Option<u64>,
    backoff: Option<String>,
    how: Option<String>,
    give_up_after_secs: Option<u64>,
    give_up_attempts: Option<u32>,
    suppress_address: bool,
}

pub(crate) fn policy_row<'a>(p: &RetryPolicyJson<'a>) -> RetryPolicyRow<'a> {
    RetryPolicyRow {
        retry: p.retry,
        first_after_secs: p.first_after.map(duration_secs),
        backoff: p.backoff.map(one_line),
        how: p.how.map(one_line),
        give_up_after_secs: p.give_up_after.map(duration_secs),
        give_up_attempts: p.give_up_attempts,
        suppress_address: p.suppress_address,
    }
}

/// The retry defaults as the engine reads them (RFC 5321's when the data gives none; see
/// `ClassifierJson::effective_retry_defaults`).
#[derive(Serialize)]
pub(crate) struct RetryDefaultsRow<'a> {
    transient: RetryPolicyRow<'a>,
    permanent: RetryPolicyRow<'a>,
}

pub(crate) fn retry_defaults<'a>(c: &ClassifierJson<'a>) -> RetryDefaultsRow<'a> {
    RetryDefaultsRow {
        transient: policy_row(&c.effective_retry_defaults.transient),
        permanent: policy_row(&c.effective_retry_defaults.permanent),
    }
}

#[derive(Serialize)]
struct VendorEntryRow<'a> {
    /// Index into `VENDORS`.
    vendor: usize,
    basic: Option<u16>,
    enhanced: Option<&'a str>,
    /// The last code of the range that starts at `enhanced`.
    enhanced_to: Option<&'a str>,
    token: Option<&'a str>,
    pattern: Option<&'a str>,
    refines: &'a str,
    meaning: &'a str,
    cause: &'a str,
    sender_action: &'a str,
    admin_action: &'a str,
    retry: &'a str,
    reason: Option<&'a str>,
    source_title: &'a str,
    source_url: &'a str,
    read: &'a str,
    retry_policy: Option<RetryPolicyRow<'a>>,
}

/// Renders the package's data files.
pub fn render(reg: &Registry, json: &Root<'_>, out: &mut Outputs) {
    let version = reg.package_version();
    out.add(MANIFEST, package_json(version));
    out.add(
        format!("{DIR}/src/tables/registry.ts"),
        registry_ts(reg, json, version),
    );
    out.add(
        format!("{DIR}/src/tables/classifier.ts"),
        classifier_ts(json),
    );
    out.add(format!("{DIR}/src/tables/vendors.ts"), vendors_ts(json));
}

fn package_json(version: &str) -> String {
    let doc = serde_json::json!({
        "//": MARKER,
        "name": "smtp-codes",
        "version": version,
        "description": "Every SMTP reply code and enhanced status code (RFC 5321, RFC 3463, IANA), with lookups, reply parsing and bounce classification; no dependencies",
        "license": "MIT OR Apache-2.0",
        "repository": { "type": "git", "url": "https://github.com/smtp-codes/smtp-codes" },
        "keywords": ["smtp", "email", "status-code", "bounce", "enhanced-status-code", "dsn"],
        "type": "module",
        "exports": {
            ".": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
            "./package.json": "./package.json"
        },
        "main": "./dist/index.js",
        "types": "./dist/index.d.ts",
        "bin": { "smtp-explain": "dist/bin/smtp-explain.js" },
        "files": ["dist/", "README.md"],
        "sideEffects": false,
        "engines": { "node": ">=18" },
        "scripts": {
            "build": "tsc -p .",
            "test": "tsc -p . && tsc -p browser && node --test test/",
            "bench": "tsc -p . && node bench/throughput.js",
            "build:browser": "node browser/build.mjs",
            "prepack": "tsc -p ."
        },
        "devDependencies": { "@types/node": "^20.19.43", "esbuild": "0.28.2", "typescript": "^5.9.3" }
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("serializing plain data cannot fail");
    s.push('\n');
    s
}

fn registry_ts(reg: &Registry, json: &Root<'_>, version: &str) -> String {
    let mut s = header(&format!(
        "The registry's codes, from `data/` (registry {}); the lookups are in `../codes.ts`.",
        json.registry_version
    ));
    s.push_str(
        "import type { EnhancedRow, ReplyRow, TitleRow, TroubleshootingRow } from \"../rows.js\";\n\n",
    );
    s.push_str(&format!(
        "/** The package's version, the same as the Rust crate's. */\nexport const PACKAGE_VERSION = {};\n",
        opt_literal(Some(version))
    ));
    s.push_str(&format!(
        "/** The registry edition. */\nexport const REGISTRY_VERSION = {};\n",
        opt_literal(Some(json.registry_version))
    ));
    s.push_str(&format!(
        "/** When the IANA registry was last updated, as this edition read it. */\nexport const IANA_UPDATED = {};\n",
        opt_literal(Some(json.iana_updated))
    ));
    s.push_str(&format!(
        "/** The reference site's address, when the registry sets one. */\nexport const SITE_URL: string | null = {};\n\n",
        opt_literal(reg.meta.site_url.as_deref())
    ));
    s.push_str("/** The SMTP commands the registry names (with the pseudo-commands `ANY` and `CONNECT`). */\nexport const COMMANDS = [\n");
    for c in &json.commands {
        s.push_str(&format!("  {},\n", opt_literal(Some(c.name))));
    }
    s.push_str("] as const;\n\n");
    let classes: Vec<TitleRow> = json
        .classes
        .iter()
        .map(|c| TitleRow {
            number: u16::from(c.class),
            title: c.title,
        })
        .collect();
    s.push_str(&table(
        "CLASSES",
        "readonly TitleRow[]",
        "The enhanced code classes (2, 4, 5).",
        &classes,
    ));
    let subjects: Vec<TitleRow> = json
        .subjects
        .iter()
        .map(|c| TitleRow {
            number: c.subject,
            title: c.title,
        })
        .collect();
    s.push_str(&table(
        "SUBJECTS",
        "readonly TitleRow[]",
        "The enhanced code subjects (X.0 to X.7).",
        &subjects,
    ));
    let replies: Vec<ReplyRow> = json
        .basic
        .iter()
        .map(|b| ReplyRow {
            code: b.code,
            name: b.name,
            text: b.text,
            status: b.status,
            description: one_line(b.description),
            meanings: b
                .meanings
                .iter()
                .map(|m| MeaningRow {
                    text: m.text,
                    reference: m.document.as_ref().map(|d| {
                        ref_row(&Ref {
                            document: d.clone(),
                            section: m.section.clone(),
                            url: m.url.clone().unwrap_or_default(),
                        })
                        .text
                    }),
                    vendor: m.vendor,
                })
                .collect(),
            associated_enhanced: &b.associated_enhanced,
        })
        .collect();
    s.push_str(&table(
        "REPLIES",
        "readonly ReplyRow[]",
        "Every reply code the registry knows (standard, historic, non-standard), by code.",
        &replies,
    ));
    let enhanced: Vec<EnhancedRow> = json
        .enhanced
        .iter()
        .map(|e| EnhancedRow {
            subject: e.subject,
            detail: e.detail,
            name: e.name,
            sample_text: e.sample_text,
            description: one_line(e.description),
            basic_codes: e.basic_codes,
            basic_codes_classes: e.basic_codes_classes,
            basic_codes_any: e.basic_codes_any,
            usable_as: &e.usable_as,
            status: e.status,
            replaced_by: e.replaced_by.as_deref(),
            references: e.references.iter().map(ref_row).collect(),
        })
        .collect();
    s.push_str(&table(
        "ENHANCED",
        "readonly EnhancedRow[]",
        "Every registered enhanced status code, by subject and detail.",
        &enhanced,
    ));
    let trouble: Vec<TroubleshootingRow> = json
        .troubleshooting
        .iter()
        .map(|t| TroubleshootingRow {
            code: &t.code,
            summary: t.summary,
            causes: t.causes,
            sender_fixes: t.sender_fixes,
            admin_fixes: t.admin_fixes,
        })
        .collect();
    s.push_str(&table(
        "TROUBLESHOOTING",
        "readonly TroubleshootingRow[]",
        "Troubleshooting notes, keyed by `550` or `X.1.1`.",
        &trouble,
    ));
    // Named constants, as the Rust crate names them.
    s.push_str("\n/** A named constant for every standard and historic reply code. */\nexport const REPLY_CODE_NAMES = {\n");
    for b in json.basic.iter().filter(|b| b.status != "nonstandard") {
        s.push_str(&format!("  {}: {},\n", typescript_const(b.name), b.code));
    }
    s.push_str("} as const;\n\n/** A named constant for every registered enhanced code, once per class it is used with. */\nexport const ENHANCED_CODE_NAMES = {\n");
    for e in &json.enhanced {
        for o in &e.usable_as {
            let class = match *o {
                "success" => 2,
                "transient" => 4,
                _ => 5,
            };
            s.push_str(&format!(
                "  {}: \"{class}.{}.{}\",\n",
                typescript_enhanced_const(o, e.name),
                e.subject,
                e.detail
            ));
        }
    }
    s.push_str("} as const;\n");
    s
}

fn classifier_ts(json: &Root<'_>) -> String {
    let c = &json.classifier;
    let mut s = header(
        "The classifier's data, from `data/classifier.yaml`: the retry defaults, the reasons with their retry policies, the default reason of each code, and the text rules. The engine is in `../classify.ts` and `../retry.ts`.",
    );
    s.push_str("import type { CodeReasonRow, ReasonRow, RetryDefaultsRow, RuleRow } from \"../rows.js\";\n\n");
    let defaults = retry_defaults(c);
    s.push_str(&format!(
        "/** What to do next time when neither a vendor entry nor the reason says (RFC 5321 section 4.5.4.1; no retry for a permanent reply). */\nexport const RETRY_DEFAULTS: RetryDefaultsRow = {};\n\n",
        serde_json::to_string(&defaults).expect("serializing plain data cannot fail")
    ));
    #[derive(serde::Serialize)]
    struct Reason<'a> {
        id: &'a str,
        title: &'a str,
        side: &'a str,
        bounce: &'a str,
        sisimai: Option<&'a str>,
        advice: &'a str,
        retry_policy: Option<RetryPolicyRow<'a>>,
    }
    let reasons: Vec<Reason<'_>> = c
        .reasons
        .iter()
        .map(|r| Reason {
            id: r.id,
            title: r.title,
            side: r.side,
            bounce: r.bounce,
            sisimai: r.sisimai,
            advice: r.advice,
            retry_policy: r.retry_policy.as_ref().map(policy_row),
        })
        .collect();
    s.push_str(&table(
        "REASONS",
        "readonly ReasonRow[]",
        "Every reason, in taxonomy order.",
        &reasons,
    ));
    s.push_str(&table(
        "ENHANCED_DEFAULTS",
        "readonly CodeReasonRow[]",
        "The default reason of each registered enhanced code (`X.1.1`).",
        &c.enhanced_defaults,
    ));
    s.push_str(&table(
        "GENERIC_ENHANCED",
        "readonly string[]",
        "Enhanced codes that say little by themselves; weak rules may outrank them.",
        &c.generic_enhanced,
    ));
    s.push_str(&table(
        "SUBJECT_DEFAULTS",
        "readonly CodeReasonRow[]",
        "The default reason of an unregistered code's subject (`X.7`).",
        &c.subject_defaults,
    ));
    s.push_str(&table(
        "BASIC_DEFAULTS",
        "readonly CodeReasonRow[]",
        "The default reason of each reply code.",
        &c.basic_defaults,
    ));
    s.push_str(&table(
        "RULES",
        "readonly RuleRow[]",
        "The built-in text rules, tried in this order.",
        &c.rules,
    ));
    s
}

fn vendors_ts(json: &Root<'_>) -> String {
    let mut s = header(
        "What providers and mail servers mean by their codes, from `data/vendors/`: the vendors with their hosts and markers, the entries with their code ranges and retry policies. The lookups are in `../vendor.ts`.",
    );
    s.push_str("import type { VendorEntryRow, VendorRow } from \"../rows.js\";\n\n");
    let vendors: Vec<VendorRow> = json
        .vendor_sources
        .iter()
        .map(|v| VendorRow {
            slug: v.vendor,
            name: v.name,
            kind: v.kind,
            description: v.description,
            hosts: v.hosts,
            markers: v.markers,
        })
        .collect();
    s.push_str(&table(
        "VENDORS",
        "readonly VendorRow[]",
        "Every vendor, by slug.",
        &vendors,
    ));
    let entries: Vec<VendorEntryRow> = json
        .vendors
        .iter()
        .map(|e| VendorEntryRow {
            vendor: vendors
                .iter()
                .position(|v| v.slug == e.vendor)
                .expect("every entry's vendor is listed"),
            basic: e.basic,
            enhanced: e.enhanced.as_deref(),
            enhanced_to: e.enhanced_to.as_deref(),
            token: e.token,
            pattern: e.pattern,
            refines: &e.refines,
            meaning: e.meaning,
            cause: e.cause,
            sender_action: e.sender_action,
            admin_action: e.admin_action,
            retry: e.retry,
            reason: e.reason,
            source_title: e.source_title,
            source_url: e.source,
            read: e.read,
            retry_policy: e.retry_policy.as_ref().map(policy_row),
        })
        .collect();
    s.push_str(&table(
        "VENDOR_ENTRIES",
        "readonly VendorEntryRow[]",
        "Every vendor entry, grouped by vendor, in the order the classifier tries them.",
        &entries,
    ));
    s
}
