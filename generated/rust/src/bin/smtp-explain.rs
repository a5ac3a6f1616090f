//! `smtp-explain`: what an SMTP reply means, for the person holding it.
//!
//! ```text
//! smtp-explain '550 5.1.1 <bob@example.com> User unknown'
//! smtp-explain --json '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred'
//! printf '"550 5.7.26 Unauthenticated email"\n' | smtp-explain --jsonl
//! ```
//!
//! (Hand-written; built with the `cli` feature.)

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use serde_json::{json, Map, Value};
use smtp_codes::classify::Classification;
use smtp_codes::{EnhancedCode, EnhancedState, Reply, ReplyCode};

const USAGE: &str = "\
smtp-explain: what an SMTP reply means, and what to do about it

usage:
  smtp-explain [--site BASE] REPLY...    explain each reply (one argument per reply;
                                         use \\r\\n or a real line break between lines)
  smtp-explain --json [--site BASE] REPLY...
                                         the same, as one JSON object per reply
  smtp-explain --jsonl [--site BASE]     read standard input: one JSON string per line
                                         (a raw reply); write one JSON object per line
  smtp-explain --help | --version

--site BASE   where the reference site lives (a URL or a folder); default: the
              SMTP_CODES_SITE environment variable, else the registry's site_url,
              else the repository path site/.
