//! The general reader for the human-readable part of a report: where the report ends and the
//! returned message begins, which lines name a failed recipient, and the block of text that
//! belongs to each. Every format-specific word comes from [`crate::formats`].

use crate::formats::{
    NOT_RECIPIENT_LABELS, ORIGINAL_HEADER_LINES, ORIGINAL_MESSAGE_MARKERS, RECIPIENT_LABELS,
    RECIPIENT_LABEL_WORDS, RECIPIENT_PHRASES,
};
use crate::limits::{MAX_BLOCK_BYTES, MAX_RECIPIENTS};
use crate::scan::{addresses, contains_ci, find_ci, starts_with_ci};

/// The text of one recipient: its address and the report's lines about it.
#[derive(Debug, Clone)]
pub struct Block {
    /// The address, as written.
    pub address: String,
    /// The anchor line and the lines up to the next recipient.
    pub text: String,
}

/// `text` up to the line where the copy of the original message begins.
pub fn cut_original(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ORIGINAL_MESSAGE_MARKERS.iter().any(|m| {
            trimmed.len() >= m.len()
                && trimmed.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
        }) || ORIGINAL_HEADER_LINES.iter().any(|m| {
            line.len() >= m.len() && line.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
        });
        if marker {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

/// Skips a reply code and an enhanced code at the start of `t` ("554 ", "550 5.1.1 ",
/// "<<< 550 "): sendmail-style lines that name the recipient after the code.
fn skip_codes(t: &str) -> &str {
    let mut t = t.strip_prefix("<<<").unwrap_or(t).trim_start();
    let b = t.as_bytes();
    if b.len() > 4 && b[..3].iter().all(u8::is_ascii_digit) && matches!(b[3], b' ' | b'-') {
        t = t[4..].trim_start();
        let e = t.find(' ').unwrap_or(0);
        if e > 0 && t[..e].bytes().all(|c| c.is_ascii_digit() || c == b'.') && t[..e].contains('.')
        {
            t = t[e..].trim_start();
        }
    }
    t
}

/// The address a line names as a recipient, as a byte range in the line.
fn anchor(line: &str) -> Option<(usize, usize)> {
    if !line.contains('@') {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    if NOT_RECIPIENT_LABELS.iter().any(|l| starts_with_ci(t, l)) {
        return None;
    }
    let after_label = |rest: usize| {
        addresses(&line[rest..])
            .next()
            .map(|(s, e)| (rest + s, rest + e))
    };
    if let Some(label) = RECIPIENT_LABELS.iter().find(|l| starts_with_ci(t, l)) {
        return after_label(lead + label.len());
    }
    if let Some(colon) = t.find(": ").filter(|&c| c < 48) {
        let label = &t[..colon];
        let short = label.split_whitespace().count() <= 8 && !label.contains('@');
        if short && RECIPIENT_LABEL_WORDS.iter().any(|w| contains_ci(label, w)) {
            if let Some(found) = after_label(lead + colon + 1) {
                return Some(found);
            }
        }
    }
    for phrase in RECIPIENT_PHRASES {
        if let Some(i) = find_ci(line, phrase, 0) {
            if let Some(found) = after_label(i + phrase.len()) {
                return Some(found);
            }
        }
    }
    let u = skip_codes(t);
    let base = line.len() - u.len();
    let (s, e) = addresses(u).next()?;
    let opener = &u[..s];
    if !(opener.is_empty() || opener == "<" || opener == "\"" || opener == "<\"") {
        return None;
    }
    let after = u[e..].trim_start_matches(['>', '"']);
    let fits = after.is_empty()
        || after.starts_with([':', '.', ',', ';', '(', ' ', '\t', '\r', '\n', '[']);
    fits.then_some((base + s, base + e))
}

/// The recipients a report's text names, each with its block of text, in order; an address
/// named twice gets one block with both parts. Addresses in `exclude` (the report's own
/// sender and recipient) are never recipients.
pub fn blocks(region: &str, exclude: &[String]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<usize> = None;
    for line in region.split_inclusive('\n') {
        let found = anchor(line).and_then(|(s, e)| {
            let a = &line[s..e];
            let excluded = exclude.iter().any(|x| x.eq_ignore_ascii_case(a))
                || a.to_ascii_lowercase().starts_with("mailer-daemon@");
            (!excluded).then_some((a, e))
        });
        let rest = match found {
            Some((a, _)) => {
                let idx = match out.iter().position(|b| b.address.eq_ignore_ascii_case(a)) {
                    Some(i) => i,
                    None if out.len() < MAX_RECIPIENTS => {
                        out.push(Block {
                            address: a.to_owned(),
                            text: String::new(),
                        });
                        out.len() - 1
                    }
                    None => continue,
                };
                current = Some(idx);
                line
            }
            None => line,
        };
        if let Some(b) = current.and_then(|i| out.get_mut(i)) {
            if b.text.len() + rest.len() <= MAX_BLOCK_BYTES {
                b.text.push_str(rest);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exim_style_blocks() {
        let text = "The following address(es) failed:\n\n  kijitora@example.jp\n    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:\n    host mx [192.0.2.1]: 550 5.1.1 unknown\n  sabatora@example.jp\n    host mx: 550 5.2.1 full\n";
        let b = blocks(text, &[]);
        assert_eq!(b.len(), 2);
        assert!(b[0].text.contains("5.1.1") && !b[0].text.contains("5.2.1"));
        assert!(b[1].text.contains("5.2.1"));
    }

    #[test]
    fn header_lines_are_not_recipients() {
        let b = blocks(
            "To: a@example.jp\nFrom: b@example.jp\n<c@example.jp>: said: 550 x\n",
            &[],
        );
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].address, "c@example.jp");
    }

    #[test]
    fn the_copy_is_cut() {
        assert_eq!(
            cut_original("report\n--- Below this line is a copy of the message.\nTo: x@y.z\n"),
            "report\n"
        );
        assert_eq!(cut_original("report\nReturn-Path: <a@b.c>\n"), "report\n");
    }
}
