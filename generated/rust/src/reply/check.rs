//! The strict rules: everything RFC 5321 (sections 2.3.8, 4.2, 4.2.1, 4.5.3.1.5) and
//! RFC 2034 (section 4) say about a reply's form, checked one line at a time.
//!
//! Strict parsing fails on the first problem found here; [`Reply::violations`] lists them
//! all for a leniently parsed reply. Both walk the lines with the same [`Checker`].
//!
//! [`Reply::violations`]: crate::Reply::violations

use super::enhanced::{scan_token, EnhancedState, Token};
use super::error::{ReplyError, ReplyErrorKind};
use super::line::{token_place, LineParts, Separator, Terminator};
use crate::{EnhancedCode, ReplyCode};

/// RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets, CRLF included.
pub(crate) const RFC_MAX_LINE: usize = 512;

/// The most problems one line can have, with room to spare.
const PER_LINE: usize = 16;

/// Problems found on one line, in order of position.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    items: [Option<ReplyError>; PER_LINE],
    len: usize,
    next: usize,
}

impl Found {
    pub const fn new() -> Found {
        Found {
            items: [None; PER_LINE],
            len: 0,
            next: 0,
        }
    }

    fn push(&mut self, e: ReplyError) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(e);
            self.len += 1;
        }
    }

    pub fn first(&self) -> Option<ReplyError> {
        self.items[0]
    }

    pub fn pop_front(&mut self) -> Option<ReplyError> {
        if self.next < self.len {
            let e = self.items.get(self.next).copied().flatten();
            self.next += 1;
            e
        } else {
            None
        }
    }

    pub fn clear(&mut self) {
        self.len = 0;
        self.next = 0;
    }

    fn sort(&mut self) {
        // Insertion sort by position; stable, so kinds found at one position keep their order.
        let items = &mut self.items[..self.len];
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && pos(items[j - 1]) > pos(items[j]) {
                items.swap(j - 1, j);
                j -= 1;
            }
        }
    }
}

fn pos(e: Option<ReplyError>) -> usize {
    e.map_or(usize::MAX, |e| e.position())
}

/// What the rules remember from line to line.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Checker {
    first_code: Option<ReplyCode>,
    /// Whether the first line has an enhanced-code-shaped token.
    first_has_token: bool,
    /// The first valid enhanced code seen, in line order.
    first_enhanced: Option<EnhancedCode>,
    /// Whether the previous line was a last line (its code not followed by `-`).
    after_last: bool,
}

impl Checker {
    /// Checks one line; `number` counts from 1.
    pub fn line(&mut self, input: &[u8], p: &LineParts, number: usize, found: &mut Found) {
        let at = |kind, position| ReplyError::new(kind, number, position);
        let (code_start, token_start, token_gap) = token_place(input, p);
        if self.after_last {
            found.push(at(ReplyErrorKind::LineAfterLastLine, p.start));
        }
        self.after_last = p.is_last();
        let length = p.next - p.start;
        if length > RFC_MAX_LINE {
            found.push(at(
                ReplyErrorKind::LineTooLong {
                    length,
                    max: RFC_MAX_LINE,
                },
                p.start,
            ));
        }
        if code_start != p.start {
            found.push(at(ReplyErrorKind::LeadingWhitespace, p.start));
        }
        if p.code.second_digit() > 5 {
            found.push(at(ReplyErrorKind::CodeOutsideGrammar(p.code), code_start));
        }
        let first_code = *self.first_code.get_or_insert(p.code);
        if p.code != first_code {
            found.push(at(
                ReplyErrorKind::CodeMismatch {
                    first: first_code,
                    found: p.code,
                },
                code_start,
            ));
        }
        let sep_at = code_start + 3;
        match p.separator {
            Separator::Hyphen | Separator::Space | Separator::None => {}
            Separator::Colon => {
                found.push(at(ReplyErrorKind::BadSeparator { found: b':' }, sep_at))
            }
            Separator::Tab => found.push(at(ReplyErrorKind::BadSeparator { found: b'\t' }, sep_at)),
            Separator::Other(b) => {
                found.push(at(ReplyErrorKind::BadSeparator { found: b }, sep_at))
            }
        }

        let has_token = !matches!(p.enhanced, EnhancedState::Absent);
        let allowed_gap = usize::from(p.separator == Separator::Colon);
        if has_token && token_gap > allowed_gap {
            found.push(at(ReplyErrorKind::MisplacedEnhancedCode, token_start));
        }
        if number == 1 {
            self.first_has_token = has_token;
        } else if has_token != self.first_has_token {
            found.push(at(ReplyErrorKind::EnhancedCodeNotOnEveryLine, token_start));
        }
        let code = match p.enhanced {
            EnhancedState::Malformed => {
                // The reason, read again from the token.
                let token = input.get(token_start..p.end).unwrap_or(&[]);
                if let Token::Malformed(e, _) = scan_token(token) {
                    found.push(at(ReplyErrorKind::MalformedEnhancedCode(e), token_start));
                }
                None
            }
            EnhancedState::Valid(c) | EnhancedState::ClassMismatch(c) => Some(c),
            _ => None,
        };
        if let Some(code) = code {
            let token_end = token_start + token_len(code);
            if p.text_start == token_end && token_end < p.end {
                found.push(at(ReplyErrorKind::MissingSpaceAfterEnhancedCode, token_end));
            }
            if p.code.first_digit() == 3 {
                found.push(at(
                    ReplyErrorKind::EnhancedCodeOnIntermediate(code),
                    token_start,
                ));
            } else if code.class().digit() != p.code.first_digit() {
                found.push(at(
                    ReplyErrorKind::EnhancedClassMismatch {
                        code,
                        reply: p.code,
                    },
                    token_start,
                ));
            }
            let first = *self.first_enhanced.get_or_insert(code);
            if first != code {
                found.push(at(
                    ReplyErrorKind::InconsistentEnhancedCode { first, found: code },
                    token_start,
                ));
            }
        }

        // Text bytes: RFC 5321's textstring is HT, SP and %d32-126. The first bad byte is
        // enough to report per line.
        let text = input.get(sep_at + 1..p.end).unwrap_or(&[]);
        if let Some(i) = text
            .iter()
            .position(|&b| !(b == b'\t' || (32..=126).contains(&b)))
        {
            found.push(at(
                ReplyErrorKind::InvalidTextByte { byte: text[i] },
                sep_at + 1 + i,
            ));
        }
        match p.terminator {
            Terminator::Crlf => {}
            Terminator::Lf => found.push(at(ReplyErrorKind::BareLf, p.end)),
            Terminator::None => found.push(at(ReplyErrorKind::MissingLineEnding, p.end)),
        }
        if !p.is_last() && p.next >= input.len() {
            found.push(at(ReplyErrorKind::Incomplete, input.len()));
        }
        found.sort();
    }
}

/// The length of a code's wire form (`5.1.1` is 5).
fn token_len(code: EnhancedCode) -> usize {
    let mut buf = [0u8; 11];
    code.write_ascii(&mut buf)
}
