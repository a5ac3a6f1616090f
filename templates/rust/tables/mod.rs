// {{ v.marker }}

//! The registry's content as Rust: every table, constant and enum that lists what `data/`
//! holds. The whole folder is written by `cargo codegen`; the code that uses it lives beside
//! it, written by hand.

pub(crate) mod class;
pub(crate) mod classify;
pub(crate) mod command;
pub(crate) mod enhanced_code;
pub(crate) mod info;
pub(crate) mod known;
pub(crate) mod reason;
pub(crate) mod reply_code;
pub(crate) mod vendor;
pub(crate) mod vocabulary;

/// The edition of the registry this crate was generated from.
pub const REGISTRY_VERSION: &str = "{{ v.registry_version }}";

/// The last-updated date of the IANA enhanced status code registry the data matches.
pub const IANA_UPDATED: &str = "{{ v.iana_updated }}";

/// What stands in for an empty sample text in a code's title
/// ([`EnhancedInfo::title`](crate::EnhancedInfo::title)).
pub(crate) const NO_SAMPLE_TEXT: &str = {{ v.no_sample_text }};

/// Where the registry's reference site is published, if the registry names a place
/// (`site/basic/550.html` and so on are relative to it).
pub const SITE_URL: Option<&str> = {{ v.site_url }};

