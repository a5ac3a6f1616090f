"""Every conformance vector (``reply-vectors.json``, generated from
``data/reply-vectors.yaml``) through the parser and, where it carries one, the classifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smtp_codes import EnhancedCode, EnhancedState, Reply, ReplyBuffer, ReplyError

VECTORS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "reply-vectors.json").read_text(encoding="utf-8")
)["vectors"]


def parse(v: dict[str, Any]) -> Reply:
    if v["mode"] == "strict":
        return Reply.parse_strict(v["input"], max_line_length=v["max_line_length"])
    assert v["mode"] == "lenient"
    return Reply.parse(v["input"], max_line_length=v["max_line_length"])


def code(text: str | None) -> EnhancedCode | None:
    return None if text is None else EnhancedCode.parse(text)


def test_there_are_vectors() -> None:
    assert len(VECTORS) >= 100
    assert sum(1 for v in VECTORS if v["error"] is not None) >= 20


@pytest.mark.parametrize("v", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector(v: dict[str, Any]) -> None:
    if v["error"] is not None:
        with pytest.raises(ReplyError) as caught:
            parse(v)
        e = caught.value
        assert (e.kind.value, e.line, e.position) == (
            v["error"]["kind"],
            v["error"]["line"],
            v["error"]["position"],
        ), str(e)
        return
    r = parse(v)
    assert r.code == v["basic"]
    assert r.enhanced_state.value == v["enhanced_state"]
    assert r.enhanced_code == code(v["enhanced"])
    other = r.enhanced_other if r.enhanced_state is EnhancedState.INCONSISTENT else None
    assert other == code(v["enhanced_other"])
    assert r.enhanced_in_text() == code(v["enhanced_in_text"])
    assert [line.text for line in r.lines] == v["lines"]
    assert r.is_complete == v["complete"]
    # A reply that parses strictly has no violations; any other lists at least one.
    try:
        Reply.parse_strict(v["input"])
        strict = True
    except ReplyError:
        strict = False
    assert (not r.violations()) == strict


CLASSIFIED = [v for v in VECTORS if v["classification"] is not None]


def test_many_vectors_carry_a_classification() -> None:
    assert len(CLASSIFIED) >= 30


@pytest.mark.parametrize("v", CLASSIFIED, ids=[v["name"] for v in CLASSIFIED])
def test_classification(v: dict[str, Any]) -> None:
    c = parse(v).classify()
    want = v["classification"]
    got = (c.outcome.value, c.reason.id, c.bounce.value)
    assert got == (want["class"], want["reason"], want["bounce"]), str(c.decided_by)


@pytest.mark.parametrize("v", VECTORS, ids=[v["name"] for v in VECTORS])
def test_vector_fed_one_byte_at_a_time(v: dict[str, Any]) -> None:
    """The same input through ``ReplyBuffer``, a byte at a time, until it says the reply is
    complete: the same reply or the same error as parsing it whole."""
    data = v["input"].encode("utf-8")
    buf = ReplyBuffer(
        len(data) + 1, strict=v["mode"] == "strict", max_line_length=v["max_line_length"]
    )
    try:
        for i in range(len(data)):
            if buf.feed(data[i : i + 1]) is not None:
                break
        whole = buf.data == data
        result: Reply | ReplyError = buf.reply()
    except ReplyError as e:
        result = e
        whole = True
    try:
        expected: Reply | ReplyError = parse(v)
    except ReplyError as e:
        expected = e
    if not whole:
        # The buffer stopped at the end of the first reply; the vector holds more.
        return
    if isinstance(expected, ReplyError):
        assert isinstance(result, ReplyError)
        assert (result.kind, result.line, result.position) == (
            expected.kind,
            expected.line,
            expected.position,
        )
    else:
        assert isinstance(result, Reply), result
        assert result.raw == expected.raw
        assert result.code == expected.code
        assert result.enhanced_state is expected.enhanced_state


def test_buffer_limits() -> None:
    buf = ReplyBuffer(8)
    with pytest.raises(ReplyError) as e:
        buf.feed(b"250 0123456789\r\n")
    assert e.value.kind.value == "too_large"
    buf = ReplyBuffer(4096, max_line_length=10)
    with pytest.raises(ReplyError) as e:
        buf.feed(b"250 0123456789")
    assert e.value.kind.value == "line_too_long"
    buf = ReplyBuffer()
    assert buf.feed(b"250 ok\r\n250 next\r\n") == 8
    assert buf.feed(b"more") == 0 and buf.is_complete and len(buf) == 8
    buf.clear()
    assert not buf.is_complete and len(buf) == 0
