//! From a data file's bytes to the text the YAML parser reads, and the limits every data
//! file keeps.
//!
//! The limits are chosen so that every output stays valid, not as taste: the C header writes
//! each text as one string literal, and C99 (5.2.4.1) only promises 4095 characters in a
//! string literal after concatenation, so no string in the data may reach that. The file
//! size limit keeps a runaway file (or a paste gone wrong) from becoming megabytes of site
//! pages; the largest data file today is under 100 KB.

use crate::diag::{Diagnostics, Location};

/// The most bytes a data file may hold.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The most bytes (UTF-8) a string in a data file may hold: under the 4095 characters C99
/// compilers must accept in a string literal, with room to spare.
pub const MAX_STRING_BYTES: usize = 4000;

/// The UTF-8 byte-order mark some editors write at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of a data file: within [`MAX_FILE_BYTES`], UTF-8, a leading byte-order mark
/// dropped. Anything else is reported (with the line and column of a bad byte) and gives
/// `None`.
pub fn text<'a>(file: &str, bytes: &'a [u8], diags: &mut Diagnostics) -> Option<&'a str> {
    if bytes.len() > MAX_FILE_BYTES {
        diags.push(
            Location::file(file),
            format!(
                "the file is {} bytes, over the limit of {MAX_FILE_BYTES} bytes for a data file; \
                 split it or shorten its texts",
                bytes.len()
            ),
        );
        return None;
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by definition.
            let before = std::str::from_utf8(good).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            diags.push(
                Location::new(file, line, column),
                format!(
                    "byte 0x{:02X} is not UTF-8; save the file as UTF-8 (data files are UTF-8 text)",
                    bytes[e.valid_up_to()]
                ),
            );
            None
        }
    }
}

/// The message for a string over [`MAX_STRING_BYTES`].
pub fn string_too_long(len: usize) -> String {
    format!(
        "this text is {len} bytes, over the limit of {MAX_STRING_BYTES} bytes for one string \
         (the C header writes it as one string literal, and C compilers need only accept 4095 \
         characters in one); shorten it"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(bytes: &[u8]) -> Vec<String> {
        let mut d = Diagnostics::default();
        assert!(text("t.yaml", bytes, &mut d).is_none());
        d.into_sorted().iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_bom_is_dropped() {
        let mut d = Diagnostics::default();
        assert_eq!(
            text("t.yaml", b"\xEF\xBB\xBFa: 1\n", &mut d),
            Some("a: 1\n")
        );
        assert!(d.is_empty());
    }

    #[test]
    fn a_bad_byte_is_located() {
        assert_eq!(
            problems(b"a: 1\nb: caf\xE9 au lait\n"),
            ["t.yaml:2:7: byte 0xE9 is not UTF-8; save the file as UTF-8 (data files are UTF-8 text)"]
        );
        // Columns count characters, not bytes.
        assert_eq!(
            problems(b"\xC3\xA9\xFF"),
            ["t.yaml:1:2: byte 0xFF is not UTF-8; save the file as UTF-8 (data files are UTF-8 text)"]
        );
    }

    #[test]
    fn an_oversized_file_is_refused() {
        let big = vec![b'#'; MAX_FILE_BYTES + 1];
        assert_eq!(problems(&big).len(), 1);
        assert!(problems(&big)[0].starts_with("t.yaml: the file is 1048577 bytes"));
    }
}
