// {{ marker }}

//! The bounce reader's tables, from `data/bounce-formats.yaml`. The whole folder is written by
//! `cargo codegen`; the reader that uses it lives beside it, written by hand.

pub(crate) mod formats;

