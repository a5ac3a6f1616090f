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
//! An entry is found by its codes (a range such as Microsoft's `4.7.500`-`4.7.699` included),
//! its token or its pattern; [`best_match`] ranks the entries that match a reply, the first
//! difference deciding:
//!
//! 1. how the text selected it: a token (the vendor's own tag, `TSS04`, `AS(2001)`) over a
//!    pattern however long, over the codes alone ([`MatchKind`]);
//! 2. whether the reply is otherwise identified as the vendor's: its remote host ends in one
//!    of the vendor's [`hosts`](Vendor::hosts), or its text holds one of the vendor's
//!    [`markers`](Vendor::markers) (Gmail's `gsmtp`);
//! 3. the length of the token and pattern together;
//! 4. how precisely the entry names the enhanced code: exactly, over a range, over not at all;
//! 5. the order of the tables (vendors by slug, entries as their file lists them).
//!
//! An entry with neither token nor pattern matches on its codes only when it names an
//! enhanced code; when that code is registered by IANA (`4.7.26`), only when the reply is
//! identified as the vendor's (step 2): otherwise the registered meaning holds.
//!
//! (Hand-written; the tables are generated into `tables/vendor.rs`.)

use crate::matching::MatchText;
use crate::tables::vendor::{VENDORS, VENDOR_ENTRIES};
use crate::{EnhancedCode, ReplyCode};

pub(crate) mod entry;
pub use crate::tables::vocabulary::VendorRetry;
pub use entry::{MatchKind, Refines, Vendor, VendorEntry, VendorKind};

impl VendorEntry {
    /// Whether the entry's codes (those it names) equal the reply's; a range entry takes any
    /// enhanced code from [`enhanced`](VendorEntry::enhanced) to
    /// [`enhanced_to`](VendorEntry::enhanced_to).
    pub fn codes_match(&self, code: ReplyCode, enhanced: Option<EnhancedCode>) -> bool {
        let basic_ok = match self.basic {
            None => true,
            Some(b) => b == code.as_u16(),
        };
        let enhanced_ok = match (self.enhanced, self.enhanced_to, enhanced) {
            (None, _, _) => true,
            (Some(e), None, _) => enhanced == Some(e),
            (Some(from), Some(to), Some(x)) => {
                x.class() == from.class()
                    && x.subject() == from.subject()
                    && from.detail() <= x.detail()
                    && x.detail() <= to.detail()
            }
            (Some(_), Some(_), None) => false,
        };
        basic_ok && enhanced_ok
    }

    /// How this entry matches a reply (`text` is the reply text; case is ignored), if it
    /// does. An entry with a token or pattern needs each in the text; one with neither
    /// matches on its codes, and only when it names an enhanced code. (Whether such a
    /// code-only match may explain the reply is [`best_match`]'s concern.)
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
        for fragment in [self.token, self.pattern].into_iter().flatten() {
            if !text.contains(fragment.as_bytes()) {
                return None;
            }
        }
        match (self.token, self.pattern, self.enhanced) {
            (Some(_), _, _) => Some(MatchKind::Token),
            (None, Some(_), _) => Some(MatchKind::Pattern),
            (None, None, Some(_)) => Some(MatchKind::Code),
            (None, None, None) => None,
        }
    }

    /// The length of the evidence that selected this entry, to prefer the most specific.
    fn specificity(&self) -> usize {
        self.pattern.map_or(0, str::len) + self.token.map_or(0, str::len)
    }

    /// 2 for an exact enhanced code, 1 for a range, 0 for none.
    fn code_precision(&self) -> u8 {
        match (self.enhanced, self.enhanced_to) {
            (Some(_), None) => 2,
            (Some(_), Some(_)) => 1,
            (None, _) => 0,
        }
    }
}

impl Vendor {
    /// Whether `host` (a remote server's name, any case, a final `.` ignored) is one of the
    /// vendor's: it equals one of [`hosts`](Vendor::hosts) or ends in `.` and one.
    pub fn serves_host(&self, host: &str) -> bool {
        self.hosts.iter().any(|suffix| host_in(host, suffix))
    }

    /// Whether the reply is identified as this vendor's: by its remote host, or by one of
    /// the vendor's markers in the text (on word boundaries, ignoring ASCII case).
    fn identified(&self, text: &MatchText, remote_host: Option<&str>) -> bool {
        remote_host.is_some_and(|h| self.serves_host(h))
            || self.markers.iter().any(|m| text.contains_phrase(m))
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

/// The vendor whose [`hosts`](Vendor::hosts) the remote host belongs to, if any (the longest
/// matching suffix wins: `olc.protection.outlook.com` over `outlook.com`).
pub fn vendor_of_host(host: &str) -> Option<&'static Vendor> {
    let mut best: Option<(&'static Vendor, usize)> = None;
    for v in VENDORS {
        for suffix in v.hosts.iter().filter(|s| host_in(host, s)) {
            if best.map_or(true, |(_, n)| suffix.len() > n) {
                best = Some((v, suffix.len()));
            }
        }
    }
    best.map(|(v, _)| v)
}

/// Whether `host` (any case, a final `.` ignored) is `suffix` or ends in `.` and `suffix`.
fn host_in(host: &str, suffix: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host).as_bytes();
    let suffix = suffix.as_bytes();
    host.len() >= suffix.len()
        && host[host.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        && (host.len() == suffix.len() || host[host.len() - suffix.len() - 1] == b'.')
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

/// The vendor entry that best explains a reply, ranked as the module documentation says,
/// with no remote host known.
pub fn best_match(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &[u8],
) -> Option<&'static VendorEntry> {
    best_match_in(code, enhanced, &MatchText::of(text), None).map(|(e, _)| e)
}

/// [`best_match`] for a reply from `remote_host`, which identifies its vendor.
pub fn best_match_from(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &[u8],
    remote_host: Option<&str>,
) -> Option<&'static VendorEntry> {
    best_match_in(code, enhanced, &MatchText::of(text), remote_host).map(|(e, _)| e)
}

/// How an entry ranks (see the module documentation): how the text selected it, whether the
/// reply is identified as the vendor's, the length of its evidence, how precisely it names
/// the enhanced code. Compared in that order.
type Rank = (MatchKind, bool, usize, u8);

/// [`best_match`] on indexed text, with how the entry matched.
pub(crate) fn best_match_in(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &MatchText,
    remote_host: Option<&str>,
) -> Option<(&'static VendorEntry, MatchKind)> {
    let registered = enhanced.and_then(EnhancedCode::known).is_some();
    let mut best: Option<(&'static VendorEntry, Rank)> = None;
    for e in VENDOR_ENTRIES.iter() {
        let Some(kind) = e.match_kind_in(code, enhanced, text) else {
            continue;
        };
        let identified = e.vendor.identified(text, remote_host);
        if kind == MatchKind::Code && registered && !identified {
            continue;
        }
        let key = (kind, identified, e.specificity(), e.code_precision());
        if best.as_ref().map_or(true, |(_, k)| key > *k) {
            best = Some((e, key));
        }
    }
    best.map(|(e, (kind, ..))| (e, kind))
}
