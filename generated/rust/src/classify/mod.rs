//! What a reply means for the sender: retry or not, hard or soft bounce, the reason, and whose
//! side the problem is on, each with the evidence that decided it.
//!
//! The knowledge is data (`data/classifier.yaml` and `data/vendors/`, generated into tables);
//! this module only applies it, in this order, the first step that gives a reason winning:
//!
//! 1. the caller's own [`Rule`]s ([`Classifier::with_rules`]);
//! 2. a provider's entry whose token or pattern is in the text ([`crate::vendor`] ranks
//!    them: a token over any pattern, then a reply identified as that vendor's, then the
//!    longer evidence);
//! 3. the built-in text rules ([`RULES`]), in order;
//! 4. a mail server's (Postfix, Exim, ...) entry whose wording is in the text;
//! 5. a vendor entry with neither token nor pattern for the reply's enhanced code: an
//!    unregistered code (`5.7.606`, or one in a range such as `4.7.500`-`4.7.699`) always; a
//!    code IANA registers (`4.7.26`) only when the reply is identified as that vendor's (its
//!    marker such as `gsmtp` in the text, or the [`Context::remote_host`]);
//! 6. the [`Context`], when the codes say little (no enhanced code, an unregistered one, or
//!    a catch-all such as `X.7.0` or `X.7.1`): a permanent rejection in reply to `DATA` or
//!    `BDAT` is a content rejection, and 552 in reply to `RCPT TO` means too many recipients
//!    ([`ContextRule`]);
//! 7. the default reason of the registered enhanced code (`X.1.1`: unknown user);
//! 8. the default reason of an unregistered code's subject (`X.7.*`);
//! 9. the default reason of the reply code;
//! 10. [`Reason::Unknown`].
//!
//! Success (2yz) and intermediate (3yz) replies take the reply code's default reason.
//!
//! Retry semantics come from the reply code
//! ([RFC 5321, section 4.2.1](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2.1)),
//! with one exception the RFC makes: 552 in reply to `RCPT TO` is treated as 452, transient
//! ([section 4.5.3.1.10](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.5.3.1.10)).
//! What to do next time ([`RetryPolicy`]) is resolved as [`retry`] says.
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
//! (Hand-written; the data is generated into `tables/classify.rs`.)

use core::fmt;

pub use crate::matching::TEXT_CAPACITY;
use crate::matching::{Folded, MatchText};
pub use crate::tables::classify::RULES;
use crate::tables::classify::{
    basic_default, enhanced_default, is_generic_enhanced, subject_default,
};
use crate::vendor::{self, MatchKind, VendorEntry, VendorKind};
use crate::{EnhancedCode, KnownEnhancedCode, Reason, Reply, ReplyCode};

mod context;
pub mod retry;
pub(crate) mod rule;
pub use crate::tables::vocabulary::{Bounce, Side};
pub use context::{Context, ContextRule};
pub use retry::{
    PolicySource, Retry, RetryPolicy, RETRY_DEFAULT_PERMANENT, RETRY_DEFAULT_TRANSIENT,
};
pub use rule::Rule;

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

impl<'a> Rule<'a> {
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
    /// A vendor entry with neither token nor pattern, for the reply's enhanced code: an
    /// unregistered one, or a registered one in a reply identified as the vendor's.
    VendorCode(&'static VendorEntry),
    /// What the reply answered ([`Context`]), the codes saying little.
    Context(ContextRule),
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
            // A tag is the more specific evidence (it ranks first), so it is named first.
            DecidedBy::VendorText(e) => match (e.token, e.pattern) {
                (Some(t), _) => write!(f, "{} tag {t}", e.vendor.name),
                (None, Some(p)) => write!(f, "{} wording \"{p}\"", e.vendor.name),
                (None, None) => write!(f, "{}", e.vendor.name),
            },
            DecidedBy::TextRule { rule, phrase } => {
                write!(f, "text rule `{}` (found \"{phrase}\")", rule.id)
            }
            DecidedBy::VendorCode(e) => match (e.enhanced, e.enhanced_to) {
                (Some(from), Some(to)) => {
                    write!(f, "{}'s own code range {from}-{to}", e.vendor.name)
                }
                (Some(code), None) if code.known().is_some() => {
                    write!(f, "{}'s meaning of {code}", e.vendor.name)
                }
                (Some(code), None) => write!(f, "{}'s own code {code}", e.vendor.name),
                (None, _) => write!(f, "{}'s own code", e.vendor.name),
            },
            DecidedBy::Context(rule) => rule.fmt(f),
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
    /// What to do next time; `None` for success (2yz) and intermediate (3yz) replies. See
    /// [`retry`] for how it is resolved.
    pub retry_policy: Option<RetryPolicy>,
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

impl<'r> Classifier<'r> {
    /// A classifier that tries `rules` first, then the built-in knowledge.
    pub const fn with_rules(rules: &'r [Rule<'r>]) -> Classifier<'r> {
        Classifier { rules }
    }

