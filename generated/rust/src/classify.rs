//! What a reply means for the sender: retry or not, hard or soft bounce, the reason, and whose
//! side the problem is on, each with the evidence that decided it.
//!
//! The knowledge is data (`data/classifier.yaml` and `data/vendors/`, generated into tables);
//! this module only applies it, in this order, the first step that gives a reason winning:
//!
//! 1. the caller's own [`Rule`]s ([`Classifier::with_rules`]);
//! 2. a provider's entry whose pattern or token is in the text ([`crate::vendor`]);
//! 3. the built-in text rules ([`RULES`]), in order;
//! 4. a mail server's (Postfix, Exim, ...) entry whose wording is in the text;
//! 5. a vendor entry for the reply's exact, unregistered enhanced code (`5.7.606`);
//! 6. the default reason of the registered enhanced code (`X.1.1`: unknown user);
//! 7. the default reason of an unregistered code's subject (`X.7.*`);
//! 8. the default reason of the reply code;
//! 9. [`Reason::Unknown`].
//!
//! Success (2yz) and intermediate (3yz) replies take the reply code's default reason.
//!
//! Retry semantics come from the reply code alone
//! ([RFC 5321, section 4.2.1](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2.1)).
//!
//! ```
//! use smtp_codes::classify::{classify_text, Bounce, Side};
//! use smtp_codes::{EnhancedCode, Reason, ReplyCode};
//!
//! let c = classify_text(
//!     ReplyCode::MAILBOX_UNAVAILABLE,
//!     Some("5.7.1".parse().unwrap()),
//!     b"Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org",
//! );
//! assert_eq!(c.reason, Reason::Blocked);
//! assert_eq!(c.side, Side::SendingServer);
//! assert_eq!(c.bounce, Bounce::Soft);
//! println!("{}", c.decided_by); // text rule `block-lists` (found "spamhaus")
//! ```
//!
//! (Hand-written; the data is generated into `classify_tables.rs`.)

use core::fmt;

pub use crate::classify_tables::RULES;
use crate::classify_tables::{
    basic_default, enhanced_default, is_generic_enhanced, subject_default,
};
use crate::vendor::{self, VendorEntry, VendorKind};
use crate::{EnhancedCode, KnownEnhancedCode, Reason, Reply, ReplyCode};

/// Whose side a problem is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The recipient's address or mailbox.
    Recipient,
    /// The sender: the address, the message, the account or its domain's records.
    Sender,
    /// The sending server: its IP, DNS, TLS, volume or protocol behaviour.
    SendingServer,
    /// The receiving server: its faults, load or policies.
    ReceivingServer,
    /// The network between them: connections, DNS, routing, time.
    Network,
    /// No problem, or nothing known.
    None,
}

impl Side {
    /// `"recipient"`, `"sender"`, `"sending_server"`, `"receiving_server"`, `"network"` or
    /// `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Side::Recipient => "recipient",
            Side::Sender => "sender",
            Side::SendingServer => "sending_server",
            Side::ReceivingServer => "receiving_server",
            Side::Network => "network",
            Side::None => "none",
        }
    }
}

/// Bounce type, as mailing-list software uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bounce {
    /// Not a failure.
    None,
    /// The message failed, but the address may still receive mail: retry later or fix the
    /// cause (a full mailbox, a block list, a policy).
    Soft,
    /// The address itself cannot receive mail: remove or correct it.
    Hard,
}

impl Bounce {
    /// `"none"`, `"soft"` or `"hard"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Bounce::None => "none",
            Bounce::Soft => "soft",
            Bounce::Hard => "hard",
        }
    }
}

/// The outcome the reply code's first digit states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// `2yz`.
    Success,
    /// `3yz`.
    Intermediate,
    /// `4yz`.
    Transient,
    /// `5yz`.
    Permanent,
}

impl Outcome {
    /// The outcome of a reply code.
    pub const fn of(code: ReplyCode) -> Outcome {
        match code.first_digit() {
            2 => Outcome::Success,
            3 => Outcome::Intermediate,
            4 => Outcome::Transient,
            _ => Outcome::Permanent,
        }
    }