";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut mode = "text";
    let mut site = std::env::var("SMTP_CODES_SITE")
        .ok()
        .or_else(|| smtp_codes::SITE_URL.map(str::to_string))
        .unwrap_or_else(|| "site/".to_string());
    let mut replies = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-V" | "--version" => {
                println!(
                    "smtp-explain {} (registry {})",
                    env!("CARGO_PKG_VERSION"),
                    smtp_codes::REGISTRY_VERSION
                );
                return ExitCode::SUCCESS;
            }
            "--json" => mode = "json",
            "--jsonl" => mode = "jsonl",
            "--site" => {
                i += 1;
                match args.get(i) {
                    Some(s) => site = s.clone(),
                    None => {
                        eprintln!("smtp-explain: --site needs a value\n\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "--" => {
                replies.extend(args.drain(i + 1..));
                break;
            }
            s if s.starts_with('-') && s.len() > 1 && !s.as_bytes()[1].is_ascii_digit() => {
                eprintln!("smtp-explain: unknown option `{s}`\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => replies.push(args[i].clone()),
        }
        i += 1;
    }
    if !site.ends_with('/') {
        site.push('/');
    }
    match mode {
        "jsonl" => {
            if !replies.is_empty() {
                eprintln!(
                    "smtp-explain: --jsonl reads standard input; give no replies as arguments"
                );
                return ExitCode::from(2);
            }
            jsonl(&site)
        }
        _ if replies.is_empty() => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
        "json" => {
            let mut failed = false;
            for r in &replies {
                let v = explain_json(&unescape_arg(r), &site);
                failed |= !v["error"].is_null();
                println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            let mut failed = false;
            for (n, r) in replies.iter().enumerate() {
                if n > 0 {
                    println!();
                }
                failed |= !explain_text(&unescape_arg(r), &site);
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}

/// A command-line argument may spell line breaks as `\r\n` or `\n`.
fn unescape_arg(s: &str) -> String {
    s.replace("\\r\\n", "\r\n").replace("\\n", "\n")
}

fn enhanced_page(site: &str, code: EnhancedCode) -> Option<String> {
    code.known().map(|k| format!("{site}enhanced/{k}.html"))
}

fn basic_page(site: &str, code: ReplyCode) -> Option<String> {
    code.info()
        .map(|_| format!("{site}basic/{}.html", code.as_u16()))
}

fn state_name(s: EnhancedState) -> &'static str {
    s.name()
}

/// Explains one reply in words; returns false when it is not a reply.
fn explain_text(input: &str, site: &str) -> bool {
    let reply = match Reply::parse(input) {
        Ok(r) => r,
        Err(e) => {
            println!("{}", input.trim_end());
            println!("  not an SMTP reply: {e}");
            return false;
        }
    };
    // The classification carries the enhanced code it read the reply by: the one in the
    // RFC 2034 position, else one found in the text.
    let c = reply.classify();
    let code = reply.code();
    let out = &mut String::new();
    for line in input.lines() {
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    // The verdict first: what a person at 3 a.m. needs.
    let reason = c.reason;
    out.push_str(&format!("  {} ({})\n", reason.title(), reason.id()));
    out.push_str(&format!("  outcome:     {}\n", outcome_words(&c)));
    out.push_str(&format!("  retry:       {}\n", retry_words(&c)));
    out.push_str(&format!("  whose side:  {}\n", side_words(c.side)));
    out.push_str(&format!("  what to do:  {}\n", wrap(reason.advice(), 15)));
    out.push_str(&format!("  decided by:  {}\n", c.decided_by));
    if let Some(v) = c.vendor {
        let heading = match (v.vendor.kind, v.pattern) {
            (smtp_codes::vendor::VendorKind::Mta, Some(p)) => {
                format!("{}'s wording \"{p}\"", v.vendor.name)
            }
            (_, Some(p)) => format!("{} (wording \"{p}\")", v.vendor.name),
            (_, None) => v.vendor.name.to_string(),
        };
        out.push_str(&format!("\n  Seen in the wild: {heading}\n"));
        out.push_str(&format!("    meaning:  {}\n", wrap(v.meaning, 14)));
        out.push_str(&format!("    cause:    {}\n", wrap(v.cause, 14)));
        out.push_str(&format!("    sender:   {}\n", wrap(v.sender_action, 14)));
        out.push_str(&format!("    receiver: {}\n", wrap(v.admin_action, 14)));
        out.push_str(&format!(
            "    source:   {} (read {})\n",
            v.source_url, v.read
        ));
    }
    // The codes, each with its registered meaning.
    out.push('\n');
    match code.info() {
        Some(info) => {
            let status = match info.status {
                smtp_codes::ReplyStatus::Standard => "",
                smtp_codes::ReplyStatus::Historic => " [historic]",
                smtp_codes::ReplyStatus::NonStandard => " [non-standard: no RFC defines it]",
            };
            out.push_str(&format!("  {}  {}{status}\n", code, info.text));
            out.push_str(&format!("       {}\n", wrap(info.description, 7)));
            if info.meanings.len() > 1 {
                for m in info.meanings.iter().skip(1) {
                    let src = match (m.reference, m.vendor) {
                        (Some(r), _) => r.to_string(),
                        (None, Some(v)) => format!("{v}, non-standard"),
                        (None, None) => "non-standard".to_string(),
                    };
                    out.push_str(&format!("       also: \"{}\" ({src})\n", m.text));
                }
            }
        }
        None => out.push_str(&format!("  {code}  not a registered reply code\n")),
    }
    out.push_str(&format!(
        "       {}: {}\n",
        code_class_words(code),
        severity_words(code)
    ));
    if let Some(p) = basic_page(site, code) {
        out.push_str(&format!("       {p}\n"));
    }
    let positional = reply.enhanced();
    let enhanced = c.enhanced;
    match enhanced {
        Some(e) => {
            out.push('\n');
            let note = match positional {
                EnhancedState::ClassMismatch(_) => {
                    " (its class disagrees with the reply code; the reply code decides)"
                }
                EnhancedState::Inconsistent { .. } => {
                    " (lines carry different codes; the first is shown)"
                }
                EnhancedState::Absent | EnhancedState::Malformed => {
                    " (found in the text, not in the RFC 2034 position)"
                }
                EnhancedState::Valid(_) => "",
            };
            match e.info() {
                Some(info) => {
                    let title = if info.sample_text.is_empty() {
                        "(no sample text)"
                    } else {
                        info.sample_text
                    };
                    out.push_str(&format!("  {e}  {title}{note}\n"));
                    out.push_str(&format!("       {}\n", wrap(info.description, 7)));
                    if let Some(r) = info.replaced_by {
                        out.push_str(&format!("       deprecated: use {r}\n"));
                    }
                    if let Some(r) = info.references.first() {
                        out.push_str(&format!("       {r}: {}\n", r.url));
                    }
                }
                None => {
                    out.push_str(&format!("  {e}  not registered by IANA{note}\n"));
                    if let Some(s) = e.subject_kind() {
                        out.push_str(&format!("       subject {}: {}\n", s.number(), s.title()));
                    }
                }
            }
            out.push_str(&format!(
                "       class {}: {}\n",
                e.class().digit(),
                e.class().title()
            ));
            if let Some(p) = enhanced_page(site, e) {
                out.push_str(&format!("       {p}\n"));
            }
        }
        None => {
            if positional == EnhancedState::Malformed {
                let why = reply
                    .violations()
                    .find(|v| v.kind().name() == "malformed_enhanced_code")
                    .map(|v| v.to_string())
                    .unwrap_or_else(|| "not a valid enhanced status code".to_string());
                out.push_str(&format!("\n  malformed enhanced status code: {why}\n"));
            }
        }
    }
    // Troubleshooting for the most specific code that has it.
    let trouble = enhanced
        .and_then(|e| e.info())
        .and_then(|i| i.troubleshooting)
        .or_else(|| code.info().and_then(|i| i.troubleshooting));
    if let Some(t) = trouble {
        out.push_str(&format!("\n  Troubleshooting {}\n", t.code));
        out.push_str(&format!("    {}\n", wrap(t.summary, 4)));
        for c in t.causes.iter().take(3) {
            out.push_str(&format!("    cause:  {}\n", wrap(c, 12)));
        }
        for f in t.sender_fixes.iter().take(3) {
            out.push_str(&format!("    fix:    {}\n", wrap(f, 12)));
        }
    }
    // A pasted reply seldom keeps its CRLF; that one is not worth reporting.
    let violations: Vec<String> = reply
        .violations()
        .filter(|v| v.kind().name() != "missing_line_ending")
        .map(|v| v.to_string())
        .collect();
    if !violations.is_empty() {
        out.push_str("\n  not strictly RFC 5321 / RFC 2034:\n");
        for v in violations {
            out.push_str(&format!("    - {v}\n"));
        }
    }
    let mut stdout = io::stdout().lock();
    let _ = stdout.write_all(out.as_bytes());
    true
}

fn outcome_words(c: &Classification) -> String {
    use smtp_codes::classify::Outcome;
    match c.outcome {
        Outcome::Success => "success".into(),
        Outcome::Intermediate => "in progress: the server waits for more".into(),
        Outcome::Transient => "temporary failure, soft bounce if it lasts".into(),
        Outcome::Permanent => format!("permanent failure, {} bounce", c.bounce.as_str()),
    }
}

fn side_words(side: smtp_codes::classify::Side) -> &'static str {
    use smtp_codes::classify::Side;
    match side {
        Side::Recipient => "the recipient's (their address or mailbox)",
        Side::Sender => "the sender's (the address, the message, the account or its domain)",
        Side::SendingServer => "the sending server's (its IP, DNS, TLS, volume or protocol)",
        Side::ReceivingServer => "the receiving server's",
        Side::Network => "the network's (connections, DNS, routing)",
        Side::None => "nobody's in particular",
    }
}

fn retry_words(c: &Classification) -> &'static str {
    use smtp_codes::classify::RetryAdvice;
    match c.retry {
        RetryAdvice::Done => "nothing to retry",
        RetryAdvice::Continue => "continue: send what the server asked for",
        RetryAdvice::RetryLater => "yes, later: 4yz is temporary (RFC 5321 section 4.2.1)",
        RetryAdvice::DoNotRetry => "no, not unchanged: 5yz is permanent (RFC 5321 section 4.2.1)",
    }
}

fn code_class_words(code: ReplyCode) -> &'static str {
    match code.first_digit() {
        2 => "2yz positive completion",
        3 => "3yz positive intermediate",
        4 => "4yz transient negative",
        _ => "5yz permanent negative",
    }
}

fn severity_words(code: ReplyCode) -> &'static str {
    use smtp_codes::Category;
    match code.category() {
        Category::Syntax => "x0z syntax",
        Category::Information => "x1z information",
        Category::Connections => "x2z connections",
        Category::Unspecified => "x3z/x4z unspecified",
        Category::MailSystem => "x5z mail system",
        Category::NonStandard => "second digit outside RFC 5321's grammar",
    }
}

/// Folds text into words wrapped at 96 columns; the text starts at column `indent` and so do
/// its continuation lines.
fn wrap(text: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut col = indent;
    for word in text.split_whitespace() {
        if col + word.len() + 1 > 96 && col > indent {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
        } else if !out.is_empty() {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
    out
}

/// Every key of an explanation object, in output order (serde_json sorts keys). Each object
/// that `--json` and `--jsonl` write has all of them; those that do not apply are `null`.
const KEYS: [&str; 21] = [
    "input",
    "error",
    "error_kind",
    "basic",
    "enhanced",
    "enhanced_state",
    "enhanced_in_text",
    "class",
    "retry",
    "bounce",
    "reason",
    "reason_title",
    "side",
    "advice",
    "decided_by",
    "text",
    "basic_info",
    "enhanced_info",
    "vendor",
    "troubleshooting",
    "violations",
];

/// An object with every key of [`KEYS`] set to `null`, then `error` and `error_kind` set.
fn error_object(input: Option<&str>, error: String, kind: &str) -> Value {
    let mut o: Map<String, Value> = KEYS.iter().map(|k| (k.to_string(), Value::Null)).collect();
    o.insert("input".into(), input.map(str::to_string).into());
    o.insert("error".into(), error.into());
    o.insert("error_kind".into(), kind.into());
    Value::Object(o)
}

/// Explains one reply as a JSON object with every key of [`KEYS`]; a reply that does not
/// parse gives `error` and `error_kind` (the parser's error kind) and `null` elsewhere.
fn explain_json(input: &str, site: &str) -> Value {
    let reply = match Reply::parse(input) {
        Ok(r) => r,
        Err(e) => return error_object(Some(input), e.to_string(), e.kind().name()),
    };
    // The classification carries the enhanced code it read the reply by: the one in the
    // RFC 2034 position, else one found in the text.
    let c = reply.classify();
    let code = reply.code();
    let mut o = Map::new();
    o.insert("input".into(), input.into());
    o.insert("error".into(), Value::Null);
    o.insert("error_kind".into(), Value::Null);
    o.insert("basic".into(), code.as_u16().into());
    o.insert(
        "enhanced".into(),
        reply.enhanced_code().map(|e| e.to_string()).into(),
    );
    o.insert("enhanced_state".into(), state_name(reply.enhanced()).into());
    o.insert(
        "enhanced_in_text".into(),
        reply.enhanced_in_text().map(|e| e.to_string()).into(),
    );
    o.insert("class".into(), c.outcome.as_str().into());
    o.insert("retry".into(), c.retry.as_str().into());
    o.insert("bounce".into(), c.bounce.as_str().into());
    o.insert("reason".into(), c.reason.id().into());
    o.insert("reason_title".into(), c.reason.title().into());
    o.insert("side".into(), c.side.as_str().into());
    o.insert("advice".into(), c.reason.advice().into());
    o.insert("decided_by".into(), c.decided_by.to_string().into());
    o.insert(
        "text".into(),
        reply
            .lines()
            .map(|l| Value::from(String::from_utf8_lossy(l.text()).into_owned()))
            .collect::<Vec<_>>()
            .into(),
    );
    o.insert(
        "basic_info".into(),
        match code.info() {
            Some(i) => json!({
                "text": i.text,
                "status": match i.status {
                    smtp_codes::ReplyStatus::Standard => "standard",
                    smtp_codes::ReplyStatus::Historic => "historic",
                    smtp_codes::ReplyStatus::NonStandard => "nonstandard",
                },
                "description": i.description,
                "page": basic_page(site, code),
            }),
            None => Value::Null,
        },
    );
    let enhanced = c.enhanced;
    o.insert(
        "enhanced_info".into(),
        match enhanced.and_then(|e| e.info().map(|i| (e, i))) {
            Some((e, i)) => json!({
                "code": format!("X.{}.{}", i.subject, i.detail),
                "sample_text": i.sample_text,
                "description": i.description,
                "status": if i.is_deprecated() { "deprecated" } else { "current" },
                "replaced_by": i.replaced_by.map(|r| r.to_string()),
                "page": enhanced_page(site, e),
            }),
            None => Value::Null,
        },
    );
    o.insert(
        "vendor".into(),
        match c.vendor {
            Some(v) => json!({
                "vendor": v.vendor.slug,
                "name": v.vendor.name,
                "meaning": v.meaning,
                "cause": v.cause,
                "sender_action": v.sender_action,
                "admin_action": v.admin_action,
                "retry": v.retry.as_str(),
                "source": v.source_url,
                "read": v.read,
            }),
            None => Value::Null,
        },
    );
    let trouble = enhanced
        .and_then(|e| e.info())
        .and_then(|i| i.troubleshooting)
        .or_else(|| code.info().and_then(|i| i.troubleshooting));
    o.insert(
        "troubleshooting".into(),
        match trouble {
            Some(t) => json!({
                "code": t.code,
                "summary": t.summary,
                "causes": t.causes,
                "sender_fixes": t.sender_fixes,
                "admin_fixes": t.admin_fixes,
            }),
            None => Value::Null,
        },
    );
    o.insert(
        "violations".into(),
        reply
            .violations()
            .map(|v| json!({"kind": v.kind().name(), "line": v.line(), "message": v.to_string()}))
            .collect::<Vec<_>>()
            .into(),
    );
    Value::Object(o)
}

/// `--jsonl`: one JSON string in, one JSON object out, per line; every object has `line`
/// and the keys of [`KEYS`]. A line that is not UTF-8, not JSON, or not a JSON string gets
/// `error` and `error_kind` (`not_utf8`, `not_json`, `not_string`) and processing goes on.
fn jsonl(site: &str) -> ExitCode {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut input = stdin.lock();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let _ = out.flush();
                eprintln!("smtp-explain: cannot read standard input: {e}");
                return ExitCode::FAILURE;
            }
        }
        n += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        let mut value = match std::str::from_utf8(&buf) {
            Err(_) => error_object(None, "the line is not UTF-8".into(), "not_utf8"),
            Ok(line) => match serde_json::from_str::<Value>(line) {
                Ok(Value::String(s)) => explain_json(&s, site),
                Ok(_) => error_object(
                    None,
                    "expected a JSON string holding one reply".into(),
                    "not_string",
                ),
                Err(_) => error_object(None, "the line is not JSON".into(), "not_json"),
            },
        };
        if let Value::Object(o) = &mut value {
            o.insert("line".into(), n.into());
        }
        if let Err(e) = writeln!(out, "{value}") {
            return write_failed(&e);
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// A closed pipe ends the run quietly, as Unix tools do; any other write error is reported.
fn write_failed(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        eprintln!("smtp-explain: cannot write standard output: {e}");
        ExitCode::FAILURE
    }
}
