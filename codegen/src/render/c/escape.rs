//! Text for the C header: string literals ([`c_str`], wrapped or not) and comment text
//! ([`c_comment`]), the only two ways a registry string reaches the header.

/// Text width of wrapped comment lines (the ` * ` prefix and indentation come on top).
pub(super) const COMMENT_WIDTH: usize = 88;

/// Source bytes per piece of a wrapped string literal.
const LITERAL_PIECE: usize = 72;

/// A C string literal for `s`, with its quotes.
///
/// Escapes `\` and `"`; writes newline, tab and carriage return as `\n`, `\t`, `\r`; escapes
/// the second `?` of every `??` as `\?`, so that no trigraph (`??=` is `#` under `-std=c99`)
/// can form; and writes every other control byte and every byte of a non-ASCII character's
/// UTF-8 encoding as a three-digit octal escape (`é` is `\303\251`). Octal escapes stop
/// after three digits, so, unlike `\x`, a following digit or letter cannot extend them.
/// The literal is plain ASCII and means the same bytes in C and C++.
pub fn c_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut prev = '\0';
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '?' if prev == '?' => out.push_str("\\?"),
            ' '..='~' => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
        }
        prev = c;
    }
    out.push('"');
    out
}

/// Text made safe to stand inside a `/* ... */` comment.
///
/// `*/` (which would end the comment) becomes `*\/`; `/*` (which `-Wcomment` reports)
/// becomes `/\*`; the second `?` of `??` becomes `\?` (no trigraph); control characters,
/// newlines included, become spaces; a non-ASCII character becomes its code point written
/// as `\u00E9` or `\U0001F600`, so the header stays ASCII for every compiler's source
/// character set. Comments are for people: the result need not round-trip.
pub fn c_comment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = '\0';
    for c in s.chars() {
        match c {
            '/' if prev == '*' => out.push_str("\\/"),
            '*' if prev == '/' => out.push_str("\\*"),
            '?' if prev == '?' => out.push_str("\\?"),
            ' '..='~' => out.push(c),
            c if c.is_control() => out.push(' '),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
        prev = c;
    }
    out
}

/// A string literal split into adjacent pieces of about [`LITERAL_PIECE`] source bytes,
/// broken after spaces, one piece per line: the compiler joins them into the same bytes.
/// Each piece is escaped by [`c_str`] on its own, so no escape sequence is ever cut.
pub fn c_str_wrapped(s: &str, indent: usize) -> String {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in s.chars() {
        piece.push(c);
        if c == ' ' && piece.len() >= LITERAL_PIECE {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() || pieces.is_empty() {
        pieces.push(piece);
    }
    let sep = format!("\n{}", " ".repeat(indent));
    pieces
        .iter()
        .map(|p| c_str(p))
        .collect::<Vec<_>>()
        .join(&sep)
}

/// The null pointer in the implementation section (`nullptr` in C++, `NULL` in C).
pub(super) const NULL: &str = "SMTP_CODES_NULL";

/// `c_str`, or the null pointer for `None`.
pub(super) fn c_opt(s: Option<&str>) -> String {
    s.map(c_str).unwrap_or_else(|| NULL.into())
}

/// `c_str_wrapped` (for a table field), or the null pointer for `None`.
pub(super) fn c_opt_wrapped(s: Option<&str>) -> String {
    s.map(|s| c_str_wrapped(s, 8))
        .unwrap_or_else(|| NULL.into())
}

/// Comment lines for a text: its own lines kept as paragraphs, each escaped by
/// [`c_comment`] and wrapped at spaces to [`COMMENT_WIDTH`]. A blank line stays blank.
pub(super) fn comment_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.trim().split('\n') {
        let para = c_comment(para.trim());
        if para.trim().is_empty() {
            out.push(String::new());
            continue;
        }
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && line.len() + 1 + word.len() > COMMENT_WIDTH {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}
