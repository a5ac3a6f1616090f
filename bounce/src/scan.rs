//! Small scanners over report text: addresses, reply codes, enhanced codes, phrases and host
//! names. No regular expressions: each scanner walks the bytes once, and every index is
//! checked, so that no input makes them panic.

use smtp_codes::{EnhancedCode, ReplyCode};

use crate::formats::REPLY_INTRODUCERS;
use crate::ServerReply;

/// Longest text kept for one server reply.
const MAX_REPLY_TEXT: usize = 2048;
/// Most replies kept for one recipient (outer and nested).
const MAX_REPLIES: usize = 8;

/// A text lower-cased once (ASCII), for checking many phrases against it quickly: a small
/// filter of the byte pairs it holds rules most phrases out without a scan (a phrase can only
/// occur if each of its adjacent byte pairs does).
pub struct Lowered(String, PairFilter);

/// Which adjacent byte pairs a text holds, hashed into 4,096 bits (false positives only).
struct PairFilter([u64; 64]);

impl PairFilter {
    fn bit(a: u8, b: u8) -> usize {
        (usize::from(a) * 31 + usize::from(b)) & 4095
    }

    fn of(text: &[u8]) -> PairFilter {
        let mut bits = [0u64; 64];
        for w in text.windows(2) {
            let bit = PairFilter::bit(w[0], w[1]);
            bits[bit >> 6] |= 1 << (bit & 63);
        }
        PairFilter(bits)
    }

    /// Whether every adjacent pair of `needle` (lower case) may be in the text.
    fn may_hold(&self, needle: &[u8]) -> bool {
        needle.windows(2).all(|w| {
            let bit = PairFilter::bit(w[0], w[1]);
            self.0[bit >> 6] & (1 << (bit & 63)) != 0
        })
    }
}

impl Lowered {
    /// Lower-cases `text`.
    pub fn new(text: &str) -> Lowered {
        let lower = text.to_ascii_lowercase();
        let filter = PairFilter::of(lower.as_bytes());
        Lowered(lower, filter)
    }

    /// Where `phrase` occurs at or after byte `from`, ignoring ASCII case (byte offsets are
    /// those of the original text: ASCII lower-casing keeps every length).
    pub fn find(&self, phrase: &str, from: usize) -> Option<usize> {
        let hay = self.0.get(from..)?;
        // A phrase the whole text cannot hold is in no part of it either.
        lowered(phrase, |p| {
            if self.1.may_hold(p.as_bytes()) {
                hay.find(p)
            } else {
                None
            }
        })
        .map(|i| i + from)
    }

    /// Whether `phrase` occurs, ignoring ASCII case.
    pub fn has(&self, phrase: &str) -> bool {
        lowered(phrase, |p| {
            self.1.may_hold(p.as_bytes()) && self.0.contains(p)
        })
    }
}

/// Calls `f` with `phrase` lower-cased (ASCII), in a buffer on the stack when the phrase is
/// short (every phrase of the tables is), so that checking a table allocates nothing.
fn lowered<T>(phrase: &str, f: impl FnOnce(&str) -> T) -> T {
    if !phrase.bytes().any(|c| c.is_ascii_uppercase()) {
        return f(phrase);
    }
    let mut buf = [0u8; 256];
    match buf.get_mut(..phrase.len()) {
        Some(dst) => {
            dst.copy_from_slice(phrase.as_bytes());
            dst.make_ascii_lowercase();
            // ASCII lower-casing of UTF-8 is UTF-8.
            match std::str::from_utf8(dst) {
                Ok(p) => f(p),
                Err(_) => f(&phrase.to_ascii_lowercase()),
            }
        }
        None => f(&phrase.to_ascii_lowercase()),
    }
}

/// Whether `needle` occurs in `hay`, ignoring ASCII case.
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    find_ci(hay, needle, 0).is_some()
}

