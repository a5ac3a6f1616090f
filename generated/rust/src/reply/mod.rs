//! Reading and writing whole SMTP replies.
//!
//! This module is written by hand (it carries no generated marker); the generator only
//! declares it in `lib.rs`.
//!
//! - [`Reply`] parses a whole reply, single or multi-line, from `&str` or `&[u8]`, borrowing
//!   its lines; [`ReplyBuffer`] collects one from a stream in fixed memory.
//! - [`EnhancedState`] says what stands in the enhanced code's place (RFC 2034);
//!   [`Reply::enhanced_in_text`] finds a code elsewhere in the text.
//! - [`Mode::Strict`] reports every departure from RFC 5321 and RFC 2034 as a
//!   [`ReplyError`] with line and byte; [`Mode::Lenient`] reads what bounces contain.
//! - [`ReplyWriter`] writes replies that parse back to what was written.
//!
//! Nothing here allocates or panics.

mod buffer;
mod check;
mod enhanced;
mod error;
mod line;
mod parse;
mod write;

pub use buffer::{Feed, ReplyBuffer};
pub use enhanced::EnhancedState;
pub use error::{ReplyError, ReplyErrorKind};
pub use line::{Line, Separator, Terminator};
pub use parse::{Lines, Mode, ParseOptions, Reply, Violations};
pub use write::{ReplyContext, ReplyWriter, WriteError};
