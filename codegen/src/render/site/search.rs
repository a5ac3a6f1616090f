//! The search box of every page: three scripts in `site/`.
//!
//! * `search.js` (from `templates/site/search.js`) is the only one a page loads: a few lines
//!   that, once the search is used (the box gets focus or input, or the address has `?q=`),
//!   add the other two.
//! * `search-data.js` sets the global `SMTP_CODES_DATA`: a projection of the TypeScript
//!   package's tables (only the fields the engine and the verdict read), the words the site
//!   uses for sides, bounce types and retry advice, each vendor entry's anchor on its page,
//!   and the pages the search can find (reply codes, enhanced codes, commands, vendors) with
//!   the text to match words against (meanings, troubleshooting summaries and causes). Its
//!   shape is `generated/typescript/browser/data.ts`; keep the two in step.
//! * `search-engine.js` is `generated/typescript/browser/engine.js` as committed: the package's
//!   hand-written parser and classifier and the search's own code, bundled by
//!   `npm run build:browser` with no data in it. The generator reads it as an input, as it
//!   reads templates, so a data change needs only `cargo codegen`; a test in the package fails
//!   when the committed bundle is older than its sources.
//!
//! Everything is plain classic scripts with relative addresses, so the search works from
//! `file://` and from any static host.

use serde::Serialize;

use super::answer::{answer, Asked};
use super::paths;
use super::views::{enhanced_heading_text, name_words};
use crate::model::{Registry, Vocabulary, BOUNCES, SIDES, VENDOR_RETRY};
use crate::outputs::{Outputs, MARKER};
use crate::render::typescript::{policy_row, retry_defaults, RetryDefaultsRow, RetryPolicyRow};
use crate::views::document::Root;
use crate::views::markdown;
use crate::views::text::one_line;

/// The browser bundle, as `npm run build:browser` wrote it in the TypeScript package.
const ENGINE: &str = include_str!("../../../../generated/typescript/browser/engine.js");

/// The three scripts, relative to the site root.
pub const LOADER: &str = "search.js";
pub const DATA: &str = "search-data.js";
pub const ENGINE_SCRIPT: &str = "search-engine.js";

#[derive(Serialize)]
#[allow(non_snake_case)]
struct Data<'a> {
    registry: RegistryData<'a>,
    classifier: ClassifierData<'a>,
    vendors: VendorData<'a>,
    site: SiteData,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct RegistryData<'a> {
    PACKAGE_VERSION: &'a str,
    REGISTRY_VERSION: &'a str,
    IANA_UPDATED: &'a str,
    SITE_URL: Option<&'a str>,
    CLASSES: Vec<TitleRow<'a>>,
    SUBJECTS: Vec<TitleRow<'a>>,
    COMMANDS: Vec<&'a str>,
    REPLIES: Vec<ReplyRow<'a>>,
    ENHANCED: Vec<EnhancedRow<'a>>,
}

#[derive(Serialize)]
struct TitleRow<'a> {
    number: u16,
    title: &'a str,
}

#[derive(Serialize)]
struct ReplyRow<'a> {
    code: u16,
    text: &'a str,
    status: &'a str,
}

#[derive(Serialize)]
struct EnhancedRow<'a> {
    subject: u16,
    detail: u16,
    sample_text: &'a str,
    basic_codes: &'a [u16],
    basic_codes_classes: &'a [u8],
    basic_codes_any: bool,
    usable_as: &'a [&'static str],
    status: &'a str,
    replaced_by: Option<&'a str>,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct ClassifierData<'a> {
    RETRY_DEFAULTS: RetryDefaultsRow<'a>,
    REASONS: Vec<ReasonRow<'a>>,
    ENHANCED_DEFAULTS: &'a [crate::views::document::CodeReasonJson<'a>],
    GENERIC_ENHANCED: &'a [String],
    SUBJECT_DEFAULTS: &'a [crate::views::document::CodeReasonJson<'a>],
    BASIC_DEFAULTS: &'a [crate::views::document::CodeReasonJson<'a>],
    RULES: &'a [crate::views::document::RuleJson<'a>],
}

#[derive(Serialize)]
struct ReasonRow<'a> {
    id: &'a str,
    title: &'a str,
    side: &'a str,
    bounce: &'a str,
    advice: &'a str,
    retry_policy: Option<RetryPolicyRow<'a>>,
}

#[derive(Serialize)]
#[allow(non_snake_case)]
struct VendorData<'a> {
    VENDORS: Vec<VendorRow<'a>>,
    VENDOR_ENTRIES: Vec<VendorEntryRow<'a>>,
}

