//! Properties of the reply parser and writer, over generated inputs: parsing never panics,
//! the incremental buffer agrees with one-shot parsing however the input is chunked, strict
//! parsing agrees with the violations lenient parsing reports, and what the writer writes
//! parses back to what was written.

use proptest::prelude::*;
use smtp_codes::{
    EnhancedCode, EnhancedState, Feed, Mode, ParseOptions, Reply, ReplyBuffer, ReplyCode,
    ReplyContext, ReplyError, ReplyErrorKind, ReplyWriter, WriteError,
};

/// Bytes that look like replies often enough to reach deep paths: pieces of real syntax
/// glued together, plus arbitrary bytes.
fn reply_like() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just(b"550".to_vec()),
        Just(b"250".to_vec()),
        Just(b"354".to_vec()),
        Just(b"-".to_vec()),
        Just(b" ".to_vec()),
        Just(b":".to_vec()),
        Just(b"\t".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r".to_vec()),
        Just(b"5.1.1".to_vec()),
        Just(b"4.4.7".to_vec()),
        Just(b"5.1.1000".to_vec()),
        Just(b"#5.7.1".to_vec()),
        Just(b"2.0.0".to_vec()),
        Just(b"192.168.0.1".to_vec()),
        "[ -~]{0,12}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..6),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn any_input() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![reply_like(), proptest::collection::vec(any::<u8>(), 0..200)]
}

fn options() -> impl Strategy<Value = ParseOptions> {
    (any::<bool>(), proptest::option::of(1usize..80)).prop_map(|(strict, max)| {
        let o = if strict {
            ParseOptions::strict()
        } else {
            ParseOptions::lenient()
        };
        match max {
            Some(m) => o.with_max_line_length(m),
            None => o,
        }
    })
}

