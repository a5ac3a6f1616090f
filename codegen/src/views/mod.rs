//! What several renderers share, one layer below them: the registry as one JSON document
//! (built once, written by `render::json`, read by the site), Markdown handling, finding the
//! codes a text names (to link them), and the per-language text escapers. Nothing here knows which file it ends up in.

pub mod code_mentions;
pub mod document;
pub mod markdown;
pub mod text;
