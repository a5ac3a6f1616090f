//! [`ReplyWriter`]: formatting replies as RFC 5321 and RFC 2034 want them.

use core::fmt;

use super::check::RFC_MAX_LINE;
use super::enhanced::{scan_token, Token};
use crate::{EnhancedCode, ReplyCode};

/// What a reply answers, which decides whether it may carry an enhanced code: RFC 2034
/// section 4 puts one on every 2xx, 4xx and 5xx line except the greeting and the replies to
/// HELO and EHLO (and never on 3xx).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ReplyContext {
    /// Any command other than HELO and EHLO.
    #[default]
    Command,
    /// The greeting a server sends when the connection opens.
    Greeting,
    /// The reply to HELO or EHLO.
    Hello,
}

/// Why [`ReplyWriter`] refused to write. Lines count from 1; positions are byte offsets in
/// the line's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WriteError {
    /// A line contains CR or LF; each line of text must be given separately.
    LineBreak {
        /// The line.
        line: usize,
        /// The offset of the CR or LF in its text.
        position: usize,
    },
    /// A line contains a byte outside RFC 5321's `textstring` (tab, space and printable
    /// US-ASCII): another control character, or non-ASCII text.
    InvalidCharacter {
        /// The line.
        line: usize,
        /// The offset of the character in its text.
        position: usize,
    },
    /// A line would be longer than RFC 5321's 512 bytes, CRLF included (section 4.5.3.1.5).
    LineTooLong {
        /// The line.
        line: usize,
        /// Its length as it would be written.
        length: usize,
    },
    /// The enhanced code's class differs from the reply code's first digit (RFC 2034
    /// section 4).
    ClassMismatch {
        /// The reply code.
        reply: ReplyCode,
        /// The enhanced code.
        enhanced: EnhancedCode,
    },
    /// A line written without an enhanced code begins with something a parser would take
    /// for one (`1.2.3 ...`), so the reply would not read back as written.
    AmbiguousText {
        /// The line.
        line: usize,
    },
    /// The reply code's second digit is above 5, outside RFC 5321's grammar (section 4.2),
    /// so the reply would not parse strictly (`571`).
    CodeOutsideGrammar {
        /// The reply code.
        reply: ReplyCode,
    },
    /// The destination failed ([`core::fmt::Error`]).
    Format,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            WriteError::LineBreak { line, position } => write!(
                f,
                "line {line} contains CR or LF at byte {position}; give each line of text separately"
            ),
            WriteError::InvalidCharacter { line, position } => write!(
                f,
                "line {line} has a character at byte {position} that RFC 5321 does not allow in reply text (tab, space and printable US-ASCII only)"
            ),
            WriteError::LineTooLong { line, length } => write!(
                f,
                "line {line} would be {length} bytes long with CRLF; RFC 5321 section 4.5.3.1.5 allows 512"
            ),
            WriteError::ClassMismatch { reply, enhanced } => write!(
                f,
                "enhanced code {enhanced} does not agree with reply code {reply}: the class must equal the reply code's first digit (RFC 2034 section 4)"
            ),
            WriteError::AmbiguousText { line } => write!(
                f,
                "line {line} begins with something shaped like an enhanced status code, which a reader would take for one"
            ),
            WriteError::CodeOutsideGrammar { reply } => write!(
                f,
                "reply code {reply} is outside RFC 5321's grammar (second digit 0 to 5, section 4.2)"
            ),
            WriteError::Format => f.write_str("the destination failed to accept the text"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for WriteError {}

impl From<fmt::Error> for WriteError {
    fn from(_: fmt::Error) -> WriteError {
        WriteError::Format
    }
}

/// Writes a reply in wire form into any [`core::fmt::Write`], without allocating.
///
/// Every line gets the reply code, `-` or a space, and the enhanced code where RFC 2034
/// wants one: on every line of a 2xx, 4xx or 5xx reply in [`ReplyContext::Command`], never on
/// 3xx, the greeting or HELO/EHLO replies (an enhanced code given for those is left off).
/// All lines are checked before anything is written. What it writes parses back, strictly,
/// to the same code, enhanced code and texts.
///
/// ```
/// use smtp_codes::{EnhancedCode, ReplyCode, ReplyWriter};
///
/// let mut out = String::new();
/// ReplyWriter::new(ReplyCode::MAILBOX_UNAVAILABLE)
///     .with_enhanced(EnhancedCode::PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS)
///     .write(&mut out, &["No such user here", "Check the address"])
///     .unwrap();
/// assert_eq!(out, "550-5.1.1 No such user here\r\n550 5.1.1 Check the address\r\n");
///
/// let mut out = String::new();
/// let err = ReplyWriter::new(ReplyCode::MAILBOX_UNAVAILABLE).write(&mut out, &["a\r\nb"]);
/// assert!(err.is_err());
/// assert!(out.is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReplyWriter {
    code: ReplyCode,
    enhanced: Option<EnhancedCode>,
    context: ReplyContext,
}

