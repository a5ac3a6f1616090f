//! What providers and mail servers mean by their own codes and wordings.
//!
//! The registry says what `5.7.1` means in RFC 3463; a vendor entry says what Microsoft means
//! by `5.7.708`, or what Gmail means by `550 5.7.1` when the text says "relay denied". Entries
//! come from `data/vendors/`, each citing the vendor's page and the date it was read.
//!
//! ```
//! use smtp_codes::{vendor, EnhancedCode, ReplyCode};
//!
//! let code = ReplyCode::MAILBOX_UNAVAILABLE;
//! let enhanced: EnhancedCode = "5.7.606".parse().unwrap();
//! let text = b"Access denied, banned sending IP [192.0.2.1]";
//! let hit = vendor::best_match(code, Some(enhanced), text).unwrap();
//! assert_eq!(hit.vendor.slug, "microsoft-exchange-online");
//! println!("{}: {}", hit.vendor.name, hit.meaning);
//! ```
//!
//! (Hand-written; the tables are generated into `tables/vendor.rs`.)

use crate::matching::MatchText;
use crate::tables::vendor::{VENDORS, VENDOR_ENTRIES};
use crate::{EnhancedCode, ReplyCode};

pub(crate) mod entry;
pub use crate::tables::vocabulary::VendorRetry;
pub use entry::{MatchKind, Refines, Vendor, VendorEntry, VendorKind};

impl VendorEntry {
    /// Whether the entry's codes (those it names) equal the reply's.
    pub fn codes_match(&self, code: ReplyCode, enhanced: Option<EnhancedCode>) -> bool {
        let basic_ok = match self.basic {
            None => true,
            Some(b) => b == code.as_u16(),
        };
        let enhanced_ok = match self.enhanced {
            None => true,
            Some(e) => enhanced == Some(e),
        };
        basic_ok && enhanced_ok
    }

    /// How this entry matches a reply (`text` is the reply text; case is ignored), if it
    /// does. An entry with a token or pattern needs it in the text; one with neither matches
    /// on its codes, and only when it names an enhanced code.
    pub fn match_kind(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &[u8],
    ) -> Option<MatchKind> {
        self.match_kind_in(code, enhanced, &MatchText::of(text))
    }

    fn match_kind_in(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &MatchText,
    ) -> Option<MatchKind> {
        if !self.codes_match(code, enhanced) {
            return None;
        }
        let mut needs_text = false;
        for fragment in [self.token, self.pattern].into_iter().flatten() {
            needs_text = true;
            if !text.contains(fragment.as_bytes()) {
                return None;
            }
        }
        if needs_text {
            Some(MatchKind::Text)
        } else if self.enhanced.is_some() {
            Some(MatchKind::Code)
        } else {
            None
        }
    }

    /// The length of the evidence that selected this entry, to prefer the most specific.
    fn specificity(&self) -> usize {
        self.pattern.map_or(0, str::len) + self.token.map_or(0, str::len)
    }
}

/// Every vendor, by slug.
pub fn vendors() -> &'static [Vendor] {
    VENDORS
}

/// Every vendor entry.
pub fn entries() -> &'static [VendorEntry] {
    VENDOR_ENTRIES
}

/// The vendor with this slug.
pub fn vendor(slug: &str) -> Option<&'static Vendor> {
    VENDORS.iter().find(|v| v.slug == slug)
}

/// Every vendor entry that matches a reply, with how it matches.
pub fn matches<'t>(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &'t [u8],
) -> impl Iterator<Item = (&'static VendorEntry, MatchKind)> + 't {
    let text = MatchText::of(text);
    VENDOR_ENTRIES
        .iter()
        .filter_map(move |e| e.match_kind_in(code, enhanced, &text).map(|k| (e, k)))
}

/// The vendor entry that best explains a reply: one whose pattern or token is in the text
/// (the longest such evidence wins), else one whose enhanced code, unregistered by IANA, is
/// exactly the reply's. Registered enhanced codes alone do not select a vendor: `5.1.1`
/// means the same everywhere.
pub fn best_match(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &[u8],
) -> Option<&'static VendorEntry> {
    best_match_in(code, enhanced, &MatchText::of(text))
}

/// [`best_match`] on indexed text.
pub(crate) fn best_match_in(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &MatchText,
) -> Option<&'static VendorEntry> {
    let mut best: Option<(&'static VendorEntry, MatchKind, usize)> = None;
    for e in VENDOR_ENTRIES.iter() {
        let Some(kind) = e.match_kind_in(code, enhanced, text) else {
            continue;
        };
        if kind == MatchKind::Code && e.enhanced.and_then(EnhancedCode::known).is_some() {
            continue;
        }
        let score = e.specificity();
        let better = match best {
            None => true,
            Some((_, k, s)) => (kind, score) > (k, s),
        };
        if better {
            best = Some((e, kind, score));
        }
    }
    best.map(|(e, _, _)| e)
}
