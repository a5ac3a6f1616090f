//! One line of a reply: [`Line`], and the reader every other part of the parser shares.
//!
//! [`read_line`] is the single place that decides what a line says. It always reads
//! leniently; strict parsing is lenient reading plus the requirement that
//! [`check_line`](super::check) finds nothing to report, so both modes agree on what a
//! line means whenever strict parsing succeeds.

use core::fmt;

use super::enhanced::{find_in_text, scan_token, EnhancedState, Token};
use super::error::{ReplyError, ReplyErrorKind};
use crate::{EnhancedCode, ReplyCode, ReplyCodeError};

/// What follows a line's reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Separator {
    /// `-`: more lines follow (RFC 5321 section 4.2.1).
    Hyphen,
    /// A space: this is the last line.
    Space,
    /// Nothing: the line is the bare code (`250`), the last line.
    None,
    /// `:`, as Yahoo's bounces print replies (`550: 5.2.2 ...`); lenient only. Last line.
    Colon,
    /// A tab; lenient only. Last line.
    Tab,
    /// Any other byte, which lenient reading takes as the start of the text. Last line.
    Other(u8),
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Terminator {
    /// CR LF, as RFC 5321 requires.
    Crlf,
    /// A bare LF, which lenient reading tolerates.
    Lf,
    /// Nothing: the input ends.
    None,
}

/// One line of a parsed [`Reply`](crate::Reply), borrowed from the input.
///
/// ```
/// use smtp_codes::{Reply, Separator};
///
/// let reply = Reply::parse("550-5.1.1 The email account does not exist.\r\n550 5.1.1 Learn more\r\n").unwrap();
/// let first = reply.lines().next().unwrap();
/// assert_eq!(first.separator(), Separator::Hyphen);
/// assert_eq!(first.text(), b"The email account does not exist.");
/// assert_eq!(first.raw(), b"550-5.1.1 The email account does not exist.");
/// assert_eq!(first.enhanced().code().unwrap().to_string(), "5.1.1");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Line<'a> {
    raw: &'a [u8],
    text: &'a [u8],
    code: ReplyCode,
    separator: Separator,
    enhanced: EnhancedState,
    terminator: Terminator,
    number: usize,
    offset: usize,
}

impl<'a> Line<'a> {
    /// The line as received, without its line ending: code, separator, enhanced code, text.
    pub const fn raw(&self) -> &'a [u8] {
        self.raw
    }

    /// The text: what follows the reply code, its separator and, when there is a valid one,
    /// the enhanced code and the single space after it. Other spacing is kept as received.
    /// Empty for a bare code.
    pub const fn text(&self) -> &'a [u8] {
        self.text
    }

    /// The text as `&str`, when it is UTF-8 (always, for text RFC 5321 allows).
    pub fn text_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.text).ok()
    }

    /// This line's reply code.
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// What follows the reply code.
    pub const fn separator(&self) -> Separator {
        self.separator
    }

    /// Whether more lines follow (the code is followed by `-`).
    pub const fn is_continuation(&self) -> bool {
        matches!(self.separator, Separator::Hyphen)
    }

    /// The enhanced code at the start of the text. Never
    /// [`Inconsistent`](EnhancedState::Inconsistent); `ClassMismatch` is judged against this
    /// line's reply code.
    pub const fn enhanced(&self) -> EnhancedState {
        self.enhanced
    }

    /// The first enhanced code standing on its own inside the text, away from the RFC 2034
    /// position (`(#5.1.1)`, `550 550 5.1.1`); see
    /// [`Reply::enhanced_in_text`](crate::Reply::enhanced_in_text).
    pub fn enhanced_in_text(&self) -> Option<EnhancedCode> {
        find_in_text(self.text)
    }

    /// How the line ends.
    pub const fn terminator(&self) -> Terminator {
        self.terminator
    }

    /// The line number, counting from 1.
    pub const fn number(&self) -> usize {
        self.number
    }

    /// The byte offset of the line's start in the input.
    pub const fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Debug for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Line")
            .field("number", &self.number)
            .field("code", &self.code)
            .field("separator", &self.separator)
            .field("enhanced", &self.enhanced)
            .field("text", &Lossy(self.text))
            .field("terminator", &self.terminator)
            .finish()
    }
}

/// Shows bytes as text, invalid UTF-8 as U+FFFD, without allocating.
pub(crate) struct Lossy<'a>(pub(crate) &'a [u8]);

impl fmt::Debug for Lossy<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        let mut rest = self.0;
        loop {
            match core::str::from_utf8(rest) {
                Ok(s) => {
                    write!(f, "{}", s.escape_debug())?;
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    if let Ok(s) = core::str::from_utf8(good) {
                        write!(f, "{}", s.escape_debug())?;
                    }
                    f.write_str("\u{fffd}")?;
                    let skip = e.error_len().unwrap_or(bad.len());
                    rest = bad.get(skip..).unwrap_or(&[]);
                }
            }
        }
        f.write_str("\"")
    }
}

/// Where the parts of one line lie in the input (absolute offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct LineParts {
    /// Start of the line.
    pub start: usize,
    /// End of the content, before the line ending.
    pub end: usize,
    /// Start of the next line.
    pub next: usize,
    pub terminator: Terminator,
    pub code: ReplyCode,
    pub separator: Separator,
    pub enhanced: EnhancedState,
    /// Where the text starts.
    pub text_start: usize,
}

impl LineParts {
    /// Whether the line ends the reply.
    pub const fn is_last(&self) -> bool {
        !matches!(self.separator, Separator::Hyphen)
    }

