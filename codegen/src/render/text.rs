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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_normalises() {
        assert_eq!(finish("a  \r\nb\n\n\n".into()), "a\nb\n");
        assert_eq!(finish("x".into()), "x\n");
    }
}