#[derive(Serialize)]
struct VendorRow<'a> {
    slug: &'a str,
    name: &'a str,
    kind: &'a str,
    hosts: &'a [String],
    markers: &'a [String],
}

#[derive(Serialize)]
struct VendorEntryRow<'a> {
    vendor: usize,
    basic: Option<u16>,
    enhanced: Option<&'a str>,
    enhanced_to: Option<&'a str>,
    token: Option<&'a str>,
    pattern: Option<&'a str>,
    refines: &'a str,
    meaning: &'a str,
    sender_action: &'a str,
    retry: &'a str,
    reason: Option<&'a str>,
    retry_policy: Option<RetryPolicyRow<'a>>,
}

#[derive(Serialize)]
struct SiteData {
    words: Words,
    vendor_pages: Vec<String>,
    anchors: Vec<String>,
    docs: Vec<Doc>,
}

/// The words the site's pages use, by identifier.
#[derive(Serialize)]
struct Words {
    side: std::collections::BTreeMap<&'static str, &'static str>,
    bounce: std::collections::BTreeMap<&'static str, &'static str>,
    retry: std::collections::BTreeMap<&'static str, &'static str>,
    vendor_retry: std::collections::BTreeMap<&'static str, &'static str>,
}

/// A page the search can find (`SearchDoc` in `browser/data.ts`).
#[derive(Serialize)]
struct Doc {
    kind: &'static str,
    href: String,
    label: String,
    title: String,
    code: Option<u32>,
    related: Vec<u32>,
    text: String,
}

/// `X.1.1` as the engine keys it: `subject * 1000 + detail`.
fn enhanced_key(code: &str) -> Option<u32> {
    let mut parts = code.split('.').skip(1).map(|p| p.parse::<u32>().ok());
    Some(parts.next()?? * 1000 + parts.next()??)
}

fn words() -> Words {
    let vocabulary = |v: &Vocabulary, empty: &'static str| {
        v.terms
            .iter()
            .map(|t| (t.id, if t.words.is_empty() { empty } else { t.words }))
            .collect()
    };
    // Retry advice follows the reply's first digit, as on the code pages.
    let retry = [
        ("done", 250),
        ("continue", 354),
        ("retry_later", 451),
        ("do_not_retry", 550),
    ]
    .into_iter()
    .map(|(id, code)| (id, answer(Asked::Reply(code)).retry))
    .collect();
    Words {
        side: vocabulary(&SIDES, "Nobody's: nothing went wrong."),
        bounce: vocabulary(&BOUNCES, ""),
        retry,
        vendor_retry: vocabulary(&VENDOR_RETRY, ""),
    }
}

/// Lower-case text to match words against.
fn search_text(parts: &[&str]) -> String {
    one_line(&parts.join(" ")).to_lowercase()
}

/// The troubleshooting text of a code (`550`, `X.1.1`): summary and causes.
fn trouble_text(json: &Root<'_>, code: &str) -> String {
    json.troubleshooting
        .iter()
        .find(|t| t.code == code)
        .map(|t| {
            let mut parts = vec![t.summary];
            parts.extend(t.causes.iter().map(String::as_str));
            markdown::to_plain(&parts.join(" "))
        })
        .unwrap_or_default()
}

fn docs(reg: &Registry, json: &Root<'_>) -> Vec<Doc> {
    let mut out = Vec::new();
    for b in &json.basic {
        let mut parts: Vec<String> = vec![name_words(b.name)];
        parts.extend(b.meanings.iter().map(|m| m.text.to_string()));
        parts.push(markdown::to_plain(&markdown::first_sentence(b.description)));
        parts.push(trouble_text(json, &b.code.to_string()));
        out.push(Doc {
            kind: "basic",
            href: format!("{}.html", paths::basic(b.code)),
            label: b.code.to_string(),
            title: b.text.to_string(),
            code: Some(u32::from(b.code)),
            related: b
                .associated_enhanced
                .iter()
                .filter_map(|c| enhanced_key(c))
                .collect(),
            text: search_text(&parts.iter().map(String::as_str).collect::<Vec<_>>()),
        });
    }
    for (e, j) in reg.enhanced.iter().zip(&json.enhanced) {
        let parts = [
            name_words(j.name),
            markdown::to_plain(&markdown::first_sentence(j.description)),
            trouble_text(json, &e.code.to_string()),
        ];
        out.push(Doc {
            kind: "enhanced",
            href: format!("{}.html", paths::enhanced(e.code)),
            label: e.code.to_string(),
            title: enhanced_heading_text(e),
            code: Some(u32::from(j.subject) * 1000 + u32::from(j.detail)),
            related: j.basic_codes.iter().map(|c| u32::from(*c)).collect(),
            text: search_text(&parts.iter().map(String::as_str).collect::<Vec<_>>()),
        });
    }
    for c in &json.commands {
        out.push(Doc {
            kind: "command",
            href: format!("{}.html", paths::command(c.name)),
            label: c.name.to_string(),
            title: c.title.to_string(),
            code: None,
            related: Vec::new(),
            text: search_text(&[&markdown::to_plain(&markdown::first_sentence(
                c.description,
            ))]),
        });
    }
    for v in &json.vendor_sources {
        out.push(Doc {
            kind: "vendor_page",
            href: format!("{}.html", paths::vendor(v.vendor)),
            label: v.name.to_string(),
            title: String::new(),
            code: None,
            related: Vec::new(),
            text: search_text(&[v.vendor]),
        });
    }
    out
}

