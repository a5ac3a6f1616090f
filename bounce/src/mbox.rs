//! Splitting an mbox file into messages.
//!
//! An mbox file is messages one after another, each starting with a `From ` line (the
//! envelope sender and a date) at the start of the file or after an empty line. The split
//! follows that rule (the common "mboxrd"/"mboxo" reading); lines in a body that start with
//! `>From ` stay as they are, which does not matter for reading reports.

/// The messages of an mbox file, without their `From ` lines. Input that does not start
/// with `From ` is taken as one message.
///
/// ```
/// let mbox = b"From a@b Thu Jan  1 00:00:00 2026\nSubject: one\n\nbody\n\nFrom c@d Thu Jan  1 00:00:01 2026\nSubject: two\n\nbody\n";
/// let msgs: Vec<&[u8]> = smtp_bounce::mbox::split(mbox).collect();
/// assert_eq!(msgs.len(), 2);
/// assert!(msgs[1].starts_with(b"Subject: two"));
/// ```
pub fn split(data: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = data;
    let mut first = true;
    core::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if first {
            first = false;
            if !rest.starts_with(b"From ") {
                let end = next_from(rest, 0).unwrap_or(rest.len());
                let (msg, tail) = rest.split_at(end);
                rest = tail;
                return Some(msg);
            }
        }
        // `rest` starts with a `From ` line: skip it.
        let body_start = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let end = next_from(rest, body_start).unwrap_or(rest.len());
        let msg = &rest[body_start..end];
        rest = &rest[end..];
        Some(msg)
    })
}

/// The start of the next `From ` line that follows an empty line, at or after `from`.
fn next_from(data: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 6 <= data.len() {
        let at_line_start = i == 0 || data[i - 1] == b'\n';
        if at_line_start && data[i..].starts_with(b"From ") {
            let prev_empty = i >= 2
                && (data[i - 2] == b'\n'
                    || (data[i - 2] == b'\r' && i >= 3 && data[i - 3] == b'\n'));
            if i == 0 || prev_empty {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}
