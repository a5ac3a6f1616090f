"""``smtp-explain``: its modes, and the strictness of ``--jsonl`` input (serde_json's)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smtp_codes.explain import KEYS, USAGE, jsonl, main

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


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_the_retry_policy_is_shown_in_every_mode(capsys: pytest.CaptureFixture[str]) -> None:
    ok, out, _ = run_main(capsys, "--json", "550 5.1.1 <bob@example.com> User unknown")
    assert ok == 0
    p = json.loads(out)["retry_policy"]
    assert (p["retry"], p["suppress_address"], p["source"]) == ("never", True, "reason")
    assert p["first_after_secs"] is None
    assert list(p) == [
        "backoff",
        "first_after_secs",
        "give_up_after_secs",
        "give_up_attempts",
        "how",
        "retry",
        "source",
        "suppress_address",
    ]
    _, out, _ = run_main(capsys, "--json", "451 4.3.0 Try again later")
    p = json.loads(out)["retry_policy"]
    assert (p["first_after_secs"], p["give_up_after_secs"]) == (1800, 432_000)
    _, out, _ = run_main(capsys, "--json", "250 OK")
    assert json.loads(out)["retry_policy"] is None
    _, words, _ = run_main(capsys, "550 5.1.1 <bob@example.com> User unknown")
    assert "next time:   do not retry" in words
    assert "Stop mailing this address" in words
    assert words.index("what to do:") < words.index("next time:") < words.index("decided by:")
    _, words, _ = run_main(capsys, "451 4.3.0 Try again later")
    assert "next time:   retry later (first after 30m, give up after 5d)." in words
    assert "[RFC 5321's defaults]" in words
    _, words, _ = run_main(capsys, "250 OK")
    assert "next time:" not in words


def test_the_retry_policy_key_is_in_jsonl() -> None:
    (o,) = run_jsonl(b'"451 4.3.0 Try again later"\n')
    assert o["retry_policy"] == {
        "backoff": o["retry_policy"]["backoff"],
        "first_after_secs": 1800,
        "give_up_after_secs": 432_000,
        "give_up_attempts": None,
        "how": None,
        "retry": "later",
        "source": "default",
        "suppress_address": False,
    }
    assert o["retry_policy"]["backoff"].startswith("Keep at least 30 minutes")
    (o,) = run_jsonl(b"42\n")
    assert "retry_policy" in o and o["retry_policy"] is None


def test_the_command_and_remote_host_are_the_context(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_main(capsys, "--json", "--command", "rcpt", "552 Too many")
    assert status == 0
    o = json.loads(out)
    assert (o["class"], o["retry"], o["reason"]) == (
        "transient",
        "retry_later",
        "too_many_recipients",
    )
    _, out, _ = run_main(capsys, "--json", "552 Too many")
    assert json.loads(out)["class"] == "permanent"
    reply = "534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired"
    _, out, _ = run_main(capsys, "--json", reply)
    assert json.loads(out)["vendor"] is None
    _, out, _ = run_main(capsys, "--json", "--remote-host", "smtp.gmail.com", reply)
    assert json.loads(out)["vendor"]["vendor"] == "google-gmail"
    # Anywhere among the arguments; a later one replaces an earlier one.
    _, out, _ = run_main(
        capsys, "--json", reply, "--remote-host", "x", "--remote-host", "gmail.com"
    )
    assert json.loads(out)["vendor"]["vendor"] == "google-gmail"
    _, words, _ = run_main(capsys, "552 Too many", "--command", "DATA", "--command", "RCPT")
    assert "too_many_recipients" in words and "treated as 452" in words


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--command", "FROB", "550 x"],
            "--command `FROB` is not an SMTP command the registry knows",
        ),
        (["550 x", "--command"], "--command needs a value"),
        (["--remote-host"], "--remote-host needs a host name"),
        (["--remote-host", " \t", "550 x"], "--remote-host needs a host name"),
    ],
)
def test_bad_context_options_are_refused(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run_main(capsys, *args)
    assert status == 2 and out == ""
    assert err == f"smtp-explain: {message}\n\n{USAGE}\n"


def test_usage_describes_the_context_options() -> None:
    assert "--command CMD the command the replies answered (RCPT, DATA, ...)" in USAGE
    assert "\n--remote-host HOST\n              the server that sent the replies" in USAGE


def test_jsonl_takes_the_context() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "smtp_codes", "--jsonl", "--command", "DATA"],
        input=b'"554 Transaction failed"\n',
        capture_output=True,
        env={"PYTHONPATH": SRC},
        check=True,
    )
    o = json.loads(done.stdout)
    assert o["reason"] == "content_rejected"
    assert o["decided_by"] == "the context: a permanent rejection in reply to DATA, the content"
