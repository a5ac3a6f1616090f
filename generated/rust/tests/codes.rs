//! Round trips and rejections for the value types, and the consistency of the lookups.
//! (Hand-written; the generator leaves this file alone.)

use smtp_codes::*;

#[test]
fn every_three_digit_number_round_trips_or_is_rejected() {
    for n in 0u16..=999 {
        let text = format!("{n:03}");
        match text.parse::<ReplyCode>() {
            Ok(code) => {
                assert!((200..=599).contains(&n), "{text} accepted");
                assert_eq!(code.as_u16(), n);
                assert_eq!(code.to_string(), text);
                assert_eq!(code.to_string().parse::<ReplyCode>(), Ok(code));
                assert_eq!(ReplyCode::try_from(n), Ok(code));
                assert_eq!(code.as_str(), text);
                assert_eq!(core::str::from_utf8(&code.to_ascii()).unwrap(), text);
            }
            Err(e) => {
                assert!(!(200..=599).contains(&n), "{text} rejected: {e}");
                assert_eq!(
                    e,
                    ReplyCodeError::InvalidFirstDigit {
                        digit: (n / 100) as u8
                    }
                );
                assert_eq!(
                    ReplyCode::try_from(n),
                    Err(ReplyCodeError::OutOfRange { value: n })
                );
            }
        }
    }
}

#[test]
fn malformed_reply_codes_say_what_is_wrong() {
    let cases: &[(&str, ReplyCodeError)] = &[
        ("", ReplyCodeError::Empty),
        ("55", ReplyCodeError::WrongLength { length: 2 }),
        ("5500", ReplyCodeError::WrongLength { length: 4 }),
        ("+55", ReplyCodeError::NotADigit { position: 0 }),
        (" 550", ReplyCodeError::NotADigit { position: 0 }),
        ("550 ", ReplyCodeError::WrongLength { length: 4 }),
        ("5x0", ReplyCodeError::NotADigit { position: 1 }),
        ("５５０", ReplyCodeError::NotADigit { position: 0 }),
        ("650", ReplyCodeError::InvalidFirstDigit { digit: 6 }),
        ("101", ReplyCodeError::InvalidFirstDigit { digit: 1 }),
    ];
    for (input, expected) in cases {
        assert_eq!(input.parse::<ReplyCode>(), Err(*expected), "{input:?}");
        assert!(!expected.to_string().is_empty());
    }
}

#[test]
fn every_enhanced_code_round_trips() {
    for class in [2u8, 4, 5] {
        for subject in 0u16..=999 {
            for detail in 0u16..=999 {
                let code = EnhancedCode::from_parts(class, subject, detail).unwrap();
                let text = code.to_string();
                assert_eq!(text.parse::<EnhancedCode>(), Ok(code), "{text}");
                let (parsed, used) = EnhancedCode::parse_prefix(text.as_bytes()).unwrap();
                assert_eq!((parsed, used), (code, text.len()));
                assert_eq!(<(u8, u16, u16)>::from(code), (class, subject, detail));
            }
        }
    }
    // The codes other libraries lose.
    for s in ["5.7.509", "4.4.316", "5.7.999", "2.0.0"] {
        assert_eq!(s.parse::<EnhancedCode>().unwrap().to_string(), s);
    }
}

