//! Any bytes, both modes, with and without a line limit: parsing never panics, and every
//! accessor of a parsed reply works; strict parsing succeeds exactly when lenient parsing
//! reports no violation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{ParseOptions, Reply};

fuzz_target!(|data: &[u8]| {
    let (limit, input) = match data.split_first() {
        Some((&b, rest)) if b & 0x80 != 0 => (Some(usize::from(b & 0x7f) + 1), rest),
        _ => (None, data),
    };
    for options in [ParseOptions::lenient(), ParseOptions::strict()] {
        let options = match limit {
            Some(m) => options.with_max_line_length(m),
            None => options,
        };
        if let Ok(reply) = Reply::parse_with(input, options) {
            let _ = reply.enhanced_in_text();
            let mut n = 0;
            for line in reply.lines() {
                let _ = (line.text_str(), line.enhanced_in_text(), line.raw());
                n += 1;
            }
            assert_eq!(n, reply.line_count());
            for v in reply.violations() {
                assert!(!v.kind().is_fatal());
            }
        }
    }
    if let Ok(lenient) = Reply::parse(input) {
        let strict = Reply::parse_strict(input);
        match lenient.violations().next() {
            None => assert_eq!(strict, Ok(lenient)),
            Some(first) => assert_eq!(strict, Err(first)),
        }
    }
});
