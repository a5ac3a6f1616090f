//! The answer box at the top of every code page: whose side the problem is on, whether to
//! retry, and what to do.
//!
//! Everything here is derived from the code's digits alone, in one function, [`answer`]: the
//! class digit decides retrying (RFC 5321 section 4.2.1 for reply codes, RFC 3463 section 2
//! for enhanced codes), the subject (enhanced) or the second digit (reply codes) decides whose
//! side the problem is on. It is deliberately coarse, the fallback only: where the classifier's
//! data (`data/classifier.yaml`) gives a code a typical reason, the page takes whose side and
//! what to do from that reason, and the troubleshooting entries in `data/` add the specifics
//! where they exist (see `views::typical_reason`).
//!
//! What to do next time ([`next_time_words`]) is the one part that reads the data: the retry
//! policy `data/classifier.yaml` gives the code's typical reason, resolved for the reply's
//! class by [`Classifier::next_time`](crate::model::Classifier::next_time) as the crate's
//! classifier resolves it, put into words here.

use crate::model::{Retry, RetryPolicy};

/// A code as the answer box sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// A 3-digit reply code (also the client-side numbers 101 and 111).
    Reply(u16),
    /// An enhanced code with its class digit (2, 4 or 5).
    Enhanced {
        class: u8,
        subject: u16,
        detail: u16,
    },
}

/// The three answers, in plain words (our prose, not registry data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// What kind of outcome the class digit reports, in two or three words.
    pub outcome: &'static str,
    /// Whose side the problem is on.
    pub side: &'static str,
    /// Whether to retry.
    pub retry: &'static str,
    /// What to do.
    pub action: &'static str,
}

/// Whose side, whether to retry and what to do, for a code.
///
/// * **Retry** follows the class digit: `2` success and `3` intermediate need no retry, `4` is
///   temporary (the sending server retries on its own), `5` is permanent (the same thing sent
///   again fails again). `1xx` is no SMTP reply at all but a client's own connection error.
/// * **Side**, for enhanced codes, follows the subject: X.1 addresses (X.1.7 and X.1.8 are the
///   sender's address, the rest the recipient's), X.2 the recipient's mailbox, X.3 the
///   receiving mail system, X.4 the network between servers, X.5 the sending software's
///   dialogue, X.6 the message itself, X.7 policy; X.0 says nothing. For reply codes it
///   follows the second digit (RFC 5321 section 4.2.1): `x0z` syntax is the sending software,
///   `x2z` the connection, `x3z`/`x4z` authentication and TLS, `x5z` the receiving mail system.
/// * **Action** combines the two.
pub fn answer(asked: Asked) -> Answer {
    const FIX_CONNECTION: &str = "Check the server name, the port (25, 465 or 587), the \
        firewall and whether the server is up; then send again.";
    let (class, retry, outcome) = {
        let class = match asked {
            Asked::Reply(code) => (code / 100) as u8,
            Asked::Enhanced { class, .. } => class,
        };
        let (retry, outcome) = retry_and_outcome(class);
        (class, retry, outcome)
    };
    let nothing = |side| Answer {
        outcome,
        side,
        retry,
        action: "Nothing: this reports progress, not a problem.",
    };
    match (asked, class) {
        (Asked::Reply(_), 1) => Answer {
            outcome,
            side: "The sending side: the mail client could not reach the server.",
            retry,
            action: FIX_CONNECTION,
        },
        (_, 2) | (_, 3) => nothing("Nobody's: nothing went wrong."),
        (Asked::Reply(code), _) => {
            let (side, action) = reply_side_and_action(code);
            Answer {
                outcome,
                side,
                retry,
                action,
            }
        }
        (
            Asked::Enhanced {
                subject, detail, ..
            },
            _,
        ) => {
            let (side, action) = enhanced_side_and_action(subject, detail);
            Answer {
                outcome,
                side,
                retry,
                action,
            }
        }
    }
}

