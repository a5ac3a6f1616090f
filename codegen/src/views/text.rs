//! Small text helpers shared by the renderers: line endings and final newlines, and the
//! per-language string escapers that template variables pass through.

use std::fmt::Write as _;

/// Normalises a rendered text file: LF line endings, no trailing spaces, exactly one final
/// newline (askama drops a template's last newline).
pub fn finish(mut s: String) -> String {
    if s.contains('\r') {
        s = s.replace("\r\n", "\n");
    }
    let mut out = String::with_capacity(s.len() + 1);
    for line in s.trim_end_matches('\n').split('\n') {
        out.push_str(line.trim_end_matches([' ', '\t']));
        out.push('\n');
    }
    out
}

/// `s` in double quotes with the escapes C-family languages share (`\\`, `\"`, `\n`, `\r`,
/// `\t`); every other character goes through `other`, which writes its own escape and
/// returns `true`, or returns `false` to have the character written as it is. One skeleton
/// for each language's literal, so that the shared escapes cannot drift apart.
fn quoted(s: &str, mut other: impl FnMut(char, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => {
                if !other(c, &mut out) {
                    out.push(c);
                }
            }
        }
    }
    out.push('"');
    out
}

/// A Rust string literal for `s`, with its quotes: escapes `\`, `"`, and control
/// characters; keeps other Unicode as it is (source files are UTF-8).
pub fn rust_str(s: &str) -> String {
    quoted(s, |c, out| {
        c.is_control() && write!(out, "\\u{{{:x}}}", c as u32).is_ok()
    })
}

/// A Go interpreted string literal for `s`, with its quotes: escapes `\`, `"` and control
/// characters (as `\uXXXX`); keeps other Unicode as it is (Go source is UTF-8).
pub fn go_str(s: &str) -> String {
    quoted(s, |c, out| {
        c.is_control() && write!(out, "\\u{:04x}", c as u32).is_ok()
    })
}

/// A Python string literal: double quotes; `\` and `"` escaped; control characters as
/// `\n`, `\r`, `\t` or `\xNN`; everything else (non-ASCII included) written as is, the file
/// being UTF-8.
pub fn py_str(s: &str) -> String {
    quoted(s, |c, out| match c as u32 {
        n if n < 0x20 || n == 0x7f => write!(out, "\\x{n:02x}").is_ok(),
        n @ (0x2028 | 0x2029 | 0x85) => write!(out, "\\u{n:04x}").is_ok(),
        _ => false,
    })
}

/// Escapes Markdown text for a rustdoc comment: `<`, `>` and `&` outside code spans become
/// entities (so `<domain>` is shown, not taken for an HTML tag), and brackets are escaped so
/// that `[RFC3463]` is not taken for an intra-doc link. Leading indentation and fences are
/// neutralised, so that data never becomes a doc-test. Returns one string per line, without
/// the `///` prefix; a blank line stays blank.
pub fn rust_doc(markdown: &str) -> Vec<String> {
    markdown
        .trim()
        .lines()
        .map(|l| rust_doc_line(l.trim()))
        .collect()
}

fn rust_doc_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut s = String::new();
    if line.starts_with("~~~") {
        s.push('\\');
    }
    let run_at = |i: usize| chars[i..].iter().take_while(|&&c| c == '`').count();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            // A code span: a run of N backticks closed by the next run of exactly N.
            let n = run_at(i);
            let mut j = i + n;
            let mut close = None;
            while j < chars.len() {
                if chars[j] == '`' {
                    let m = run_at(j);
                    if m == n {
                        close = Some(j);
                        break;
                    }
                    j += m;
                } else {
                    j += 1;
                }
            }
            match close {
                Some(j) => {
                    s.extend(
                        chars[i..j + n]
                            .iter()
                            .map(|&c| if c.is_control() { ' ' } else { c }),
                    );
                    i = j + n;
                }
                None => {
                    // An unmatched run is literal text; escape it so it opens nothing.
                    for _ in 0..n {
                        s.push_str("\\`");
                    }
                    i += n;
                }
            }
            continue;
        }
        match c {
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '&' => s.push_str("&amp;"),
            '[' => s.push_str("\\["),
            ']' => s.push_str("\\]"),
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
        i += 1;
    }
    s
}

/// Folds Markdown prose into one line (for summaries inside tables and C comments).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Seconds in a data duration (`30m`, `4h`, `5d`; the loader validates them): the one
/// conversion every renderer of a retry policy uses.
pub fn duration_secs(d: &str) -> u64 {
    let (n, unit) = d.split_at(d.len().saturating_sub(1));
    let n: u64 = n.parse().unwrap_or(0);
    n * match unit {
        "d" => 86_400,
        "h" => 3_600,
        _ => 60,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_seconds() {
        assert_eq!(duration_secs("30m"), 1_800);
        assert_eq!(duration_secs("4h"), 14_400);
        assert_eq!(duration_secs("5d"), 432_000);
    }

    #[test]
    fn rust_strings() {
        assert_eq!(rust_str(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(rust_str("x\ny"), r#""x\ny""#);
        assert_eq!(rust_str("é */ ??="), "\"é */ ??=\"");
        assert_eq!(rust_str("\u{7}"), r#""\u{7}""#);
    }

    #[test]
    fn rust_docs() {
        assert_eq!(
            rust_doc("<domain> `<x>` [RFC3463] a&b"),
            vec![r"&lt;domain&gt; `<x>` \[RFC3463\] a&amp;b"]
        );
        assert_eq!(rust_doc("a\n\nb\n"), vec!["a", "", "b"]);
        assert_eq!(rust_doc("```rust\n    code"), vec![r"\`\`\`rust", "code"]);
        assert_eq!(rust_doc("~~~\nx"), vec![r"\~~~", "x"]);
        assert_eq!(rust_doc("a ```fence, [x]"), vec![r"a \`\`\`fence, \[x\]"]);
        assert_eq!(rust_doc("``a ` b`` [x]"), vec![r"``a ` b`` \[x\]"]);
    }

    #[test]
    fn finish_normalises() {
        assert_eq!(finish("a  \r\nb\n\n\n".into()), "a\nb\n");
        assert_eq!(finish("x".into()), "x\n");
    }
}
