//! Small text helpers shared by the renderers: line endings and final newlines, and the
//! per-language string escapers that template variables pass through.

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

/// A Rust string literal for `s`, with its quotes: escapes `\`, `"`, and control
/// characters; keeps other Unicode as it is (source files are UTF-8).
pub fn rust_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Escapes Markdown text for a rustdoc comment: `<`, `>` and `&` outside code spans become
/// entities (so `<domain>` is shown, not taken for an HTML tag), and brackets are escaped so
/// that `[RFC3463]` is not taken for an intra-doc link. Returns one string per line, without
/// the `///` prefix; a blank line stays blank.
pub fn rust_doc(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in markdown.trim().lines() {
        let mut s = String::new();
        let mut in_code = false;
        for c in line.trim_end().chars() {
            match c {
                '`' => {
                    in_code = !in_code;
                    s.push(c);
                }
                '<' if !in_code => s.push_str("&lt;"),
                '>' if !in_code => s.push_str("&gt;"),
                '&' if !in_code => s.push_str("&amp;"),
                '[' if !in_code => s.push_str("\\["),
                ']' if !in_code => s.push_str("\\]"),
                c if c.is_control() => s.push(' '),
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

/// Folds Markdown prose into one line (for summaries inside tables and C comments).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_strings() {
        assert_eq!(rust_str(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(rust_str("x\ny"), r#""x\ny""#);
        assert_eq!(rust_str("é */ ??="), "\"é */ ??=\"");
        assert_eq!(rust_str("\u{7}"), r#""\u{7}""#);
    }

    #[test]
    fn rust_docs() {
        assert_eq!(rust_doc("<domain> `<x>` [RFC3463] a&b"), vec![r"&lt;domain&gt; `<x>` \[RFC3463\] a&amp;b"]);
        assert_eq!(rust_doc("a\n\nb\n"), vec!["a", "", "b"]);
    }

    #[test]
    fn finish_normalises() {
        assert_eq!(finish("a  \r\nb\n\n\n".into()), "a\nb\n");
        assert_eq!(finish("x".into()), "x\n");
    }
}
