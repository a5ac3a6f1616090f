//! The site's views: plain structs, built and sorted here, that the templates only loop over
//! and interpolate. Every string is already in its final form for the page's [`Flavor`]
//! (see the module above); fields documented as "Markdown" hold rendered registry Markdown.
//! One module per page kind, plus the pieces they share.

pub(crate) use super::answer::{answer, next_time_words, Answer, Asked};
pub(crate) use super::{paths, Ctx, Flavor, Link, REDIRECT_CLASSES};

pub(crate) use crate::model::*;
pub(crate) use crate::names;
pub(crate) use crate::outputs::MARKER;
pub(crate) use crate::views::markdown;

/// The site's name, in titles and the header.
pub const SITE_NAME: &str = "SMTP status codes";

mod about;
mod basic;
mod class;
mod command;
mod enhanced;
mod guide;
mod index;
mod parts;
mod reasons;
mod redirect;
mod rows;
mod shared;
mod subject;
mod vendor;

pub use about::*;
pub use basic::*;
pub use class::*;
pub use command::*;
pub use enhanced::*;
pub use guide::*;
pub use index::*;
pub use parts::*;
pub use reasons::*;
pub use redirect::*;
pub use rows::*;
pub use shared::*;
pub use subject::*;
pub use vendor::*;
