//! [`EnhancedCode`]: an enhanced mail system status code such as `5.1.1`. The named constants
//! for the registered codes are generated into `tables/enhanced_code.rs`.

use core::fmt;
use core::str::FromStr;

use crate::{Class, EnhancedCodeError, EnhancedInfo, KnownEnhancedCode, Part, ReplyCode, Subject};

/// An enhanced mail system status code: `class.subject.detail`, such as `5.1.1`
/// ([RFC 3463](https://www.rfc-editor.org/rfc/rfc3463.html)).
///
/// Every well-formed code is representable, registered or not: the class is 2, 4 or 5, and
/// subject and detail are 0 to 999 each, as RFC 3463's grammar allows, so vendor codes such
/// as Microsoft's `5.7.509` or `4.4.316` keep their value. [`info`](EnhancedCode::info)
/// tells whether the IANA registry defines the code (registered codes are class-independent:
/// `5.1.1` and `4.1.1` share the entry `X.1.1`).
///
/// ```
/// use smtp_codes::{Class, EnhancedCode, ReplyCode};
///
/// let code: EnhancedCode = "5.1.1".parse().unwrap();
/// assert_eq!(code.class(), Class::PermanentFailure);
/// assert_eq!((code.subject(), code.detail()), (1, 1));
/// assert_eq!(code.info().unwrap().sample_text, "Bad destination mailbox address");
/// assert!(code.is_consistent_with(ReplyCode::MAILBOX_UNAVAILABLE));
///
/// let vendor: EnhancedCode = "5.7.509".parse().unwrap();
/// assert!(vendor.info().is_none());
/// assert_eq!(vendor.to_string(), "5.7.509");
/// ```
///
/// Ordering is by class, then subject, then detail.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    class: Class,
    subject: u16,
    detail: u16,
}

/// Reads one sub-code (1 to 3 digits, no leading zero) starting at `start`.
/// Returns the value and the index after it.
#[inline]
const fn read_part(s: &[u8], start: usize, part: Part) -> Result<(u16, usize), EnhancedCodeError> {
    let mut i = start;
    let mut value: u16 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        if i - start == 3 {
            return Err(EnhancedCodeError::TooManyDigits { part });
        }
        value = value * 10 + (s[i] - b'0') as u16;
        i += 1;
    }
    if i == start {
        if i == s.len() || s[i] == b'.' {
            return Err(EnhancedCodeError::EmptyPart { part });
        }
        return Err(EnhancedCodeError::NotADigit { part, position: i });
    }
    if i - start > 1 && s[start] == b'0' {
        return Err(EnhancedCodeError::LeadingZero { part });
    }
    Ok((value, i))
}

impl EnhancedCode {
    /// The largest subject or detail RFC 3463 allows (three digits).
    pub const MAX_SUBCODE: u16 = 999;

    /// Makes a code from its class and numbers; subject and detail must be at most 999.
    pub const fn new(
        class: Class,
        subject: u16,
        detail: u16,
    ) -> Result<EnhancedCode, EnhancedCodeError> {
        if subject > Self::MAX_SUBCODE {
            return Err(EnhancedCodeError::OutOfRange {
                part: Part::Subject,
                value: subject,
            });
        }
        if detail > Self::MAX_SUBCODE {
            return Err(EnhancedCodeError::OutOfRange {
                part: Part::Detail,
                value: detail,
            });
        }
        Ok(EnhancedCode {
            class,
            subject,
            detail,
        })
    }

    /// A registered subject and detail, known to be in range.
    pub(crate) const fn registered(class: Class, subject: u16, detail: u16) -> EnhancedCode {
        EnhancedCode {
            class,
            subject,
            detail,
        }
    }

    /// Makes a code from a class digit (2, 4 or 5) and numbers.
    pub const fn from_parts(
        class: u8,
        subject: u16,
        detail: u16,
    ) -> Result<EnhancedCode, EnhancedCodeError> {
        match Class::from_digit(class) {
            Some(c) => EnhancedCode::new(c, subject, detail),
            None => Err(EnhancedCodeError::InvalidClass),
        }
    }

    /// Reads a code at the start of `input` and returns it with the number of bytes it took.
    /// Whatever follows the detail is left to the caller: `5.1.1 User unknown` gives
    /// `(5.1.1, 5)`. This is the form a reply parser needs.
    ///
    /// ```
    /// use smtp_codes::EnhancedCode;
    /// let (code, used) = EnhancedCode::parse_prefix(b"4.7.1 Try again later").unwrap();
    /// assert_eq!((code.to_string().as_str(), used), ("4.7.1", 5));
    /// ```
    #[inline]
    pub const fn parse_prefix(input: &[u8]) -> Result<(EnhancedCode, usize), EnhancedCodeError> {
        if input.is_empty() {
            return Err(EnhancedCodeError::Empty);
        }
        let class = match Class::from_digit(input[0].wrapping_sub(b'0')) {
            Some(c) => c,
            None => return Err(EnhancedCodeError::InvalidClass),
        };
        if input.len() == 1 {
            return Err(EnhancedCodeError::MissingPart {
                part: Part::Subject,
            });
        }
        if input[1] != b'.' {
            if input[1].is_ascii_digit() {
                return Err(EnhancedCodeError::InvalidClass);
            }
            return Err(EnhancedCodeError::MissingPart {
                part: Part::Subject,
            });
        }
        let (subject, i) = match read_part(input, 2, Part::Subject) {
            Ok(r) => r,
            Err(e) => return Err(e),
        };
        if i == input.len() {
            return Err(EnhancedCodeError::MissingPart { part: Part::Detail });
        }
        if input[i] != b'.' {
            return Err(EnhancedCodeError::NotADigit {
                part: Part::Subject,
                position: i,
            });
        }
        let (detail, end) = match read_part(input, i + 1, Part::Detail) {
            Ok(r) => r,
            Err(e) => return Err(e),
        };
        Ok((
            EnhancedCode {
                class,
                subject,
                detail,
            },
            end,
        ))
    }

