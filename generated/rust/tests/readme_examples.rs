//! The Rust examples of the repository's README.md, compiled and run; a test in
//! codegen/tests/readme.rs checks that the README still shows exactly these lines.
//! (Hand-written; the generator leaves this file alone.)
#![cfg(feature = "std")]

#[test]
fn readme_example_1() -> Result<(), Box<dyn std::error::Error>> {
    use smtp_codes::{EnhancedCode, ReplyCode};

    let esc: EnhancedCode = "5.1.1".parse()?; // any well-formed code, known or not
    assert!(esc.is_permanent());
    let info = esc.info().unwrap(); // registry data for X.1.1
    println!("{} ({})", info.sample_text, info.description);
    assert!(info.basic_codes.contains(&550));
    let reply = ReplyCode::MAILBOX_UNAVAILABLE; // a named constant per registered code
    assert_eq!(reply.as_u16(), 550);
    assert!(esc.is_consistent_with(reply)); // class digit and associated codes agree
    Ok(())
}

#[test]
fn readme_example_2() -> Result<(), Box<dyn std::error::Error>> {
    use smtp_codes::classify::{Bounce, Side};
    use smtp_codes::{Reason, Reply};

    let reply = Reply::parse("550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Please check the address.")?;
    assert_eq!(reply.code().as_u16(), 550);
    assert_eq!(reply.enhanced_code().unwrap().to_string(), "5.1.1");
    let c = reply.classify();
    assert_eq!(
        (c.reason, c.bounce, c.side),
        (Reason::UnknownUser, Bounce::Hard, Side::Recipient)
    );
    println!("{}", c.decided_by); // which rule or code decided it
    Ok(())
}