    #[inline]
    pub fn line<'a>(&self, input: &'a [u8], number: usize) -> Line<'a> {
        Line {
            raw: input.get(self.start..self.end).unwrap_or(&[]),
            text: input.get(self.text_start..self.end).unwrap_or(&[]),
            code: self.code,
            separator: self.separator,
            enhanced: self.enhanced,
            terminator: self.terminator,
            number,
            offset: self.start,
        }
    }
}

/// The offset of the first LF in `s`, sixteen bytes at a time (two 64-bit words, safe code).
#[inline]
pub(crate) fn find_lf(s: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const LFS: u64 = ONES * b'\n' as u64;
    /// Marks the LF bytes of a word; the lowest mark is exact.
    #[inline(always)]
    fn lf_marks(word: [u8; 8]) -> u64 {
        let x = u64::from_le_bytes(word) ^ LFS;
        x.wrapping_sub(ONES) & !x & HIGHS
    }
    let mut chunks = s.chunks_exact(16);
    let mut offset = 0;
    for chunk in &mut chunks {
        let (a, b) = chunk.split_at(8);
        let (Ok(a), Ok(b)) = (<[u8; 8]>::try_from(a), <[u8; 8]>::try_from(b)) else {
            break;
        };
        let (ma, mb) = (lf_marks(a), lf_marks(b));
        if ma | mb != 0 {
            return Some(if ma != 0 {
                offset + (ma.trailing_zeros() / 8) as usize
            } else {
                offset + 8 + (mb.trailing_zeros() / 8) as usize
            });
        }
        offset += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| offset + i)
}

/// Reads the line starting at `start`. Fails only when the line has no reply code.
/// `number` is used for the error's location. With `scan_enhanced` false the line is read
/// as if no enhanced code could begin its text (for callers that know none does).
#[inline(always)]
pub(crate) fn read_line(
    input: &[u8],
    start: usize,
    number: usize,
    scan_enhanced: bool,
) -> Result<LineParts, ReplyError> {
    let rest = input.get(start..).unwrap_or(&[]);
    let (end, next, terminator) = match find_lf(rest) {
        Some(i) if i > 0 && rest[i - 1] == b'\r' => {
            (start + i - 1, start + i + 1, Terminator::Crlf)
        }
        Some(i) => (start + i, start + i + 1, Terminator::Lf),
        None => (input.len(), input.len(), Terminator::None),
    };
    let content = input.get(start..end).unwrap_or(&[]);
    let indent = whitespace(content);
    let code_start = start + indent;
    let c = content.get(indent..).unwrap_or(&[]);
    let code = read_code(c)
        .map_err(|e| ReplyError::new(ReplyErrorKind::BadCode(e), number, code_start))?;

    let after_code = code_start + 3;
    let mut parts = LineParts {
        start,
        end,
        next,
        terminator,
        code,
        separator: Separator::None,
        enhanced: EnhancedState::Absent,
        text_start: end,
    };
    let Some(&sep) = c.get(3) else {
        return Ok(parts);
    };
    let (separator, after) = match sep {
        b'-' => (Separator::Hyphen, after_code + 1),
        b' ' => (Separator::Space, after_code + 1),
        b':' => (Separator::Colon, after_code + 1),
        b'\t' => (Separator::Tab, after_code + 1),
        other => {
            parts.separator = Separator::Other(other);
            parts.text_start = after_code;
            return Ok(parts);
        }
    };
    parts.separator = separator;
    let body = input.get(after..end).unwrap_or(&[]);
    let gap = whitespace(body);
    let token = body.get(gap..).unwrap_or(&[]);
    parts.text_start = after;
    if separator == Separator::Colon && body.first() == Some(&b' ') {
        parts.text_start = after + 1;
    }
    if !scan_enhanced {
        return Ok(parts);
    }
    match scan_token(token) {
        Token::None => {}
        Token::Malformed(..) => parts.enhanced = EnhancedState::Malformed,
        Token::Valid(enhanced, len) => {
            parts.enhanced = if enhanced.class().digit() == code.first_digit() {
                EnhancedState::Valid(enhanced)
            } else {
                EnhancedState::ClassMismatch(enhanced)
            };
            let token_end = after + gap + len;
            parts.text_start = if token.get(len) == Some(&b' ') {
                token_end + 1
            } else {
                token_end
            };
        }
    }
    Ok(parts)
}

/// How many spaces and tabs `s` starts with.
#[inline]
pub(crate) fn whitespace(s: &[u8]) -> usize {
    s.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
}

/// Where the parts of a line that only the strict rules need lie: the reply code (after any
/// leading whitespace) and the enhanced code's place (after the separator and any
/// whitespace), with the length of that whitespace.
pub(crate) fn token_place(input: &[u8], p: &LineParts) -> (usize, usize, usize) {
    let code_start = p.start + whitespace(input.get(p.start..p.end).unwrap_or(&[]));
    let after = code_start + 4;
    let gap = match p.separator {
        Separator::Hyphen | Separator::Space | Separator::Colon | Separator::Tab => {
            whitespace(input.get(after..p.end).unwrap_or(&[]))
        }
        Separator::None | Separator::Other(_) => 0,
    };
    (code_start, after + gap, gap)
}

/// Reads a reply code at the start of `c`: three digits, the first 2 to 5, and no fourth
/// digit.
#[inline]
fn read_code(c: &[u8]) -> Result<ReplyCode, ReplyCodeError> {
    if let [a @ b'2'..=b'5', b @ b'0'..=b'9', d @ b'0'..=b'9', rest @ ..] = c {
        if !rest.first().is_some_and(u8::is_ascii_digit) {
            let value = u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(d - b'0');
            if let Ok(code) = ReplyCode::from_u16(value) {
                return Ok(code);
            }
        }
    }
    let digits = c.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 3 {
        return Err(ReplyCodeError::WrongLength { length: digits });
    }
    ReplyCode::from_bytes(c.get(..3).unwrap_or(c))
}
