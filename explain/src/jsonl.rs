//! `--jsonl`: one JSON string in, one JSON object out, per line of standard input.
//!
//! Every object has `line` (counted from 1) and the keys of [`json::KEYS`]. A line that is
//! not UTF-8, not JSON, or not a JSON string gets `error` and `error_kind` (see
//! [`LineError`]) and processing goes on; a read error ends the run.

use std::io::{BufRead, Write};

use serde_json::Value;
use smtp_codes::classify::Context;

use crate::json;
use crate::output::Failure;

/// Why an input line holds no reply to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineError {
    NotUtf8,
    NotJson,
    NotString,
}

impl LineError {
    /// The `error_kind` value.
    pub fn kind(self) -> &'static str {
        match self {
            LineError::NotUtf8 => "not_utf8",
            LineError::NotJson => "not_json",
            LineError::NotString => "not_string",
        }
    }

    /// The `error` value.
    pub fn message(self) -> &'static str {
        match self {
            LineError::NotUtf8 => "the line is not UTF-8",
            LineError::NotJson => "the line is not JSON",
            LineError::NotString => "expected a JSON string holding one reply",
        }
    }
}

/// Explains every line of `input` into `out`. Returns `Ok(true)`: a bad line is reported in
/// its own object, not by the exit status.
pub fn run(
    input: &mut impl BufRead,
    out: &mut impl Write,
    site: &str,
    context: &Context<'_>,
) -> Result<bool, Failure> {
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf).map_err(Failure::Read)? == 0 {
            return Ok(true);
        }
        n += 1;
        let mut value = match reply_of(strip_line_end(&buf)) {
            Ok(reply) => json::explain(&reply, site, context),
            Err(e) => json::error_object(None, e.message().to_string(), e.kind()),
        };
        if let Value::Object(o) = &mut value {
            o.insert("line".into(), n.into());
        }
        writeln!(out, "{value}")?;
    }
}

/// The line without its `\n` and one `\r` before it (a last line with no `\n` keeps a
/// final `\r`).
fn strip_line_end(line: &[u8]) -> &[u8] {
    match line.strip_suffix(b"\n") {
        Some(l) => l.strip_suffix(b"\r").unwrap_or(l),
        None => line,
    }
}

/// The reply a line holds: a JSON string.
fn reply_of(line: &[u8]) -> Result<String, LineError> {
    let line = std::str::from_utf8(line).map_err(|_| LineError::NotUtf8)?;
    match serde_json::from_str::<Value>(line) {
        Ok(Value::String(s)) => Ok(s),
        Ok(_) => Err(LineError::NotString),
        Err(_) => Err(LineError::NotJson),
    }
}
