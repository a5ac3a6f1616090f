//! [`Reply`]: a whole parsed reply, borrowing its input.

use core::fmt;
use core::iter::FusedIterator;

use super::check::{Checker, Found};
use super::enhanced::{find_in_text, EnhancedState};
use super::error::{ReplyError, ReplyErrorKind};
use super::line::{read_line, Line, LineParts, Lossy, Separator, Terminator};
use crate::{EnhancedCode, ReplyCode};

/// How strictly to read a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Mode {
    /// Read what servers and bounce messages really contain: bare LF, a missing final line
    /// ending, a missing last line, `550:` (Yahoo), extra spaces, codes that differ between
    /// lines (the last line's wins), lines that forgot their `-`, enhanced codes whose class
    /// disagrees. Only [fatal](ReplyErrorKind::is_fatal) problems fail;
    /// [`Reply::violations`] lists the rest.
    #[default]
    Lenient,
    /// Follow RFC 5321 (sections 2.3.8, 4.2, 4.2.1, 4.5.3.1.5) and RFC 2034 (section 4) to
    /// the letter and fail on the first departure, with its line and byte.
    Strict,
}

/// How to parse: the [`Mode`] and an optional hard limit on line length.
///
/// ```
/// use smtp_codes::{Mode, ParseOptions, Reply, ReplyErrorKind};
///
/// let options = ParseOptions::lenient().with_max_line_length(64);
/// let long = "550 ".to_string() + &"x".repeat(100);
/// let err = Reply::parse_with(&long, options).unwrap_err();
/// assert_eq!(err.kind(), ReplyErrorKind::LineTooLong { length: 104, max: 64 });
/// assert_eq!(ParseOptions::strict().mode(), Mode::Strict);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ParseOptions {
    mode: Mode,
    max_line_length: Option<usize>,
}

impl ParseOptions {
    /// Lenient, with no line length limit (the default).
    pub const fn lenient() -> ParseOptions {
        ParseOptions {
            mode: Mode::Lenient,
            max_line_length: None,
        }
    }

    /// Strict. RFC 5321's 512-byte line limit is part of strictness; no other limit is set.
    pub const fn strict() -> ParseOptions {
        ParseOptions {
            mode: Mode::Strict,
            max_line_length: None,
        }
    }

    /// The same options in `mode`.
    pub const fn with_mode(self, mode: Mode) -> ParseOptions {
        ParseOptions { mode, ..self }
    }

    /// Fails (in either mode) on a line longer than `max` bytes, line ending included.
    /// RFC 5321 section 4.5.3.1.5 allows 512; bounce messages often unfold longer lines.
    pub const fn with_max_line_length(self, max: usize) -> ParseOptions {
        ParseOptions {
            max_line_length: Some(max),
            ..self
        }
    }

    /// The mode.
    pub const fn mode(&self) -> Mode {
        self.mode
    }

    /// The hard line length limit, if one is set.
    pub const fn max_line_length(&self) -> Option<usize> {
        self.max_line_length
    }
}

/// A parsed SMTP reply, single or multi-line, borrowing its input.
///
/// Nothing is copied or allocated: the reply keeps the input slice and a small summary
/// (reply code, enhanced code state, line count), and [`lines`](Reply::lines) reads the lines
/// again on demand.
///
/// ```
/// use smtp_codes::{EnhancedState, Reply, ReplyCode, Severity};
///
/// let reply = Reply::parse(
///     "550-5.1.1 The email account that you tried to reach does not exist.\r\n\
///      550 5.1.1 https://support.google.com/mail/?p=NoSuchUser - gsmtp\r\n",
/// )
/// .unwrap();
/// assert_eq!(reply.code(), ReplyCode::MAILBOX_UNAVAILABLE);
/// assert_eq!(reply.code().severity(), Severity::PermanentNegative);
/// assert_eq!(reply.enhanced(), EnhancedState::Valid("5.1.1".parse().unwrap()));
/// assert_eq!(reply.line_count(), 2);
/// let texts: Vec<&[u8]> = reply.lines().map(|l| l.text()).collect();
/// assert_eq!(texts[0], b"The email account that you tried to reach does not exist.");
///
/// // Renderings found in bounce messages, read leniently:
/// let gmail = Reply::parse("550 550 5.1.1 User unknown").unwrap();
/// assert_eq!(gmail.enhanced(), EnhancedState::Absent); // nothing in the RFC 2034 position
/// assert_eq!(gmail.enhanced_in_text().unwrap().to_string(), "5.1.1");
/// let yahoo = Reply::parse("550: 5.2.2 Mailbox full").unwrap();
/// assert_eq!(yahoo.enhanced_code().unwrap().to_string(), "5.2.2");
/// assert!(Reply::parse_strict("550: 5.2.2 Mailbox full\r\n").is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reply<'a> {
    input: &'a [u8],
    code: ReplyCode,
    enhanced: EnhancedState,
    line_count: usize,
    complete: bool,
    /// Where a single-line reply's text lies, so that its line needs no second reading.
    single: Option<SingleLine>,
}