    /// `"success"`, `"intermediate"`, `"transient"` or `"permanent"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Intermediate => "intermediate",
            Outcome::Transient => "transient",
            Outcome::Permanent => "permanent",
        }
    }
}

/// What RFC 5321 section 4.2.1 says the client should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RetryAdvice {
    /// `2yz`: done; nothing to retry.
    Done,
    /// `3yz`: continue with the data the server asked for.
    Continue,
    /// `4yz`: try the same request again later.
    RetryLater,
    /// `5yz`: do not repeat the same request unchanged.
    DoNotRetry,
}

impl RetryAdvice {
    /// The advice for a reply code.
    pub const fn of(code: ReplyCode) -> RetryAdvice {
        match code.first_digit() {
            2 => RetryAdvice::Done,
            3 => RetryAdvice::Continue,
            4 => RetryAdvice::RetryLater,
            _ => RetryAdvice::DoNotRetry,
        }
    }

    /// `"done"`, `"continue"`, `"retry_later"` or `"do_not_retry"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryAdvice::Done => "done",
            RetryAdvice::Continue => "continue",
            RetryAdvice::RetryLater => "retry_later",
            RetryAdvice::DoNotRetry => "do_not_retry",
        }
    }
}

/// A text rule: if the reply's text has one of `any`, all of `all` and none of `none`
/// (case-insensitive, on word boundaries; a `*` at either end of a phrase drops that
/// boundary), and the reply fits the optional scopes, the reply gets `reason`.
///
/// The built-in rules come from `data/classifier.yaml`; callers add their own with
/// [`Classifier::with_rules`], and those are tried first.
///
/// ```
/// use smtp_codes::classify::{Classifier, Rule};
/// use smtp_codes::{Reason, ReplyCode};
///
/// const MINE: [Rule<'static>; 1] = [Rule {
///     any: &["mailbox frozen"],
///     ..Rule::new("acme-frozen", Reason::MailboxDisabled)
/// }];
/// let c = Classifier::with_rules(&MINE)
///     .classify_text(ReplyCode::TRANSACTION_FAILED, None, b"Mailbox frozen by ACME");
/// assert_eq!(c.reason, Reason::MailboxDisabled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule<'a> {
    /// An identifier, shown when the rule decides.
    pub id: &'a str,
    /// The reason the rule gives.
    pub reason: Reason,
    /// At least one of these phrases must occur.
    pub any: &'a [&'a str],
    /// All of these must occur.
    pub all: &'a [&'a str],
    /// None of these may occur.
    pub none: &'a [&'a str],
    /// Reply first digits the rule applies to (empty: any).
    pub classes: &'a [u8],
    /// Reply codes the rule applies to (empty: any).
    pub codes: &'a [u16],
    /// Enhanced codes `(subject, detail)` the rule applies to (empty: any).
    pub enhanced: &'a [(u16, u16)],
    /// Generic words ("blocked", "policy") that must not outrank a precise registered
    /// enhanced code: a weak rule applies only to replies without an enhanced code, with a
    /// vendor's own code, or with one that says little by itself (a subject's catch-all
    /// `X.s.0`, or X.7.1).
    pub weak: bool,
}

impl<'a> Rule<'a> {
    /// A rule with no phrases and no scope; fill `any` (and the rest) with struct update
    /// syntax.
    pub const fn new(id: &'a str, reason: Reason) -> Rule<'a> {
        Rule {
            id,
            reason,
            any: &[],
            all: &[],
            none: &[],
            classes: &[],
            codes: &[],
            enhanced: &[],
            weak: false,
        }
    }

    /// The phrase of `any` that matched, if the rule applies to this reply.
    pub fn matches(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &[u8],
    ) -> Option<&'a str> {
        self.matches_in(code, enhanced, &MatchText::of(text))
    }

