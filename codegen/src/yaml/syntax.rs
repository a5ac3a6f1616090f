//! Better-placed explanations for YAML syntax errors whose parser message points elsewhere.
//!
//! A tab in the indentation is reported by the parser where it gives up (often the line
//! before, as "found a tab" inside a scalar), and a `[` or `{` left open is reported where
//! the parser notices, lines later. Both causes are found here and named at their own place;
//! the parser's words follow, so nothing is lost.

/// The place and words for the syntax error the parser reported at `line`:`column` (both
/// from 1), when a known cause explains it.
pub fn explain(
    text: &str,
    line: usize,
    column: usize,
    parser: &str,
) -> Option<(usize, usize, String)> {
    let then = format!("(the YAML parser stopped at line {line}, column {column}: {parser})");
    if let Some((l, c)) = tab_in_indentation(text, line) {
        return Some((
            l,
            c,
            format!("a tab in the indentation: indent with spaces, YAML does not allow tabs there {then}"),
        ));
    }
    let (l, c, open) = unclosed_flow(text, line, column)?;
    let close = if open == '[' { ']' } else { '}' };
    Some((
        l,
        c,
        format!("this `{open}` is never closed: add `{close}` where it should end {then}"),
    ))
}

/// The first tab in the leading whitespace of a line, up to the line after `line` (the
/// parser may stop before reaching the tab's line).
fn tab_in_indentation(text: &str, line: usize) -> Option<(usize, usize)> {
    text.lines().take(line + 1).enumerate().find_map(|(i, l)| {
        let indent = l.len() - l.trim_start_matches([' ', '\t']).len();
        l[..indent].find('\t').map(|c| (i + 1, c + 1))
    })
}

/// The innermost `[` or `{` still open at `line`:`column`, opened on an earlier line.
///
/// The YAML scanner holds a bracket back until it knows whether it starts a key, so its
/// tokens cannot tell; this reads the text: a bracket or quote counts only where a node may
/// start (line start, after `- `, `: `, `,`, `[`, `{`), quotes are followed across lines,
/// comments and block scalars (`|`, `>`) are skipped.
fn unclosed_flow(text: &str, line: usize, column: usize) -> Option<(usize, usize, char)> {
    let mut open: Vec<(usize, usize, char)> = Vec::new();
    let mut quote: Option<char> = None;
    let mut block_indent: Option<usize> = None;
    for (i, l) in text.lines().enumerate().take(line) {
        let n = i + 1;
        let indent = l.len() - l.trim_start_matches(' ').len();
        if let Some(b) = block_indent {
            if l.trim().is_empty() || indent > b {
                continue;
            }
            block_indent = None;
        }
        let mut prev = ' ';
        let mut node_may_start = open.is_empty() || quote.is_none();
        for (col, c) in l.chars().enumerate().map(|(k, c)| (k + 1, c)) {
            if n == line && col >= column {
                break;
            }
            match (quote, c) {
                (Some('"'), '"') if prev != '\\' => quote = None,
                (Some('\''), '\'') => quote = None,
                (Some(_), _) => {}
                (None, '#') if prev == ' ' => break,
                (None, '"' | '\'') if node_may_start => quote = Some(c),
                (None, '[' | '{') if node_may_start => open.push((n, col, c)),
                (None, ']' | '}') if !open.is_empty() => {
                    open.pop();
                }
                _ => {}
            }
            node_may_start = match c {
                ' ' => node_may_start || matches!(prev, '-' | ':' | ','),
                ',' | '[' | '{' => quote.is_none() && !open.is_empty(),
                _ => false,
            };
            prev = c;
        }
        if quote.is_none() && open.is_empty() && is_block_scalar_header(l) {
            block_indent = Some(indent);
        }
    }
    // A bracket opened on the line the parser stopped at is what it was reading, not a
    // forgotten one.
    open.pop().filter(|(l, _, _)| *l < line)
}

/// Does `line` end with a block scalar indicator (`key: >-`, `- |`)?
fn is_block_scalar_header(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    let Some((before, indicator)) = code.rsplit_once(' ') else {
        return false;
    };
    (before.ends_with(':') || before.trim_start() == "-")
        && indicator.starts_with(['|', '>'])
        && indicator[1..]
            .chars()
            .all(|c| matches!(c, '-' | '+' | '1'..='9'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_is_found_on_its_own_line() {
        let text = "- a: 1\n\tb: 2\n";
        let (l, c, msg) = explain(text, 1, 5, "found a tab").unwrap();
        assert_eq!((l, c), (2, 1));
        assert!(
            msg.starts_with("a tab in the indentation: indent with spaces"),
            "{msg}"
        );
        // A tab after the indentation is not indentation.
        assert_eq!(tab_in_indentation("a:\tb\n", 1), None);
    }

    #[test]
    fn an_open_bracket_is_found_where_it_was_opened() {
        let text = "- a: [1, 2\n- b: 3\n- c: 4\n";
        let (l, c, msg) = explain(text, 2, 1, "did not find expected ',' or ']'").unwrap();
        assert_eq!((l, c), (1, 6), "{msg}");
        assert!(
            msg.starts_with("this `[` is never closed: add `]`"),
            "{msg}"
        );
        assert!(explain("- a: [1, 2]\n- b: c: d\n", 2, 7, "mapping values").is_none());
        // Brackets in plain text, quotes and block scalars are not flow collections.
        let text = "- a: it's [x\n  b: \"[\"\n  c: >-\n    [ text\n  d: [1,\n     2\n- e: f: g\n";
        assert_eq!(unclosed_flow(text, 7, 7), Some((5, 6, '[')));
        assert_eq!(unclosed_flow(&text.replace("[1,", "[1],"), 7, 7), None);
    }
}