/// Whether to retry and the outcome's name, by class digit.
fn retry_and_outcome(class: u8) -> (&'static str, &'static str) {
    match class {
        1 => (
            "Not until the connection works: no server answered, so this is no SMTP reply.",
            "client-side error",
        ),
        2 => ("No need: the request succeeded.", "success"),
        3 => (
            "No: the server is waiting for the next step (the message text, or the next \
         authentication step).",
            "intermediate reply",
        ),
        4 => (
            "Yes, later: the failure is temporary. A mail server keeps the message queued \
         and retries on its own; a bounce only comes once it gives up.",
            "temporary failure",
        ),
        5 => (
            "No: the failure is permanent. Sending the same message the same way fails again; \
             fix the cause first, then send it again.",
            "permanent failure",
        ),
        _ => (
            "Unknown: the first digit is not a standard class.",
            "non-standard code",
        ),
    }
}

/// Whose side and what to do for a reply code, by its second digit (and class).
fn reply_side_and_action(code: u16) -> (&'static str, &'static str) {
    let temporary = code / 100 == 4;
    match (code / 10) % 10 {
        0 => (
            "The sending software: the server did not accept a command or its syntax.",
            "The administrator of the sending client or server should read its log: it \
         sent a command the server does not support or expect at this point. \
         Update or reconfigure that software.",
        ),
        1 => ("Nobody's: an information reply.", "Nothing."),
        2 if temporary => (
            "The receiving server: it is closing the connection or not available.",
            "Wait: the sending server retries. If it persists for hours, the receiving \
         server is down or refusing this sender; contact its postmaster.",
        ),
        2 => (
            "The receiving server: it does not accept mail.",
            "Check the recipient's domain: this server accepts no mail at all.",
        ),
        3 | 4 => (
            "Authentication or encryption between the client and the server.",
            "Check the client's account, password, authentication method and TLS \
         settings against what the server offers.",
        ),
        5 if temporary => (
            "The receiving mail system: a mailbox or the server is temporarily \
         unavailable.",
            "Wait for the automatic retries (greylisting and busy servers clear up by \
         themselves). If a bounce arrives anyway, read the enhanced code and text \
         after the number and contact the recipient.",
        ),
        5 => (
            "The receiving mail system: the recipient's address or mailbox, or a \
         policy there. The enhanced code after the number tells which.",
            "Read the enhanced code and the text after the number: 5.1.x means a wrong \
         address, 5.2.x a mailbox problem, 5.7.x a policy or authentication \
         refusal. Fix that cause before sending again.",
        ),
        _ => (
            "Unknown: no RFC defines this code.",
            "Read the text after the number; look up the sending or receiving \
         product's own documentation.",
        ),
    }
}

/// Whose side and what to do for an enhanced code, by its subject (and a few details).
fn enhanced_side_and_action(subject: u16, detail: u16) -> (&'static str, &'static str) {
    match subject {
        0 => (
            "Not said: X.0 names no subject; only the class digit and the text carry \
         meaning.",
            "Read the text after the code; it is the only explanation. If it does not \
         help, ask the receiving side's postmaster.",
        ),
        1 if detail == 7 || detail == 8 => (
            "The sender's side: the sender's address or its domain.",
            "Check the sender address (the envelope MAIL FROM) and that its domain \
         exists in DNS with an MX or address record.",
        ),
        1 if detail == 0 => (
            "An address: the sender's or a recipient's; the text says which.",
            "Check both addresses for typos and check that their domains exist.",
        ),
        1 => (
            "The recipient's address: it is wrong, or it does not exist at the \
         destination.",
            "Check the recipient address for typos and ask the recipient for a current \
         address. Do not resend to the same address unchanged.",
        ),
        2 => (
            "The recipient's mailbox: it exists but is full, disabled or cannot take \
         this message.",
            "Tell the recipient through another channel; for a size limit, send a \
         smaller message or a link instead of the attachment.",
        ),
        3 => (
            "The receiving mail system: the destination server cannot handle the \
         message.",
            "Little the sender can change: wait for retries, and contact the \
         recipient's postmaster if it persists.",
        ),
        4 => (
            "The network or routing between the servers (DNS, connectivity, \
         congestion), often on the sending server's path.",
            "Check the recipient domain's MX records and the sending server's \
         connectivity; its administrator can read the queue and the logs.",
        ),
        5 => (
            "The sending software: the SMTP dialogue went wrong (invalid command, \
         syntax, too many recipients).",
            "The administrator of the sending software should read its log and fix \
         or update it; a person cannot fix this by resending.",
        ),
        6 => (
            "The message itself: its content or format cannot be delivered as it is.",
            "Change the message: a smaller size, another encoding or attachment, or \
         an ASCII address where the other side cannot take UTF-8.",
        ),
        7 => (
            "Policy at the receiving side: security, authentication or reputation \
         checks refused it. The sender usually has to fix it.",
            "The sender's administrator should check the sending domain's SPF, DKIM \
         and DMARC records, the sending IP's reputation and reverse DNS, and the \
         sender's permissions; the text usually names the check that failed.",
        ),
        _ => (
            "Unknown: this subject is not registered.",
            "Read the text after the code.",
        ),
    }
}