    /// [`matches`](Rule::matches) on text already folded and indexed.
    fn matches_in(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &MatchText,
    ) -> Option<&'a str> {
        if !self.classes.is_empty() && !self.classes.contains(&code.first_digit()) {
            return None;
        }
        if !self.codes.is_empty() && !self.codes.contains(&code.as_u16()) {
            return None;
        }
        if !self.enhanced.is_empty() {
            match enhanced {
                Some(e) if self.enhanced.contains(&(e.subject(), e.detail())) => {}
                _ => return None,
            }
        }
        if self.weak {
            if let Some(e) = enhanced {
                if e.known().is_some() && !is_generic_enhanced(e.subject(), e.detail()) {
                    return None;
                }
            }
        }
        if !self.all.iter().all(|p| text.contains_phrase(p)) {
            return None;
        }
        if self.none.iter().any(|p| text.contains_phrase(p)) {
            return None;
        }
        self.any.iter().copied().find(|p| text.contains_phrase(p))
    }
}

/// What decided a classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecidedBy<'r> {
    /// One of the caller's rules, and the phrase it found.
    UserRule {
        /// The rule.
        rule: &'r Rule<'r>,
        /// The phrase found.
        phrase: &'r str,
    },
    /// A vendor entry whose pattern or token is in the text.
    VendorText(&'static VendorEntry),
    /// A built-in text rule, and the phrase it found.
    TextRule {
        /// The rule.
        rule: &'static Rule<'static>,
        /// The phrase found.
        phrase: &'static str,
    },
    /// A vendor entry for the reply's exact, unregistered enhanced code.
    VendorCode(&'static VendorEntry),
    /// The default reason of a registered enhanced code.
    EnhancedCode(KnownEnhancedCode),
    /// The default reason of an unregistered enhanced code's subject.
    Subject(u16),
    /// The default reason of the reply code.
    ReplyCode(ReplyCode),
    /// Nothing applied: the reason is [`Reason::Unknown`].
    Nothing,
}

impl fmt::Display for DecidedBy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecidedBy::UserRule { rule, phrase } => {
                write!(f, "your rule `{}` (found \"{phrase}\")", rule.id)
            }
            DecidedBy::VendorText(e) => match (e.pattern, e.token) {
                (Some(p), _) => write!(f, "{} wording \"{p}\"", e.vendor.name),
                (None, Some(t)) => write!(f, "{} tag {t}", e.vendor.name),
                (None, None) => write!(f, "{}", e.vendor.name),
            },
            DecidedBy::TextRule { rule, phrase } => {
                write!(f, "text rule `{}` (found \"{phrase}\")", rule.id)
            }
            DecidedBy::VendorCode(e) => match e.enhanced {
                Some(code) => write!(f, "{}'s own code {code}", e.vendor.name),
                None => write!(f, "{}'s own code", e.vendor.name),
            },
            DecidedBy::EnhancedCode(k) => write!(f, "registered enhanced code {k}"),
            DecidedBy::Subject(s) => write!(f, "enhanced code subject X.{s}"),
            DecidedBy::ReplyCode(c) => write!(f, "reply code {c}"),
            DecidedBy::Nothing => {
                f.write_str("nothing: no rule, vendor entry or code default applied")
            }
        }
    }
}

/// What a reply means for the sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification<'r> {
    /// The reply code.
    pub code: ReplyCode,
    /// The enhanced code the classification used, if any.
    pub enhanced: Option<EnhancedCode>,
    /// What the first digit states.
    pub outcome: Outcome,
    /// What to do next, per RFC 5321 section 4.2.1.
    pub retry: RetryAdvice,
    /// Hard, soft or no bounce.
    pub bounce: Bounce,
    /// Why.
    pub reason: Reason,
    /// Whose side the problem is on.
    pub side: Side,
    /// What decided the reason.
    pub decided_by: DecidedBy<'r>,
    /// The vendor entry that best explains the reply, whether or not it decided the reason.
    pub vendor: Option<&'static VendorEntry>,
}

