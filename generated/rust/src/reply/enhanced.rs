//! [`EnhancedState`], and finding enhanced codes in reply text.

use crate::{EnhancedCode, EnhancedCodeError};

/// What stands in the enhanced status code's place (the start of the text, RFC 2034
/// section 4) of a reply or a line: an explicit state, never a magic zero.
///
/// ```
/// use smtp_codes::{EnhancedState, Reply};
///
/// let state = |s: &str| Reply::parse(s).unwrap().enhanced();
/// assert!(matches!(state("550 5.1.1 User unknown"), EnhancedState::Valid(_)));
/// assert!(matches!(state("550 4.4.7 QUEUE.Expired"), EnhancedState::ClassMismatch(_)));
/// assert_eq!(state("550 5.01.1 Oops"), EnhancedState::Malformed);
/// assert!(matches!(state("550-5.7.1 a\r\n550 5.7.26 b"), EnhancedState::Inconsistent { .. }));
/// assert_eq!(state("550 User unknown"), EnhancedState::Absent);
/// assert_eq!(state("550 4.4.7 x").code().unwrap().to_string(), "4.4.7");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EnhancedState {
    /// Nothing shaped like an enhanced code begins the text.
    Absent,
    /// A well-formed code whose class agrees with the reply code.
    Valid(EnhancedCode),
    /// Something shaped like a code (`digits.digits.digits`) begins the text but is not a
    /// valid one (`5.1.1000`, `6.1.1`, `5.01.1`); the text keeps it. Why it is not valid is
    /// in the [`MalformedEnhancedCode`](crate::ReplyErrorKind::MalformedEnhancedCode)
    /// violation ([`Reply::violations`](crate::Reply::violations)).
    Malformed,
    /// A well-formed code whose class differs from the reply code's first digit
    /// (`550 4.4.7`, which real servers send; a 3xx reply with any code). The reply code
    /// decides the outcome.
    ClassMismatch(EnhancedCode),
    /// Lines of one reply carry different codes. Only a whole reply has this state.
    Inconsistent {
        /// The first line's code (the first code found, in line order).
        first: EnhancedCode,
        /// The first code found that differs from it.
        other: EnhancedCode,
    },
}

impl EnhancedState {
    /// The code in the enhanced code's place, if there is one: `Valid` and `ClassMismatch`
    /// give theirs, `Inconsistent` gives `first`.
    pub const fn code(self) -> Option<EnhancedCode> {
        match self {
            EnhancedState::Valid(c) | EnhancedState::ClassMismatch(c) => Some(c),
            EnhancedState::Inconsistent { first, .. } => Some(first),
            EnhancedState::Absent | EnhancedState::Malformed => None,
        }
    }

    /// True for `Valid` only.
    pub const fn is_valid(self) -> bool {
        matches!(self, EnhancedState::Valid(_))
    }

    /// A stable snake_case name (`absent`, `valid`, `malformed`, `class_mismatch`,
    /// `inconsistent`), as the conformance vectors use.
    pub const fn name(self) -> &'static str {
        match self {
            EnhancedState::Absent => "absent",
            EnhancedState::Valid(_) => "valid",
            EnhancedState::Malformed => "malformed",
            EnhancedState::ClassMismatch(_) => "class_mismatch",
            EnhancedState::Inconsistent { .. } => "inconsistent",
        }
    }
}

/// What [`scan_token`] found at the start of a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token {
    /// Not shaped like an enhanced code.
    None,
    /// A valid code of this many bytes.
    Valid(EnhancedCode, usize),
    /// Shaped like a code, this many bytes, but not a valid one.
    Malformed(EnhancedCodeError, usize),
}

/// Reads an enhanced-code-shaped token at the start of `s`: three runs of digits joined by
/// dots, not followed by `.digit` (which makes it an IP address or a version number, not a
/// code). Validity is [`EnhancedCode::parse_prefix`]'s: this function only finds the token's
/// extent. A valid code directly followed by a letter, digit or `_` (`5.1.1x`) is malformed.
#[inline]
pub(crate) fn scan_token(s: &[u8]) -> Token {
    match s.first() {
        Some(b) if b.is_ascii_digit() => {}
        _ => return Token::None,
    }
    // The common case, a valid code, costs one call: parse_prefix reads every digit of each
    // part, so `used` is the token's whole extent.
    if let Ok((code, used)) = EnhancedCode::parse_prefix(s) {
        return match (s.get(used), s.get(used + 1)) {
            (Some(b'.'), Some(d)) if d.is_ascii_digit() => Token::None,
            (Some(&b), _) if b.is_ascii_alphanumeric() || b == b'_' => Token::Malformed(
                EnhancedCodeError::TrailingCharacters { position: used },
                used,
            ),
            _ => Token::Valid(code, used),
        };
    }
    // Not a valid code: is it shaped like one?
    let mut i = 0;
    let mut group = 0;
    loop {
        let start = i;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Token::None;
        }
        group += 1;
        if group == 3 {
            break;
        }
        if i < s.len() && s[i] == b'.' {
            i += 1;
        } else {
            return Token::None;
        }
    }
    if i + 1 < s.len() && s[i] == b'.' && s[i + 1].is_ascii_digit() {
        return Token::None;
    }
    match EnhancedCode::parse_prefix(&s[..i]) {
        Err(e) => Token::Malformed(e, i),
        // Unreachable: the whole input did not parse, so its prefix does not either.
        Ok((_, used)) => {
            Token::Malformed(EnhancedCodeError::TrailingCharacters { position: used }, i)
        }
    }
}

