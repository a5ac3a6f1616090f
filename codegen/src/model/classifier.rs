//! `classifier.yaml`: the reason taxonomy, the default reason of each code, and the text rules
//! that refine them. The file's own header documents the algorithm; this module only holds
//! the data (`load::classifier` checks it).

use serde::Deserialize;

use super::{EnhancedKey, Term, BOUNCES, SIDES};

/// Whose side a problem is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Recipient,
    Sender,
    SendingServer,
    ReceivingServer,
    Network,
    None,
}

impl Side {
    /// The identifier, as the data and the JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Recipient => "recipient",
            Side::Sender => "sender",
            Side::SendingServer => "sending_server",
            Side::ReceivingServer => "receiving_server",
            Side::Network => "network",
            Side::None => "none",
        }
    }

    /// Its term in [`SIDES`]: variant and words.
    pub fn term(self) -> &'static Term {
        SIDES.term(self.as_str())
    }
}

/// Bounce type of a permanent failure with this reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bounce {
    Hard,
    Soft,
    None,
}

impl Bounce {
    /// The identifier, as the data and the JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Bounce::Hard => "hard",
            Bounce::Soft => "soft",
            Bounce::None => "none",
        }
    }

    /// Its term in [`BOUNCES`]: variant and words.
    pub fn term(self) -> &'static Term {
        BOUNCES.term(self.as_str())
    }
}

/// One reason of the taxonomy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonEntry {
    pub id: String,
    pub title: String,
    pub side: Side,
    pub bounce: Bounce,
    #[serde(default)]
    pub sisimai: Option<String>,
    /// The reason's category in each scheme of [`Classifier::crosswalks`], by scheme id;
    /// empty for a reason that is not a failure.
    #[serde(default)]
    pub crosswalk: std::collections::BTreeMap<String, String>,
    pub advice: String,
    /// What to do next time, where it is known for the reason (overrides `retry_defaults`).
    #[serde(default)]
    pub retry_policy: Option<RetryPolicy>,
}

/// What a sender should do after a reply: whether to retry, when, how, when to give up, and
/// whether to stop mailing the address. Durations are `<n>m`, `<n>h` or `<n>d`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryPolicy {
    /// `later` (retry as it is), `after_fix` (only once something is changed), `never`.
    pub retry: super::Retry,
    /// The delay before the first retry.
    #[serde(default)]
    pub first_after: Option<String>,
    /// How the delay grows between retries (our words).
    #[serde(default)]
    pub backoff: Option<String>,
    /// How to send when retrying: fewer connections, a slower rate (our words).
    #[serde(default)]
    pub how: Option<String>,
    /// Give up once this long has passed since the first attempt.
    #[serde(default)]
    pub give_up_after: Option<String>,
    /// Give up after this many attempts.
    #[serde(default)]
    pub give_up_attempts: Option<u32>,
    /// Stop sending to the address (a suppression list).
    #[serde(default)]
    pub suppress_address: bool,
}

impl RetryPolicy {
    /// A policy that says only `retry`.
    pub const fn only(retry: super::Retry) -> RetryPolicy {
        RetryPolicy {
            retry,
            first_after: None,
            backoff: None,
            how: None,
            give_up_after: None,
            give_up_attempts: None,
            suppress_address: false,
        }
    }
}

/// The policies that apply when neither a vendor entry nor the reason gives one: RFC 5321
/// section 4.5.4.1 for transient replies, no retry for permanent ones.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryDefaults {
    pub transient: RetryPolicy,
    pub permanent: RetryPolicy,
}

/// The default reason of a registered enhanced code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnhancedDefault {
    pub code: EnhancedKey,
    pub reason: String,
}

/// The default reason of an unregistered enhanced code's subject.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectDefault {
    pub subject: u16,
    pub reason: String,
}

/// The default reason of the reply codes of a class (2, 3, 4 or 5) that have none of their own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassDefault {
    pub class: u16,
    pub reason: String,
}

/// The default reason of a reply code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicDefault {
    pub code: u16,
    pub reason: String,
}

/// A text rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub reason: String,
    pub any: Vec<String>,
    #[serde(default)]
    pub all: Vec<String>,
    #[serde(default)]
    pub none: Vec<String>,
    #[serde(default)]
    pub classes: Vec<u8>,
    #[serde(default)]
    pub codes: Vec<u16>,
    #[serde(default)]
    pub enhanced: Vec<EnhancedKey>,
    #[serde(default)]
    pub weak: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// `classifier.yaml`; empty when the file is absent.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Classifier {
    /// Optional so that a registry without retry guidance stays valid.
    #[serde(default)]
    pub retry_defaults: Option<RetryDefaults>,
    pub reasons: Vec<ReasonEntry>,
    pub enhanced: Vec<EnhancedDefault>,
    #[serde(default)]
    pub generic_enhanced: Vec<EnhancedKey>,
    pub subjects: Vec<SubjectDefault>,
    #[serde(default)]
    pub classes: Vec<ClassDefault>,
    pub basic: Vec<BasicDefault>,
    pub rules: Vec<Rule>,
    /// The schemes of bounce categories each failure reason is mapped to, in file order.
    #[serde(default)]
    pub crosswalks: Vec<super::CrosswalkScheme>,
}