    /// Classifies a parsed reply: its code, its enhanced code (the one in the RFC 2034
    /// position, or else one found in the text, such as `#5.1.1`) and its lines' texts.
    pub fn classify(&self, reply: &Reply<'_>) -> Classification<'r> {
        self.classify_with(reply, &Context::new())
    }

    /// [`classify`](Classifier::classify) knowing what the reply answered and where it came
    /// from (see [`Context`]).
    pub fn classify_with(&self, reply: &Reply<'_>, context: &Context<'_>) -> Classification<'r> {
        let enhanced = reply.enhanced_code().or_else(|| reply.enhanced_in_text());
        self.classify_lines_with(
            reply.code(),
            enhanced,
            reply.lines().map(|l| l.text()),
            context,
        )
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

    /// [`classify_text`](Classifier::classify_text) knowing what the reply answered and where
    /// it came from (see [`Context`]).
    pub fn classify_text_with(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &[u8],
        context: &Context<'_>,
    ) -> Classification<'r> {
        self.classify_lines_with(code, enhanced, [text], context)
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
        self.classify_lines_with(code, enhanced, lines, &Context::new())
    }

    /// [`classify_lines`](Classifier::classify_lines) knowing what the reply answered and
    /// where it came from (see [`Context`]).
    pub fn classify_lines_with<'t, I>(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        lines: I,
        context: &Context<'_>,
    ) -> Classification<'r>
    where
        I: IntoIterator<Item = &'t [u8]>,
    {
        let mut folded = Folded::new();
        for line in lines {
            folded.push(line);
        }
        let text = MatchText::new(folded);
        let best = vendor::best_match_in(code, enhanced, &text, context.remote_host);
        let (reason, decided_by) = self.decide(code, enhanced, &text, best, context);
        let outcome = match Outcome::of(code) {
            Outcome::Permanent if context.too_many_recipients(code) => Outcome::Transient,
            o => o,
        };
        let bounce = match outcome {
            Outcome::Success | Outcome::Intermediate => Bounce::None,
            Outcome::Transient => Bounce::Soft,
            Outcome::Permanent => match reason.permanent_bounce() {
                Bounce::None => Bounce::Soft,
                b => b,
            },
        };
        let retry = match outcome {
            Outcome::Success => RetryAdvice::Done,
            Outcome::Intermediate => RetryAdvice::Continue,
            Outcome::Transient => RetryAdvice::RetryLater,
            Outcome::Permanent => RetryAdvice::DoNotRetry,
        };
        Classification {
            code,
            enhanced,
            outcome,
            retry,
            bounce,
            reason,
            side: reason.side(),
            decided_by,
            vendor: best.map(|(e, _)| e),
            retry_policy: retry::resolve(outcome, reason, &decided_by),
        }
    }

    fn decide(
        &self,
        code: ReplyCode,
        enhanced: Option<EnhancedCode>,
        text: &MatchText,
        best: Option<(&'static VendorEntry, MatchKind)>,
        context: &Context<'_>,
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
        // A provider's own tag or wording is the most specific evidence there is. Mail server
        // software's wordings are generic frames ("Administrative prohibition") that the
        // text rules may read more precisely, so they come after them.
        let by_text = best.and_then(|(e, kind)| match (e.reason, kind.is_text()) {
            (Some(reason), true) => Some((reason, e)),
            _ => None,
        });
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
        if let Some((e, MatchKind::Code)) = best {
            if let Some(reason) = e.reason {
                return (reason, DecidedBy::VendorCode(e));
            }
        }
        let codes_say_little = match enhanced {
            None => true,
            Some(e) => e.known().is_none() || is_generic_enhanced(e.subject(), e.detail()),
        };
        if codes_say_little {
            if let Some((rule, reason)) = context
                .rule_for(code)
                .and_then(|rule| rule.reason().map(|r| (rule, r)))
            {
                return (reason, DecidedBy::Context(rule));
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

/// Whether `phrase` occurs in `text`, ignoring ASCII case and folding runs of whitespace, on
/// word boundaries unless the phrase starts or ends with `*`.
pub fn contains_phrase(text: &[u8], phrase: &str) -> bool {
    MatchText::of(text).contains_phrase(phrase)
}

impl Reason {
    /// The reason with this identifier.
    pub fn from_id(id: &str) -> Option<Reason> {
        Reason::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl fmt::Display for Reason {
    /// The identifier.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.id())
    }
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
