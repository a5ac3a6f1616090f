//! The types of the vendor tables: a vendor, one of its entries, and the words they are
//! written in. The lookups are in [`crate::vendor`]; the values are generated into
//! `tables/vendor.rs`.

use crate::tables::vocabulary::VendorRetry;
use crate::{EnhancedCode, KnownEnhancedCode, KnownReplyCode, Reason};

/// What kind of vendor this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VendorKind {
    /// A mailbox or sending provider (Gmail, Microsoft 365, Yahoo).
    Provider,
    /// Mail server software (Postfix, Exim, Sendmail).
    Mta,
}

/// A provider or mail server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Vendor {
    /// Short identifier, such as `"google-gmail"`.
    pub slug: &'static str,
    /// Display name, such as `"Google Gmail"`.
    pub name: &'static str,
    /// Provider or mail server software.
    pub kind: VendorKind,
    /// Who they are, in plain words.
    pub description: &'static str,
}

/// The standard code a vendor entry specialises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refines {
    /// A registered enhanced code.
    Enhanced(KnownEnhancedCode),
    /// A registered reply code.
    Reply(KnownReplyCode),
}

/// One meaning a vendor gives a code or a wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorEntry {
    /// Whose meaning this is.
    pub vendor: &'static Vendor,
    /// The reply code, when the vendor gives one.
    pub basic: Option<u16>,
    /// The enhanced code with its class, when the vendor gives one.
    pub enhanced: Option<EnhancedCode>,
    /// The vendor's own tag in the reply text (`TSS04`, `RP-001`), if any.
    pub token: Option<&'static str>,
    /// A fragment of the reply text that selects this meaning (case-insensitive), when the
    /// same code means several things at this vendor.
    pub pattern: Option<&'static str>,
    /// The standard code this entry specialises.
    pub refines: Refines,
    /// What the vendor means.
    pub meaning: &'static str,
    /// Why it happens.
    pub cause: &'static str,
    /// What the sender should do.
    pub sender_action: &'static str,
    /// What the receiving administrator can do.
    pub admin_action: &'static str,
    /// The vendor's retry advice.
    pub retry: VendorRetry,
    /// The classifier reason this entry implies, if any.
    pub reason: Option<Reason>,
    /// The title of the page the entry comes from.
    pub source_title: &'static str,
    /// The page's address.
    pub source_url: &'static str,
    /// When the page was read (`YYYY-MM-DD`).
    pub read: &'static str,
}

/// How strongly an entry matches a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The entry has no pattern or token; its codes alone equal the reply's.
    Code,
    /// The entry's token or pattern was found in the reply text, and its codes (if it names
    /// any) equal the reply's.
    Text,
}
