//! The codes a piece of prose names: 3-digit reply codes (`550`), enhanced codes with their
//! class digit or `X` (`5.1.1`, `X.7.26`) and vendors' ranges of enhanced codes
//! (`4.7.500-699`, `4.7.850-4.7.899`), found so that the site can link each to its page.
//!
//! Finding is deliberately shy: a wrong link misleads more than a missing one. A number is a
//! reply code only when it stands alone (not part of `192.168.250.1`, `10:250`, `1,500`,
//! `2024-550`, `550KB`, `510-517`), is not a quantity or a name (`550 KB`, `200 recipients`,
//! `port 587`, `RFC 821`, `Microsoft 365`) and, at the caller, names a code the registry
//! holds. An enhanced code must be whole (`5.1.1`, not the start of `5.1.1.2` or the end of
//! `1.5.1.1`). What a mention links to, if anything, is the caller's decision (see
//! `render::site::Ctx`); this module only reads text.

use std::ops::Range;

use crate::model::EnhancedKey;

/// A code a text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention {
    /// A 3-digit reply code: `550`.
    Reply(u16),
    /// An enhanced code: `5.1.1` (class 5) or `X.7.26` (no class).
    Enhanced { class: Option<u8>, key: EnhancedKey },
    /// A range of enhanced codes, as vendors document them (`4.7.500-699`): its first code.
    EnhancedRange {
        class: Option<u8>,
        first: EnhancedKey,
    },
}

/// A mention and where it is in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub range: Range<usize>,
    pub mention: Mention,
}

/// Words before a number that make it something other than a reply code (`RFC 821`,
/// `port 587`, `Microsoft 365`, `over 200`), compared in lower case.
const NOT_AFTER: &[&str] = &[
    "rfc",
    "rfcs",
    "port",
    "ports",
    "section",
    "sections",
    "http",
    "microsoft",
    "office",
    "windows",
    "exchange",
    "version",
    "over",
    "under",
    "than",
    "about",
    "around",
    "approximately",
    "exceeds",
    "exceeding",
    "least",
    "most",
    "max",
    "maximum",
    "limit",
    "first",
    "last",
    "every",
    "each",
    "top",
];

/// Words that make the dotted numbers after them (a list of them too) section or version
/// numbers (`section 4.2.2`, `sections 4.1.1.11, 4.2.2 and 4.3.2`), compared in lower case.
const NUMBERS_AFTER: &[&str] = &[
    "section", "sections", "appendix", "table", "figure", "version", "versions", "release",
];

/// Words after a number that make it a quantity (`550 KB`, `200 recipients`), compared in
/// lower case.
const NOT_BEFORE: &[&str] = &[
    "b",
    "kb",
    "mb",
    "gb",
    "tb",
    "kib",
    "mib",
    "gib",
    "byte",
    "bytes",
    "octets",
    "character",
    "characters",
    "chars",
    "line",
    "lines",
    "address",
    "addresses",
    "recipient",
    "recipients",
    "rcpt",
    "rcpts",
    "messages",
    "emails",
    "mails",
    "connection",
    "connections",
    "session",
    "sessions",
    "ms",
    "s",
    "sec",
    "secs",
    "second",
    "seconds",
    "min",
    "mins",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "per",
    "percent",
    "times",
    "users",
    "domains",
    "ips",
    "attempts",
    "items",
];

fn digits(b: &[u8], i: usize, max: usize) -> usize {
    b[i.min(b.len())..]
        .iter()
        .take(max + 1)
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// A sub-code of 1 to 3 digits without a leading zero at `i`: its value and length.
fn subcode(b: &[u8], i: usize) -> Option<(u16, usize)> {
    let n = digits(b, i, 3);
    if n == 0 || n > 3 || (n > 1 && b[i] == b'0') {
        return None;
    }
    let v = std::str::from_utf8(&b[i..i + n]).ok()?.parse().ok()?;
    Some((v, n))
}

/// An enhanced code at `i` (`5.1.1`, `X.7.26`): class, key and end, without boundary checks.
fn enhanced_at(b: &[u8], i: usize) -> Option<(Option<u8>, EnhancedKey, usize)> {
    let class = match b.get(i)? {
        b'2' => Some(2),
        b'4' => Some(4),
        b'5' => Some(5),
        b'X' => None,
        _ => return None,
    };
    if b.get(i + 1) != Some(&b'.') {
        return None;
    }
    let (subject, n1) = subcode(b, i + 2)?;
    let dot = i + 2 + n1;
    if b.get(dot) != Some(&b'.') {
        return None;
    }
    let (detail, n2) = subcode(b, dot + 1)?;
    Some((class, EnhancedKey { subject, detail }, dot + 1 + n2))
}

fn word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// Does a number or code ending at `end` end cleanly (no more digits, letters or parts)?
fn clean_end(b: &[u8], end: usize) -> bool {
    match b.get(end) {
        None => true,
        Some(&c) if word_byte(c) => false,
        Some(b'.' | b',' | b':' | b'/' | b'-') => !b.get(end + 1).is_some_and(|c| word_byte(*c)),
        Some(b'%') => false,
        Some(_) => true,
    }
}

/// The word (letters only) just before `i`, skipping one space, in lower case.
fn word_before(text: &str, i: usize) -> String {
    let before = text[..i].strip_suffix(' ').unwrap_or(&text[..0]);
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(p, c)| p + c.len_utf8());
    before[start..].to_ascii_lowercase()
}

