//! `smtp-explain --message`: what a bounce message says, per recipient.
//!
//! ```text
//! smtp-explain --message bounce.eml
//! smtp-explain --message --json returned.mbox
//! curl ... | smtp-explain --message --jsonl -
//! ```
//!
//! Each PATH (`-` is standard input) holds one message, an mbox file, or an ESP webhook body
//! (Amazon SES, SendGrid, Mailgun, Postmark, SparkPost); [`smtp_bounce::read_input`] tells
//! them apart. `--json` prints one pretty-printed object per message, `--jsonl` one compact
//! object per line, both [`smtp_bounce::json::explain`]'s; the default is words for a person.
//!
//! Exit status: 0 when every message was a report (a bounce, a delay or success notice, an
//! auto-reply or a complaint); 1 when some message was not a report, or some input could not
//! be read (a missing file, a webhook body that is not one; said on standard error, and the
//! other inputs are still explained); 2 for a usage error.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use smtp_bounce::{Kind, Recipient, Report};

use crate::facts;
use crate::output::{self, Failure};

/// Bytes read from one input; an mbox file beyond this is refused rather than read into
/// memory. (Each message in it is further bounded by `smtp_bounce::limits`.)
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The form the report takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Text,
    Json,
    Jsonl,
}

/// Whether the command line asks for message mode: `--message` before any `--`.
pub fn requested(argv: &[String]) -> bool {
    argv.iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--message")
}

/// What a `--message` command line asks for: the form and the paths, or a usage error.
fn parse(argv: &[String], mut site: String) -> Result<(Form, String, Vec<String>), String> {
    let mut form = Form::Text;
    let mut paths = Vec::new();
    let mut args = argv.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--message" => {}
            "--json" => form = Form::Json,
            "--jsonl" => form = Form::Jsonl,
            "--text" => form = Form::Text,
            "--site" => match args.next() {
                Some(s) => site = s.clone(),
                None => {
                    return Err(format!(
                        "smtp-explain: --site needs a value\n\n{}",
                        crate::args::USAGE
                    ))
                }
            },
            "--" => paths.extend(args.by_ref().cloned()),
            s if s.starts_with('-') && s != "-" => {
                return Err(format!(
                    "smtp-explain: unknown option `{s}` with --message\n\n{}",
                    crate::args::USAGE
                ));
            }
            _ => paths.push(arg.clone()),
        }
    }
    if paths.is_empty() {
        return Err(
            "smtp-explain: --message needs a PATH (a message, an mbox file or a webhook body; `-` for standard input)"
                .into(),
        );
    }
    if !site.ends_with('/') {
        site.push('/');
    }
    Ok((form, site, paths))
}

/// Runs message mode over the whole command line and returns the exit status.
/// `site` is the reference site's default base (the text form links each code's page).
pub fn run(argv: &[String], site: String) -> ExitCode {
    if argv.iter().any(|a| a == "-h" || a == "--help") {
        let mut out = io::stdout().lock();
        let written = out.write_all(crate::args::USAGE.as_bytes());
        return output::finish(written.map(|()| true).map_err(Failure::Write), out);
    }
    let (form, site, paths) = match parse(argv, site) {
        Ok(p) => p,
        Err(message) => {
            output::complain(&message);
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let result = explain(form, &site, &paths, &mut out);
    output::finish(result, out)
}

/// Explains every message of every input; `Ok(false)` when some message was not a report
/// or some input could not be read.
fn explain(
    form: Form,
    site: &str,
    paths: &[String],
    out: &mut impl Write,
) -> Result<bool, Failure> {
    let mut all_reports = true;
    let mut n = 0usize;
    for path in paths {
        let input = match read(path) {
            Ok(input) => input,
            Err(e) => {
                output::complain(&format!("smtp-explain: cannot read {}: {e}", shown(path)));
                all_reports = false;
                continue;
            }
        };
        let reports = match smtp_bounce::read_input(&input) {
            Ok(reports) => reports,
            Err(e) => {
                output::complain(&format!("smtp-explain: {}: {e}", shown(path)));
                all_reports = false;
                continue;
            }
        };
        for report in reports {
            n += 1;
            all_reports &= report.kind != Kind::NotReport;
            write_report(out, form, site, &report, path, n)?;
        }
    }
    Ok(all_reports)
}

fn shown(path: &str) -> &str {
    if path == "-" {
        "standard input"
    } else {
        path
    }
}

/// Reads one input whole, refusing one larger than [`MAX_INPUT_BYTES`].
fn read(path: &str) -> io::Result<Vec<u8>> {
    let mut input = Vec::new();
    let mut source: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path)?)
    };
    source
        .by_ref()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut input)?;
    if input.len() as u64 > MAX_INPUT_BYTES {
        return Err(io::Error::other(format!(
            "larger than {MAX_INPUT_BYTES} bytes; split it (an mbox file into smaller ones)"
        )));
    }
    Ok(input)
}