/// Exercises every accessor of a parsed reply (all must be panic-free).
fn touch(reply: &Reply<'_>) {
    let _ = reply.enhanced_in_text();
    assert_eq!(reply.lines().count(), reply.line_count());
    for line in reply.lines() {
        let _ = (
            line.text_str(),
            line.enhanced_in_text(),
            format!("{line:?}"),
        );
        assert!(line.raw().len() >= line.text().len());
    }
    for v in reply.violations() {
        assert!(!v.kind().is_fatal());
        let _ = v.to_string();
    }
    let _ = format!("{reply:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsing_never_panics(input in any_input(), options in options()) {
        match Reply::parse_with(&input, options) {
            Ok(reply) => {
                touch(&reply);
                prop_assert_eq!(reply.as_bytes(), &input[..]);
            }
            Err(e) => {
                let _ = e.to_string();
                prop_assert!(e.position() <= input.len());
                prop_assert!(e.line() >= 1);
            }
        }
    }

    /// Strict parsing succeeds exactly when lenient parsing finds no violation; then both
    /// give the same reply, and otherwise strict reports the first violation.
    #[test]
    fn strict_is_lenient_without_violations(input in any_input()) {
        let lenient = Reply::parse(&input);
        let strict = Reply::parse_strict(&input);
        match lenient {
            Err(e) => {
                // A fatal error; strict fails too, no later than lenient did.
                let s = strict.expect_err("strict accepts what lenient refuses");
                prop_assert!(s.position() <= e.position());
            }
            Ok(l) => match l.violations().next() {
                None => prop_assert_eq!(strict, Ok(l)),
                Some(first) => prop_assert_eq!(strict, Err(first)),
            },
        }
    }

    /// However the input is cut into chunks, the buffer completes where a one-shot parse
    /// ends the reply, and parses the same reply.
    #[test]
    fn chunking_does_not_matter(
        input in any_input(),
        cuts in proptest::collection::vec(0usize..300, 0..12),
        options in options(),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().filter(|&c| c <= input.len()).collect();
        cuts.push(0);
        cuts.push(input.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut buf = ReplyBuffer::<1024>::with_options(options);
        let mut taken = 0;
        let mut outcome: Option<Result<usize, ReplyError>> = None;
        for w in cuts.windows(2) {
            match buf.feed(&input[w[0]..w[1]]) {
                Ok(Feed::NeedMore) => taken += w[1] - w[0],
                Ok(Feed::Complete { consumed }) => {
                    outcome = Some(Ok(taken + consumed));
                    break;
                }
                Err(e) => {
                    outcome = Some(Err(e));
                    break;
                }
            }
        }
        match outcome {
            // Not complete: at the end of input, the buffer holds everything.
            None => {
                prop_assert_eq!(buf.as_bytes(), &input[..]);
                prop_assert_eq!(buf.reply(), Reply::parse_with(&input, options));
            }
            Some(Ok(n)) => {
                prop_assert_eq!(buf.as_bytes(), &input[..n]);
                prop_assert_eq!(buf.reply(), Reply::parse_with(&input[..n], options));
                // What follows is the next reply. One-shot parsing of the whole input refuses
                // it in strict mode; lenient mode may read it into the same reply, and then
                // says so.
                let whole = Reply::parse_with(&input, options);
                if n < input.len() {
                    match (options.mode(), whole) {
                        (_, Err(_)) => {}
                        (Mode::Strict, Ok(r)) => prop_assert!(false, "strict accepted {:?}", r),
                        (Mode::Lenient, Ok(r)) => prop_assert!(r.violations().any(|v| matches!(
                            v.kind(),
                            ReplyErrorKind::LineAfterLastLine | ReplyErrorKind::TrailingWhitespace
                        ))),
                    }
                }
            }
            Some(Err(e)) => match e.kind() {
                // Only the line limit fails early; one-shot parsing fails on it too, or earlier.
                ReplyErrorKind::LineTooLong { .. } => {
                    prop_assert!(Reply::parse_with(&input, options).is_err());
                }
                other => prop_assert!(false, "unexpected feed error {:?}", other),
            },
        }
    }

    /// Whatever the writer accepts parses back, strictly, to the same reply.
    #[test]
    fn written_replies_parse_back(
        code in 200u16..600,
        enhanced in proptest::option::of((prop_oneof![Just(2u8), Just(4), Just(5)], 0u16..1000, 0u16..1000)),
        context in prop_oneof![Just(ReplyContext::Command), Just(ReplyContext::Greeting), Just(ReplyContext::Hello)],
        lines in proptest::collection::vec("[\t -~]{0,40}|[ -~]{0,6}\r?\n?[ -~]{0,6}|é", 0..5),
    ) {
        let code = ReplyCode::from_u16(code).unwrap();
        let mut writer = ReplyWriter::new(code).with_context(context);
        if let Some((c, s, d)) = enhanced {
            writer = writer.with_enhanced(EnhancedCode::from_parts(c, s, d).unwrap());
        }
        let mut out = String::new();
        match writer.write(&mut out, &lines) {
            Ok(()) => {
                let reply = Reply::parse_strict(&out);
                prop_assert!(reply.is_ok(), "{:?} from {:?}", reply, out);
                let reply = reply.unwrap();
                prop_assert_eq!(reply.code(), code);
                let expected = match writer.written_enhanced() {
                    Some(e) => EnhancedState::Valid(e),
                    None => EnhancedState::Absent,
                };
                prop_assert_eq!(reply.enhanced(), expected);
                let texts: Vec<&[u8]> = reply.lines().map(|l| l.text()).collect();
                let given: Vec<&[u8]> = if lines.is_empty() {
                    vec![b""]
                } else {
                    lines.iter().map(|l| l.as_bytes()).collect()
                };
                prop_assert_eq!(texts, given);
            }
            Err(e) => {
                prop_assert!(out.is_empty());
                let justified = match e {
                    WriteError::LineBreak { line, position } => {
                        matches!(lines[line - 1].as_bytes()[position], b'\r' | b'\n')
                    }
                    WriteError::InvalidCharacter { line, position } => {
                        let b = lines[line - 1].as_bytes()[position];
                        b != b'\t' && !(32..=126).contains(&b)
                    }
                    WriteError::ClassMismatch { reply, enhanced } => {
                        enhanced.class().digit() != reply.first_digit()
                    }
                    WriteError::CodeOutsideGrammar { reply } => reply.second_digit() > 5,
                    WriteError::AmbiguousText { line } => writer.written_enhanced().is_none()
                        && Reply::parse(&format!("{code} {}", lines[line - 1])).unwrap().enhanced()
                            != EnhancedState::Absent,
                    WriteError::LineTooLong { length, .. } => length > 512,
                    _ => false,
                };
                prop_assert!(justified, "{:?} for {:?}", e, lines);
            }
        }
    }
}

#[test]
fn modes_are_what_options_say() {
    assert_eq!(ParseOptions::default().mode(), Mode::Lenient);
    assert_eq!(
        ParseOptions::lenient().with_mode(Mode::Strict),
        ParseOptions::strict()
    );
}
