//! Reply text prepared for phrase matching, shared by the classifier and the vendor lookups.

/// How much reply text the classifier reads: longer replies are matched on their first
/// `TEXT_CAPACITY` bytes (after whitespace is folded).
pub const TEXT_CAPACITY: usize = 4096;

/// Reply text folded for matching: lines joined by one space, runs of whitespace folded,
/// ASCII letters in lower case.
pub(crate) struct Folded {
    buf: [u8; TEXT_CAPACITY],
    len: usize,
}

impl Folded {
    /// `text`, folded.
    pub(crate) fn of(text: &[u8]) -> Self {
        let mut f = Folded::new();
        f.push(text);
        f
    }

    pub(crate) fn new() -> Self {
        Folded {
            buf: [0; TEXT_CAPACITY],
            len: 0,
        }
    }

    pub(crate) fn push(&mut self, text: &[u8]) {
        for &b in text {
            if self.len == TEXT_CAPACITY {
                return;
            }
            if b.is_ascii_whitespace() {
                if self.len > 0 && self.buf[self.len - 1] != b' ' {
                    self.buf[self.len] = b' ';
                    self.len += 1;
                }
            } else {
                self.buf[self.len] = b.to_ascii_lowercase();
                self.len += 1;
            }
        }
        if self.len > 0 && self.len < TEXT_CAPACITY && self.buf[self.len - 1] != b' ' {
            self.buf[self.len] = b' ';
            self.len += 1;
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        let mut end = self.len;
        while end > 0 && self.buf[end - 1] == b' ' {
            end -= 1;
        }
        &self.buf[..end]
    }
}

/// Folded text with an index of the byte pairs it holds, so that most phrases are ruled out
/// without a scan: a phrase can only occur if each of its adjacent byte pairs occurs.
pub(crate) struct MatchText {
    folded: Folded,
    pairs: [u64; 1024],
}

impl MatchText {
    /// Indexes folded text.
    pub(crate) fn new(folded: Folded) -> Self {
        let mut pairs = [0u64; 1024];
        for w in folded.as_bytes().windows(2) {
            let bit = usize::from(w[0]) << 8 | usize::from(w[1]);
            pairs[bit >> 6] |= 1 << (bit & 63);
        }
        MatchText { folded, pairs }
    }

    /// Folds and indexes `text`.
    pub(crate) fn of(text: &[u8]) -> Self {
        MatchText::new(Folded::of(text))
    }

    fn has_pair(&self, a: u8, b: u8) -> bool {
        let bit = usize::from(a.to_ascii_lowercase()) << 8 | usize::from(b.to_ascii_lowercase());
        self.pairs[bit >> 6] & (1 << (bit & 63)) != 0
    }

    /// Where `needle` (compared ignoring ASCII case) starts, each position in turn.
    fn find_all<'n>(&'n self, needle: &'n [u8]) -> impl Iterator<Item = usize> + 'n {
        let text = self.folded.as_bytes();
        let possible =
            needle.len() <= text.len() && needle.windows(2).all(|w| self.has_pair(w[0], w[1]));
        let first = needle.first().map_or(0, u8::to_ascii_lowercase);
        let text = if possible { text } else { &[][..] };
        let mut from = 0;
        core::iter::from_fn(move || {
            while from + needle.len() <= text.len() {
                let i = from
                    + text[from..=text.len() - needle.len()]
                        .iter()
                        .position(|&b| b == first)?;
                from = i + 1;
                if text[i..i + needle.len()].eq_ignore_ascii_case(needle) {
                    return Some(i);
                }
            }
            None
        })
    }

    /// [`contains_phrase`] on this text.
    pub(crate) fn contains_phrase(&self, phrase: &str) -> bool {
        let open_start = phrase.starts_with('*');
        let open_end = phrase.ends_with('*') && phrase.len() > 1;
        let needle = phrase
            .trim_start_matches('*')
            .trim_end_matches('*')
            .as_bytes();
        let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else {
            return false;
        };
        let text = self.folded.as_bytes();
        self.find_all(needle).any(|i| {
            let after = i + needle.len();
            (open_start || !is_word(first) || i == 0 || !is_word(text[i - 1]))
                && (open_end || !is_word(last) || after == text.len() || !is_word(text[after]))
        })
    }

    /// Whether `needle` occurs anywhere, ignoring ASCII case.
    pub(crate) fn contains(&self, needle: &[u8]) -> bool {
        needle.is_empty() || self.find_all(needle).next().is_some()
    }
}

pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}