/// A data duration (`30m`, `1h`, `5d`) in words: `30 minutes`, `1 hour`, `5 days`.
fn duration_words(d: &str) -> String {
    let (n, unit) = d.split_at(d.len().saturating_sub(1));
    let unit = match unit {
        "d" => "day",
        "h" => "hour",
        _ => "minute",
    };
    if n == "1" {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// What to do next time, for people: whether and when to retry, how, when to give up, and
/// whether to stop mailing the address. `own` says the policy is the typical reason's, not
/// RFC 5321's default.
pub fn next_time_words(p: &RetryPolicy, own: bool) -> String {
    let mut s = match p.retry {
        Retry::Later => match &p.first_after {
            Some(d) => format!(
                "Retry, no sooner than {} after this attempt.",
                duration_words(d)
            ),
            None => "Retry later.".to_string(),
        },
        Retry::AfterFix => {
            "Retry only after fixing the cause; waiting alone does not help.".to_string()
        }
        Retry::Never => "Do not send this message again.".to_string(),
    };
    for extra in [&p.how, &p.backoff].into_iter().flatten() {
        s.push(' ');
        s.push_str(
            extra
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_str(),
        );
    }
    match (&p.give_up_after, p.give_up_attempts) {
        (Some(d), Some(n)) => s.push_str(&format!(
            " Give up after {} or {n} attempts, whichever comes first.",
            duration_words(d)
        )),
        (Some(d), None) => s.push_str(&format!(
            " Give up {} after the first attempt.",
            duration_words(d)
        )),
        (None, Some(n)) => s.push_str(&format!(" Give up after {n} attempts.")),
        (None, None) => {}
    }
    if p.suppress_address {
        s.push_str(" Stop mailing this address: put it on your suppression list.");
    }
    if !own {
        s.push_str(" (RFC 5321's general rule; a provider's own reply can say more.)");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_digit_decides_retry() {
        let e = |class, subject, detail| {
            answer(Asked::Enhanced {
                class,
                subject,
                detail,
            })
        };
        assert!(e(5, 7, 26).retry.starts_with("No"));
        assert!(e(4, 2, 2).retry.starts_with("Yes"));
        assert!(e(2, 1, 5).retry.starts_with("No need"));
        assert!(answer(Asked::Reply(550)).retry.starts_with("No"));
        assert!(answer(Asked::Reply(451)).retry.starts_with("Yes"));
        assert!(answer(Asked::Reply(354)).retry.starts_with("No:"));
        assert!(answer(Asked::Reply(101)).side.contains("client"));
    }

    #[test]
    fn next_time_in_words() {
        let mut p = RetryPolicy::only(Retry::Later);
        p.first_after = Some("30m".into());
        p.give_up_after = Some("5d".into());
        let w = next_time_words(&p, false);
        assert!(w.starts_with("Retry, no sooner than 30 minutes"), "{w}");
        assert!(w.contains("Give up 5 days after the first attempt."), "{w}");
        assert!(w.ends_with("can say more.)"), "{w}");
        let mut p = RetryPolicy::only(Retry::Never);
        p.suppress_address = true;
        let w = next_time_words(&p, true);
        assert_eq!(
            w,
            "Do not send this message again. Stop mailing this address: put it on your suppression list."
        );
        assert_eq!(duration_words("1h"), "1 hour");
    }

    #[test]
    fn subject_decides_side() {
        let side = |subject, detail| {
            answer(Asked::Enhanced {
                class: 5,
                subject,
                detail,
            })
            .side
        };
        assert!(side(1, 1).starts_with("The recipient's address"));
        assert!(side(1, 7).starts_with("The sender's side"));
        assert!(side(2, 2).starts_with("The recipient's mailbox"));
        assert!(side(7, 26).starts_with("Policy"));
        assert!(answer(Asked::Reply(500))
            .side
            .starts_with("The sending software"));
    }
}
