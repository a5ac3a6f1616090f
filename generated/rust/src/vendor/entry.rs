//! The types of the vendor tables: a vendor, one of its entries, and the words they are
//! written in. The lookups are in [`crate::vendor`]; the values are generated into
//! `tables/vendor.rs`.

use crate::classify::RetryPolicy;
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
    /// Suffixes of the host names of the vendor's receiving servers (`google.com`): a reply
    /// from such a host is the vendor's (see [`crate::classify::Context::remote_host`]).
    pub hosts: &'static [&'static str],
    /// Fragments of reply text only this vendor sends (Gmail's `gsmtp`), matched ignoring
    /// ASCII case: a reply holding one is the vendor's.
    pub markers: &'static [&'static str],
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
    /// The enhanced code with its class, when the vendor gives one; the first code of the
    /// range when [`enhanced_to`](VendorEntry::enhanced_to) is set.
    pub enhanced: Option<EnhancedCode>,
    /// The last code of the documented range the entry stands for (`4.7.500` to `4.7.699`),
    /// in the same class and subject as `enhanced`.
    pub enhanced_to: Option<EnhancedCode>,
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
    /// What to do next time, where the vendor says more than the reason's policy.
    pub retry_policy: Option<RetryPolicy>,
    /// The classifier reason this entry implies, if any.
    pub reason: Option<Reason>,
    /// The title of the page the entry comes from.
    pub source_title: &'static str,
    /// The page's address.
    pub source_url: &'static str,
    /// When the page was read (`YYYY-MM-DD`).
    pub read: &'static str,
}

/// How strongly an entry matches a reply, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The entry has no pattern or token; its codes alone equal the reply's.
    Code,
    /// The entry's pattern (and no token) was found in the reply text, and its codes (if it
    /// names any) equal the reply's.
    Pattern,
    /// The entry's token (the vendor's own tag, `TSS04`, `AS(2001)`) was found in the reply
    /// text, with its pattern if it has one, and its codes (if it names any) equal the reply's.
    Token,
}

impl MatchKind {
    /// Whether the text selected the entry (a token or a pattern).
    pub const fn is_text(self) -> bool {
        !matches!(self, MatchKind::Code)
    }
}
