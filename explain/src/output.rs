//! How a run ends: one place decides the exit status and the message, for every mode.
//!
//! Nothing here uses `print!` or `eprint!`, which panic when the stream is closed: a closed
//! standard output (`smtp-explain ... | head -1`) ends the run quietly with status 0, as Unix
//! tools do; any other write error (a full disk) and any read error end it with a message
//! on standard error and status 1.

use std::io::{self, Write};
use std::process::ExitCode;

/// Why a run stopped early.
#[derive(Debug)]
pub enum Failure {
    /// Standard input could not be read.
    Read(io::Error),
    /// Standard output could not be written.
    Write(io::Error),
}

impl From<io::Error> for Failure {
    /// Writes are where `?` meets an `io::Error`; reads are mapped to [`Failure::Read`] by hand.
    fn from(e: io::Error) -> Self {
        Failure::Write(e)
    }
}

/// Flushes `out` and turns `result` (`Ok(false)`: some input was not a reply) into the exit
/// status.
pub fn finish(result: Result<bool, Failure>, mut out: impl Write) -> ExitCode {
    let flushed = out.flush();
    let result = match (result, flushed) {
        (Ok(all), Ok(())) => Ok(all),
        (Ok(_), Err(e)) => Err(Failure::Write(e)),
        (Err(f), _) => Err(f),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Failure::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Write(e)) => {
            complain(&format!("smtp-explain: cannot write standard output: {e}"));
            ExitCode::FAILURE
        }
        Err(Failure::Read(e)) => {
            complain(&format!("smtp-explain: cannot read standard input: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Writes one message line to standard error; if even that fails there is nobody to tell.
pub fn complain(message: &str) {
    let _ = writeln!(io::stderr().lock(), "{message}");
}
