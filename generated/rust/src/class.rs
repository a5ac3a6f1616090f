//! The parts of [`Class`] and [`Subject`] that do not depend on the registry: numbers,
//! `Display` and conversions. The enums themselves, with their titles and descriptions, are
//! generated into `tables/class.rs`.

use core::fmt;

use crate::{Class, Subject};

impl Class {
    /// The digit: 2, 4 or 5.
    pub const fn digit(self) -> u8 {
        self as u8
    }
}

impl Subject {
    /// The subject number.
    pub const fn number(self) -> u16 {
        self as u16
    }
}

impl fmt::Display for Class {
    /// The digit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.digit(), f)
    }
}

impl TryFrom<u8> for Class {
    type Error = crate::EnhancedCodeError;

    fn try_from(digit: u8) -> Result<Self, Self::Error> {
        Class::from_digit(digit).ok_or(crate::EnhancedCodeError::InvalidClass)
    }
}

impl From<Class> for u8 {
    fn from(class: Class) -> u8 {
        class.digit()
    }
}

impl fmt::Display for Subject {
    /// The number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.number(), f)
    }
}
