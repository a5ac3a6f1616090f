//! What the reader knows about bounce formats, as data: the markers and phrases that the
//! home-grown reports of mail servers and providers use, one table per kind of evidence.
//!
//! The reader ([`crate::read_message`]) is one general algorithm; these tables tell it where
//! a report's human-readable part ends, which lines name a failed recipient, which words
//! introduce a remote server's reply, which phrases name the SMTP command, and which
//! messages announce themselves as bounces, delay notices or auto-replies. Adding a format is
//! adding rows to `data/bounce-formats.yaml` and running `cargo codegen`, not code: the
//! tables are generated into `src/tables/formats.rs` and re-exported here.
//!
//! Every phrase matches ignoring ASCII case; "at line start" means after leading white
//! space. The generator checks each table as the reader uses it: no phrase repeats another,
//! and none is hidden by a row that always matches first.
//!
//! ```
//! use smtp_bounce::formats::COMMAND_PHRASES;
//! let (_, command) = COMMAND_PHRASES
//!     .iter()
//!     .find(|(p, _)| *p == "in reply to RCPT TO command")
//!     .unwrap();
//! assert_eq!(*command, smtp_codes::Command::Rcpt);
//! ```

pub use crate::tables::formats::*;
