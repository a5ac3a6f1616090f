//! Any code, enhanced code, context and text lines: the writer never panics, and what it
//! writes parses back strictly to what was written.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{EnhancedCode, EnhancedState, Reply, ReplyCode, ReplyContext, ReplyWriter};

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let code = u16::from_le_bytes([data[0], data[1]]) % 400 + 200;
    let Ok(code) = ReplyCode::from_u16(code) else {
        return;
    };
    let context = match data[2] % 3 {
        0 => ReplyContext::Command,
        1 => ReplyContext::Greeting,
        _ => ReplyContext::Hello,
    };
    let mut writer = ReplyWriter::new(code).with_context(context);
    if data[3] & 1 == 1 {
        let class = [2, 4, 5][usize::from(data[3] >> 1) % 3];
        if let Ok(e) =
            EnhancedCode::from_parts(class, u16::from(data[4]) * 4, u16::from(data[5]) * 4)
        {
            writer = writer.with_enhanced(e);
        }
    }
    let Ok(text) = core::str::from_utf8(&data[6..]) else {
        return;
    };
    let lines: Vec<&str> = text.split('|').collect();
    let mut out = String::new();
    if writer.write(&mut out, &lines).is_ok() {
        let reply = Reply::parse_strict(&out).expect("written replies parse strictly");
        assert_eq!(reply.code(), code);
        let expected = writer
            .written_enhanced()
            .map_or(EnhancedState::Absent, EnhancedState::Valid);
        assert_eq!(reply.enhanced(), expected);
        let texts: Vec<&[u8]> = reply.lines().map(|l| l.text()).collect();
        let given: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        assert_eq!(texts, given);
    }
});
