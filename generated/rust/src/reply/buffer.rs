//! [`ReplyBuffer`]: reading replies from a stream, chunk by chunk, in fixed memory.

use core::fmt;

use super::error::{ReplyError, ReplyErrorKind};
use super::line::{find_lf, read_line, Lossy};
use super::parse::{ParseOptions, Reply};

/// What [`ReplyBuffer::feed`] did with a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    /// The whole chunk was taken and the reply is not complete yet.
    NeedMore,
    /// The reply is complete. `consumed` bytes of this chunk were taken; the rest belongs to
    /// the next reply (pipelining): [`clear`](ReplyBuffer::clear) and feed it again.
    Complete {
        /// How many bytes of the chunk were taken.
        consumed: usize,
    },
}

/// Collects one reply from a stream, chunk by chunk, in a fixed `CAP`-byte buffer.
///
/// Chunks may split the input anywhere, inside a reply code or between CR and LF. A reply is
/// complete when a line ending arrives after a line that is not a continuation line
/// (`550-`); [`reply`](ReplyBuffer::reply) then parses it, exactly as
/// [`Reply::parse_with`] would parse the same bytes. A hostile peer cannot make it grow:
/// a reply longer than `CAP` fails with [`TooLarge`](ReplyErrorKind::TooLarge), and an
/// optional line limit ([`ParseOptions::with_max_line_length`]) fails as soon as a line
/// passes it, before its end arrives.
///
/// ```
/// use smtp_codes::{Feed, ReplyBuffer};
///
/// let mut buf = ReplyBuffer::<4096>::new();
/// assert_eq!(buf.feed(b"250-mx.example.com\r\n25").unwrap(), Feed::NeedMore);
/// assert_eq!(buf.feed(b"0 SIZE 1000\r").unwrap(), Feed::NeedMore);
/// // The LF completes the reply; the next reply's bytes are left in the chunk.
/// assert_eq!(buf.feed(b"\n220 next").unwrap(), Feed::Complete { consumed: 1 });
/// let reply = buf.reply().unwrap();
/// assert_eq!(reply.code().as_u16(), 250);
/// assert_eq!(reply.line_count(), 2);
/// buf.clear();
/// ```
#[derive(Clone)]
pub struct ReplyBuffer<const CAP: usize> {
    buf: [u8; CAP],
    len: usize,
    line_start: usize,
    lines: usize,
    complete: bool,
    options: ParseOptions,
}

impl<const CAP: usize> ReplyBuffer<CAP> {
    /// An empty buffer that parses leniently.
    pub const fn new() -> Self {
        Self::with_options(ParseOptions::lenient())
    }

    /// An empty buffer that parses with `options`.
    pub const fn with_options(options: ParseOptions) -> Self {
        ReplyBuffer {
            buf: [0; CAP],
            len: 0,
            line_start: 0,
            lines: 0,
            complete: false,
            options,
        }
    }

    /// Takes bytes from `chunk` until the reply is complete or the chunk is used up.
    ///
    /// Once complete, further calls take nothing and answer `Complete { consumed: 0 }`
    /// until [`clear`](ReplyBuffer::clear). Errors are final for this reply: clear the
    /// buffer (or drop the connection) before feeding more.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<Feed, ReplyError> {
        if self.complete {
            return Ok(Feed::Complete { consumed: 0 });
        }
        let mut consumed = 0;
        while consumed < chunk.len() {
            let rest = &chunk[consumed..];
            let (take, line_ended) = match find_lf(rest) {
                Some(i) => (i + 1, true),
                None => (rest.len(), false),
            };
            let Some(room) = self.buf.get_mut(self.len..self.len + take) else {
                return Err(ReplyError::new(
                    ReplyErrorKind::TooLarge { capacity: CAP },
                    self.lines + 1,
                    self.len,
                ));
            };
            room.copy_from_slice(&rest[..take]);
            self.len += take;
            consumed += take;
            let length = self.len - self.line_start;
            if let Some(max) = self.options.max_line_length() {
                if length > max {
                    return Err(ReplyError::new(
                        ReplyErrorKind::LineTooLong { length, max },
                        self.lines + 1,
                        self.line_start,
                    ));
                }
            }
            if line_ended {
                self.lines += 1;
                let data = &self.buf[..self.len];
                match read_line(data, self.line_start, self.lines, false) {
                    Ok(p) if !p.is_last() => self.line_start = self.len,
                    // A last line, or a line without a reply code, which `reply` reports.
                    _ => {
                        self.complete = true;
                        return Ok(Feed::Complete { consumed });
                    }
                }
            }
        }
        Ok(Feed::NeedMore)
    }

    /// Parses the buffered bytes as one reply. Call it after `feed` answered `Complete`, or
    /// at the end of the stream to read what arrived (lenient mode accepts a missing last
    /// line ending or a missing last line).
    pub fn reply(&self) -> Result<Reply<'_>, ReplyError> {
        Reply::parse_with(self.as_bytes(), self.options)
    }

    /// Whether a complete reply is buffered.
    pub const fn is_complete(&self) -> bool {
        self.complete
    }

    /// The bytes buffered so far.
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    /// How many bytes are buffered.
    pub const fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing is buffered.
    pub const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The capacity, `CAP`.
    pub const fn capacity(&self) -> usize {
        CAP
    }

    /// The parse options.
    pub const fn options(&self) -> ParseOptions {
        self.options
    }

    /// Empties the buffer for the next reply, keeping the options.
    pub fn clear(&mut self) {
        self.len = 0;
        self.line_start = 0;
        self.lines = 0;
        self.complete = false;
    }
}

impl<const CAP: usize> Default for ReplyBuffer<CAP> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const CAP: usize> fmt::Debug for ReplyBuffer<CAP> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReplyBuffer")
            .field("capacity", &CAP)
            .field("complete", &self.complete)
            .field("options", &self.options)
            .field("buffered", &Lossy(self.as_bytes()))
            .finish()
    }
}
