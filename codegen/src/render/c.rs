//! `generated/c/smtp_codes.h`: the single-header C library.

use crate::model::Registry;
use crate::outputs::Outputs;

/// Renders the C header.
pub fn render(_reg: &Registry, _out: &mut Outputs) -> Result<(), askama::Error> {
    Ok(())
}
