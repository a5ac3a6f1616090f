//! `smtp-explain`: what an SMTP reply means, for the person holding it.
//!
//! ```text
//! smtp-explain '550 5.1.1 <bob@example.com> User unknown'
//! smtp-explain --json '421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred'
//! printf '"550 5.7.26 Unauthenticated email"\n' | smtp-explain --jsonl
//! ```
//!
//! (Hand-written; the crate `smtp-explain` of the workspace. `--message` is [`message`]'s.)
//!
//! The rooms: [`args`] reads the command line, [`text`] and [`json`] each build one form of
//! the explanation from the [`facts`] both share, [`jsonl`] runs the line-by-line stream, and
//! [`output`] turns how a run ended (including a closed or full standard output) into the
//! exit status, the same way in every mode.

mod args;
mod facts;
mod json;
mod jsonl;
mod message;
mod output;
mod text;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use args::{Mode, Parsed, Run, USAGE};
use output::Failure;

fn main() -> ExitCode {
    let site = std::env::var_os("SMTP_CODES_SITE")
        .map(|s| s.to_string_lossy().into_owned())
        .or_else(|| smtp_codes::SITE_URL.map(str::to_string))
        .unwrap_or_else(|| "site/".to_string());
    // Arguments are bytes on Unix; a reply pasted with a stray non-UTF-8 byte is read lossily
    // (the byte becomes U+FFFD) rather than refused.
    let argv = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>();
    if message::requested(&argv) {
        return message::run(&argv, site);
    }
    let parsed = match args::parse(argv.into_iter(), site) {
        Ok(p) => p,
        Err(message) => {
            output::complain(&message);
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match parsed {
        Parsed::Help => out
            .write_all(USAGE.as_bytes())
            .map(|()| true)
            .map_err(Failure::Write),
        Parsed::Version => writeln!(
            out,
            "smtp-explain {} (registry {})",
            env!("CARGO_PKG_VERSION"),
            smtp_codes::REGISTRY_VERSION
        )
        .map(|()| true)
        .map_err(Failure::Write),
        Parsed::Run(run) => explain(&run, &mut out),
    };
    output::finish(result, out)
}

/// Runs one mode; `Ok(false)` when some input was not a reply.
fn explain(run: &Run, out: &mut impl Write) -> Result<bool, Failure> {
    match run.mode {
        Mode::Jsonl => jsonl::run(&mut io::stdin().lock(), out, &run.site, &run.context()),
        Mode::Json => {
            let mut all_replies = true;
            for r in &run.replies {
                let v = json::explain(r, &run.site, &run.context());
                all_replies &= v["error"].is_null();
                let pretty = serde_json::to_string_pretty(&v).unwrap_or_default();
                writeln!(out, "{pretty}")?;
            }
            Ok(all_replies)
        }
        Mode::Text => {
            let mut all_replies = true;
            for (n, r) in run.replies.iter().enumerate() {
                if n > 0 {
                    writeln!(out)?;
                }
                let (words, is_reply) = text::explain(r, &run.site, &run.context());
                all_replies &= is_reply;
                out.write_all(words.as_bytes())?;
            }
            Ok(all_replies)
        }
    }
}
