//! `site/`: the static reference site, HTML and Markdown, one page per code.

use crate::model::Registry;
use crate::outputs::Outputs;

/// Renders the site.
pub fn render(_reg: &Registry, _out: &mut Outputs) -> Result<(), askama::Error> {
    Ok(())
}
