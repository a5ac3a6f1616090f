//! Any bytes, cut into chunks at offsets taken from the input itself: the incremental
//! buffer never panics and agrees with one-shot parsing of what it consumed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{Feed, ParseOptions, Reply, ReplyBuffer};

fuzz_target!(|data: &[u8]| {
    let Some((&seed, input)) = data.split_first() else {
        return;
    };
    let options = if seed & 1 == 0 {
        ParseOptions::lenient()
    } else {
        ParseOptions::strict()
    };
    let options = if seed & 2 == 0 {
        options
    } else {
        options.with_max_line_length(usize::from(seed >> 2) + 1)
    };
    let mut buf = ReplyBuffer::<512>::with_options(options);
    let mut pos = 0;
    let mut step = usize::from(seed % 7) + 1;
    loop {
        let end = (pos + step).min(input.len());
        match buf.feed(&input[pos..end]) {
            Ok(Feed::NeedMore) if end == input.len() => {
                assert_eq!(buf.as_bytes(), input);
                assert_eq!(buf.reply(), Reply::parse_with(input, options));
                return;
            }
            Ok(Feed::NeedMore) => {
                pos = end;
                step = step * 3 % 11 + 1;
            }
            Ok(Feed::Complete { consumed }) => {
                let n = pos + consumed;
                assert_eq!(buf.as_bytes(), &input[..n]);
                assert_eq!(buf.reply(), Reply::parse_with(&input[..n], options));
                return;
            }
            Err(_) => return,
        }
    }
});
