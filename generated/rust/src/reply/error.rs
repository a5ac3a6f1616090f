//! [`ReplyError`]: what is wrong with a reply, and where.

use core::fmt;

use crate::{EnhancedCode, EnhancedCodeError, ReplyCode, ReplyCodeError};

/// Something wrong with a reply, located by line and byte.
///
/// Parsing fails with one of these. In [strict](crate::Mode::Strict) mode every departure
/// from RFC 5321 and RFC 2034 is an error; in [lenient](crate::Mode::Lenient) mode only the
/// kinds for which [`ReplyErrorKind::is_fatal`] is true are, and
/// [`Reply::violations`](crate::Reply::violations) lists the others.
///
/// ```
/// use smtp_codes::{Reply, ReplyErrorKind};
///
/// let err = Reply::parse_strict("550-5.1.1 first\r\n551 5.1.1 second\r\n").unwrap_err();
/// assert_eq!((err.line(), err.position()), (2, 17));
/// assert!(matches!(err.kind(), ReplyErrorKind::CodeMismatch { .. }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplyError {
    kind: ReplyErrorKind,
    line: usize,
    position: usize,
}

impl ReplyError {
    pub(crate) const fn new(kind: ReplyErrorKind, line: usize, position: usize) -> ReplyError {
        ReplyError {
            kind,
            line,
            position,
        }
    }

    /// What is wrong.
    pub const fn kind(&self) -> ReplyErrorKind {
        self.kind
    }

    /// The line it is on, counting from 1 (for errors about the whole reply, the last line).
    pub const fn line(&self) -> usize {
        self.line
    }

    /// The byte offset in the input where it is.
    pub const fn position(&self) -> usize {
        self.position
    }
}

impl fmt::Display for ReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, byte {}: {}",
            self.line, self.position, self.kind
        )
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ReplyError {}

/// What is wrong with a reply; see [`ReplyError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReplyErrorKind {
    /// The input is empty. Fatal.
    Empty,
    /// A line does not start with a reply code: three digits, the first 2 to 5, not followed
    /// by another digit. Fatal.
    BadCode(ReplyCodeError),
    /// Something that is not a line of a reply follows the last line (a line whose code is
    /// not followed by `-`). Fatal: a reply is parsed whole;
    /// [`ReplyBuffer`](crate::ReplyBuffer) splits a stream into replies.
    TrailingData,
    /// A line, counted with its line ending, is longer than `max` bytes. Fatal when `max` is
    /// the limit set with [`ParseOptions::with_max_line_length`](crate::ParseOptions::with_max_line_length);
    /// a strict violation when `max` is RFC 5321's 512
    /// ([section 4.5.3.1.5](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.5.3.1.5)).
    LineTooLong {
        /// The line's length in bytes, line ending included.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// A [`ReplyBuffer`](crate::ReplyBuffer) is full and the reply is not complete. Fatal.
    TooLarge {
        /// The buffer's capacity in bytes.
        capacity: usize,
    },
    /// A line starts with spaces or tabs before its reply code.
    LeadingWhitespace,
    /// The reply code's second digit is above 5, outside RFC 5321's grammar
    /// (`Reply-code = %x32-35 %x30-35 %x30-39`, section 4.2).
    CodeOutsideGrammar(ReplyCode),
    /// A line's reply code differs from the first line's; RFC 5321 section 4.2.1 requires
    /// the same code on every line. Lenient parsing takes the last line's code.
    CodeMismatch {
        /// The first line's code.
        first: ReplyCode,
        /// This line's code.
        found: ReplyCode,
    },
    /// The reply code is followed by something other than a space, a hyphen or the line
    /// ending (`550:`, as Yahoo's bounces print it, or a tab).
    BadSeparator {
        /// The byte found after the code.
        found: u8,
    },
    /// The enhanced status code does not begin the text: it comes after extra spaces
    /// (RFC 2034 section 4: "at the beginning of the text in each line").
    MisplacedEnhancedCode,
    /// Something shaped like an enhanced status code begins the text but is not one
    /// (`5.1.1000`, `6.1.1`, `5.01.1`).
    MalformedEnhancedCode(EnhancedCodeError),
    /// The enhanced status code is followed by something other than a space or the line
    /// ending.
    MissingSpaceAfterEnhancedCode,
    /// A 3xx reply carries an enhanced status code; RFC 2034 section 4 leaves 3xx replies out.
    EnhancedCodeOnIntermediate(EnhancedCode),
    /// The enhanced code's class differs from the reply code's first digit (`550 4.4.7`);
    /// RFC 2034 section 4 and RFC 3463 section 2 require them to agree. The reply code
    /// decides the outcome.
    EnhancedClassMismatch {
        /// The enhanced code.
        code: EnhancedCode,
        /// The reply code of its line.
        reply: ReplyCode,
    },
    /// A line's enhanced code differs from an earlier line's; RFC 2034 section 4 requires
    /// the same code on every line.
    InconsistentEnhancedCode {
        /// The first enhanced code in the reply.
        first: EnhancedCode,
        /// This line's.
        found: EnhancedCode,
    },
    /// Some lines carry an enhanced code and this one does not, or the other way round
    /// (RFC 2034 section 4: the code appears on each line).
    EnhancedCodeNotOnEveryLine,
    /// A byte outside RFC 5321's `textstring` (tab, space and printable US-ASCII): a
    /// control character, a stray CR, or an 8-bit byte.
    InvalidTextByte {
        /// The byte.
        byte: u8,
    },
    /// A line ends in LF without CR; RFC 5321 section 2.3.8 requires CRLF.
    BareLf,
    /// The last line has no line ending.
    MissingLineEnding,
    /// The input ends after a continuation line (`550-...`): the reply's last line is
    /// missing.
    Incomplete,
    /// A line with a reply code follows a last line (`550 a` then `550 b`): the reply
    /// should have marked the earlier line as a continuation with `-`. Lenient parsing reads
    /// it as part of the same reply; in a stream it would be the next reply.
    LineAfterLastLine,
    /// Only spaces, tabs and line endings follow the last line. Lenient parsing ignores
    /// them.
    TrailingWhitespace,
}