fn write_report(
    out: &mut impl Write,
    form: Form,
    site: &str,
    report: &Report,
    path: &str,
    n: usize,
) -> Result<(), Failure> {
    match form {
        Form::Json => {
            let v = smtp_bounce::json::explain(report);
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            )?;
        }
        Form::Jsonl => {
            writeln!(out, "{}", smtp_bounce::json::explain(report))?;
        }
        Form::Text => {
            if n > 1 {
                writeln!(out)?;
            }
            out.write_all(words(report, site, shown(path), n).as_bytes())?;
        }
    }
    Ok(())
}

/// A report in words: what the message is, then one paragraph per recipient.
fn words(report: &Report, site: &str, path: &str, n: usize) -> String {
    let mut s = String::new();
    let kind = match report.kind {
        Kind::Bounce => "a bounce (delivery failed)",
        Kind::Delay => "a delay notice (delivery is still being tried)",
        Kind::SuccessNotice => "a success notice",
        Kind::AutoReply => "an auto-reply",
        Kind::Complaint => "a complaint (feedback report)",
        Kind::NotReport => "not a delivery report, auto-reply or complaint",
    };
    let _ = writeln!(s, "message {n} ({path}): {kind}");
    if let Some(format) = report.format {
        let _ = writeln!(s, "  format:       {format}");
    }
    if let Some(host) = &report.reporting_host {
        let _ = writeln!(s, "  reported by:  {host}");
    }
    if let Some(subject) = &report.subject {
        let _ = writeln!(s, "  subject:      {subject}");
    }
    for r in &report.recipients {
        recipient_words(&mut s, site, r);
    }
    s
}

fn recipient_words(s: &mut String, site: &str, r: &Recipient) {
    let who = r.recipient.as_deref().unwrap_or("(recipient not named)");
    let action = r.action.map_or("", |a| a.as_str());
    let _ = writeln!(s, "\n  {who}  {action}");
    if let Some(orig) = &r.original_recipient {
        let _ = writeln!(s, "    original:   {orig}");
    }
    let status = r.status.map(|e| e.to_string());
    let basic = r.reply_code.map(|c| c.as_u16().to_string());
    match (basic, status) {
        (Some(b), Some(e)) => {
            let _ = writeln!(s, "    codes:      {b} {e}");
        }
        (Some(b), None) => {
            let _ = writeln!(s, "    codes:      {b}");
        }
        (None, Some(e)) => {
            let _ = writeln!(s, "    codes:      {e} (no reply code quoted)");
        }
        (None, None) => {}
    }
    if let Some(c) = &r.classification {
        let _ = writeln!(
            s,
            "    reason:     {} ({}), {} bounce, {}",
            c.reason.title(),
            c.reason.id(),
            c.bounce.as_str(),
            c.retry.as_str()
        );
        let _ = writeln!(s, "    what to do: {}", c.reason.advice());
    }
    let pages = [
        r.reply_code.and_then(|c| facts::basic_page(site, c)),
        r.status.and_then(|e| facts::enhanced_page(site, e)),
    ];
    for page in pages.into_iter().flatten() {
        let _ = writeln!(s, "    see:        {page}");
    }
    if let Some(feedback) = &r.feedback_type {
        let _ = writeln!(s, "    feedback:   {feedback}");
    }
    if let Some(command) = r.command {
        let _ = writeln!(s, "    command:    {}", command.as_str());
    }
    if let Some(host) = &r.remote_host {
        let _ = writeln!(s, "    remote:     {host}");
    }
    for reply in &r.replies {
        let _ = writeln!(s, "    reply:      {}", reply.text);
    }
    if r.replies.is_empty() {
        if let Some(d) = &r.diagnostic {
            let _ = writeln!(s, "    diagnostic: {d}");
        }
    }
}
