//! The parts of [`KnownReplyCode`] and [`KnownEnhancedCode`] that do not depend on the
//! registry: lookups into the tables, `Display` and conversions. The enums are generated into
//! `tables/known.rs`.

use core::fmt;

use crate::{
    Class, EnhancedCode, EnhancedInfo, KnownEnhancedCode, KnownReplyCode, ReplyCode, ReplyInfo,
    ENHANCED, REPLIES,
};

impl KnownReplyCode {
    /// The code as a [`ReplyCode`].
    pub const fn code(self) -> ReplyCode {
        match ReplyCode::from_u16(self as u16) {
            Ok(c) => c,
            Err(_) => ReplyCode::OK,
        }
    }

    /// Everything the registry says about this code.
    pub const fn info(self) -> &'static ReplyInfo {
        &REPLIES[self.index()]
    }

    /// The identifier, such as `"MailboxUnavailable"`.
    pub const fn name(self) -> &'static str {
        self.info().name
    }
}

impl fmt::Display for KnownReplyCode {
    /// The three digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

impl TryFrom<ReplyCode> for KnownReplyCode {
    type Error = ReplyCode;

    /// Fails with the code itself when it is not registered.
    fn try_from(code: ReplyCode) -> Result<Self, Self::Error> {
        code.known().ok_or(code)
    }
}

impl KnownEnhancedCode {
    /// Everything the registry says about this code.
    pub const fn info(self) -> &'static EnhancedInfo {
        &ENHANCED[self as usize]
    }

    /// The subject number.
    pub const fn subject(self) -> u16 {
        self.info().subject
    }

    /// The detail number.
    pub const fn detail(self) -> u16 {
        self.info().detail
    }

    /// The identifier, such as `"BadDestinationMailboxAddress"`.
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// This subject and detail in a class: `X.1.1` with [`Class::PermanentFailure`] is
    /// `5.1.1`.
    pub const fn with_class(self, class: Class) -> EnhancedCode {
        EnhancedCode::registered(class, self.subject(), self.detail())
    }
}

impl fmt::Display for KnownEnhancedCode {
    /// The class-independent form, `X.1.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "X.{}.{}", self.subject(), self.detail())
    }
}

impl TryFrom<EnhancedCode> for KnownEnhancedCode {
    type Error = EnhancedCode;

    /// Fails with the code itself when the registry does not define its subject and detail.
    fn try_from(code: EnhancedCode) -> Result<Self, Self::Error> {
        code.known().ok_or(code)
    }
}

impl From<KnownEnhancedCode> for (u16, u16) {
    fn from(code: KnownEnhancedCode) -> (u16, u16) {
        (code.subject(), code.detail())
    }
}