impl ReplyErrorKind {
    /// Whether lenient parsing fails on this too. The other kinds are RFC violations that
    /// lenient parsing reads through and [`Reply::violations`](crate::Reply::violations)
    /// reports.
    pub const fn is_fatal(&self) -> bool {
        matches!(
            self,
            ReplyErrorKind::Empty
                | ReplyErrorKind::BadCode(_)
                | ReplyErrorKind::TrailingData
                | ReplyErrorKind::TooLarge { .. }
        )
    }

    /// Every kind's [`name`](ReplyErrorKind::name), in the order the kinds are declared. The
    /// generator's list of error kinds (for `data/reply-vectors.yaml`) is tested against it.
    pub const NAMES: [&'static str; 22] = [
        "empty",
        "bad_code",
        "trailing_data",
        "line_too_long",
        "too_large",
        "leading_whitespace",
        "code_outside_grammar",
        "code_mismatch",
        "bad_separator",
        "misplaced_enhanced_code",
        "malformed_enhanced_code",
        "missing_space_after_enhanced_code",
        "enhanced_code_on_intermediate",
        "enhanced_class_mismatch",
        "inconsistent_enhanced_code",
        "enhanced_code_not_on_every_line",
        "invalid_text_byte",
        "bare_lf",
        "missing_line_ending",
        "incomplete",
        "line_after_last_line",
        "trailing_whitespace",
    ];