/// A classifier, with the caller's rules (tried before the built-in ones).
#[derive(Debug, Clone, Copy)]
pub struct Classifier<'r> {
    rules: &'r [Rule<'r>],
}

impl Default for Classifier<'static> {
    fn default() -> Self {
        Classifier::new()
    }
}

impl Classifier<'static> {
    /// The built-in knowledge only.
    pub const fn new() -> Classifier<'static> {
        Classifier { rules: &[] }
    }
}

/// How much reply text the classifier reads: longer replies are matched on their first
/// `TEXT_CAPACITY` bytes (after whitespace is folded).
pub const TEXT_CAPACITY: usize = 4096;

/// Reply text folded for matching: lines joined by one space, runs of whitespace folded,
/// ASCII letters in lower case.
pub(crate) struct Folded {
    buf: [u8; TEXT_CAPACITY],
    len: usize,
}

impl Folded {
    /// `text`, folded.
    pub(crate) fn of(text: &[u8]) -> Self {
        let mut f = Folded::new();
        f.push(text);
        f
    }

    fn new() -> Self {
        Folded {
            buf: [0; TEXT_CAPACITY],
            len: 0,
        }
    }

    fn push(&mut self, text: &[u8]) {
        for &b in text {
            if self.len == TEXT_CAPACITY {
                return;
            }
            if b.is_ascii_whitespace() {
                if self.len > 0 && self.buf[self.len - 1] != b' ' {
                    self.buf[self.len] = b' ';
                    self.len += 1;
                }
            } else {
                self.buf[self.len] = b.to_ascii_lowercase();
                self.len += 1;
            }
        }
        if self.len > 0 && self.len < TEXT_CAPACITY && self.buf[self.len - 1] != b' ' {
            self.buf[self.len] = b' ';
            self.len += 1;
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        let mut end = self.len;
        while end > 0 && self.buf[end - 1] == b' ' {
            end -= 1;
        }
        &self.buf[..end]
    }
}

/// Folded text with an index of the byte pairs it holds, so that most phrases are ruled out
/// without a scan: a phrase can only occur if each of its adjacent byte pairs occurs.
pub(crate) struct MatchText {
    folded: Folded,
    pairs: [u64; 1024],
}

impl MatchText {
    /// Indexes folded text.
    pub(crate) fn new(folded: Folded) -> Self {
        let mut pairs = [0u64; 1024];
        for w in folded.as_bytes().windows(2) {
            let bit = usize::from(w[0]) << 8 | usize::from(w[1]);
            pairs[bit >> 6] |= 1 << (bit & 63);
        }
        MatchText { folded, pairs }
    }

    /// Folds and indexes `text`.
    pub(crate) fn of(text: &[u8]) -> Self {
        MatchText::new(Folded::of(text))
    }

    fn has_pair(&self, a: u8, b: u8) -> bool {
        let bit = usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
    }

    /// Where `needle` (compared ignoring ASCII case) starts, each position in turn.
    fn find_all<'n>(&'n self, needle: &'n [u8]) -> impl Iterator<Item = usize> + 'n {
        let text = self.folded.as_bytes();
        let possible =
            needle.len() <= text.len() && needle.windows(2).all(|w| self.has_pair(w[0], w[1]));
        let first = needle.first().map_or(0, u8::to_ascii_lowercase);
        let text = if possible { text } else { &[][..] };
        let mut from = 0;
        core::iter::from_fn(move || {
            while from + needle.len() <= text.len() {
                let i = from
                    + text[from..=text.len() - needle.len()]
                        .iter()
                        .position(|&b| b == first)?;
                from = i + 1;
                if text[i..i + needle.len()].eq_ignore_ascii_case(needle) {
                    return Some(i);
                }
            }
            None
        })
    }

