//! The generated crate and the generated JSON describe the same registry: one walk over
//! both, field by field, for every code.

use serde_json::Value;
use smtp_codes::*;

fn json() -> Value {
    let path = codegen::project_root().join("generated/json/smtp-codes.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn reference_matches(r: &Reference, j: &Value) {
    let doc = match r.document {
        Document::Rfc(n) => format!("RFC {n}"),
        Document::Draft(d) => d.to_string(),
    };
    assert_eq!(j["document"], doc.as_str());
    assert_eq!(j["section"].as_str(), r.section);
    assert_eq!(j["url"], r.url);
}

fn opt(j: &Value) -> Option<&str> {
    j.as_str()
}

#[test]
#[allow(deprecated)]
fn enhanced_codes_match() {
    let json = json();
    let entries = json["enhanced"].as_array().unwrap();
    assert_eq!(entries.len(), ENHANCED.len());
    for (info, j) in ENHANCED.iter().zip(entries) {
        let key = format!("X.{}.{}", info.subject, info.detail);
        assert_eq!(j["code"], key.as_str());
        assert_eq!(j["subject"], info.subject);
        assert_eq!(j["detail"], info.detail);
        assert_eq!(j["name"], info.name, "{key}");
        assert_eq!(j["sample_text"], info.sample_text, "{key}");
        assert_eq!(
            j["description"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            info.description,
            "{key}"
        );
        let codes: Vec<u16> = j["basic_codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as u16)
            .collect();
        assert_eq!(codes, info.basic_codes, "{key}");
        assert_eq!(j["basic_codes_text"], info.basic_codes_text, "{key}");
        let classes: Vec<u8> = j["basic_codes_classes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as u8)
            .collect();
        assert_eq!(
            classes,
            info.basic_code_classes
                .iter()
                .map(|c| c.digit())
                .collect::<Vec<_>>(),
            "{key}"
        );
        assert_eq!(j["basic_codes_any"], info.any_basic_code, "{key}");
        let usable: Vec<&str> = j["usable_as"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let ours: Vec<&str> = info
            .usable_as
            .iter()
            .map(|c| match c.digit() {
                2 => "success",
                4 => "transient",
                _ => "permanent",
            })
            .collect();
        assert_eq!(usable, ours, "{key}");
        assert_eq!(
            j["status"],
            if info.is_deprecated() {
                "deprecated"
            } else {
                "current"
            }
        );
        assert_eq!(
            opt(&j["replaced_by"]).map(str::to_string),
            info.replaced_by.map(|k| k.to_string())
        );
        let refs = j["references"].as_array().unwrap();
        assert_eq!(refs.len(), info.references.len(), "{key}");
        for (r, jr) in info.references.iter().zip(refs) {
            reference_matches(r, jr);
        }
        assert_eq!(
            opt(&j["notes"])
                .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
                .as_deref(),
            info.notes,
            "{key}"
        );
    }
}

#[test]
fn reply_codes_match() {
    let json = json();
    let entries = json["basic"].as_array().unwrap();
    let all: Vec<&ReplyInfo> = REPLIES.iter().chain(NONSTANDARD.iter()).collect();
    assert_eq!(entries.len(), all.len());
    for j in entries {
        let code = j["code"].as_u64().unwrap() as u16;
        let info = reply_info(code).unwrap_or_else(|| panic!("{code} missing from the crate"));
        assert_eq!(j["name"], info.name, "{code}");
        assert_eq!(j["text"], info.text, "{code}");
        assert_eq!(opt(&j["text_note"]), info.text_note, "{code}");
        let status = match info.status {
            ReplyStatus::Standard => "standard",
            ReplyStatus::Historic => "historic",
            ReplyStatus::NonStandard => "nonstandard",
        };
        assert_eq!(j["status"], status, "{code}");
        assert_eq!(
            j["kind"].is_null(),
            info.nonstandard_kind.is_none(),
            "{code}"
        );
        let commands: Vec<&str> = j["commands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            commands,
            info.commands.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            "{code}"
        );
        let meanings = j["meanings"].as_array().unwrap();
        assert_eq!(meanings.len(), info.meanings.len(), "{code}");
        for (m, jm) in info.meanings.iter().zip(meanings) {
            assert_eq!(jm["text"], m.text, "{code}");
            assert_eq!(jm["standard"], m.standard, "{code}");
            assert_eq!(opt(&jm["vendor"]), m.vendor, "{code}");
            match m.reference {
                Some(r) => {
                    assert_eq!(jm["section"].as_str(), r.section, "{code}");
                    assert_eq!(jm["url"], r.url, "{code}");
                }
                None => assert!(jm["document"].is_null(), "{code}"),
            }
            let sources: Vec<&str> = jm["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(sources, m.sources, "{code}");
            let mc: Vec<&str> = jm["commands"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(
                mc,
                m.commands.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                "{code}"
            );
        }
        let assoc: Vec<String> = j["associated_enhanced"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            assoc,
            info.associated_enhanced
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>(),
            "{code}"
        );
        assert_eq!(
            j["uses"].as_array().unwrap().len(),
            info.uses.len(),
            "{code}"
        );
        if let Some(c) = info.reply_code() {
            let severity = match c.severity() {
                Severity::PositiveCompletion => "positive_completion",
                Severity::PositiveIntermediate => "positive_intermediate",
                Severity::TransientNegative => "transient_negative",
                Severity::PermanentNegative => "permanent_negative",
            };
            assert_eq!(j["severity"], severity, "{code}");
        }
    }
}

#[test]
fn classes_subjects_and_commands_match() {
    let json = json();
    let classes = json["classes"].as_array().unwrap();
    assert_eq!(classes.len(), Class::ALL.len());
    for (c, j) in Class::ALL.iter().zip(classes) {
        assert_eq!(j["class"], c.digit());
        assert_eq!(j["title"], c.title());
    }
    let subjects = json["subjects"].as_array().unwrap();
    assert_eq!(subjects.len(), Subject::ALL.len());
    for (s, j) in Subject::ALL.iter().zip(subjects) {
        assert_eq!(j["subject"], s.number());
        assert_eq!(j["title"], s.title());
    }
    let commands = json["commands"].as_array().unwrap();
    assert_eq!(commands.len(), Command::ALL.len());
    for (c, j) in Command::ALL.iter().zip(commands) {
        assert_eq!(j["name"], c.as_str());
        let replies: Vec<u64> = j["replies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(
            replies,
            c.replies().iter().map(|k| *k as u64).collect::<Vec<_>>()
        );
    }
    assert_eq!(json["registry_version"], REGISTRY_VERSION);
    assert_eq!(json["iana_updated"], IANA_UPDATED);
}

#[test]
fn troubleshooting_matches() {
    let json = json();
    let entries = json["troubleshooting"].as_array().unwrap();
    assert_eq!(entries.len(), TROUBLESHOOTING.len());
    for (t, j) in TROUBLESHOOTING.iter().zip(entries) {
        assert_eq!(j["code"], t.code);
        let fold = |v: &Value| {
            v.as_str()
                .unwrap()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(fold(&j["summary"]), t.summary);
        assert_eq!(j["causes"].as_array().unwrap().len(), t.causes.len());
        assert_eq!(
            j["sender_fixes"].as_array().unwrap().len(),
            t.sender_fixes.len()
        );
        assert_eq!(
            j["admin_fixes"].as_array().unwrap().len(),
            t.admin_fixes.len()
        );
        // Reachable from the code's own entry.
        let from_info = match t.code.strip_prefix("X.") {
            Some(rest) => {
                let (s, d) = rest.split_once('.').unwrap();
                KnownEnhancedCode::from_parts(s.parse().unwrap(), d.parse().unwrap())
                    .unwrap()
                    .info()
                    .troubleshooting
            }
            None => reply_info(t.code.parse().unwrap()).unwrap().troubleshooting,
        };
        assert_eq!(from_info, Some(t));
    }
}

#[test]
fn vendor_entries_match() {
    let json = json();
    let entries = json["vendors"].as_array().unwrap();
    let ours = smtp_codes::vendor::entries();
    assert_eq!(entries.len(), ours.len());
    assert!(ours.len() >= 60);
    let fold = |v: &Value| {
        v.as_str()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (e, j) in ours.iter().zip(entries) {
        assert_eq!(j["vendor"], e.vendor.slug);
        assert_eq!(j["basic"].as_u64().map(|b| b as u16), e.basic);
        assert_eq!(
            j["enhanced"].as_str().map(str::to_string),
            e.enhanced.map(|c| c.to_string())
        );
        assert_eq!(j["pattern"].as_str(), e.pattern);
        assert_eq!(j["token"].as_str(), e.token);
        assert_eq!(fold(&j["meaning"]), e.meaning);
        assert_eq!(j["source"], e.source_url);
        assert_eq!(j["read"], e.read);
        assert_eq!(j["retry"], e.retry.as_str());
        assert_eq!(j["reason"].as_str(), e.reason.map(|r| r.id()));
        let refines = match e.refines {
            smtp_codes::vendor::Refines::Enhanced(k) => k.to_string(),
            smtp_codes::vendor::Refines::Reply(k) => k.to_string(),
        };
        assert_eq!(j["refines"], refines.as_str());
    }
}

#[test]
fn reason_crosswalks_match() {
    let json = json();
    let reasons = json["classifier"]["reasons"].as_array().unwrap();
    assert_eq!(reasons.len(), Reason::ALL.len());
    let schemes = json["classifier"]["crosswalks"].as_array().unwrap();
    assert!(!schemes.is_empty());
    for (reason, j) in Reason::ALL.iter().zip(reasons) {
        assert_eq!(j["id"], reason.id());
        let Some(c) = reason.crosswalk() else {
            assert!(j["crosswalk"].is_null(), "{}", reason.id());
            continue;
        };
        let fields: Vec<(&str, &str)> = c.schemes().collect();
        assert_eq!(fields.len(), schemes.len());
        assert_eq!(j["crosswalk"].as_object().unwrap().len(), fields.len());
        assert_eq!((c.amazon_ses, c.sparkpost), (fields[0].1, fields[4].1));
        for (scheme, value) in fields {
            assert_eq!(j["crosswalk"][scheme], value, "{} {scheme}", reason.id());
            // Every category is one the scheme declares.
            let declared = schemes.iter().find(|s| s["scheme"] == scheme).unwrap();
            assert!(
                declared["values"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|v| v["value"] == value),
                "{scheme}: {value}"
            );
        }
    }
}