    /// A stable snake_case name, as the conformance vectors (`data/reply-vectors.yaml`) use.
    pub const fn name(&self) -> &'static str {
        match self {
            ReplyErrorKind::Empty => "empty",
            ReplyErrorKind::BadCode(_) => "bad_code",
            ReplyErrorKind::TrailingData => "trailing_data",
            ReplyErrorKind::LineTooLong { .. } => "line_too_long",
            ReplyErrorKind::TooLarge { .. } => "too_large",
            ReplyErrorKind::LeadingWhitespace => "leading_whitespace",
            ReplyErrorKind::CodeOutsideGrammar(_) => "code_outside_grammar",
            ReplyErrorKind::CodeMismatch { .. } => "code_mismatch",
            ReplyErrorKind::BadSeparator { .. } => "bad_separator",
            ReplyErrorKind::MisplacedEnhancedCode => "misplaced_enhanced_code",
            ReplyErrorKind::MalformedEnhancedCode(_) => "malformed_enhanced_code",
            ReplyErrorKind::MissingSpaceAfterEnhancedCode => "missing_space_after_enhanced_code",
            ReplyErrorKind::EnhancedCodeOnIntermediate(_) => "enhanced_code_on_intermediate",
            ReplyErrorKind::EnhancedClassMismatch { .. } => "enhanced_class_mismatch",
            ReplyErrorKind::InconsistentEnhancedCode { .. } => "inconsistent_enhanced_code",
            ReplyErrorKind::EnhancedCodeNotOnEveryLine => "enhanced_code_not_on_every_line",
            ReplyErrorKind::InvalidTextByte { .. } => "invalid_text_byte",
            ReplyErrorKind::BareLf => "bare_lf",
            ReplyErrorKind::MissingLineEnding => "missing_line_ending",
            ReplyErrorKind::Incomplete => "incomplete",
            ReplyErrorKind::LineAfterLastLine => "line_after_last_line",
            ReplyErrorKind::TrailingWhitespace => "trailing_whitespace",
        }
    }
}