/// What a single-line reply keeps of its line; the rest is the reply's own summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct SingleLine {
    end: usize,
    text_start: usize,
    separator: Separator,
    terminator: Terminator,
}

impl<'a> Reply<'a> {
    /// Parses one whole reply leniently (see [`Mode::Lenient`]). The input may be `&str`,
    /// `&[u8]` or anything else that is bytes.
    pub fn parse<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Result<Reply<'a>, ReplyError> {
        Reply::parse_with(input, ParseOptions::lenient())
    }

    /// Parses one whole reply strictly (see [`Mode::Strict`]).
    pub fn parse_strict<T: AsRef<[u8]> + ?Sized>(input: &'a T) -> Result<Reply<'a>, ReplyError> {
        Reply::parse_with(input, ParseOptions::strict())
    }

    /// Parses one whole reply with `options`. The input is one reply: lenient parsing reads
    /// lines with a reply code after a last line as part of it
    /// ([`LineAfterLastLine`](ReplyErrorKind::LineAfterLastLine)) and ignores trailing
    /// whitespace; anything else after the last line is
    /// [`TrailingData`](ReplyErrorKind::TrailingData). To split a stream into replies, use
    /// [`ReplyBuffer`](crate::ReplyBuffer).
    pub fn parse_with<T: AsRef<[u8]> + ?Sized>(
        input: &'a T,
        options: ParseOptions,
    ) -> Result<Reply<'a>, ReplyError> {
        parse_bytes(input.as_ref(), options)
    }

    /// The reply code: the last line's (RFC 5321 requires every line to carry the same; in
    /// lenient mode, when they differ, the last line decides).
    pub const fn code(&self) -> ReplyCode {
        self.code
    }

    /// The enhanced status code in the RFC 2034 position (the start of the text), over all
    /// lines: `Valid` when every line that has one agrees, `Inconsistent` when lines differ,
    /// `ClassMismatch` when its class is not the reply code's first digit.
    pub const fn enhanced(&self) -> EnhancedState {
        self.enhanced
    }

    /// The enhanced code in the RFC 2034 position, if any: [`EnhancedState::code`].
    pub const fn enhanced_code(&self) -> Option<EnhancedCode> {
        self.enhanced.code()
    }

    /// The first enhanced code found elsewhere in the text, standing as a token of its own:
    /// after `#` (`(#5.1.1)`, `#5.1.0`), after a repeated reply code (Gmail's
    /// `550 550 5.1.1`), after another word (`cuda_nsu 4.7.1`) or inside Exchange's nested
    /// `<... #5.7.1 smtp;550 5.7.1 ...>`. The RFC 2034 position itself is not searched
    /// (see [`enhanced`](Reply::enhanced)). Reads the text on each call.
    ///
    /// ```
    /// use smtp_codes::Reply;
    /// let reply = Reply::parse("552 sorry, mailbox is over quota temporarily (#5.1.1)").unwrap();
    /// assert!(reply.enhanced_code().is_none());
    /// assert_eq!(reply.enhanced_in_text().unwrap().to_string(), "5.1.1");
    /// ```
    pub fn enhanced_in_text(&self) -> Option<EnhancedCode> {
        self.lines().find_map(|l| find_in_text(l.text()))
    }

    /// The lines, in order.
    #[inline]
    pub fn lines(&self) -> Lines<'a> {
        // A single line's code and enhanced state are the reply's.
        let single = self.single.map(|s| LineParts {
            start: 0,
            end: s.end,
            next: self.input.len(),
            terminator: s.terminator,
            code: self.code,
            separator: s.separator,
            enhanced: self.enhanced,
            text_start: s.text_start,
        });
        Lines {
            input: self.input,
            pos: 0,
            number: 0,
            remaining: self.line_count,
            single,
            // When no line has anything in the enhanced code's place, the lines are read
            // without looking for one.
            scan_enhanced: !matches!(self.enhanced, EnhancedState::Absent),
        }
    }

    /// How many lines the reply has (at least 1).
    pub const fn line_count(&self) -> usize {
        self.line_count
    }

    /// Whether the reply has more than one line.
    pub const fn is_multiline(&self) -> bool {
        self.line_count > 1
    }

    /// False when the input ended after a continuation line (`550-...`) without the last
    /// line, which lenient parsing accepts (bounces often quote only the first line).
    pub const fn is_complete(&self) -> bool {
        self.complete
    }

    /// The reply's bytes, exactly as given.
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.input
    }

    /// Every departure from RFC 5321 and RFC 2034 in this reply, in input order, as
    /// [`parse_strict`](Reply::parse_strict) would report them one at a time. Empty for a
    /// reply that parses strictly. Reads the input again; allocates nothing.
    ///
    /// ```
    /// use smtp_codes::{Reply, ReplyErrorKind};
    /// let reply = Reply::parse("550: 4.4.7 expired\n").unwrap();
    /// let kinds: Vec<&str> = reply.violations().map(|v| v.kind().name()).collect();
    /// assert_eq!(kinds, ["bad_separator", "enhanced_class_mismatch", "bare_lf"]);
    /// ```
    pub fn violations(&self) -> Violations<'a> {
        Violations {
            input: self.input,
            pos: 0,
            number: 0,
            remaining: self.line_count,
            checker: Checker::default(),
            found: Found::new(),
        }
    }
}