/// The data script's text.
fn data_script(reg: &Registry, json: &Root<'_>) -> String {
    let c = &json.classifier;
    let vendors: Vec<VendorRow> = json
        .vendor_sources
        .iter()
        .map(|v| VendorRow {
            slug: v.vendor,
            name: v.name,
            kind: v.kind,
            hosts: v.hosts,
            markers: v.markers,
        })
        .collect();
    let data = Data {
        registry: RegistryData {
            PACKAGE_VERSION: reg.package_version(),
            REGISTRY_VERSION: json.registry_version,
            IANA_UPDATED: json.iana_updated,
            SITE_URL: reg.meta.site_url.as_deref(),
            CLASSES: json
                .classes
                .iter()
                .map(|c| TitleRow {
                    number: u16::from(c.class),
                    title: c.title,
                })
                .collect(),
            SUBJECTS: json
                .subjects
                .iter()
                .map(|s| TitleRow {
                    number: s.subject,
                    title: s.title,
                })
                .collect(),
            COMMANDS: json.commands.iter().map(|c| c.name).collect(),
            REPLIES: json
                .basic
                .iter()
                .map(|b| ReplyRow {
                    code: b.code,
                    text: b.text,
                    status: b.status,
                })
                .collect(),
            ENHANCED: json
                .enhanced
                .iter()
                .map(|e| EnhancedRow {
                    subject: e.subject,
                    detail: e.detail,
                    sample_text: e.sample_text,
                    basic_codes: e.basic_codes,
                    basic_codes_classes: e.basic_codes_classes,
                    basic_codes_any: e.basic_codes_any,
                    usable_as: &e.usable_as,
                    status: e.status,
                    replaced_by: e.replaced_by.as_deref(),
                })
                .collect(),
        },
        classifier: ClassifierData {
            RETRY_DEFAULTS: retry_defaults(c),
            REASONS: c
                .reasons
                .iter()
                .map(|r| ReasonRow {
                    id: r.id,
                    title: r.title,
                    side: r.side,
                    bounce: r.bounce,
                    advice: r.advice,
                    retry_policy: r.retry_policy.as_ref().map(policy_row),
                })
                .collect(),
            ENHANCED_DEFAULTS: &c.enhanced_defaults,
            GENERIC_ENHANCED: &c.generic_enhanced,
            SUBJECT_DEFAULTS: &c.subject_defaults,
            BASIC_DEFAULTS: &c.basic_defaults,
            RULES: &c.rules,
        },
        vendors: VendorData {
            VENDOR_ENTRIES: json
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
                    sender_action: e.sender_action,
                    retry: e.retry,
                    reason: e.reason,
                    retry_policy: e.retry_policy.as_ref().map(policy_row),
                })
                .collect(),
            VENDORS: vendors,
        },
        site: SiteData {
            words: words(),
            vendor_pages: reg
                .vendors
                .iter()
                .map(|v| format!("{}.html", paths::vendor(&v.vendor)))
                .collect(),
            // In the order of the JSON's entries: vendor by vendor, each file's entries in order.
            anchors: reg.vendors.iter().flat_map(|v| v.anchors()).collect(),
            docs: docs(reg, json),
        },
    };
    let body = serde_json::to_string(&data).expect("serializing plain data cannot fail");
    format!(
        "// {MARKER}\n// The data of the site's search (see search.js): read by search-engine.js.\n\
         var SMTP_CODES_DATA = {body};\n"
    )
}

/// Writes the search's data and engine scripts (the loader is rendered with the other
/// assets, from its template).
pub(super) fn render(reg: &Registry, json: &Root<'_>, out: &mut Outputs) {
    out.add(
        format!("{}/{DATA}", super::SITE_DIR),
        data_script(reg, json),
    );
    out.add(
        format!("{}/{ENGINE_SCRIPT}", super::SITE_DIR),
        format!("// {MARKER}\n{ENGINE}"),
    );
}