/// Where `needle` first occurs in `hay` at or after `from`, ignoring ASCII case.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(from.min(h.len()));
    }
    if h.len() < n.len() {
        return None;
    }
    let last = h.len() - n.len();
    let first = n[0].to_ascii_lowercase();
    let mut i = from;
    while i <= last {
        if h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `line` (leading whitespace ignored) starts with `prefix`, ignoring ASCII case.
pub fn starts_with_ci(line: &str, prefix: &str) -> bool {
    let l = line.trim_start().as_bytes();
    l.len() >= prefix.len() && l[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_local_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_domain_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

/// The e-mail addresses in `text`, in order, each with its byte range.
pub fn addresses(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    core::iter::from_fn(move || {
        while at < b.len() {
            let i = at;
            at += 1;
            if b[i] != b'@' {
                continue;
            }
            let mut start = i;
            while start > 0 && is_local_char(b[start - 1]) {
                start -= 1;
            }
            while start < i && (b[start] == b'.' || b[start] == b'\'') {
                start += 1;
            }
            let mut end = i + 1;
            while end < b.len() && is_domain_char(b[end]) {
                end += 1;
            }
            while end > i + 1 && (b[end - 1] == b'.' || b[end - 1] == b'-') {
                end -= 1;
            }
            let domain = &b[i + 1..end];
            if start == i || domain.is_empty() || !domain.contains(&b'.') {
                continue;
            }
            at = end;
            return Some((start, end));
        }
        None
    })
}

/// The first address in `text`.
pub fn first_address(text: &str) -> Option<&str> {
    addresses(text).next().map(|(s, e)| &text[s..e])
}

/// The enhanced status code starting at byte `i`, if one does, with its length; the code
/// must stand alone (no digit or dot right before or after it).
fn enhanced_at(b: &[u8], i: usize) -> Option<(EnhancedCode, usize)> {
    if !matches!(b.get(i), Some(b'2' | b'4' | b'5')) || b.get(i + 1) != Some(&b'.') {
        return None;
    }
    if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        return None;
    }
    let (code, len) = EnhancedCode::parse_prefix(&b[i..]).ok()?;
    match b.get(i + len) {
        Some(c) if c.is_ascii_digit() => None,
        Some(b'.') if b.get(i + len + 1).is_some_and(u8::is_ascii_digit) => None,
        _ => Some((code, len)),
    }
}

/// Every standalone enhanced status code in `text`, in order.
pub fn enhanced_codes(text: &str) -> impl Iterator<Item = EnhancedCode> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    core::iter::from_fn(move || {
        while i < b.len() {
            if let Some((code, len)) = enhanced_at(b, i) {
                i += len;
                return Some(code);
            }
            i += 1;
        }
        None
    })
}

/// Whether a reply code at byte `i` is introduced as one: at the start of a line, after an
/// opening quotation mark, or after one of [`REPLY_INTRODUCERS`].
fn introduced(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut j = i;
    while j > 0 && (b[j - 1] == b' ' || b[j - 1] == b'\t') {
        j -= 1;
    }
    if j == 0 || b[j - 1] == b'\n' || b[j - 1] == b'\r' {
        return true;
    }
    if matches!(b[j - 1], b'\'' | b'"' | b'(' | b'<' | b'#' | b'[' | b'`') {
        return true;
    }
    let before = &text.as_bytes()[..j];
    REPLY_INTRODUCERS.iter().any(|w| {
        let w = w.as_bytes();
        before.len() >= w.len()
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w)
            && (before.len() == w.len()
                || !w[0].is_ascii_alphanumeric()
                || !before[before.len() - w.len() - 1].is_ascii_alphanumeric())
    }) || (b[j - 1] == b':' && j >= 2 && b[j - 2] != b':')
}

/// The reply code at byte `i`, if a plausible one stands there.
fn reply_code_at(text: &str, i: usize) -> Option<ReplyCode> {
    let b = text.as_bytes();
    if i + 3 > b.len() || !matches!(b[i], b'2' | b'4' | b'5') {
        return None;
    }
    if !b[i + 1].is_ascii_digit() || !b[i + 2].is_ascii_digit() || b[i + 1] > b'5' {
        return None;
    }
    if i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b'-' | b'/' | b'='))
    {
        return None;
    }
    match b.get(i + 3) {
        None | Some(b' ' | b'-' | b'\r' | b'\n' | b'\t' | b')' | b'\'' | b'"' | b'>' | b',') => {}
        Some(b':') if matches!(b.get(i + 4), None | Some(b' ')) => {}
        _ => return None,
    }
    let after_dash = b
        .get(i + 4)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'\'');
    if b.get(i + 3) == Some(&b'-') && !after_dash {
        return None;
    }
    let quoted = b.get(i + 3) == Some(&b'-') && b.get(i + 4) == Some(&b'\'');
    if !quoted && !introduced(text, i) {
        return None;
    }
    ReplyCode::from_bytes(&b[i..i + 3]).ok()
}

/// The end of a reply's text starting at `start`: a blank line, the end of the text, or a
/// phrase that closes the reply (Postfix's "(in reply to ...").
fn reply_end(text: &str, start: usize) -> usize {
    let mut end = text.len();
    if let Some(p) = text[start..].find("\n\n") {
        end = end.min(start + p);
    }
    if let Some(p) = find_ci(&text[..end], "(in reply to", start) {
        end = end.min(p);
    }
    end
}

