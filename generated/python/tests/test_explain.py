"""``smtp-explain``: its modes, and the strictness of ``--jsonl`` input (serde_json's)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smtp_codes.explain import KEYS, jsonl, main

SRC = str(Path(__file__).resolve().parents[1] / "src")


def run_jsonl(data: bytes) -> list[dict[str, Any]]:
    out = io.BytesIO()
    assert jsonl("site/", io.BytesIO(data), out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_every_object_has_the_same_keys() -> None:
    objs = run_jsonl(b'"550 5.1.1 User unknown"\n42\n"hello"\n\xff\n')
    for n, o in enumerate(objs, 1):
        assert sorted(o) == sorted([*KEYS, "line"])
        assert o["line"] == n
    assert [o["error_kind"] for o in objs] == [None, "not_string", "bad_code", "not_utf8"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (b"NaN", "not_json"),
        (b"-Infinity", "not_json"),
        (b'"\\ud800"', "not_json"),
        (b'["\\udc00"]', "not_json"),
        (b"1e400", "not_json"),
        (b"[1,]", "not_json"),
        (b"", "not_json"),
        (b'\xef\xbb\xbf"550 x"', "not_json"),
        (b"[" * 128 + b"]" * 128, "not_json"),
        (b"[" * 127 + b"]" * 127, "not_string"),
        (b' {"a": 1} ', "not_string"),
        (b'"\\ud83d\\ude00"', "bad_code"),
        (b'  "550 ok"\r', None),
    ],
)
def test_json_lines_are_read_as_strictly_as_serde_json(line: bytes, kind: str | None) -> None:
    (o,) = run_jsonl(line + b"\n")
    assert o["error_kind"] == kind


def test_output_escapes_like_serde_json() -> None:
    out = io.BytesIO()
    jsonl("site/", io.BytesIO(b'"550 a\\u0001\\u007f\\u2028/\xc3\xa9"\n'), out)
    assert '"input":"550 a\\u0001\x7f\u2028/\u00e9"' in out.getvalue().decode("utf-8")


def test_modes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["550 5.1.1 <bob@example.com> User unknown"]) == 0
    text = capsys.readouterr().out
    assert "Recipient does not exist (unknown_user)" in text
    assert main(["--json", "--site", "https://example.org", "hello"]) == 1
    o = json.loads(capsys.readouterr().out)
    assert o["error_kind"] == "bad_code"
    # The reply's lines are echoed as Rust's str::lines gives them: a final CR stays.
    assert main(["550 a\r\n550 b\r"]) == 0
    assert capsys.readouterr().out.startswith("550 a\n550 b\r\n\n")
    assert main(["--bogus"]) == 2
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("smtp-explain ")


def test_python_dash_m_runs_the_tool() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "smtp_codes", "--jsonl"],
        input=b'"421 4.7.0 [TSS04] Messages temporarily deferred"\n',
        capture_output=True,
        env={"PYTHONPATH": SRC},
        check=True,
    )
    o = json.loads(done.stdout)
    assert o["vendor"]["vendor"] == "yahoo" and o["retry"] == "retry_later"