    /// Parses a whole input as one code; nothing may follow it.
    #[inline]
    pub const fn from_bytes(input: &[u8]) -> Result<EnhancedCode, EnhancedCodeError> {
        match EnhancedCode::parse_prefix(input) {
            Ok((code, used)) if used == input.len() => Ok(code),
            Ok((_, used)) => Err(EnhancedCodeError::TrailingCharacters { position: used }),
            Err(e) => Err(e),
        }
    }

    /// The class: success, persistent transient failure or permanent failure.
    pub const fn class(self) -> Class {
        self.class
    }

    /// The subject number (`1` in `5.1.1`).
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail number (the last `1` in `5.1.1`).
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// The registered subject, if the subject number is one (X.0 to X.7).
    pub const fn subject_kind(self) -> Option<Subject> {
        Subject::from_number(self.subject)
    }

    /// The same subject and detail in another class (`5.1.1` to `4.1.1`).
    pub const fn with_class(self, class: Class) -> EnhancedCode {
        EnhancedCode { class, ..self }
    }

    /// The registered code (class-independent `X.s.d`), if the registry defines one.
    pub const fn known(self) -> Option<KnownEnhancedCode> {
        KnownEnhancedCode::from_parts(self.subject, self.detail)
    }

    /// What the IANA registry says about this subject and detail; `None` when it defines
    /// neither (vendor codes such as `5.7.509`).
    pub fn info(self) -> Option<&'static EnhancedInfo> {
        match self.known() {
            Some(k) => Some(k.info()),
            None => None,
        }
    }

    /// Class 2: the action succeeded.
    pub const fn is_success(self) -> bool {
        self.class.digit() == 2
    }

    /// Class 4: a persistent transient failure; a later attempt may succeed.
    pub const fn is_transient(self) -> bool {
        self.class.digit() == 4
    }

    /// Class 5: a permanent failure; resending unchanged will fail again.
    pub const fn is_permanent(self) -> bool {
        self.class.digit() == 5
    }

    /// Class 4 or 5.
    pub const fn is_failure(self) -> bool {
        !self.is_success()
    }

    /// Whether the class digits agree: 2 with 2xx, 4 with 4xx, 5 with 5xx. RFC 3463
    /// section 3 requires it; when they disagree (`550 4.4.7`, which real servers send), the
    /// reply code decides the outcome.
    pub const fn class_matches(self, reply: ReplyCode) -> bool {
        self.class.digit() == reply.first_digit()
    }

    /// Whether this code may accompany `reply`: the class digits agree, and, where the IANA
    /// registry lists associated basic codes for this subject and detail, `reply` is one of
    /// them or in a class the registry allows. Unregistered codes need only the class
    /// agreement; registered ones with no listed association (`Any`, `Not given`) likewise.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, ReplyCode};
    /// let code: EnhancedCode = "5.1.1".parse().unwrap();
    /// assert!(code.is_consistent_with(ReplyCode::MAILBOX_UNAVAILABLE));
    /// assert!(!code.is_consistent_with(ReplyCode::TRANSACTION_FAILED)); // X.1.1 lists 451, 550
    /// assert!(!code.is_consistent_with(ReplyCode::LOCAL_ERROR_IN_PROCESSING)); // 4xx vs 5
    /// ```
    pub fn is_consistent_with(self, reply: ReplyCode) -> bool {
        if !self.class_matches(reply) {
            return false;
        }
        match self.info() {
            Some(info) => info.allows(reply),
            None => true,
        }
    }
}

impl fmt::Display for EnhancedCode {
    /// The wire form, `5.1.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 11];
        let n = self.write_ascii(&mut buf);
        f.pad(core::str::from_utf8(&buf[..n]).unwrap_or(""))
    }
}

impl EnhancedCode {
    /// Writes the wire form into `buf` (11 bytes suffice for any code) and returns its
    /// length; no allocation.
    pub fn write_ascii(&self, buf: &mut [u8; 11]) -> usize {
        let mut n = 0;
        buf[n] = b'0' + self.class.digit();
        n += 1;
        for value in [self.subject, self.detail] {
            buf[n] = b'.';
            n += 1;
            if value >= 100 {
                buf[n] = b'0' + (value / 100) as u8;
                n += 1;
            }
            if value >= 10 {
                buf[n] = b'0' + (value / 10 % 10) as u8;
                n += 1;
            }
            buf[n] = b'0' + (value % 10) as u8;
            n += 1;
        }
        n
    }
}

impl fmt::Debug for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EnhancedCode({self})")
    }
}

impl FromStr for EnhancedCode {
    type Err = EnhancedCodeError;

    /// Parses `class.subject.detail` exactly: no spaces, signs or leading zeros.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EnhancedCode::from_bytes(s.as_bytes())
    }
}

impl TryFrom<&str> for EnhancedCode {
    type Error = EnhancedCodeError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl TryFrom<(u8, u16, u16)> for EnhancedCode {
    type Error = EnhancedCodeError;

    fn try_from((class, subject, detail): (u8, u16, u16)) -> Result<Self, Self::Error> {
        EnhancedCode::from_parts(class, subject, detail)
    }
}

impl From<EnhancedCode> for (u8, u16, u16) {
    fn from(code: EnhancedCode) -> (u8, u16, u16) {
        (code.class.digit(), code.subject, code.detail)
    }
}
