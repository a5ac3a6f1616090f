// {{ v.marker }}

//! What providers and mail servers mean by their codes, from `data/vendors/`. The lookups are
//! in [`crate::vendor`].

#![allow(deprecated)]

use crate::tables::vocabulary::VendorRetry;
use crate::vendor::entry::{Refines, Vendor, VendorEntry, VendorKind};

/// Every vendor, by slug.
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static VENDORS: &[Vendor] = &[
{%- for x in v.vendors %}
    Vendor {
        slug: {{ x.slug }},
        name: {{ x.name }},
        kind: {{ x.kind }},
        description: {{ x.description }},
        hosts: {{ x.hosts }},
        markers: {{ x.markers }},
    },
{%- endfor %}
];

/// Every vendor entry, grouped by vendor.
#[rustfmt::skip] // a data table, laid out by the generator one field per line
pub static VENDOR_ENTRIES: &[VendorEntry] = &[
{%- for e in v.vendor_entries %}
    VendorEntry {
        vendor: &VENDORS[{{ e.vendor }}],
        basic: {{ e.basic }},
        enhanced: {{ e.enhanced }},
        enhanced_to: {{ e.enhanced_to }},
        token: {{ e.token }},
        pattern: {{ e.pattern }},
        refines: {{ e.refines }},
        meaning: {{ e.meaning }},
        cause: {{ e.cause }},
        sender_action: {{ e.sender_action }},
        admin_action: {{ e.admin_action }},
        retry: {{ e.retry }},
        retry_policy: {{ e.retry_policy }},
        reason: {{ e.reason }},
        source_title: {{ e.source_title }},
        source_url: {{ e.source_url }},
        read: {{ e.read }},
    },
{%- endfor %}
];

