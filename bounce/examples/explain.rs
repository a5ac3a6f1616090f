//! Prints the `smtp-explain --message --json` object for each file named on the command
//! line (a message, an mbox file, or a webhook body), one JSON object per line.
//!
//! `cargo run -p smtp-bounce --example explain -- tests/bounces/emails/lhost-postfix-04.eml`

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let input = match std::fs::read(&path) {
            Ok(input) => input,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        match smtp_bounce::json::explain_input(&input) {
            Ok(values) => values.iter().for_each(|v| println!("{v}")),
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
