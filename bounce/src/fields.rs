//! RFC 3464 (and RFC 6533, RFC 5965) field blocks: `Name: value` lines, folded lines joined,
//! groups separated by blank lines. The same reader serves `message/delivery-status`,
//! `message/global-delivery-status`, `message/feedback-report` parts and the field blocks some
//! servers write into a text part.

use crate::limits::{MAX_FIELD_GROUPS, MAX_FIELD_VALUE};

/// One group of fields (the per-message group, or one per-recipient group).
#[derive(Debug, Default, Clone)]
pub struct Group {
    fields: Vec<(String, String)>,
}

impl Group {
    /// The first value of field `name` (case-insensitive), trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// Every value of field `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the group has field `name`.
    pub fn has(&self, name: &str) -> bool {
        self.fields
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

/// The field name at the start of `line`, if the line is `Name: value`.
fn field_name(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let name = &line[..colon];
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
    ok.then(|| (name, line[colon + 1..].trim()))
}

/// Reads field groups from `text`. A line that is neither a field, a continuation nor blank
/// ends the current group, so that prose around fields written into a text part is skipped.
pub fn groups(text: &str) -> Vec<Group> {
    let mut out = Vec::new();
    let mut cur = Group::default();
    for line in text.lines() {
        if out.len() >= MAX_FIELD_GROUPS {
            break;
        }
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(core::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = cur.fields.last_mut() {
                if v.len() < MAX_FIELD_VALUE {
                    v.push(' ');
                    v.push_str(line.trim());
                }
                continue;
            }
        }
        match field_name(line) {
            Some((name, value)) => {
                let mut value = value.to_owned();
                if value.len() > MAX_FIELD_VALUE {
                    let mut cut = MAX_FIELD_VALUE;
                    while !value.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    value.truncate(cut);
                }
                cur.fields.push((name.to_owned(), value));
            }
            None => {
                if !cur.is_empty() {
                    out.push(core::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() && out.len() < MAX_FIELD_GROUPS {
        out.push(cur);
    }
    out
}

/// The value after a type prefix (`rfc822; a@b`, `dns; mx.example`, `smtp; 550 ...`), and
/// the type, lower-case.
pub fn typed(value: &str) -> (Option<String>, &str) {
    match value.split_once(';') {
        Some((t, rest))
            if !t.is_empty()
                && t.len() <= 32
                && t.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_') =>
        {
            (Some(t.to_ascii_lowercase()), rest.trim())
        }
        _ => (None, value.trim()),
    }
}

/// An address value without its type, angle brackets or trailing comment.
pub fn address_value(value: &str) -> Option<String> {
    let (_, v) = typed(value);
    let v = v.trim();
    if let Some(a) = crate::scan::first_address(v) {
        return Some(a.to_owned());
    }
    let v = v
        .trim_start_matches('<')
        .split(['>', ' '])
        .next()
        .unwrap_or("")
        .trim();
    (!v.is_empty()).then(|| v.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_split_on_blank_lines_and_fold() {
        let g = groups(
            "Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; a@b.jp\r\nAction: failed\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  user unknown\r\n",
        );
        assert_eq!(g.len(), 2);
        assert_eq!(
            g[1].get("diagnostic-code"),
            Some("smtp; 550 5.1.1 user unknown")
        );
        assert_eq!(
            address_value(g[1].get("Final-Recipient").unwrap()).as_deref(),
            Some("a@b.jp")
        );
    }

    #[test]
    fn prose_ends_a_group() {
        let g = groups(
            "Technical report:\nAction: failed\nThis is prose, not a field\nStatus: 5.1.1\n",
        );
        assert_eq!(g.len(), 2);
    }
}
