//! The reply API beyond what the vectors cover: the incremental buffer's limits and
//! pipelining, the writer's contexts and refusals, violations, and the accessors.

use smtp_codes::{
    EnhancedCode, EnhancedState, Feed, Line, ParseOptions, Reply, ReplyBuffer, ReplyCode,
    ReplyContext, ReplyErrorKind, ReplyWriter, Separator, Terminator, WriteError,
};

fn esc(s: &str) -> EnhancedCode {
    s.parse().unwrap()
}

#[test]
fn buffer_splits_pipelined_replies() {
    let stream = b"250 2.1.0 Sender OK\r\n250 2.1.5 Recipient OK\r\n354 Go ahead\r\n";
    let mut buf = ReplyBuffer::<512>::new();
    let mut rest: &[u8] = stream;
    let mut codes = Vec::new();
    while !rest.is_empty() {
        match buf.feed(rest).unwrap() {
            Feed::Complete { consumed } => {
                codes.push(buf.reply().unwrap().code().as_u16());
                rest = &rest[consumed..];
                buf.clear();
            }
            Feed::NeedMore => break,
        }
    }
    assert_eq!(codes, [250, 250, 354]);
    assert!(buf.is_empty());
}

#[test]
fn buffer_is_bounded() {
    let mut buf = ReplyBuffer::<16>::new();
    assert_eq!(buf.feed(b"250-0123456789\r\n").unwrap(), Feed::NeedMore);
    let err = buf.feed(b"250 x").unwrap_err();
    assert_eq!(err.kind(), ReplyErrorKind::TooLarge { capacity: 16 });
    assert_eq!((err.line(), err.position()), (2, 16));
    assert_eq!(buf.capacity(), 16);
}

#[test]
fn buffer_line_limit_fails_before_the_line_ends() {
    let mut buf =
        ReplyBuffer::<4096>::with_options(ParseOptions::lenient().with_max_line_length(10));
    assert_eq!(buf.feed(b"250-ok\r\n250 012345").unwrap(), Feed::NeedMore);
    let err = buf.feed(b"6789").unwrap_err();
    assert_eq!(
        err.kind(),
        ReplyErrorKind::LineTooLong {
            length: 14,
            max: 10
        }
    );
    assert_eq!((err.line(), err.position()), (2, 8));
}

#[test]
fn buffer_after_completion_takes_nothing() {
    let mut buf = ReplyBuffer::<64>::new();
    assert_eq!(
        buf.feed(b"221 Bye\r\n").unwrap(),
        Feed::Complete { consumed: 9 }
    );
    assert!(buf.is_complete());
    assert_eq!(buf.feed(b"more").unwrap(), Feed::Complete { consumed: 0 });
    assert_eq!(buf.as_bytes(), b"221 Bye\r\n");
}

#[test]
fn buffer_reports_a_line_without_code_when_complete() {
    let mut buf = ReplyBuffer::<64>::new();
    assert_eq!(
        buf.feed(b"hello\r\n").unwrap(),
        Feed::Complete { consumed: 7 }
    );
    assert!(matches!(
        buf.reply().unwrap_err().kind(),
        ReplyErrorKind::BadCode(_)
    ));
}

#[test]
fn buffer_at_end_of_stream_reads_what_arrived() {
    let mut buf = ReplyBuffer::<64>::new();
    assert_eq!(
        buf.feed(b"550-5.1.1 first\r\n550 5.1.1 sec").unwrap(),
        Feed::NeedMore
    );
    let reply = buf.reply().unwrap();
    assert_eq!(reply.line_count(), 2);
    assert!(reply.is_complete());
    assert_eq!(reply.lines().last().unwrap().terminator(), Terminator::None);
}

#[test]
fn line_accessors() {
    let input = "550-5.1.1 first\r\n550 5.1.1 second";
    let reply = Reply::parse(input).unwrap();
    let lines: Vec<Line<'_>> = reply.lines().collect();
    assert_eq!(reply.lines().len(), 2);
    assert_eq!(lines[0].number(), 1);
    assert_eq!(lines[1].offset(), 17);
    assert!(lines[0].is_continuation());
    assert_eq!(lines[1].separator(), Separator::Space);
    assert_eq!(lines[0].terminator(), Terminator::Crlf);
    assert_eq!(lines[1].text_str(), Some("second"));
    assert_eq!(lines[1].code(), ReplyCode::MAILBOX_UNAVAILABLE);
    assert_eq!(lines[1].enhanced(), EnhancedState::Valid(esc("5.1.1")));
    assert_eq!(reply.as_bytes(), input.as_bytes());
    assert!(reply.is_multiline());
    assert!(format!("{:?}", lines[0]).contains("first"));
}

