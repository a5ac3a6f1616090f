//! [`ReplyCode`]: a 3-digit SMTP reply code. The named constant for every registered code is
//! generated into `tables/reply_code.rs`.

use core::fmt;
use core::str::FromStr;

use crate::error::ReplyCodeError;
use crate::{reply_info, Class, KnownReplyCode, ReplyInfo};

/// A 3-digit SMTP reply code such as `550`.
///
/// Any code a server may send is representable: three digits, the first 2 to 5
/// ([RFC 5321, section 4.2](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2)).
/// RFC 5321's grammar limits the second digit to 0-5, but real servers send codes such as
/// `571` or `480`; such codes are accepted, their [`category`](ReplyCode::category) is
/// [`Category::NonStandard`], and [`is_rfc5321_grammar`](ReplyCode::is_rfc5321_grammar) is
/// false. Codes outside `200..=599` (`101`, `111`, which mail clients print for their own
/// connection errors) are rejected; the registry still describes them, see
/// [`reply_info`](crate::reply_info).
///
/// ```
/// use smtp_codes::ReplyCode;
///
/// let code: ReplyCode = "550".parse().unwrap();
/// assert_eq!(code, ReplyCode::MAILBOX_UNAVAILABLE);
/// assert!(code.is_permanent());
/// assert_eq!(code.to_string(), "550");
/// assert!("650".parse::<ReplyCode>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(pub(crate) u16);

/// What the first digit says ([RFC 5321, section 4.2.1](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2.1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// `2yz`: the requested action completed; a new request may begin.
    PositiveCompletion,
    /// `3yz`: accepted so far; the client must send more (the message after `354`, a SASL
    /// response after `334`).
    PositiveIntermediate,
    /// `4yz`: not accepted, but the condition is temporary; the client should try again later.
    TransientNegative,
    /// `5yz`: not accepted; repeating the same request unchanged will fail again.
    PermanentNegative,
}

/// What the second digit says ([RFC 5321, section 4.2.1](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2.1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// `x0z`: syntax errors, and commands that fit no other category.
    Syntax,
    /// `x1z`: replies to requests for information, such as status or help.
    Information,
    /// `x2z`: replies about the transmission channel.
    Connections,
    /// `x3z` and `x4z`: not specified by RFC 5321 (AUTH and ETRN use them).
    Unspecified,
    /// `x5z`: the status of the receiver mail system for the requested transfer.
    MailSystem,
    /// `x6z` to `x9z`: outside RFC 5321's grammar, but sent by some servers (`571`).
    NonStandard,
}

impl ReplyCode {
    /// Makes a reply code from a number in `200..=599`.
    ///
    /// ```
    /// use smtp_codes::ReplyCode;
    /// const GREYLISTED: ReplyCode = match ReplyCode::from_u16(451) {
    ///     Ok(c) => c,
    ///     Err(_) => panic!(),
    /// };
    /// assert_eq!(GREYLISTED.as_u16(), 451);
    /// ```
    pub const fn from_u16(code: u16) -> Result<ReplyCode, ReplyCodeError> {
        if code >= 200 && code <= 599 {
            Ok(ReplyCode(code))
        } else {
            Err(ReplyCodeError::OutOfRange { value: code })
        }
    }

    /// Parses exactly three ASCII digits, the first 2 to 5.
    pub const fn from_bytes(s: &[u8]) -> Result<ReplyCode, ReplyCodeError> {
        if s.is_empty() {
            return Err(ReplyCodeError::Empty);
        }
        let mut i = 0;
        while i < s.len() && i < 3 {
            if !s[i].is_ascii_digit() {
                return Err(ReplyCodeError::NotADigit { position: i });
            }
            i += 1;
        }
        if s.len() != 3 {
            return Err(ReplyCodeError::WrongLength { length: s.len() });
        }
        let d1 = s[0] - b'0';
        if d1 < 2 || d1 > 5 {
            return Err(ReplyCodeError::InvalidFirstDigit { digit: d1 });
        }
        Ok(ReplyCode(
            d1 as u16 * 100 + (s[1] - b'0') as u16 * 10 + (s[2] - b'0') as u16,
        ))
    }

    /// The code as a number.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The first digit: 2, 3, 4 or 5.
    pub const fn first_digit(self) -> u8 {
        (self.0 / 100) as u8
    }

    /// The second digit: 0 to 9.
    pub const fn second_digit(self) -> u8 {
        (self.0 / 10 % 10) as u8
    }

    /// The third digit: 0 to 9.
    pub const fn third_digit(self) -> u8 {
        (self.0 % 10) as u8
    }

    /// The three digits as ASCII, for writing without formatting machinery.
    pub const fn to_ascii(self) -> [u8; 3] {
        [
            b'0' + self.first_digit(),
            b'0' + self.second_digit(),
            b'0' + self.third_digit(),
        ]
    }