/// RFC 5321's rule when the data gives no `retry_defaults`: retry a transient reply later
/// (section 4.2.1), never repeat a permanent one unchanged; nothing more is said.
pub static RFC_RETRY_DEFAULTS: RetryDefaults = RetryDefaults {
    transient: RetryPolicy::only(super::Retry::Later),
    permanent: RetryPolicy::only(super::Retry::Never),
};

impl Classifier {
    /// The retry defaults every renderer writes: the data's, else [`RFC_RETRY_DEFAULTS`].
    pub fn retry_defaults_or_rfc(&self) -> &RetryDefaults {
        self.retry_defaults.as_ref().unwrap_or(&RFC_RETRY_DEFAULTS)
    }

    /// What to do next time after a reply of `class` (4 or 5) whose reason is `reason`, when
    /// no vendor entry or user rule says more: the reason's policy adjusted to the class, else
    /// the class's default, completed from the transient default where it says `later`. The
    /// same resolution as the crate's `classify::retry` (which also weighs vendor entries and
    /// user rules); `None` for other classes. The flag says whether the policy is the
    /// reason's own (else the default's).
    pub fn next_time(
        &self,
        reason: Option<&ReasonEntry>,
        class: u8,
    ) -> Option<(RetryPolicy, bool)> {
        let transient = match class {
            4 => true,
            5 => false,
            _ => return None,
        };
        let d = self.retry_defaults_or_rfc();
        let (t_default, p_default) = (d.transient.clone(), d.permanent.clone());
        let by_reason =
            reason
                .and_then(|r| r.retry_policy.clone())
                .and_then(|p| match (transient, p.retry) {
                    (true, super::Retry::Never) => None,
                    (false, super::Retry::Later) => Some(RetryPolicy {
                        retry: super::Retry::AfterFix,
                        first_after: None,
                        backoff: None,
                        give_up_after: None,
                        give_up_attempts: None,
                        ..p
                    }),
                    _ => Some(p),
                });
        let own = by_reason.is_some();
        let mut p = by_reason.unwrap_or(if transient {
            t_default.clone()
        } else {
            p_default
        });
        if p.retry == super::Retry::Later {
            p.first_after = p.first_after.or(t_default.first_after);
            p.backoff = p.backoff.or(t_default.backoff);
            p.give_up_after = p.give_up_after.or(t_default.give_up_after);
            p.give_up_attempts = p.give_up_attempts.or(t_default.give_up_attempts);
        }
        if transient {
            p.suppress_address = false;
        }
        Some((p, own))
    }

    /// A reason's category in each scheme, in scheme order (empty when it has none).
    pub fn crosswalk<'c>(
        &'c self,
        reason: &'c ReasonEntry,
    ) -> impl Iterator<Item = (&'c super::CrosswalkScheme, &'c str)> + 'c {
        self.crosswalks
            .iter()
            .filter_map(move |s| Some((s, reason.crosswalk.get(&s.scheme)?.as_str())))
    }

    pub fn reason(&self, id: &str) -> Option<&ReasonEntry> {
        self.reasons.iter().find(|r| r.id == id)
    }

    /// The default reason of a registered enhanced code.
    pub fn enhanced_default(&self, key: EnhancedKey) -> Option<&str> {
        self.enhanced
            .iter()
            .find(|e| e.code == key)
            .map(|e| e.reason.as_str())
    }

    /// The default reason of a reply code.
    pub fn basic_default(&self, code: u16) -> Option<&str> {
        self.basic
            .iter()
            .find(|b| b.code == code)
            .map(|b| b.reason.as_str())
    }

    /// The default reason of an unregistered enhanced code's subject.
    pub fn subject_default(&self, subject: u16) -> Option<&str> {
        self.subjects
            .iter()
            .find(|s| s.subject == subject)
            .map(|s| s.reason.as_str())
    }

    /// The default reason of the reply codes of `class` that have none of their own.
    pub fn class_default(&self, class: u16) -> Option<&str> {
        self.classes
            .iter()
            .find(|c| c.class == class)
            .map(|c| c.reason.as_str())
    }

    /// Gives every registered enhanced code without a default of its own its subject's, and
    /// every reply code in `basic.yaml` without one its class's, so that adding a code is one
    /// entry in `enhanced.yaml` or `basic.yaml`. Run once, after validation: the renderers
    /// then see one complete table and never apply a fallback themselves.
    pub fn complete_defaults(&mut self, enhanced: &[EnhancedKey], reply_codes: &[u16]) {
        for &k in enhanced {
            if self.enhanced_default(k).is_none() {
                if let Some(r) = self.subject_default(k.subject).map(str::to_string) {
                    self.enhanced.push(EnhancedDefault { code: k, reason: r });
                }
            }
        }
        self.enhanced.sort_by_key(|e| e.code);
        for &code in reply_codes {
            if self.basic_default(code).is_none() {
                if let Some(r) = self.class_default(code / 100).map(str::to_string) {
                    self.basic.push(BasicDefault { code, reason: r });
                }
            }
        }
        self.basic.sort_by_key(|b| b.code);
    }
}