/// Folds runs of whitespace into one space and trims.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_REPLY_TEXT));
    for word in text.split_whitespace() {
        if out.len() + word.len() + 1 > MAX_REPLY_TEXT {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The server replies quoted in `text`, outer first: each reply code standing where a reply
/// is introduced, with the enhanced code right after it (RFC 2034 position) and its text.
/// Nested replies ("Remote Server returned '550 5.1.1 ...'" inside a `Diagnostic-Code`)
/// appear as later items.
pub fn replies(text: &str) -> Vec<ServerReply> {
    let b = text.as_bytes();
    let mut out: Vec<ServerReply> = Vec::new();
    let mut i = 0;
    while i < b.len() && out.len() < MAX_REPLIES {
        let Some(code) = reply_code_at(text, i) else {
            i += 1;
            continue;
        };
        let mut j = i + 3;
        while j < b.len() && matches!(b[j], b' ' | b'-' | b'\'' | b':') {
            j += 1;
        }
        let mut enhanced = None;
        let mut k = j;
        // "554 554 5.7.0": a repeated reply code before the enhanced one.
        if b.get(j..j + 3) == Some(&b[i..i + 3]) && b.get(j + 3) == Some(&b' ') {
            k = j + 4;
        }
        if let Some((e, len)) = enhanced_at(b, k) {
            enhanced = Some(e);
            k += len;
        }
        let end = reply_end(text, i).max(i + 3);
        out.push(ServerReply {
            code: Some(code),
            enhanced,
            text: fold(&text[i..end]),
        });
        i = k.max(i + 3);
    }
    out
}

/// A host name (or address literal) at the start of `text`, as in "mx.example.com[192.0.2.1]"
/// or "192.0.2.1": letters, digits, dots, dashes, colons and brackets.
pub fn host_at(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let t = t.strip_prefix('[').unwrap_or(t);
    let end = t
        .bytes()
        .position(|c| {
            !(c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b':' || c == b'_')
        })
        .unwrap_or(t.len());
    let host = t[..end].trim_end_matches(['.', ':']);
    let plausible = host.contains('.') && host.bytes().any(|c| c.is_ascii_alphanumeric());
    plausible.then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pair filter only ever skips scans that would find nothing: `has` and `find` agree
    /// with a plain search on texts and phrases drawn from a small alphabet (so that most
    /// pairs collide and hashed bits are shared).
    #[test]
    fn the_pair_filter_never_hides_a_phrase() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let alphabet = b"aAbB c.5-";
        let mut word = |len: u64| -> String {
            (0..len)
                .map(|_| char::from(alphabet[next(alphabet.len() as u64) as usize]))
                .collect()
        };
        for _ in 0..2000 {
            let text = word(40);
            // 1 to 4 characters, the length taken from the drawn characters themselves.
            let drawn = word(4);
            let phrase = &drawn[..1 + usize::from(drawn.as_bytes()[0]) % 4];
            let lower = Lowered::new(&text);
            let (t, p) = (text.to_ascii_lowercase(), phrase.to_ascii_lowercase());
            assert_eq!(lower.has(phrase), t.contains(&p), "{text:?} {phrase:?}");
            for from in [0, 7, 39] {
                assert_eq!(
                    lower.find(phrase, from),
                    t.get(from..).and_then(|h| h.find(&p)).map(|i| i + from),
                    "{text:?} {phrase:?} {from}"
                );
            }
        }
    }

    #[test]
    fn replies_are_found_where_introduced() {
        let r = replies("host mx.example.jp[192.0.2.1] said: 550 5.1.1 <a@b.jp>: User unknown (in reply to RCPT TO command)");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].code.map(|c| c.as_u16()), Some(550));
        assert_eq!(
            r[0].enhanced.map(|e| e.to_string()).as_deref(),
            Some("5.1.1")
        );
        assert_eq!(r[0].text, "550 5.1.1 <a@b.jp>: User unknown");
        // Numbers in prose are not codes.
        assert!(
            replies("The message was 500 lines long, sent on Mon, 24 Apr 2013 port 25").is_empty()
        );
        // A repeated code before the enhanced one.
        let g = replies("The error that the other server returned was: 554 554 5.7.0 Header error");
        assert_eq!(
            g[0].enhanced.map(|e| e.to_string()).as_deref(),
            Some("5.7.0")
        );
    }

    #[test]
    fn nested_replies_are_all_reported() {
        let r = replies("smtp; 550 5.0.0 Remote Server returned '451 4.4.0 Primary target IP address responded with: 550 5.1.1 unknown'");
        let codes: Vec<u16> = r
            .iter()
            .filter_map(|x| x.code)
            .map(|c| c.as_u16())
            .collect();
        assert_eq!(codes, [550, 451, 550]);
    }

    #[test]
    fn enhanced_codes_stand_alone() {
        let found: Vec<String> = enhanced_codes("(#5.5.0) at 192.0.2.32 v2.4.5.6 4.4.7")
            .map(|c| c.to_string())
            .collect();
        assert_eq!(found, ["5.5.0", "4.4.7"]);
    }

    #[test]
    fn addresses_and_hosts() {
        let a: Vec<&str> = addresses("<kijitora@example.jp>: x, bob@y.org.")
            .map(|(s, e)| &"<kijitora@example.jp>: x, bob@y.org."[s..e])
            .collect();
        assert_eq!(a, ["kijitora@example.jp", "bob@y.org"]);
        assert_eq!(
            host_at(" mx.example.jp[192.0.2.1] said"),
            Some("mx.example.jp")
        );
        assert_eq!(host_at("foo bar"), None);
    }
}
