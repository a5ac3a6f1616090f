//! The views of `tables/vendor.rs`: vendors and their entries.

use super::classify::{reason_variant, retry_policy_expr};
use super::*;

pub struct VendorV {
    pub slug: String,
    pub name: String,
    pub kind: &'static str,
    pub description: String,
    pub hosts: String,
    pub markers: String,
}

pub struct VendorEntryV {
    pub vendor: usize,
    pub basic: String,
    pub enhanced: String,
    pub enhanced_to: String,
    pub token: String,
    pub pattern: String,
    pub refines: String,
    pub meaning: String,
    pub cause: String,
    pub sender_action: String,
    pub admin_action: String,
    pub retry: String,
    pub retry_policy: String,
    pub reason: String,
    pub source_title: String,
    pub source_url: String,
    pub read: String,
}

/// The `VENDORS` entries.
pub fn vendors(reg: &Registry) -> Vec<VendorV> {
    reg.vendors
        .iter()
        .map(|v| VendorV {
            slug: rust_str(&v.vendor),
            name: rust_str(&v.name),
            kind: match v.kind {
                VendorKind::Provider => "VendorKind::Provider",
                VendorKind::Mta => "VendorKind::Mta",
            },
            description: rust_str(&one_line(&v.description)),
            hosts: str_slice(&v.hosts),
            markers: str_slice(&v.markers),
        })
        .collect()
}

/// The `VENDOR_ENTRIES`, grouped by vendor.
pub fn vendor_entries(reg: &Registry) -> Vec<VendorEntryV> {
    let mut vendor_entries = Vec::new();
    for (vi, v) in reg.vendors.iter().enumerate() {
        for e in &v.entries {
            let src = v.source(&e.source).expect("validated source id");
            vendor_entries.push(VendorEntryV {
                vendor: vi,
                basic: match e.basic {
                    Some(b) => format!("Some({b})"),
                    None => "None".into(),
                },
                enhanced: enhanced_expr(reg, e.enhanced),
                enhanced_to: enhanced_expr(reg, e.enhanced_to),
                token: opt_str(e.token.as_deref()),
                pattern: opt_str(e.pattern.as_deref()),
                refines: match e.refines {
                    CodeRef::Enhanced(k) => {
                        format!("Refines::Enhanced(crate::{})", enhanced_variant(reg, k))
                    }
                    CodeRef::Basic(b) => format!(
                        "Refines::Reply(crate::KnownReplyCode::{})",
                        reg.basic(b).map(|x| x.name.clone()).unwrap_or_default()
                    ),
                },
                meaning: rust_str(&one_line(&e.meaning)),
                cause: rust_str(&one_line(&e.cause)),
                sender_action: rust_str(&one_line(&e.sender_action)),
                admin_action: rust_str(&one_line(&e.admin_action)),
                retry: format!("VendorRetry::{}", e.retry.term().variant),
                retry_policy: match &e.retry_policy {
                    Some(p) => format!("Some({})", retry_policy_expr(p, "Vendor")),
                    None => "None".into(),
                },
                reason: match &e.reason {
                    Some(r) => format!("Some(crate::{})", reason_variant(r)),
                    None => "None".into(),
                },
                source_title: rust_str(&src.title),
                source_url: rust_str(&src.url),
                read: rust_str(&src.read.0),
            });
        }
    }
    vendor_entries
}

/// `Some(EnhancedCode::registered(..))` or `None`.
fn enhanced_expr(reg: &Registry, x: Option<FullEnhanced>) -> String {
    match x {
        Some(x) => format!(
            "Some(crate::EnhancedCode::registered(crate::Class::{}, {}, {}))",
            class_variant(reg, x.class),
            x.subject,
            x.detail
        ),
        None => "None".into(),
    }
}

/// `&["a", "b"]` on one line.
fn str_slice(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|x| rust_str(x)).collect();
    format!("&[{}]", items.join(", "))
}
