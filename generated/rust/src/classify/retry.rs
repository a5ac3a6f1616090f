//! What to do next time: the retry policy a classification carries, resolved from the data.
//!
//! The policies are data (`retry_defaults`, each reason's and each vendor entry's
//! `retry_policy` in `data/`), generated into the tables; this module holds the type and the
//! resolution, which follows `data/classifier.yaml`'s header:
//!
//! 1. a caller's [`Rule`](crate::classify::Rule) that decided the reason and carries its own
//!    [`retry_policy`](crate::classify::Rule::retry_policy) gives it;
//! 2. else the vendor entry that decided the reason, if it has a policy;
//! 3. else the reason's policy (`retry_policy` on the reason in `data/classifier.yaml`),
//!    with two adjustments to the reply's class: on a transient (4yz) reply a policy that
//!    says [`Retry::Never`] does not count (`never` and `suppress_address` concern permanent
//!    replies, as a hard bounce does); on a permanent (5yz) reply a policy that says
//!    [`Retry::Later`] counts as [`Retry::AfterFix`] with no timing (a 5yz is not repeated
//!    unchanged; its `how` is the change to make);
//! 4. else [`RETRY_DEFAULT_TRANSIENT`] for a transient reply, [`RETRY_DEFAULT_PERMANENT`] for
//!    a permanent one (RFC 5321 sections 4.5.4.1 and 4.2.1).
//!
//! A policy that says [`Retry::Later`] takes each timing field it leaves out (`first_after`,
//! `backoff`, `give_up_after`, `give_up_attempts`) from [`RETRY_DEFAULT_TRANSIENT`]; `source`
//! still names the level that chose `retry`. `suppress_address` is only ever true on a
//! permanent reply. Success (2yz) and intermediate (3yz) replies have no policy.
//!
//! ```
//! use core::time::Duration;
//! use smtp_codes::classify::{classify_text, PolicySource, Retry};
//! use smtp_codes::{EnhancedCode, ReplyCode};
//!
//! let c = classify_text(
//!     ReplyCode::MAILBOX_UNAVAILABLE,
//!     Some("5.1.1".parse().unwrap()),
//!     b"User unknown",
//! );
//! let p = c.retry_policy.unwrap();
//! assert_eq!((p.retry, p.suppress_address, p.source), (Retry::Never, true, PolicySource::Reason));
//!
//! let c = classify_text(ReplyCode::LOCAL_ERROR_IN_PROCESSING, None, b"Try again later");
//! let p = c.retry_policy.unwrap();
//! assert_eq!(p.retry, Retry::Later);
//! assert_eq!(p.first_after, Some(Duration::from_secs(30 * 60)));
//! assert!(!p.suppress_address);
//! ```
//!
//! (Hand-written; the policies are generated into `tables/classify.rs`, `tables/reason.rs`
//! and `tables/vendor.rs`.)

use core::time::Duration;

use crate::classify::{DecidedBy, Outcome};
use crate::tables::classify::reason_retry_policy;
pub use crate::tables::classify::{RETRY_DEFAULT_PERMANENT, RETRY_DEFAULT_TRANSIENT};
use crate::tables::vocabulary::VendorRetry;
use crate::Reason;

/// Whether to retry: `later` (as it is), `after_fix` (only once something is changed),
/// `never`. The same words as a vendor entry's `retry`.
pub type Retry = VendorRetry;

/// Which level of the data decided a [`RetryPolicy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PolicySource {
    /// The caller's rule that decided the reason.
    UserRule,
    /// The vendor entry that decided the reason.
    Vendor,
    /// The reason's policy in `data/classifier.yaml`.
    Reason,
    /// `retry_defaults` in `data/classifier.yaml` (RFC 5321).
    Default,
}

impl PolicySource {
    /// `"user_rule"`, `"vendor"`, `"reason"` or `"default"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PolicySource::UserRule => "user_rule",
            PolicySource::Vendor => "vendor",
            PolicySource::Reason => "reason",
            PolicySource::Default => "default",
        }
    }
}