    /// [`contains_phrase`] on this text.
    pub(crate) fn contains_phrase(&self, phrase: &str) -> bool {
        let open_start = phrase.starts_with('*');
        let open_end = phrase.ends_with('*') && phrase.len() > 1;
        let needle = phrase
            .trim_start_matches('*')
            .trim_end_matches('*')
            .as_bytes();
        let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else {
            return false;
        };
        let text = self.folded.as_bytes();
        self.find_all(needle).any(|i| {
            let after = i + needle.len();
            (open_start || !is_word(first) || i == 0 || !is_word(text[i - 1]))
                && (open_end || !is_word(last) || after == text.len() || !is_word(text[after]))
        })
    }

    /// Whether `needle` occurs anywhere, ignoring ASCII case.
    pub(crate) fn contains(&self, needle: &[u8]) -> bool {
        needle.is_empty() || self.find_all(needle).next().is_some()
    }
}

impl<'r> Classifier<'r> {
    /// A classifier that tries `rules` first, then the built-in knowledge.
    pub const fn with_rules(rules: &'r [Rule<'r>]) -> Classifier<'r> {
        Classifier { rules }
    }

    /// Classifies a parsed reply: its code, its enhanced code (the one in the RFC 2034
    /// position, or else one found in the text, such as `#5.1.1`) and its lines' texts.
    pub fn classify(&self, reply: &Reply<'_>) -> Classification<'r> {
        let enhanced = reply.enhanced_code().or_else(|| reply.enhanced_in_text());
        self.classify_lines(reply.code(), enhanced, reply.lines().map(|l| l.text()))
    }

    /// Classifies a reply given as its code, its enhanced code (the one at the RFC 2034
    /// position or, failing that, one found in the text) and its text.
    pub fn classify_text(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &[u8],
    ) -> Classification<'r> {
        self.classify_lines(code, enhanced, [text])
    }

    /// Like [`classify_text`](Classifier::classify_text), for a multi-line reply given as its
    /// lines' texts.
    pub fn classify_lines<'t, I>(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        lines: I,
    ) -> Classification<'r>
    where
        I: IntoIterator<Item = &'t [u8]>,
    {
        let mut folded = Folded::new();
        for line in lines {
            folded.push(line);
        }
        let text = MatchText::new(folded);
        let vendor = vendor::best_match_in(code, enhanced, &text);
        let (reason, decided_by) = self.decide(code, enhanced, &text, vendor);
        let outcome = Outcome::of(code);
        let bounce = match outcome {
            Outcome::Success | Outcome::Intermediate => Bounce::None,
            Outcome::Transient => Bounce::Soft,
            Outcome::Permanent => match reason.permanent_bounce() {
                Bounce::None => Bounce::Soft,
                b => b,
            },
        };
        Classification {
            code,
            enhanced,
            outcome,
            retry: RetryAdvice::of(code),
            bounce,
            reason,
            side: reason.side(),
            decided_by,
            vendor,
        }
    }

    fn decide(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &MatchText,
        vendor: Option<&'static VendorEntry>,
    ) -> (Reason, DecidedBy<'r>) {
        for rule in self.rules {
            if let Some(phrase) = rule.matches_in(code, enhanced, text) {
                return (rule.reason, DecidedBy::UserRule { rule, phrase });
            }
        }
        // Success and intermediate replies need no text evidence: their code says it all.
        if !code.is_failure() {
            if let Some(r) = basic_default(code.as_u16()) {
                return (r, DecidedBy::ReplyCode(code));
            }
            return code_default(code, enhanced);
        }
        // A provider's own wording is the most specific evidence there is. Mail server
        // software's wordings are generic frames ("Administrative prohibition") that the
        // text rules may read more precisely, so they come after them.
        let by_text =
            vendor.and_then(
                |e| match (e.reason, e.pattern.is_some() || e.token.is_some()) {
                    (Some(reason), true) => Some((reason, e)),
                    _ => None,
                },
            );
        if let Some((reason, e)) = by_text.filter(|(_, e)| e.vendor.kind == VendorKind::Provider) {
            return (reason, DecidedBy::VendorText(e));
        }
        for rule in RULES.iter() {
            if let Some(phrase) = rule.matches_in(code, enhanced, text) {
                return (rule.reason, DecidedBy::TextRule { rule, phrase });
            }
        }
        if let Some((reason, e)) = by_text {
            return (reason, DecidedBy::VendorText(e));
        }
        if let Some(e) = vendor {
            if let (Some(reason), None, None) = (e.reason, e.pattern, e.token) {
                return (reason, DecidedBy::VendorCode(e));
            }
        }
        code_default(code, enhanced)
    }
}