impl fmt::Debug for Reply<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reply")
            .field("code", &self.code)
            .field("enhanced", &self.enhanced)
            .field("line_count", &self.line_count)
            .field("complete", &self.complete)
            .field("input", &Lossy(self.input))
            .finish()
    }
}

/// What follows a last line, at `pos` (not the input's end).
enum AfterLast {
    /// A line with a reply code.
    Line,
    /// Only spaces, tabs, CR and LF.
    Whitespace,
    /// Anything else.
    Data,
}

fn after_last_line(input: &[u8], pos: usize, number: usize) -> AfterLast {
    let rest = input.get(pos..).unwrap_or(&[]);
    if rest
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        AfterLast::Whitespace
    } else if read_line(input, pos, number + 1, false).is_ok() {
        AfterLast::Line
    } else {
        AfterLast::Data
    }
}

fn parse_bytes(input: &[u8], options: ParseOptions) -> Result<Reply<'_>, ReplyError> {
    if input.is_empty() {
        return Err(ReplyError::new(ReplyErrorKind::Empty, 1, 0));
    }
    // Only strict parsing checks the rules; lenient parsing does not even set them up.
    let mut strict = match options.mode {
        Mode::Strict => Some((Checker::default(), Found::new())),
        Mode::Lenient => None,
    };
    let mut pos = 0;
    let mut number = 0;
    let mut first: Option<EnhancedCode> = None;
    let mut other: Option<EnhancedCode> = None;
    let mut malformed = false;
    loop {
        number += 1;
        let p = read_line(input, pos, number, true)?;
        let length = p.next - p.start;
        if let Some(max) = options.max_line_length {
            if length > max {
                return Err(ReplyError::new(
                    ReplyErrorKind::LineTooLong { length, max },
                    number,
                    p.start,
                ));
            }
        }
        if let Some((checker, found)) = &mut strict {
            found.clear();
            checker.line(input, &p, number, found);
            if let Some(e) = found.first() {
                return Err(e);
            }
        }
        match p.enhanced {
            EnhancedState::Valid(c) | EnhancedState::ClassMismatch(c) => match first {
                None => first = Some(c),
                Some(f) if f != c && other.is_none() => other = Some(c),
                Some(_) => {}
            },
            EnhancedState::Malformed => malformed = true,
            _ => {}
        }
        pos = p.next;
        let ends = if pos >= input.len() {
            true
        } else if !p.is_last() {
            false
        } else {
            match after_last_line(input, pos, number) {
                // A line with a code: the same reply goes on (the checker reports it).
                AfterLast::Line => false,
                AfterLast::Whitespace => match strict {
                    Some(_) => {
                        let kind = ReplyErrorKind::TrailingWhitespace;
                        return Err(ReplyError::new(kind, number + 1, pos));
                    }
                    None => true,
                },
                AfterLast::Data => {
                    let kind = ReplyErrorKind::TrailingData;
                    return Err(ReplyError::new(kind, number + 1, pos));
                }
            }
        };
        if ends {
            let code = p.code;
            let enhanced = match (first, other, malformed) {
                (Some(first), Some(other), _) => EnhancedState::Inconsistent { first, other },
                (Some(c), None, _) if c.class().digit() == code.first_digit() => {
                    EnhancedState::Valid(c)
                }
                (Some(c), None, _) => EnhancedState::ClassMismatch(c),
                (None, _, true) => EnhancedState::Malformed,
                (None, _, false) => EnhancedState::Absent,
            };
            return Ok(Reply {
                input,
                code,
                enhanced,
                line_count: number,
                complete: p.is_last(),
                single: (number == 1).then_some(SingleLine {
                    end: p.end,
                    text_start: p.text_start,
                    separator: p.separator,
                    terminator: p.terminator,
                }),
            });
        }
    }
}

