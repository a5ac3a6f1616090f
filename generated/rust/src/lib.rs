//! Every SMTP status code, as data you can use.
//!
//! This crate knows every 3-digit reply code an RFC defines (standard, plus historic and
//! non-standard ones kept apart) and every enhanced status code in the IANA registry (updated
//! [`IANA_UPDATED`]), with their registered texts, plain-words descriptions, associated codes
//! and the RFC sections that define them. It is `no_std`, allocates nothing, and has no
//! dependencies by default. Its tables (`src/tables/`) are generated from the `smtp-codes`
//! registry, edition [`REGISTRY_VERSION`]; the rest is written by hand.
//!
//! # Reading `550 5.1.1`
//!
//! An SMTP reply starts with a 3-digit **reply code** ([`ReplyCode`],
//! [RFC 5321, section 4.2](https://www.rfc-editor.org/rfc/rfc5321.html#section-4.2)); its
//! first digit says whether the command succeeded (2), needs more input (3), failed for now
//! (4) or failed for good (5). Most servers follow it with an **enhanced status code**
//! ([`EnhancedCode`], [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463.html)):
//! `class.subject.detail`, where the class repeats the outcome (2, 4 or 5), the subject names
//! the area (1 is addressing) and the detail the precise condition (1.1 is "bad destination
//! mailbox address").
//!
//! ```
//! use smtp_codes::{EnhancedCode, ReplyCode};
//!
//! # fn main() -> Result<(), smtp_codes::EnhancedCodeError> {
//! let esc: EnhancedCode = "5.1.1".parse()?; // any well-formed code, known or not
//! assert!(esc.is_permanent());
//! let info = esc.info().unwrap(); // registry data for X.1.1
//! println!("{} ({})", info.sample_text, info.description);
//! assert!(info.basic_codes.contains(&550));
//!
//! let reply = ReplyCode::MAILBOX_UNAVAILABLE; // a named constant per registered code
//! assert_eq!(reply.as_u16(), 550);
//! assert!(esc.is_consistent_with(reply)); // class digit and associated codes agree
//! # Ok(())
//! # }
//! ```
//!
//! # Looking codes up
//!
//! Lookups never allocate and never panic; a well-formed code the registry does not know
//! answers `None`.
//!
//! ```
//! use smtp_codes::{Command, KnownReplyCode, ReplyCode, ReplyStatus, Severity};
//!
//! let code: ReplyCode = "454".parse().unwrap();
//! assert_eq!(code.severity(), Severity::TransientNegative);
//! let info = code.info().unwrap();
//! // 454 means different things in RFC 3207 (STARTTLS) and RFC 4954 (AUTH): both are listed.
//! assert!(info.meanings.len() >= 2);
//! assert!(info.commands.contains(&Command::Starttls));
//!
//! // Vendor codes are described too, but never as standard.
//! let vendor = smtp_codes::reply_info(471).unwrap();
//! assert_eq!(vendor.status, ReplyStatus::NonStandard);
//! assert!(ReplyCode::from_u16(471).unwrap().known().is_none());
//!
//! // Every registered code, for tables and completion lists.
//! assert_eq!(KnownReplyCode::ALL.len(), smtp_codes::REPLIES.len());
//! ```
//!
//! # Parsing replies
//!
//! [`Reply`] reads a whole reply, single or multi-line, from `&str` or `&[u8]` without
//! copying: its [`lines`](Reply::lines) borrow the input, and the enhanced code is taken
//! off each line's text and reported as an explicit [`EnhancedState`]. Lenient parsing
//! (the default) reads what bounce messages contain; strict parsing reports every departure
//! from RFC 5321 and RFC 2034 with its line and byte. [`ReplyBuffer`] collects replies from
//! a stream in fixed memory, and [`ReplyWriter`] writes them.
//!
//! ```
//! use smtp_codes::{EnhancedState, Reply, ReplyCode, ReplyErrorKind};
//!
//! let reply = Reply::parse("550-5.1.1 The email account does not exist.\r\n550 5.1.1 Try again\r\n")
//!     .unwrap();
//! assert_eq!(reply.code(), ReplyCode::MAILBOX_UNAVAILABLE);
//! assert!(matches!(reply.enhanced(), EnhancedState::Valid(c) if c.to_string() == "5.1.1"));
//! assert_eq!(reply.lines().nth(1).unwrap().text(), b"Try again");
//!
//! // The reply code decides the class, even when the enhanced code disagrees.
//! let exchange = Reply::parse("550 4.4.7 QUEUE.Expired; message expired").unwrap();
//! assert!(matches!(exchange.enhanced(), EnhancedState::ClassMismatch(_)));
//! assert!(exchange.code().is_permanent());
//!
//! // Strict parsing says what is wrong, and where.
//! let err = Reply::parse_strict("250 OK\n").unwrap_err();
//! assert_eq!((err.kind(), err.line(), err.position()), (ReplyErrorKind::BareLf, 1, 6));
//! ```
//!
//! # Constants
//!
//! [`ReplyCode`] has one constant per registered code ([`ReplyCode::MAILBOX_UNAVAILABLE`]).
//! [`EnhancedCode`] has one constant per registered code and per class its definition says
//! it suits, prefixed with the class: [`EnhancedCode::PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS`]
//! is `5.1.1`. Any other combination is one call away:
//! `KnownEnhancedCode::BadDestinationMailboxAddress.with_class(Class::PersistentTransientFailure)`.
//!
//! # Features
//!
//! - `std`: implements `std::error::Error` for the error types.
//! - `serde`: serializes codes as wire-form strings (`"550"`, `"5.1.1"`).
//!
//! # Sources
//!
//! Enhanced codes come from the IANA "SMTP Enhanced Status Codes" registry (updated
//! [`IANA_UPDATED`]); reply codes from RFC 5321 and the extension RFCs. Registered texts are
//! kept verbatim; descriptions are the registry's own words. Where sources disagree, the
//! registry records both ([`ReplyInfo::notes`], [`EnhancedInfo::notes`]).

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "std")]
extern crate std;

mod class;
pub mod classify;
mod command;
mod enhanced_code;
mod error;
mod info;
mod known;
mod matching;
mod reply;
mod reply_code;
#[cfg(feature = "serde")]
mod serde_impl;
mod tables;
pub mod vendor;

pub use command::UnknownCommand;
pub use enhanced_code::EnhancedCode;
pub use error::{EnhancedCodeError, Part, ReplyCodeError};
pub use info::{
    Association, Document, EnhancedInfo, Lifecycle, Meaning, NonStandardKind, Nonconforming,
    Reference, ReplyInfo, ReplyStatus, Troubleshooting, Use,
};
pub use reply::{
    EnhancedState, Feed, Line, Lines, Mode, ParseOptions, Reply, ReplyBuffer, ReplyContext,
    ReplyError, ReplyErrorKind, ReplyWriter, Separator, Terminator, Violations, WriteError,
};
pub use reply_code::{Category, ReplyCode, Severity};
pub use tables::class::{Class, Subject};
pub use tables::command::Command;
pub use tables::info::{reply_info, ENHANCED, NONSTANDARD, REPLIES, TROUBLESHOOTING};
pub use tables::known::{KnownEnhancedCode, KnownReplyCode};
pub use tables::reason::{Crosswalk, Reason};
pub use tables::{IANA_UPDATED, REGISTRY_VERSION, SITE_URL};
