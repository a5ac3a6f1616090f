"""Every conformance vector (``reply-vectors.json``, generated from
``data/reply-vectors.yaml``) through the parser and, where it carries one, the classifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from smtp_codes import EnhancedCode, EnhancedState, Reply, ReplyError

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
