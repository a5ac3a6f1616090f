"""``ReplyBuffer``: one reply collected from a stream, chunk by chunk, in bounded memory.

>>> buf = ReplyBuffer(4096)
>>> buf.feed(b"250-mx.example.com\\r\\n25"), buf.feed(b"0 SIZE 1000\\r")
(None, None)
>>> buf.feed(b"\\n220 next")      # the LF completes the reply; 1 byte of the chunk was taken
1
>>> reply = buf.reply()
>>> reply.code, reply.line_count
(250, 2)
"""

from __future__ import annotations

from . import _errors as msg
from ._errors import ReplyError, ReplyErrorKind
from .reply import Reply, _Parts, _read_line

__all__ = ["ReplyBuffer"]


class ReplyBuffer:
    """Collects one reply from a stream. Chunks may split the input anywhere; the reply is
    complete when a line ending arrives after a line that is not a continuation (``550-``),
    and ``reply()`` then parses it exactly as ``Reply.parse`` would parse the same bytes. A
    reply longer than ``capacity`` fails with ``TOO_LARGE``, and ``max_line_length`` fails as
    soon as a line passes it, before its end arrives."""

    def __init__(
        self, capacity: int = 4096, *, strict: bool = False, max_line_length: int | None = None
    ) -> None:
        self.capacity = capacity
        self.strict = strict
        self.max_line_length = max_line_length
        self._data = bytearray()
        self._line_start = 0
        self._lines = 0
        self._complete = False

    def feed(self, chunk: bytes) -> int | None:
        """Takes bytes from ``chunk`` until the reply is complete or the chunk is used up.
        Returns how many bytes were taken when the reply is complete (the rest belongs to
        the next reply: ``clear()`` and feed it again), or ``None`` when more are needed.
        Raises ``ReplyError``; errors are final for this reply."""
        if self._complete:
            return 0
        consumed = 0
        while consumed < len(chunk):
            lf = chunk.find(b"\n", consumed)
            take = (lf + 1 if lf >= 0 else len(chunk)) - consumed
            if len(self._data) + take > self.capacity:
                raise ReplyError(
                    ReplyErrorKind.TOO_LARGE,
                    self._lines + 1,
                    len(self._data),
                    msg.too_large(self.capacity),
                )
            self._data += chunk[consumed : consumed + take]
            consumed += take
            length = len(self._data) - self._line_start
            if self.max_line_length is not None and length > self.max_line_length:
                raise ReplyError(
                    ReplyErrorKind.LINE_TOO_LONG,
                    self._lines + 1,
                    self._line_start,
                    msg.line_too_long(length, self.max_line_length),
                )
            if lf >= 0:
                self._lines += 1
                p = _read_line(bytes(self._data), self._line_start, self._lines, False)
                if isinstance(p, _Parts) and not p.is_last:
                    self._line_start = len(self._data)
                else:
                    # A last line, or a line without a reply code, which reply() reports.
                    self._complete = True
                    return consumed
        return None

    def reply(self) -> Reply:
        """Parses the buffered bytes as one reply (after ``feed`` said it is complete, or at
        the end of the stream); raises ``ReplyError``."""
        return Reply(bytes(self._data), strict=self.strict, max_line_length=self.max_line_length)

    @property
    def is_complete(self) -> bool:
        return self._complete

    @property
    def data(self) -> bytes:
        """The bytes buffered so far."""
        return bytes(self._data)

    def clear(self) -> None:
        """Empties the buffer for the next reply, keeping the options."""
        self._data.clear()
        self._line_start = 0
        self._lines = 0
        self._complete = False

    def __len__(self) -> int:
        return len(self._data)
