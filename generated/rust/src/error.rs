//! Errors from parsing and constructing codes.

use core::fmt;

/// Why a text or number is not a [`ReplyCode`](crate::ReplyCode).
///
/// A reply code is exactly three ASCII digits whose first digit is 2, 3, 4 or 5
/// ([RFC 5321, section 4.2](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReplyCodeError {
    /// The input was empty.
    Empty,
    /// The input was not three characters long.
    WrongLength {
        /// The input's length in bytes.
        length: usize,
    },
    /// A character was not an ASCII digit `0`-`9` (signs, spaces and non-ASCII digits
    /// included).
    NotADigit {
        /// The byte offset of the first offending character.
        position: usize,
    },
    /// The first digit was not 2, 3, 4 or 5.
    InvalidFirstDigit {
        /// The digit found.
        digit: u8,
    },
    /// The number was not in `200..=599`.
    OutOfRange {
        /// The number given.
        value: u16,
    },
}

impl fmt::Display for ReplyCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ReplyCodeError::Empty => f.write_str("reply code is empty; expected three digits such as 550"),
            ReplyCodeError::WrongLength { length } => write!(
                f,
                "reply code has {length} characters; expected exactly three digits such as 550"
            ),
            ReplyCodeError::NotADigit { position } => write!(
                f,
                "reply code has a character that is not an ASCII digit at byte {position}"
            ),
            ReplyCodeError::InvalidFirstDigit { digit } => write!(
                f,
                "reply code starts with {digit}; the first digit must be 2, 3, 4 or 5 (RFC 5321 section 4.2)"
            ),
            ReplyCodeError::OutOfRange { value } => write!(
                f,
                "{value} is not a reply code; reply codes are 200 to 599 (RFC 5321 section 4.2)"
            ),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ReplyCodeError {}

/// One of the three fields of an enhanced status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The class digit (`5` in `5.1.1`).
    Class,
    /// The subject (`1` in `5.1.1`).
    Subject,
    /// The detail (the last `1` in `5.1.1`).
    Detail,
}

impl Part {
    /// `"class"`, `"subject"` or `"detail"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Part::Class => "class",
            Part::Subject => "subject",
            Part::Detail => "detail",
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a text or triple is not an [`EnhancedCode`](crate::EnhancedCode).
///
/// The grammar is `class "." subject "." detail`, where class is `2`, `4` or `5` and subject
/// and detail are 1 to 3 digits without leading zeros
/// ([RFC 3463, section 2](https://www.rfc-editor.org/rfc/rfc3463.html#section-2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnhancedCodeError {
    /// The input was empty.
    Empty,
    /// The class was not 2, 4 or 5 (`6.1.1`, `3.0.0`, `+5.1.1`, ` 5.1.1`).
    InvalidClass,
    /// The input ended before this part (`5.1` lacks the detail).
    MissingPart {
        /// The part that is missing.
        part: Part,
    },
    /// A part had no digits (`5..1`).
    EmptyPart {
        /// The empty part.
        part: Part,
    },
    /// A part had a character other than an ASCII digit.
    NotADigit {
        /// The part with the character.
        part: Part,
        /// Byte offset of the character in the input.
        position: usize,
    },
    /// A part had a leading zero (`5.01.1`), which RFC 3463 forbids.
    LeadingZero {
        /// The part with the leading zero.
        part: Part,
    },
    /// A part had more than three digits (`5.1.1000`).
    TooManyDigits {
        /// The part that is too long.
        part: Part,
    },
    /// Characters followed a complete code (`5.1.1x`, `5.1.1.2`).
    TrailingCharacters {
        /// Byte offset of the first extra character.
        position: usize,
    },
    /// A number given to a constructor was above 999.
    OutOfRange {
        /// The part that is out of range.
        part: Part,
        /// The number given.
        value: u16,
    },
}

impl fmt::Display for EnhancedCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            EnhancedCodeError::Empty => {
                f.write_str("enhanced status code is empty; expected class.subject.detail such as 5.1.1")
            }
            EnhancedCodeError::InvalidClass => f.write_str(
                "enhanced status code must start with class 2, 4 or 5 (RFC 3463 section 2)",
            ),
            EnhancedCodeError::MissingPart { part } => write!(
                f,
                "enhanced status code ends before its {part}; expected class.subject.detail such as 5.1.1"
            ),
            EnhancedCodeError::EmptyPart { part } => {
                write!(f, "enhanced status code has an empty {part}")
            }
            EnhancedCodeError::NotADigit { part, position } => write!(
                f,
                "enhanced status code has a character that is not an ASCII digit in its {part} at byte {position}"
            ),
            EnhancedCodeError::LeadingZero { part } => write!(
                f,
                "enhanced status code has a leading zero in its {part} (RFC 3463 section 2 forbids them)"
            ),
            EnhancedCodeError::TooManyDigits { part } => write!(
                f,
                "enhanced status code has more than 3 digits in its {part} (RFC 3463 allows 1 to 3)"
            ),
            EnhancedCodeError::TrailingCharacters { position } => write!(
                f,
                "enhanced status code is followed by unexpected characters at byte {position}"
            ),
            EnhancedCodeError::OutOfRange { part, value } => write!(
                f,
                "enhanced status code {part} {value} is above 999 (RFC 3463 allows 1 to 3 digits)"
            ),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for EnhancedCodeError {}