impl ReplyWriter {
    /// A writer for `code`, in [`ReplyContext::Command`], without an enhanced code.
    pub const fn new(code: ReplyCode) -> ReplyWriter {
        ReplyWriter {
            code,
            enhanced: None,
            context: ReplyContext::Command,
        }
    }

    /// The same writer with an enhanced code to put on every line (where allowed).
    pub const fn with_enhanced(self, enhanced: EnhancedCode) -> ReplyWriter {
        ReplyWriter {
            enhanced: Some(enhanced),
            ..self
        }
    }

    /// The same writer for another context.
    pub const fn with_context(self, context: ReplyContext) -> ReplyWriter {
        ReplyWriter { context, ..self }
    }

    /// The enhanced code that will be written, if any: the one given, unless the reply is
    /// 3xx or the context is the greeting or a HELO/EHLO reply.
    pub const fn written_enhanced(&self) -> Option<EnhancedCode> {
        if self.code.first_digit() == 3 || !matches!(self.context, ReplyContext::Command) {
            None
        } else {
            self.enhanced
        }
    }

    /// Checks `lines` without writing anything: what [`write`](ReplyWriter::write) would
    /// refuse.
    pub fn check<S: AsRef<str>>(&self, lines: &[S]) -> Result<(), WriteError> {
        if self.code.second_digit() > 5 {
            return Err(WriteError::CodeOutsideGrammar { reply: self.code });
        }
        let enhanced = self.written_enhanced();
        if let Some(e) = enhanced {
            if e.class().digit() != self.code.first_digit() {
                return Err(WriteError::ClassMismatch {
                    reply: self.code,
                    enhanced: e,
                });
            }
        }
        let prefix = 4 + enhanced.map_or(0, |e| {
            let mut buf = [0u8; 11];
            e.write_ascii(&mut buf) + 1
        });
        for (i, text) in lines.iter().enumerate() {
            let line = i + 1;
            let text = text.as_ref().as_bytes();
            for (position, &b) in text.iter().enumerate() {
                if b == b'\r' || b == b'\n' {
                    return Err(WriteError::LineBreak { line, position });
                }
                if !(b == b'\t' || (32..=126).contains(&b)) {
                    return Err(WriteError::InvalidCharacter { line, position });
                }
            }
            let length = if text.is_empty() && enhanced.is_some() {
                prefix - 1 + 2
            } else {
                prefix + text.len() + 2
            };
            if length > RFC_MAX_LINE {
                return Err(WriteError::LineTooLong { line, length });
            }
            if enhanced.is_none() {
                let start = text
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .count();
                if scan_token(&text[start..]) != Token::None {
                    return Err(WriteError::AmbiguousText { line });
                }
            }
        }
        Ok(())
    }

    /// Writes the reply: one line per item of `lines` (none is written as one empty line),
    /// each ending in CRLF. Checks everything first, so on an error other than
    /// [`WriteError::Format`] nothing has been written.
    pub fn write<W: fmt::Write + ?Sized, S: AsRef<str>>(
        &self,
        out: &mut W,
        lines: &[S],
    ) -> Result<(), WriteError> {
        self.check(lines)?;
        let enhanced = self.written_enhanced();
        let count = lines.len().max(1);
        for i in 0..count {
            let text = lines.get(i).map_or("", |s| s.as_ref());
            out.write_str(self.code.as_str())?;
            out.write_str(if i + 1 < count { "-" } else { " " })?;
            if let Some(e) = enhanced {
                write!(out, "{e}")?;
                if !text.is_empty() {
                    out.write_str(" ")?;
                }
            }
            out.write_str(text)?;
            out.write_str("\r\n")?;
        }
        Ok(())
    }
}
