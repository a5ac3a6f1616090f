//! A text rule, the type the generated rules are written in (whose side and the bounce type
//! are generated into `tables/vocabulary.rs`). The engine that applies rules is in
//! [`crate::classify`]; the built-in rules are generated into `tables/classify.rs`.

use crate::classify::RetryPolicy;
use crate::Reason;

/// A text rule: if the reply's text has one of `any`, all of `all` and none of `none`
/// (case-insensitive, on word boundaries; a `*` at either end of a phrase drops that
/// boundary), and the reply fits the optional scopes, the reply gets `reason`.
///
/// The built-in rules come from `data/classifier.yaml`; callers add their own with
/// [`Classifier::with_rules`](crate::classify::Classifier::with_rules), and those are tried first.
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
    /// What to do next time when this rule decides; `None` leaves it to the reason's policy
    /// and the defaults (see [`crate::classify::retry`]). A caller's rule overrides the
    /// vendor's and the reason's policy.
    pub retry_policy: Option<RetryPolicy>,
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
            retry_policy: None,
        }
    }
}