#[test]
fn malformed_enhanced_codes_say_what_is_wrong() {
    use EnhancedCodeError::*;
    let cases: &[(&str, EnhancedCodeError)] = &[
        ("", Empty),
        ("5.1", MissingPart { part: Part::Detail }),
        (
            "5",
            MissingPart {
                part: Part::Subject,
            },
        ),
        (
            "5.",
            EmptyPart {
                part: Part::Subject,
            },
        ),
        ("5.1.", EmptyPart { part: Part::Detail }),
        (
            "5..1",
            EmptyPart {
                part: Part::Subject,
            },
        ),
        ("6.1.1", InvalidClass),
        ("3.0.0", InvalidClass),
        ("55.1.1", InvalidClass),
        ("5.1.1000", TooManyDigits { part: Part::Detail }),
        (
            "5.1000.1",
            TooManyDigits {
                part: Part::Subject,
            },
        ),
        (
            "5.01.1",
            LeadingZero {
                part: Part::Subject,
            },
        ),
        ("5.1.01", LeadingZero { part: Part::Detail }),
        ("+5.1.1", InvalidClass),
        (" 5.1.1", InvalidClass),
        ("5.1.1 ", TrailingCharacters { position: 5 }),
        ("5.1.1.2", TrailingCharacters { position: 5 }),
        (
            "5. 1.1",
            NotADigit {
                part: Part::Subject,
                position: 2,
            },
        ),
        (
            "5.1a.1",
            NotADigit {
                part: Part::Subject,
                position: 3,
            },
        ),
        (
            "5.١.1",
            NotADigit {
                part: Part::Subject,
                position: 2,
            },
        ),
        (
            "5.1.x",
            NotADigit {
                part: Part::Detail,
                position: 4,
            },
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(input.parse::<EnhancedCode>(), Err(*expected), "{input:?}");
        assert!(!expected.to_string().is_empty());
    }
    assert_eq!(
        EnhancedCode::from_parts(5, 1000, 1),
        Err(OutOfRange {
            part: Part::Subject,
            value: 1000
        })
    );
    assert_eq!(EnhancedCode::from_parts(6, 1, 1), Err(InvalidClass));
}

#[test]
fn known_reply_codes_and_their_info_agree() {
    assert_eq!(KnownReplyCode::ALL.len(), REPLIES.len());
    for (k, info) in KnownReplyCode::ALL.iter().zip(REPLIES.iter()) {
        let code = ReplyCode::from(*k);
        assert_eq!(code.as_u16(), info.code);
        assert_eq!(*k as u16, info.code);
        assert_eq!(k.info(), info);
        assert_eq!(code.info(), Some(info));
        assert_eq!(code.known(), Some(*k));
        assert_eq!(KnownReplyCode::try_from(code), Ok(*k));
        assert_eq!(code.text(), Some(info.text));
        assert!(info.is_standard());
        assert!(!info.meanings.is_empty());
        assert!(info.meanings[0].standard && info.meanings[0].reference.is_some());
        assert_eq!(k.to_string(), code.to_string());
    }
    assert!(KnownReplyCode::ALL.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn nonstandard_codes_are_described_but_never_registered() {
    for info in NONSTANDARD.iter() {
        assert_eq!(info.status, ReplyStatus::NonStandard);
        assert!(info.nonstandard_kind.is_some());
        assert!(KnownReplyCode::from_u16(info.code).is_none());
        assert_eq!(reply_info(info.code), Some(info));
        match info.reply_code() {
            Some(c) => {
                assert!(!c.is_registered());
                assert_eq!(c.text(), None);
            }
            None => assert_eq!(info.nonstandard_kind, Some(NonStandardKind::ClientError)),
        }
    }
    assert!(reply_info(101).is_some());
    assert!(ReplyCode::from_u16(101).is_err());
}

#[test]
#[allow(deprecated)]
fn known_enhanced_codes_and_their_info_agree() {
    assert_eq!(KnownEnhancedCode::ALL.len(), ENHANCED.len());
    for (k, info) in KnownEnhancedCode::ALL.iter().zip(ENHANCED.iter()) {
        assert_eq!(info.code, *k);
        assert_eq!(k.info(), info);
        assert_eq!(
            KnownEnhancedCode::from_parts(info.subject, info.detail),
            Some(*k)
        );
        assert_eq!(k.to_string(), format!("X.{}.{}", info.subject, info.detail));
        for &class in Class::ALL {
            let code = k.with_class(class);
            assert_eq!(code.known(), Some(*k));
            assert_eq!(code.info(), Some(info));
            assert_eq!(KnownEnhancedCode::try_from(code), Ok(*k));
        }
        assert_eq!(info.is_deprecated(), info.replaced_by.is_some());
        if let Some(r) = info.replaced_by {
            assert!(!r.info().is_deprecated());
        }
        assert!(!info.references.is_empty());
        for r in info.references {
            assert!(r.url.starts_with("https://"));
        }
    }
    let x610 = EnhancedCode::from_parts(5, 6, 10).unwrap().info().unwrap();
    assert!(x610.is_deprecated());
    assert_eq!(
        x610.replaced_by.map(|k| k.to_string()),
        Some("X.6.8".to_string())
    );
}

#[test]
fn unknown_but_well_formed_codes_answer_none() {
    let vendor: EnhancedCode = "5.7.509".parse().unwrap();
    assert!(vendor.info().is_none() && vendor.known().is_none());
    assert_eq!(vendor.subject_kind(), Some(Subject::SecurityOrPolicy));
    assert!(EnhancedCode::from_parts(2, 999, 999)
        .unwrap()
        .info()
        .is_none());
    assert!(EnhancedCode::from_parts(2, 999, 999)
        .unwrap()
        .subject_kind()
        .is_none());
    assert!(ReplyCode::from_u16(299).unwrap().info().is_none());
    assert!(ReplyCode::from_u16(299).unwrap().known().is_none());
}

#[test]
fn severity_category_and_predicates() {
    let c = |n| ReplyCode::from_u16(n).unwrap();
    assert_eq!(c(250).severity(), Severity::PositiveCompletion);
    assert_eq!(c(354).severity(), Severity::PositiveIntermediate);
    assert_eq!(c(421).severity(), Severity::TransientNegative);
    assert_eq!(c(550).severity(), Severity::PermanentNegative);
    assert_eq!(c(500).category(), Category::Syntax);
    assert_eq!(c(214).category(), Category::Information);
    assert_eq!(c(421).category(), Category::Connections);
    assert_eq!(c(334).category(), Category::Unspecified);
    assert_eq!(c(432).category(), Category::Unspecified);
    assert_eq!(c(441).category(), Category::Unspecified);
    assert_eq!(c(550).category(), Category::MailSystem);
    assert_eq!(c(571).category(), Category::NonStandard);
    assert!(!c(571).is_rfc5321_grammar() && c(555).is_rfc5321_grammar());
    assert!(
        c(250).is_success()
            && c(354).is_intermediate()
            && c(421).is_transient()
            && c(550).is_permanent()
    );
    assert!(c(421).is_failure() && c(550).is_failure() && !c(250).is_failure());
    assert_eq!(c(354).class(), None);
    assert_eq!(c(550).class(), Some(Class::PermanentFailure));
    let e: EnhancedCode = "4.2.2".parse().unwrap();
    assert!(e.is_transient() && e.is_failure() && !e.is_permanent() && !e.is_success());
    assert_eq!(e.with_class(Class::PermanentFailure).to_string(), "5.2.2");
}

#[test]
fn consistency_follows_class_and_registry() {
    let e = |s: &str| s.parse::<EnhancedCode>().unwrap();
    let c = |n| ReplyCode::from_u16(n).unwrap();
    // X.1.1 lists 451 and 550.
    assert!(e("5.1.1").is_consistent_with(c(550)));
    assert!(e("4.1.1").is_consistent_with(c(451)));
    assert!(!e("5.1.1").is_consistent_with(c(554)));
    assert!(
        !e("4.1.1").is_consistent_with(c(550)),
        "class digits disagree"
    );
    // X.0.0 says Any; X.1.0 says Not given.
    assert!(e("5.0.0").is_consistent_with(c(554)));
    assert!(e("5.1.0").is_consistent_with(c(551)));
    // X.7.15: 450, 550 and other 4XX or 5XX codes.
    assert!(e("4.7.15").is_consistent_with(c(421)));
    // X.7.17: 5XX.
    assert!(e("5.7.17").is_consistent_with(c(554)));
    // Unregistered: only the class matters.
    assert!(e("5.7.509").is_consistent_with(c(550)));
    assert!(!e("5.7.509").is_consistent_with(c(450)));
    assert!(e("4.4.7").class_matches(c(421)) && !e("4.4.7").class_matches(c(550)));
}

#[test]
fn constants_carry_their_codes() {
    assert_eq!(ReplyCode::MAILBOX_UNAVAILABLE.as_u16(), 550);
    assert_eq!(ReplyCode::OK.as_u16(), 250);
    assert_eq!(
        EnhancedCode::PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS.to_string(),
        "5.1.1"
    );
    for info in ENHANCED.iter() {
        for class in info.usable_as {
            assert!(Class::ALL.contains(class));
        }
    }
}

#[test]
fn commands_parse_and_list_their_replies() {
    assert_eq!("rcpt".parse::<Command>(), Ok(Command::Rcpt));
    assert!("RCTP".parse::<Command>().is_err());
    assert!(Command::Rcpt
        .replies()
        .contains(&KnownReplyCode::MailboxUnavailable));
    for &c in Command::ALL {
        assert_eq!(c.as_str().parse::<Command>(), Ok(c));
    }
}

#[test]
fn classes_and_subjects() {
    for &c in Class::ALL {
        assert_eq!(Class::from_digit(c.digit()), Some(c));
        assert!(!c.title().is_empty() && !c.description().is_empty());
    }
    assert_eq!(Class::from_digit(3), None);
    for &s in Subject::ALL {
        assert_eq!(Subject::from_number(s.number()), Some(s));
        assert!(!s.title().is_empty());
    }
    assert_eq!(Subject::from_number(8), None);
}

#[test]
fn registry_version_comes_from_the_data() {
    assert!(REGISTRY_VERSION
        .split('.')
        .all(|p| p.parse::<u32>().is_ok()));
    // A date (YYYY-MM-DD); that it is data/registry.yaml's is the generator's freshness test.
    let parts: Vec<&str> = IANA_UPDATED.split('-').collect();
    assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [4, 2, 2]);
    assert!(parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
}