/// Bytes that may come just before an enhanced code found inside text: whitespace and
/// opening punctuation (`#5.1.1`, `(#5.1.1)`, `smtp;550 5.7.1`, `cuda_nsu 4.7.1`).
const fn opens_code(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'#' | b'(' | b'[' | b'<' | b'{' | b';' | b':' | b',' | b'=' | b'"' | b'\''
    )
}

/// Bytes that may come just after an enhanced code found inside text.
const fn closes_code(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b')'
            | b']'
            | b'>'
            | b'}'
            | b';'
            | b':'
            | b','
            | b'.'
            | b'"'
            | b'\''
            | b'!'
            | b'?'
            | b'\r'
            | b'\n'
    )
}

/// The first well-formed enhanced code inside `text` that stands as a token of its own:
/// at the start or after whitespace or opening punctuation, and followed by the end,
/// whitespace or closing punctuation. `#id-5.9.4` (after `-`), `4.16.55.1` (four parts)
/// and `q2.22` do not count.
pub(crate) fn find_in_text(text: &[u8]) -> Option<EnhancedCode> {
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if matches!(b, b'2' | b'4' | b'5') && (i == 0 || opens_code(text[i - 1])) {
            if let Token::Valid(code, len) = scan_token(&text[i..]) {
                match text.get(i + len) {
                    None => return Some(code),
                    Some(&next) if closes_code(next) => return Some(code),
                    Some(_) => {}
                }
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> EnhancedCode {
        s.parse().unwrap()
    }

    #[test]
    fn tokens() {
        assert_eq!(scan_token(b"5.1.1 User"), Token::Valid(code("5.1.1"), 5));
        assert_eq!(scan_token(b"5.7.139"), Token::Valid(code("5.7.139"), 7));
        assert_eq!(scan_token(b"5.7.1: x"), Token::Valid(code("5.7.1"), 5));
        assert!(matches!(scan_token(b"5.1.1000 x"), Token::Malformed(_, 8)));
        assert!(matches!(scan_token(b"6.1.1 x"), Token::Malformed(_, 5)));
        assert!(matches!(scan_token(b"5.01.1 x"), Token::Malformed(_, 6)));
        assert!(matches!(scan_token(b"5.1.1x"), Token::Malformed(_, 5)));
        assert_eq!(scan_token(b"192.168.1.1 x"), Token::None);
        assert_eq!(scan_token(b"5.1 x"), Token::None);
        assert_eq!(scan_token(b"8BITMIME"), Token::None);
        assert_eq!(scan_token(b""), Token::None);
        assert_eq!(scan_token(b"5."), Token::None);
        assert_eq!(scan_token(b"5.1."), Token::None);
    }

    #[test]
    fn in_text() {
        assert_eq!(find_in_text(b"over quota (#5.1.1)"), Some(code("5.1.1")));
        assert_eq!(
            find_in_text(b"#5.1.0 Address rejected."),
            Some(code("5.1.0"))
        );
        assert_eq!(find_in_text(b"550 5.7.0 Header error"), Some(code("5.7.0")));
        assert_eq!(find_in_text(b"cuda_nsu 4.7.1"), Some(code("4.7.1")));
        assert_eq!(
            find_in_text(b"<mx #5.7.1 smtp;550 5.7.1 no>"),
            Some(code("5.7.1"))
        );
        assert_eq!(find_in_text(b"later. (#id-5.9.4)"), None);
        assert_eq!(find_in_text(b"complaints - 4.16.55.1; see"), None);
        assert_eq!(find_in_text(b"q2.22 - gsmtp"), None);
        assert_eq!(find_in_text(b"Version: 8.0.9200.16384 ready"), None);
        assert_eq!(find_in_text(b"(554.30)"), None);
    }
}