/// The word (letters only) just after `i`, skipping one space, in lower case.
fn word_after(text: &str, i: usize) -> String {
    let after = text[i..].strip_prefix(' ').unwrap_or("");
    let end = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    after[..end].to_ascii_lowercase()
}

/// Is the dotted number at `i` one of the numbers after a word of [`NUMBERS_AFTER`]?
fn numbered_by_word(text: &str, i: usize) -> bool {
    let mut before = &text[..i];
    for _ in 0..8 {
        before = before.trim_end_matches([' ', ',']);
        if before.ends_with('§') {
            return true;
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '.'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &before[start..];
        if word.is_empty() {
            return false;
        }
        let lower = word.to_ascii_lowercase();
        let number = word.bytes().all(|c| c.is_ascii_digit() || c == b'.');
        if number || lower == "and" || lower == "or" {
            before = &before[..start];
            continue;
        }
        return NUMBERS_AFTER.contains(&lower.trim_end_matches('.'));
    }
    false
}

/// Is the number `b[i..end]` followed by `or fewer`, `or more`, `or less` (a quantity)?
fn or_more(text: &str, end: usize) -> bool {
    let rest = text[end..].to_ascii_lowercase();
    ["or fewer", "or more", "or less", "and more", "and fewer"]
        .iter()
        .any(|w| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(w)))
}

/// Every code `text` names, in order, never overlapping.
pub fn find(text: &str) -> Vec<Found> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let prev = i.checked_sub(1).map(|p| b[p]);
        let free = prev.is_none_or(|p| !word_byte(p) && !matches!(p, b'.' | b'\\'));
        if !free {
            i += 1;
            continue;
        }
        // After a hyphen only as the second part of a multi-line reply's `550-5.1.1`.
        let after_reply_hyphen =
            prev == Some(b'-') && i >= 4 && b[i - 4..i - 1].iter().all(u8::is_ascii_digit);
        let glued = matches!(
            prev,
            Some(b',' | b'/' | b':' | b'$' | b'#' | b'+' | b'=' | b'!' | b']')
        ) || (prev == Some(b'-') && !after_reply_hyphen);
        if glued {
            i += 1;
            continue;
        }
        if let Some((class, key, end)) = enhanced_at(b, i) {
            if numbered_by_word(text, i) {
                i = end;
                continue;
            }
            // A range: `4.7.500-699` or `4.7.500-4.7.699`.
            if b.get(end) == Some(&b'-') {
                let range_end = match enhanced_at(b, end + 1) {
                    Some((_, _, e)) => Some(e),
                    None => subcode(b, end + 1).map(|(_, n)| end + 1 + n),
                };
                if let Some(e) = range_end.filter(|&e| clean_end(b, e)) {
                    out.push(Found {
                        range: i..e,
                        mention: Mention::EnhancedRange { class, first: key },
                    });
                    i = e;
                    continue;
                }
            }
            if clean_end(b, end) {
                out.push(Found {
                    range: i..end,
                    mention: Mention::Enhanced { class, key },
                });
            }
            i = end;
            continue;
        }
        let n = digits(b, i, 3);
        if n == 3 && matches!(b[i], b'2'..=b'5') && !after_reply_hyphen {
            let end = i + 3;
            // `550-5.1.1` (a multi-line reply) is a reply code; `510-517` is a range of them.
            let hyphen_reply = b.get(end) == Some(&b'-') && enhanced_at(b, end + 1).is_some();
            let quantity = NOT_AFTER.contains(&word_before(text, i).as_str())
                || NOT_BEFORE.contains(&word_after(text, end).as_str())
                || or_more(text, end);
            if (clean_end(b, end) || hyphen_reply) && !quantity {
                let code = std::str::from_utf8(&b[i..end])
                    .ok()
                    .and_then(|s| s.parse().ok());
                if let Some(code) = code {
                    out.push(Found {
                        range: i..end,
                        mention: Mention::Reply(code),
                    });
                }
            }
            i = end;
            continue;
        }
        // Skip the rest of a number or word.
        i += 1;
        while i < b.len() && (word_byte(b[i]) || b[i] == b'.') && word_byte(b[i - 1]) {
            i += 1;
        }
    }
    out
}

