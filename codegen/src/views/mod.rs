//! What several renderers share, one layer below them: the registry as one JSON document
//! (built once, written by `render::json`, read by the site), Markdown handling, and the
//! per-language text escapers. Nothing here knows which file it ends up in.

pub mod document;
pub mod markdown;
pub mod text;
