//! Bounds on the work and memory one message may cost, whatever it contains. A message
//! beyond a bound is read as far as the bound allows; nothing fails or panics because of it.

/// Bytes of a message that are read; the rest is ignored (a report's machine-readable and
/// human-readable parts come first; what follows is the returned message).
pub const MAX_MESSAGE_BYTES: usize = 4 << 20;
/// MIME parts examined in one message.
pub const MAX_PARTS: usize = 256;
/// Bytes of human-readable report text examined.
pub const MAX_TEXT_BYTES: usize = 256 << 10;
/// Field groups read from delivery-status and feedback parts.
pub const MAX_FIELD_GROUPS: usize = 1024;
/// Bytes of one field's value kept (after unfolding).
pub const MAX_FIELD_VALUE: usize = 8 << 10;
/// Recipients reported for one message.
pub const MAX_RECIPIENTS: usize = 1000;
/// Bytes of a recipient's text block kept for reading its replies.
pub const MAX_BLOCK_BYTES: usize = 16 << 10;