/// The lines of a [`Reply`]; see [`Reply::lines`].
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    input: &'a [u8],
    /// Where the next line starts.
    pos: usize,
    number: usize,
    remaining: usize,
    /// A single-line reply's line, as `Reply` kept it (read from the input otherwise).
    single: Option<LineParts>,
    scan_enhanced: bool,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    #[inline]
    fn next(&mut self) -> Option<Line<'a>> {
        if self.remaining == 0 {
            return None;
        }
        match &self.single {
            Some(p) => {
                self.remaining = 0;
                Some(p.line(self.input, 1))
            }
            None => self.read_next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl<'a> Lines<'a> {
    /// Reads the line after the last one returned (there is one).
    #[inline(never)]
    fn read_next(&mut self) -> Option<Line<'a>> {
        self.remaining -= 1;
        self.number += 1;
        // The reply was parsed from this input, so every line reads again without error.
        let Ok(p) = read_line(self.input, self.pos, self.number, self.scan_enhanced) else {
            self.remaining = 0;
            return None;
        };
        self.pos = p.next;
        Some(p.line(self.input, self.number))
    }
}

impl ExactSizeIterator for Lines<'_> {}
impl FusedIterator for Lines<'_> {}

/// The RFC violations of a [`Reply`]; see [`Reply::violations`].
#[derive(Debug, Clone)]
pub struct Violations<'a> {
    input: &'a [u8],
    pos: usize,
    number: usize,
    remaining: usize,
    checker: Checker,
    found: Found,
}

impl Iterator for Violations<'_> {
    type Item = ReplyError;

    fn next(&mut self) -> Option<ReplyError> {
        loop {
            if let Some(e) = self.found.pop_front() {
                return Some(e);
            }
            if self.remaining == 0 {
                // Only whitespace can follow the last line of a parsed reply.
                if self.pos < self.input.len() {
                    let e = ReplyError::new(
                        ReplyErrorKind::TrailingWhitespace,
                        self.number + 1,
                        self.pos,
                    );
                    self.pos = self.input.len();
                    return Some(e);
                }
                return None;
            }
            self.remaining -= 1;
            self.number += 1;
            let Ok(p) = read_line(self.input, self.pos, self.number, true) else {
                self.remaining = 0;
                self.pos = self.input.len();
                return None;
            };
            self.pos = p.next;
            self.found.clear();
            self.checker
                .line(self.input, &p, self.number, &mut self.found);
        }
    }
}

impl FusedIterator for Violations<'_> {}