/// What to do next time: whether and when to retry, how, when to give up, and whether to
/// stop mailing the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RetryPolicy {
    /// Whether to retry.
    pub retry: Retry,
    /// The least delay before the next attempt.
    pub first_after: Option<Duration>,
    /// How the delay grows between attempts (words for people).
    pub backoff: Option<&'static str>,
    /// How to send when retrying: fewer connections, a slower rate (words for people).
    pub how: Option<&'static str>,
    /// Give up once this long has passed since the first attempt.
    pub give_up_after: Option<Duration>,
    /// Give up after this many attempts.
    pub give_up_attempts: Option<u32>,
    /// Stop sending to the address (put it on a suppression list).
    pub suppress_address: bool,
    /// Which level of the data decided `retry`.
    pub source: PolicySource,
}

impl RetryPolicy {
    /// A policy that says only `retry`, from `source`; fill the rest with struct update
    /// syntax.
    pub const fn new(retry: Retry, source: PolicySource) -> RetryPolicy {
        RetryPolicy {
            retry,
            first_after: None,
            backoff: None,
            how: None,
            give_up_after: None,
            give_up_attempts: None,
            suppress_address: false,
            source,
        }
    }

    /// This policy with `source` set.
    pub const fn from_source(self, source: PolicySource) -> RetryPolicy {
        RetryPolicy { source, ..self }
    }

    /// Timing fields left out taken from the transient defaults, when the policy says later;
    /// `suppress_address` dropped on a transient reply.
    pub(crate) fn completed(self, outcome: Outcome) -> RetryPolicy {
        let mut p = self;
        if p.retry == Retry::Later {
            let d = RETRY_DEFAULT_TRANSIENT;
            p.first_after = p.first_after.or(d.first_after);
            p.backoff = p.backoff.or(d.backoff);
            p.give_up_after = p.give_up_after.or(d.give_up_after);
            p.give_up_attempts = p.give_up_attempts.or(d.give_up_attempts);
        }
        if outcome != Outcome::Permanent {
            p.suppress_address = false;
        }
        p
    }
}

/// Formats a duration the way the data writes it: whole days (`5d`), else whole hours
/// (`4h`), else minutes (`30m`, rounded down).
pub fn duration_str(d: Duration, out: &mut impl core::fmt::Write) -> core::fmt::Result {
    let s = d.as_secs();
    if s != 0 && s % 86_400 == 0 {
        write!(out, "{}d", s / 86_400)
    } else if s != 0 && s % 3_600 == 0 {
        write!(out, "{}h", s / 3_600)
    } else {
        write!(out, "{}m", s / 60)
    }
}

/// The retry policy of a classification, resolved as this module documents.
pub(crate) fn resolve(
    outcome: Outcome,
    reason: Reason,
    decided_by: &DecidedBy<'_>,
) -> Option<RetryPolicy> {
    let transient = match outcome {
        Outcome::Success | Outcome::Intermediate => return None,
        Outcome::Transient => true,
        Outcome::Permanent => false,
    };
    let user = match decided_by {
        DecidedBy::UserRule { rule, .. } => rule
            .retry_policy
            .map(|p| p.from_source(PolicySource::UserRule)),
        _ => None,
    };
    let by_vendor = match decided_by {
        DecidedBy::VendorText(e) | DecidedBy::VendorCode(e) => e.retry_policy,
        _ => None,
    };
    let by_reason = reason_retry_policy(reason).and_then(|p| match (transient, p.retry) {
        // `never` (with `suppress_address`) concerns permanent replies, as a hard bounce does.
        (true, Retry::Never) => None,
        // A permanent reply is not repeated unchanged: the reason's way of retrying becomes
        // the change to make first.
        (false, Retry::Later) => Some(RetryPolicy {
            retry: Retry::AfterFix,
            first_after: None,
            backoff: None,
            give_up_after: None,
            give_up_attempts: None,
            ..p
        }),
        _ => Some(p),
    });
    let default = if transient {
        RETRY_DEFAULT_TRANSIENT
    } else {
        RETRY_DEFAULT_PERMANENT
    };
    let chosen = user.or(by_vendor).or(by_reason).unwrap_or(default);
    Some(chosen.completed(outcome))
}