impl fmt::Display for ReplyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ReplyErrorKind::Empty => f.write_str("the reply is empty"),
            ReplyErrorKind::BadCode(e) => write!(f, "the line does not start with a reply code: {e}"),
            ReplyErrorKind::TrailingData => {
                f.write_str("data follows the last line of the reply (a line whose code is not followed by `-`)")
            }
            ReplyErrorKind::LineTooLong { length, max } => write!(
                f,
                "the line is {length} bytes long with its line ending; the limit is {max} (RFC 5321 section 4.5.3.1.5 allows 512)"
            ),
            ReplyErrorKind::TooLarge { capacity } => {
                write!(f, "the reply does not fit in the {capacity}-byte buffer")
            }
            ReplyErrorKind::LeadingWhitespace => {
                f.write_str("the line starts with whitespace; the reply code must come first (RFC 5321 section 4.2)")
            }
            ReplyErrorKind::CodeOutsideGrammar(code) => write!(
                f,
                "reply code {code} has a second digit above 5, outside RFC 5321's grammar (section 4.2)"
            ),
            ReplyErrorKind::CodeMismatch { first, found } => write!(
                f,
                "reply code {found} differs from the first line's {first}; every line must carry the same code (RFC 5321 section 4.2.1)"
            ),
            ReplyErrorKind::BadSeparator { found } => write!(
                f,
                "the reply code is followed by byte 0x{found:02x}; expected a space, `-` or the line ending (RFC 5321 section 4.2)"
            ),
            ReplyErrorKind::MisplacedEnhancedCode => f.write_str(
                "the enhanced status code does not begin the text: extra spaces come first (RFC 2034 section 4)",
            ),
            ReplyErrorKind::MalformedEnhancedCode(e) => {
                write!(f, "the text begins with something shaped like an enhanced status code that is not one: {e}")
            }
            ReplyErrorKind::MissingSpaceAfterEnhancedCode => {
                f.write_str("the enhanced status code is not followed by a space or the line ending")
            }
            ReplyErrorKind::EnhancedCodeOnIntermediate(code) => write!(
                f,
                "enhanced status code {code} on a 3xx reply; RFC 2034 section 4 leaves 3xx replies without one"
            ),
            ReplyErrorKind::EnhancedClassMismatch { code, reply } => write!(
                f,
                "enhanced status code {code} has class {} but the reply code is {reply}; they must agree (RFC 2034 section 4), and the reply code decides",
                code.class().digit()
            ),
            ReplyErrorKind::InconsistentEnhancedCode { first, found } => write!(
                f,
                "enhanced status code {found} differs from the first one, {first}; every line must carry the same (RFC 2034 section 4)"
            ),
            ReplyErrorKind::EnhancedCodeNotOnEveryLine => f.write_str(
                "some lines carry an enhanced status code and this one does not, or the other way round (RFC 2034 section 4)",
            ),
            ReplyErrorKind::InvalidTextByte { byte } => write!(
                f,
                "byte 0x{byte:02x} is not allowed in reply text; RFC 5321's textstring is tab, space and printable US-ASCII"
            ),
            ReplyErrorKind::BareLf => {
                f.write_str("the line ends in a bare LF; RFC 5321 section 2.3.8 requires CRLF")
            }
            ReplyErrorKind::MissingLineEnding => f.write_str("the last line has no CRLF"),
            ReplyErrorKind::Incomplete => {
                f.write_str("the input ends after a continuation line (`-`): the reply's last line is missing")
            }
            ReplyErrorKind::LineAfterLastLine => f.write_str(
                "a line follows the reply's last line; every line but the last must have `-` after its code (RFC 5321 section 4.2.1)",
            ),
            ReplyErrorKind::TrailingWhitespace => {
                f.write_str("whitespace follows the reply's last line")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of a kind in the declaration; an exhaustive match, so a new kind does
    /// not compile until it is placed here and in [`ReplyErrorKind::NAMES`].
    fn position(kind: &ReplyErrorKind) -> usize {
        use ReplyErrorKind::*;
        match kind {
            Empty => 0,
            BadCode(_) => 1,
            TrailingData => 2,
            LineTooLong { .. } => 3,
            TooLarge { .. } => 4,
            LeadingWhitespace => 5,
            CodeOutsideGrammar(_) => 6,
            CodeMismatch { .. } => 7,
            BadSeparator { .. } => 8,
            MisplacedEnhancedCode => 9,
            MalformedEnhancedCode(_) => 10,
            MissingSpaceAfterEnhancedCode => 11,
            EnhancedCodeOnIntermediate(_) => 12,
            EnhancedClassMismatch { .. } => 13,
            InconsistentEnhancedCode { .. } => 14,
            EnhancedCodeNotOnEveryLine => 15,
            InvalidTextByte { .. } => 16,
            BareLf => 17,
            MissingLineEnding => 18,
            Incomplete => 19,
            LineAfterLastLine => 20,
            TrailingWhitespace => 21,
        }
    }

    #[test]
    fn names_lists_every_kind_in_order() {
        use ReplyErrorKind::*;
        let code = ReplyCode::MAILBOX_UNAVAILABLE;
        let enhanced: EnhancedCode = "5.1.1".parse().unwrap();
        let kinds = [
            Empty,
            BadCode(ReplyCodeError::Empty),
            TrailingData,
            LineTooLong { length: 2, max: 1 },
            TooLarge { capacity: 1 },
            LeadingWhitespace,
            CodeOutsideGrammar(code),
            CodeMismatch {
                first: code,
                found: code,
            },
            BadSeparator { found: b':' },
            MisplacedEnhancedCode,
            MalformedEnhancedCode(EnhancedCodeError::Empty),
            MissingSpaceAfterEnhancedCode,
            EnhancedCodeOnIntermediate(enhanced),
            EnhancedClassMismatch {
                code: enhanced,
                reply: code,
            },
            InconsistentEnhancedCode {
                first: enhanced,
                found: enhanced,
            },
            EnhancedCodeNotOnEveryLine,
            InvalidTextByte { byte: 0 },
            BareLf,
            MissingLineEnding,
            Incomplete,
            LineAfterLastLine,
            TrailingWhitespace,
        ];
        assert_eq!(kinds.len(), ReplyErrorKind::NAMES.len());
        for (i, kind) in kinds.iter().enumerate() {
            assert_eq!(position(kind), i);
            assert_eq!(kind.name(), ReplyErrorKind::NAMES[i]);
        }
    }
}
