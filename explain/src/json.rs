//! The explanation as a JSON object, the form `--json` pretty-prints and `--jsonl` writes one
//! per line. Every object has every key of [`KEYS`]; those that do not apply are `null`. The
//! `--jsonl` bytes are a contract the ports reproduce (README, section "smtp-explain").

use serde_json::{json, Map, Value};
use smtp_codes::classify::{Classification, Context};
use smtp_codes::vendor::VendorEntry;
use smtp_codes::{EnhancedCode, Reply, ReplyCode, ReplyStatus, Troubleshooting};

use crate::facts;

/// Every key of an explanation object (serde_json writes them sorted).
pub const KEYS: [&str; 22] = [
    "input",
    "error",
    "error_kind",
    "basic",
    "enhanced",
    "enhanced_state",
    "enhanced_in_text",
    "class",
    "retry",
    "bounce",
    "reason",
    "reason_title",
    "side",
    "advice",
    "decided_by",
    "retry_policy",
    "text",
    "basic_info",
    "enhanced_info",
    "vendor",
    "troubleshooting",
    "violations",
];

/// An object with every key of [`KEYS`] set to `null`, then `input`, `error` and
/// `error_kind` set.
pub fn error_object(input: Option<&str>, error: String, kind: &str) -> Value {
    let mut o: Map<String, Value> = KEYS.iter().map(|k| (k.to_string(), Value::Null)).collect();
    o.insert("input".into(), input.map(str::to_string).into());
    o.insert("error".into(), error.into());
    o.insert("error_kind".into(), kind.into());
    Value::Object(o)
}

/// Explains one reply; a reply that does not parse gives `error` and `error_kind` (the
/// parser's error kind) and `null` elsewhere.
pub fn explain(input: &str, site: &str, context: &Context<'_>) -> Value {
    let read = match facts::read(input, context) {
        Ok(r) => r,
        Err(e) => return error_object(Some(input), e.to_string(), e.kind().name()),
    };
    let (reply, c) = (&read.reply, &read.class);
    let mut o = Map::new();
    o.insert("input".into(), input.into());
    o.insert("error".into(), Value::Null);
    o.insert("error_kind".into(), Value::Null);
    codes(&mut o, reply);
    verdict(&mut o, c);
    o.insert("basic_info".into(), basic_info(reply.code(), site));
    o.insert(
        "enhanced_info".into(),
        c.enhanced.map_or(Value::Null, |e| enhanced_info(e, site)),
    );
    o.insert("vendor".into(), c.vendor.map_or(Value::Null, vendor));
    o.insert(
        "troubleshooting".into(),
        facts::troubleshooting(&read).map_or(Value::Null, troubleshooting),
    );
    o.insert("violations".into(), violations(reply));
    Value::Object(o)
}

/// What the reply says: its codes and the text of its lines.
fn codes(o: &mut Map<String, Value>, reply: &Reply<'_>) {
    o.insert("basic".into(), reply.code().as_u16().into());
    o.insert(
        "enhanced".into(),
        reply.enhanced_code().map(|e| e.to_string()).into(),
    );
    o.insert("enhanced_state".into(), reply.enhanced().name().into());
    o.insert(
        "enhanced_in_text".into(),
        reply.enhanced_in_text().map(|e| e.to_string()).into(),
    );
    o.insert(
        "text".into(),
        reply
            .lines()
            .map(|l| Value::from(String::from_utf8_lossy(l.text()).into_owned()))
            .collect::<Vec<_>>()
            .into(),
    );
}

/// What the classifier made of it.
fn verdict(o: &mut Map<String, Value>, c: &Classification<'_>) {
    o.insert("class".into(), c.outcome.as_str().into());
    o.insert("retry".into(), c.retry.as_str().into());
    o.insert("bounce".into(), c.bounce.as_str().into());
    o.insert("reason".into(), c.reason.id().into());
    o.insert("reason_title".into(), c.reason.title().into());
    o.insert("side".into(), c.side.as_str().into());
    o.insert("advice".into(), c.reason.advice().into());
    o.insert("decided_by".into(), c.decided_by.to_string().into());
    o.insert(
        "retry_policy".into(),
        c.retry_policy
            .as_ref()
            .map_or(Value::Null, smtp_bounce::json::retry_policy),
    );
}

fn basic_info(code: ReplyCode, site: &str) -> Value {
    let Some(i) = code.info() else {
        return Value::Null;
    };
    json!({
        "text": i.text,
        "status": match i.status {
            ReplyStatus::Standard => "standard",
            ReplyStatus::Historic => "historic",
            ReplyStatus::NonStandard => "nonstandard",
        },
        "description": i.description,
        "page": facts::basic_page(site, code),
    })
}

fn enhanced_info(e: EnhancedCode, site: &str) -> Value {
    let Some(i) = e.info() else {
        return Value::Null;
    };
    json!({
        "code": format!("X.{}.{}", i.subject, i.detail),
        "sample_text": i.sample_text,
        "description": i.description,
        "status": if i.is_deprecated() { "deprecated" } else { "current" },
        "replaced_by": i.replaced_by.map(|r| r.to_string()),
        "page": facts::enhanced_page(site, e),
    })
}

fn vendor(v: &VendorEntry) -> Value {
    json!({
        "vendor": v.vendor.slug,
        "name": v.vendor.name,
        "meaning": v.meaning,
        "cause": v.cause,
        "sender_action": v.sender_action,
        "admin_action": v.admin_action,
        "retry": v.retry.as_str(),
        "source": v.source_url,
        "read": v.read,
    })
}

fn troubleshooting(t: &Troubleshooting) -> Value {
    json!({
        "code": t.code,
        "summary": t.summary,
        "causes": t.causes,
        "sender_fixes": t.sender_fixes,
        "admin_fixes": t.admin_fixes,
    })
}

fn violations(reply: &Reply<'_>) -> Value {
    reply
        .violations()
        .map(|v| json!({"kind": v.kind().name(), "line": v.line(), "message": v.to_string()}))
        .collect::<Vec<_>>()
        .into()
}