#[test]
fn lines_of_a_class_mismatch_are_judged_by_their_own_code() {
    let reply = Reply::parse("550-4.4.7 a\r\n551 4.4.7 b").unwrap();
    assert_eq!(reply.code().as_u16(), 551);
    assert_eq!(reply.enhanced(), EnhancedState::ClassMismatch(esc("4.4.7")));
    assert!(reply
        .lines()
        .all(|l| matches!(l.enhanced(), EnhancedState::ClassMismatch(_))));
}

#[test]
fn non_utf8_input_is_read() {
    let reply = Reply::parse(b"550 5.1.1 Bo\xeete pleine\r\n").unwrap();
    let line = reply.lines().next().unwrap();
    assert_eq!(line.text(), b"Bo\xeete pleine");
    assert_eq!(line.text_str(), None);
    assert!(format!("{reply:?}").contains('\u{fffd}'));
}

#[test]
fn violations_list_everything_strict_would_refuse() {
    let reply = Reply::parse(" 571-4.4.7 a\n572 4.4.8 b").unwrap();
    let found: Vec<(&str, usize, usize)> = reply
        .violations()
        .map(|v| (v.kind().name(), v.line(), v.position()))
        .collect();
    assert_eq!(
        found,
        [
            ("leading_whitespace", 1, 0),
            ("code_outside_grammar", 1, 1),
            ("enhanced_class_mismatch", 1, 5),
            ("bare_lf", 1, 12),
            ("code_outside_grammar", 2, 13),
            ("code_mismatch", 2, 13),
            ("enhanced_class_mismatch", 2, 17),
            ("inconsistent_enhanced_code", 2, 17),
            ("missing_line_ending", 2, 24),
        ]
    );
    assert!(Reply::parse("250 OK\r\n")
        .unwrap()
        .violations()
        .next()
        .is_none());
    for v in reply.violations() {
        assert!(!v.to_string().is_empty());
    }
}

#[test]
fn writer_leaves_enhanced_codes_off_where_rfc_2034_says() {
    let write = |code: u16, context: ReplyContext, lines: &[&str]| {
        let mut out = String::new();
        ReplyWriter::new(ReplyCode::from_u16(code).unwrap())
            .with_enhanced(esc("2.0.0"))
            .with_context(context)
            .write(&mut out, lines)
            .map(|()| out)
    };
    assert_eq!(
        write(250, ReplyContext::Command, &["OK"]).unwrap(),
        "250 2.0.0 OK\r\n"
    );
    assert_eq!(
        write(220, ReplyContext::Greeting, &["mx.example.com ESMTP"]).unwrap(),
        "220 mx.example.com ESMTP\r\n"
    );
    assert_eq!(
        write(
            250,
            ReplyContext::Hello,
            &["mx.example.com", "PIPELINING", "8BITMIME"]
        )
        .unwrap(),
        "250-mx.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n"
    );
    assert_eq!(
        write(354, ReplyContext::Command, &["Go ahead"]).unwrap(),
        "354 Go ahead\r\n"
    );
    assert_eq!(
        write(250, ReplyContext::Command, &[]).unwrap(),
        "250 2.0.0\r\n"
    );
    assert_eq!(
        write(550, ReplyContext::Command, &["x"]),
        Err(WriteError::ClassMismatch {
            reply: ReplyCode::MAILBOX_UNAVAILABLE,
            enhanced: esc("2.0.0")
        })
    );
}

#[test]
fn writer_refusals() {
    let w = ReplyWriter::new(ReplyCode::MAILBOX_UNAVAILABLE);
    let mut out = String::new();
    assert_eq!(
        w.write(&mut out, &["ok", "a\nb"]),
        Err(WriteError::LineBreak {
            line: 2,
            position: 1
        })
    );
    assert_eq!(
        w.write(&mut out, &["\u{7}"]),
        Err(WriteError::InvalidCharacter {
            line: 1,
            position: 0
        })
    );
    assert_eq!(
        w.write(&mut out, &["5.1.1 looks like a code"]),
        Err(WriteError::AmbiguousText { line: 1 })
    );
    let long = "x".repeat(507);
    assert_eq!(
        w.write(&mut out, &[long.as_str()]),
        Err(WriteError::LineTooLong {
            line: 1,
            length: 513
        })
    );
    assert!(w.write(&mut out, &[&long[1..]]).is_ok());
    let vendor = ReplyWriter::new(ReplyCode::from_u16(571).unwrap());
    assert!(matches!(
        vendor.check(&["x"]),
        Err(WriteError::CodeOutsideGrammar { .. })
    ));
    for e in [WriteError::Format, WriteError::AmbiguousText { line: 1 }] {
        assert!(!e.to_string().is_empty());
    }
}