/// The default reason from the codes alone: enhanced code, then its subject, then the reply
/// code.
fn code_default<'r>(code: ReplyCode, enhanced: Option<EnhancedCode>) -> (Reason, DecidedBy<'r>) {
    if let Some(e) = enhanced {
        if let Some(k) = e.known() {
            if let Some(r) = enhanced_default(e.subject(), e.detail()) {
                return (r, DecidedBy::EnhancedCode(k));
            }
        } else if let Some(r) = subject_default(e.subject()) {
            return (r, DecidedBy::Subject(e.subject()));
        }
    }
    match basic_default(code.as_u16()) {
        Some(r) => (r, DecidedBy::ReplyCode(code)),
        None => (Reason::Unknown, DecidedBy::Nothing),
    }
}

/// Classifies a parsed reply with the built-in knowledge only; see [`Classifier::classify`].
///
/// ```
/// use smtp_codes::classify::{classify, Bounce, Side};
/// use smtp_codes::{Reason, Reply};
///
/// let reply = Reply::parse("550 5.1.1 <bob@example.com> User unknown").unwrap();
/// let c = classify(&reply);
/// assert_eq!((c.reason, c.bounce, c.side), (Reason::UnknownUser, Bounce::Hard, Side::Recipient));
/// ```
pub fn classify(reply: &Reply<'_>) -> Classification<'static> {
    Classifier::new().classify(reply)
}

impl Reply<'_> {
    /// What this reply means for the sender, with the built-in knowledge; see
    /// [`classify`](crate::classify::classify).
    pub fn classify(&self) -> Classification<'static> {
        Classifier::new().classify(self)
    }
}

/// Classifies with the built-in knowledge only; see [`Classifier::classify_text`].
pub fn classify_text(
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    text: &[u8],
) -> Classification<'static> {
    Classifier::new().classify_text(code, enhanced, text)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether `phrase` occurs in `text`, ignoring ASCII case and folding runs of whitespace, on
/// word boundaries unless the phrase starts or ends with `*`.
pub fn contains_phrase(text: &[u8], phrase: &str) -> bool {
    MatchText::of(text).contains_phrase(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_respect_word_boundaries() {
        assert!(contains_phrase(b"Message flagged as SPAM.", "spam"));
        assert!(!contains_phrase(b"antispam gateway", "spam"));
        assert!(contains_phrase(b"antispam gateway", "*spam"));
        assert!(contains_phrase(b"Throttling failure", "throttl*"));
        assert!(!contains_phrase(b"Throttling failure", "throttl"));
        assert!(contains_phrase(b"rejected, UBE, id=1", "ube"));
        assert!(!contains_phrase(b"youtube link", "ube"));
        assert!(contains_phrase(b"IP bloqu\xc3\xa9e", "bloqu\u{e9}e"));
        assert!(!contains_phrase(b"short", "much longer phrase"));
        assert!(!contains_phrase(b"", "x"));
        assert!(!contains_phrase(b"abc", "*"));
    }

    #[test]
    fn folding_joins_lines_and_spaces() {
        let mut f = Folded::new();
        f.push(b"  The email  account\r\n");
        f.push(b"does not\texist ");
        assert_eq!(f.as_bytes(), b"the email account does not exist");
        let mut big = Folded::new();
        for _ in 0..5000 {
            big.push(b"ab");
        }
        assert!(big.as_bytes().len() <= TEXT_CAPACITY);
    }
}