/// The code `text` is, when it is nothing but one code (a code span such as `` `X.7.26` ``).
pub fn whole(text: &str) -> Option<Mention> {
    let t = text.trim();
    match find(t).as_slice() {
        [f] if f.range == (0..t.len()) => Some(f.mention),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(subject: u16, detail: u16) -> EnhancedKey {
        EnhancedKey { subject, detail }
    }

    fn found(text: &str) -> Vec<(&str, Mention)> {
        find(text)
            .into_iter()
            .map(|f| (&text[f.range], f.mention))
            .collect()
    }

    #[test]
    fn finds_reply_and_enhanced_codes() {
        assert_eq!(
            found("Gmail sends 550 5.1.1 for an unknown user; see X.7.26 and 421."),
            vec![
                ("550", Mention::Reply(550)),
                (
                    "5.1.1",
                    Mention::Enhanced {
                        class: Some(5),
                        key: k(1, 1)
                    }
                ),
                (
                    "X.7.26",
                    Mention::Enhanced {
                        class: None,
                        key: k(7, 26)
                    }
                ),
                ("421", Mention::Reply(421)),
            ]
        );
        assert_eq!(
            found("(451), 452; \"554\" and 550-5.7.1"),
            vec![
                ("451", Mention::Reply(451)),
                ("452", Mention::Reply(452)),
                ("554", Mention::Reply(554)),
                ("550", Mention::Reply(550)),
                (
                    "5.7.1",
                    Mention::Enhanced {
                        class: Some(5),
                        key: k(7, 1)
                    }
                ),
            ]
        );
        assert_eq!(
            found("at the end: 4.2.2."),
            vec![(
                "4.2.2",
                Mention::Enhanced {
                    class: Some(4),
                    key: k(2, 2)
                }
            )]
        );
    }

    #[test]
    fn ranges_are_one_mention() {
        let first = |s| Mention::EnhancedRange {
            class: Some(4),
            first: k(7, s),
        };
        assert_eq!(
            found("codes 4.7.500-699 and 4.7.850-4.7.899"),
            vec![("4.7.500-699", first(500)), ("4.7.850-4.7.899", first(850))]
        );
    }

    #[test]
    fn numbers_that_are_no_codes_are_left_alone() {
        for text in [
            "a message of 550 KB",
            "under 512 characters",
            "more than 200 addresses",
            "over 200 RCPT commands",
            "submission on port 587, or on port 465",
            "RFC 5321 and RFC 821",
            "Microsoft 365 tenants",
            "from 192.168.250.1 and 10.4.5.1 and 5.4.3.2",
            "on 2024-10-14 at 10:30:45",
            "it costs $250 or 1,500 or 250,000",
            "ranges 510-517 and 450-459",
            "50% or 250%",
            "codes 5xx and 4xx",
            "version 2.4.10.1 and Exim 4.94.2.1",
            "a 5.1.01 with a leading zero",
            "file_550 and abc550 and 550abc and 550_x",
            "path /450/ and #421 and +550 and !550 and [x]550",
            "limit 500 per hour",
            "wait 450 seconds",
            "in batches of 200 or fewer",
            "RFC 5321 section 4.2.2 and (see Section 4.3.2)",
            "sections 4.1.1.11, 4.2.2 and 4.5.3, and § 5.2.1",
            "Postfix version 2.4.1",
        ] {
            assert_eq!(find(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_code_span_that_is_one_code() {
        assert_eq!(
            whole("X.7.26"),
            Some(Mention::Enhanced {
                class: None,
                key: k(7, 26)
            })
        );
        assert_eq!(whole("550"), Some(Mention::Reply(550)));
        assert_eq!(whole("550 5.7.26"), None);
        assert_eq!(whole("550 Requested action not taken"), None);
        assert_eq!(whole("RCPT TO"), None);
    }

    #[test]
    fn odd_text_never_panics() {
        for text in [
            "",
            "5",
            "5.",
            "5.1.",
            "X.",
            "550-",
            "4.7.500-",
            "é550é",
            "ß 550 ü",
            "über 550",
        ] {
            let _ = find(text);
            let _ = whole(text);
        }
        assert_eq!(found("ß 550 ü"), vec![("550", Mention::Reply(550))]);
    }
}
