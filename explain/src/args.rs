//! The command line: options, the output mode and the replies to explain.

use smtp_codes::classify::Context;
use smtp_codes::Command;

pub const USAGE: &str = "\
smtp-explain: what an SMTP reply means, and what to do about it

usage:
  smtp-explain [--site BASE] REPLY...    explain each reply (one argument per reply;
                                         use \\r\\n or a real line break between lines)
  smtp-explain --json [--site BASE] REPLY...
                                         the same, as one JSON object per reply
  smtp-explain --jsonl [--site BASE]     read standard input: one JSON string per line
                                         (a raw reply); write one JSON object per line
  smtp-explain --message [--json|--jsonl|--text] PATH...
                                         read bounce messages: each PATH (- for standard
                                         input) a message, an mbox file or an ESP webhook
                                         body; one verdict per recipient, one JSON object
                                         per message
  smtp-explain --help | --version

--site BASE   where the reference site lives (a URL or a folder); default: the
              SMTP_CODES_SITE environment variable, else the registry's site_url,
              else the repository path site/.
--command CMD the command the replies answered (RCPT, DATA, ...): 552 to RCPT is
              treated as 452, a bare rejection of DATA as a content rejection.
--remote-host HOST
              the server that sent the replies (gmail-smtp-in.l.google.com): its
              name tells whose meaning of a code applies.
";

/// The form the explanation takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Words for a person (the default).
    Text,
    /// One pretty-printed JSON object per reply given as an argument.
    Json,
    /// One JSON string per line of standard input in, one compact object per line out.
    Jsonl,
}

/// What to explain, and how.
#[derive(Debug)]
pub struct Run {
    pub mode: Mode,
    /// The site's base, ending in `/`.
    pub site: String,
    /// The replies, with `\r\n` and `\n` spelled out in an argument already turned into
    /// line breaks. Empty in [`Mode::Jsonl`].
    pub replies: Vec<String>,
    /// `--command`: what the replies answered.
    pub command: Option<Command>,
    /// `--remote-host`: the server that sent them.
    pub remote_host: Option<String>,
}

impl Run {
    /// The classifier's context for every reply of the run.
    pub fn context(&self) -> Context<'_> {
        Context {
            command: self.command,
            remote_host: self.remote_host.as_deref(),
        }
    }
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Parsed {
    Help,
    Version,
    Run(Run),
}

/// Reads the arguments (without the program name). `Err` holds the message for a usage
/// error, usage included.
pub fn parse(argv: impl Iterator<Item = String>, default_site: String) -> Result<Parsed, String> {
    let mut argv = argv;
    let mut mode = Mode::Text;
    let mut site = default_site;
    let mut replies = Vec::new();
    let mut command = None;
    let mut remote_host = None;
    while let Some(arg) = argv.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "-V" | "--version" => return Ok(Parsed::Version),
            "--json" => mode = Mode::Json,
            "--jsonl" => mode = Mode::Jsonl,
            "--site" => match argv.next() {
                Some(s) => site = s,
                None => return Err(format!("smtp-explain: --site needs a value\n\n{USAGE}")),
            },
            "--command" => match argv.next().map(|c| c.parse::<Command>().map_err(|_| c)) {
                Some(Ok(c)) => command = Some(c),
                Some(Err(c)) => {
                    return Err(format!(
                        "smtp-explain: --command `{c}` is not an SMTP command the registry knows\n\n{USAGE}"
                    ))
                }
                None => return Err(format!("smtp-explain: --command needs a value\n\n{USAGE}")),
            },
            "--remote-host" => match argv.next() {
                Some(h) if !h.trim().is_empty() => remote_host = Some(h),
                _ => {
                    return Err(format!(
                        "smtp-explain: --remote-host needs a host name\n\n{USAGE}"
                    ))
                }
            },
            "--" => {
                replies.extend(argv.by_ref());
            }
            s if is_option(s) => {
                return Err(format!("smtp-explain: unknown option `{s}`\n\n{USAGE}"));
            }
            _ => replies.push(arg),
        }
    }
    if !site.ends_with('/') {
        site.push('/');
    }
    match mode {
        Mode::Jsonl if !replies.is_empty() => {
            Err("smtp-explain: --jsonl reads standard input; give no replies as arguments".into())
        }
        Mode::Text | Mode::Json if replies.is_empty() => Err(USAGE.trim_end().to_string()),
        _ => Ok(Parsed::Run(Run {
            mode,
            site,
            replies: replies.iter().map(|r| unescape(r)).collect(),
            command,
            remote_host,
        })),
    }
}

/// `-x` is an option; `-` alone and `-4...` (a negative-looking reply) are not.
fn is_option(s: &str) -> bool {
    s.starts_with('-') && s.len() > 1 && !s.as_bytes()[1].is_ascii_digit()
}

/// A command-line argument may spell line breaks as `\r\n` or `\n`.
fn unescape(s: &str) -> String {
    s.replace("\\r\\n", "\r\n").replace("\\n", "\n")
}