    /// The code as text, `"550"`, without allocating.
    pub fn as_str(&self) -> &'static str {
        let start = (self.0 as usize - 200) * 3;
        ALL_CODES_TEXT.get(start..start + 3).unwrap_or_default()
    }

    /// What the first digit says.
    pub const fn severity(self) -> Severity {
        match self.first_digit() {
            2 => Severity::PositiveCompletion,
            3 => Severity::PositiveIntermediate,
            4 => Severity::TransientNegative,
            _ => Severity::PermanentNegative,
        }
    }

    /// What the second digit says.
    pub const fn category(self) -> Category {
        match self.second_digit() {
            0 => Category::Syntax,
            1 => Category::Information,
            2 => Category::Connections,
            3 | 4 => Category::Unspecified,
            5 => Category::MailSystem,
            _ => Category::NonStandard,
        }
    }

    /// `2yz`: the request completed.
    pub const fn is_success(self) -> bool {
        self.first_digit() == 2
    }

    /// `3yz`: the server waits for more (the message data, a SASL response).
    pub const fn is_intermediate(self) -> bool {
        self.first_digit() == 3
    }

    /// `4yz`: a temporary failure; retry later.
    pub const fn is_transient(self) -> bool {
        self.first_digit() == 4
    }

    /// `5yz`: a permanent failure; do not repeat the same request unchanged.
    pub const fn is_permanent(self) -> bool {
        self.first_digit() == 5
    }

    /// `4yz` or `5yz`: the request was not accepted.
    pub const fn is_failure(self) -> bool {
        self.first_digit() >= 4
    }

    /// Whether the second digit is within RFC 5321's grammar (0 to 5).
    pub const fn is_rfc5321_grammar(self) -> bool {
        self.second_digit() <= 5
    }

    /// The enhanced-code class that agrees with this reply: 2xx success, 4xx persistent
    /// transient failure, 5xx permanent failure; `None` for 3xx, which carries no enhanced
    /// code ([RFC 2034, section 3](https://www.rfc-editor.org/rfc/rfc2034.html#section-3)).
    pub const fn class(self) -> Option<Class> {
        Class::from_digit(self.first_digit())
    }

    /// The registered code, if this is one (standard or historic).
    pub const fn known(self) -> Option<KnownReplyCode> {
        KnownReplyCode::from_u16(self.0)
    }

    /// What the registry knows about this code: standard, historic or non-standard.
    /// `None` for a code nobody documents.
    ///
    /// ```
    /// use smtp_codes::{ReplyCode, ReplyStatus};
    /// let info = ReplyCode::MAILBOX_UNAVAILABLE.info().unwrap();
    /// assert_eq!(info.status, ReplyStatus::Standard);
    /// assert!(ReplyCode::from_u16(299).unwrap().info().is_none());
    /// ```
    pub fn info(self) -> Option<&'static ReplyInfo> {
        reply_info(self.0)
    }

    /// The reply text as the defining RFC writes it, for registered codes
    /// (`"Requested action not taken: mailbox unavailable"` for 550).
    pub fn text(self) -> Option<&'static str> {
        match self.known() {
            Some(k) => Some(k.info().text),
            None => None,
        }
    }

    /// Whether an RFC defines this code (standard or historic).
    pub const fn is_registered(self) -> bool {
        self.known().is_some()
    }
}

/// `"200201202...599"`: every possible code's text, for [`ReplyCode::as_str`].
const ALL_CODES_TEXT: &str = "200201202203204205206207208209210211212213214215216217218219220221222223224225226227228229230231232233234235236237238239240241242243244245246247248249250251252253254255256257258259260261262263264265266267268269270271272273274275276277278279280281282283284285286287288289290291292293294295296297298299300301302303304305306307308309310311312313314315316317318319320321322323324325326327328329330331332333334335336337338339340341342343344345346347348349350351352353354355356357358359360361362363364365366367368369370371372373374375376377378379380381382383384385386387388389390391392393394395396397398399400401402403404405406407408409410411412413414415416417418419420421422423424425426427428429430431432433434435436437438439440441442443444445446447448449450451452453454455456457458459460461462463464465466467468469470471472473474475476477478479480481482483484485486487488489490491492493494495496497498499500501502503504505506507508509510511512513514515516517518519520521522523524525526527528529530531532533534535536537538539540541542543544545546547548549550551552553554555556557558559560561562563564565566567568569570571572573574575576577578579580581582583584585586587588589590591592593594595596597598599";

impl fmt::Display for ReplyCode {
    /// The wire form: three digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl fmt::Debug for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.known() {
            Some(k) => write!(f, "ReplyCode({} {:?})", self.0, k),
            None => write!(f, "ReplyCode({})", self.0),
        }
    }
}

impl FromStr for ReplyCode {
    type Err = ReplyCodeError;

    /// Parses exactly three ASCII digits, the first 2 to 5; no sign, no spaces.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ReplyCode::from_bytes(s.as_bytes())
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = ReplyCodeError;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        ReplyCode::from_u16(code)
    }
}

impl TryFrom<&str> for ReplyCode {
    type Error = ReplyCodeError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> u16 {
        code.0
    }
}

impl From<KnownReplyCode> for ReplyCode {
    fn from(code: KnownReplyCode) -> ReplyCode {
        ReplyCode(code as u16)
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.0
    }
}
