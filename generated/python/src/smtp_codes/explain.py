"""``smtp-explain``: what an SMTP reply means, for the person holding it.

Run as ``python -m smtp_codes`` or ``smtp-explain``; the modes and the ``--jsonl`` output
are the Rust tool's, byte for byte.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

from ._command import UnknownCommandError
from ._errors import ReplyError
from ._info import ReplyStatus, Troubleshooting
from ._reason import Side
from ._retry import PolicySource, Retry, RetryPolicy, duration_str, seconds
from ._tables import REGISTRY_VERSION, SITE_URL, __version__
from ._tables.codes import REPLIES
from ._tables.commands import Command
from ._vendor_types import VendorKind
from .classify import Classification, Classifier, Context, Outcome, RetryAdvice
from .reply import EnhancedState, Reply

USAGE = """\
smtp-explain: what an SMTP reply means, and what to do about it

usage:
  smtp-explain [--site BASE] REPLY...    explain each reply (one argument per reply;
                                         use \\r\\n or a real line break between lines)
  smtp-explain --json [--site BASE] REPLY...
                                         the same, as one JSON object per reply
  smtp-explain --jsonl [--site BASE]     read standard input: one JSON string per line
                                         (a raw reply); write one JSON object per line
  smtp-explain --help | --version

--site BASE   where the reference site lives (a URL or a folder); default: the
              SMTP_CODES_SITE environment variable, else the registry's site_url,
              else the repository path site/.
--command CMD the command the replies answered (RCPT, DATA, ...): 552 to RCPT is
              treated as 452, a bare rejection of DATA as a content rejection.
--remote-host HOST
              the server that sent the replies (gmail-smtp-in.l.google.com): its
              name tells whose meaning of a code applies.
"""

KEYS = (
    "input",
    "error",
    "error_kind",
    "basic",
    "enhanced",
    "enhanced_state",
    "enhanced_in_text",
    "class",
    "retry",
    "bounce",
    "reason",
    "reason_title",
    "side",
    "advice",
    "decided_by",
    "retry_policy",
    "text",
    "basic_info",
    "enhanced_info",
    "vendor",
    "troubleshooting",
    "violations",
)


def error_object(input: str | None, error: str, kind: str) -> dict[str, Any]:
    """An object with every key set to ``None``, then ``input``, ``error`` and
    ``error_kind``."""
    o: dict[str, Any] = dict.fromkeys(KEYS)
    o["input"] = input
    o["error"] = error
    o["error_kind"] = kind
    return o


def _trouble(c: Classification, code: int) -> Troubleshooting | None:
    info = c.enhanced.info if c.enhanced is not None else None
    if info is not None and info.troubleshooting is not None:
        return info.troubleshooting
    basic = REPLIES.get(code)
    return None if basic is None else basic.troubleshooting


def _policy_json(p: RetryPolicy | None) -> dict[str, Any] | None:
    """What to do next time; durations in whole seconds."""
    if p is None:
        return None
    return {
        "retry": p.retry.value,
        "first_after_secs": None if p.first_after is None else seconds(p.first_after),
        "backoff": p.backoff,
        "how": p.how,
        "give_up_after_secs": None if p.give_up_after is None else seconds(p.give_up_after),
        "give_up_attempts": p.give_up_attempts,
        "suppress_address": p.suppress_address,
        "source": p.source.value,
    }


_CLASSIFIER = Classifier()
_NO_CONTEXT = Context()


def explain_json(input: str, site: str, context: Context = _NO_CONTEXT) -> dict[str, Any]:
    """One reply as the object ``--json`` and ``--jsonl`` write (without ``line``)."""
    try:
        reply = Reply.parse(input)
    except ReplyError as e:
        return error_object(input, str(e), e.kind.value)
    c = _CLASSIFIER.classify_with(reply, context)
    code = reply.code
    reason = c.reason
    details = reason.details
    info = REPLIES.get(code)
    enhanced = c.enhanced
    einfo = enhanced.info if enhanced is not None else None
    v = c.vendor
    t = _trouble(c, code)
    in_text = reply.enhanced_in_text()
    return {
        "input": input,
        "error": None,
        "error_kind": None,
        "basic": int(code),
        "enhanced": None if reply.enhanced_code is None else str(reply.enhanced_code),
        "enhanced_state": reply.enhanced_state.value,
        "enhanced_in_text": None if in_text is None else str(in_text),
        "class": c.outcome.value,
        "retry": c.retry.value,
        "bounce": c.bounce.value,
        "reason": reason.value,
        "reason_title": details.title,
        "side": details.side.value,
        "advice": details.advice,
        "decided_by": str(c.decided_by),
        "retry_policy": _policy_json(c.retry_policy),
        "text": [line.decode("utf-8", "replace") for line in reply.texts],
        "basic_info": None
        if info is None
        else {
            "text": info.text,
            "status": info.status.value,
            "description": info.description,
            "page": f"{site}basic/{int(code)}.html",
        },
        "enhanced_info": None
        if einfo is None
        else {
            "code": einfo.code,
            "sample_text": einfo.sample_text,
            "description": einfo.description,
            "status": einfo.status.value,
            "replaced_by": einfo.replaced_by,
            "page": f"{site}enhanced/{einfo.code}.html",
        },
        "vendor": None
        if v is None
        else {
            "vendor": v.vendor.slug,
            "name": v.vendor.name,
            "meaning": v.meaning,
            "cause": v.cause,
            "sender_action": v.sender_action,
            "admin_action": v.admin_action,
            "retry": v.retry.value,
            "source": v.source_url,
            "read": v.read,
        },
        "troubleshooting": None
        if t is None
        else {
            "code": t.code,
            "summary": t.summary,
            "causes": list(t.causes),
            "sender_fixes": list(t.sender_fixes),
            "admin_fixes": list(t.admin_fixes),
        },
        "violations": [
            {"kind": e.kind.value, "line": e.line, "message": str(e)} for e in reply.violations()
        ],
    }


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError("number out of range")
    return value


def _integer(text: str) -> Any:
    # serde_json reads an integer too large for 64 bits as a float, and fails on one too
    # large for that (which also keeps int() below its digit limit).
    if len(text) > 20:
        _finite(text)
    return int(text)


_DECODER = json.JSONDecoder(
    parse_constant=_reject_constant, parse_float=_finite, parse_int=_integer
)

# serde_json's nesting limit: 128 arrays or objects deep is an error.
_MAX_DEPTH = 127


def _is_surrogate_free(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _strict_json_ok(value: Any, depth: int = 0) -> bool:
    """Whether a parsed value is one serde_json would also accept: no lone surrogate in any
    string, nesting within its limit."""
    if isinstance(value, str):
        return _is_surrogate_free(value)
    if isinstance(value, list):
        if depth + 1 > _MAX_DEPTH:
            return False
        return all(_strict_json_ok(v, depth + 1) for v in value)
    if isinstance(value, dict):
        if depth + 1 > _MAX_DEPTH:
            return False
        return all(
            _is_surrogate_free(k) and _strict_json_ok(v, depth + 1) for k, v in value.items()
        )
    return True


def read_line(line: bytes, site: str, context: Context = _NO_CONTEXT) -> dict[str, Any]:
    """One ``--jsonl`` input line (without its line ending) as its output object (without
    ``line``)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return error_object(None, "the line is not UTF-8", "not_utf8")
    try:
        value = _DECODER.decode(text)
        ok = _strict_json_ok(value)
    except (ValueError, RecursionError):
        ok = False
    if not ok:
        return error_object(None, "the line is not JSON", "not_json")
    if not isinstance(value, str):
        return error_object(None, "expected a JSON string holding one reply", "not_string")
    return explain_json(value, site, context)


def dumps(o: dict[str, Any]) -> str:
    """Compact JSON, keys sorted, non-ASCII raw: serde_json's output."""
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def jsonl(site: str, stdin: BinaryIO, stdout: BinaryIO, context: Context = _NO_CONTEXT) -> int:
    """``--jsonl``: one JSON string in, one JSON object out, per line."""
    n = 0
    out: list[bytes] = []
    try:
        while True:
            try:
                line = stdin.readline()
            except OSError as e:
                _flush(stdout, out)
                print(f"smtp-explain: cannot read standard input: {e}", file=sys.stderr)
                return 1
            if not line:
                break
            n += 1
            if line.endswith(b"\n"):
                line = line[:-1]
                if line.endswith(b"\r"):
                    line = line[:-1]
            o = read_line(line, site, context)
            o["line"] = n
            out.append(dumps(o).encode("utf-8") + b"\n")
            if len(out) >= 256:
                _flush(stdout, out)
        _flush(stdout, out)
    except BrokenPipeError:
        # A closed pipe ends the run quietly, as Unix tools do.
        _quiet_stdout()
        return 0
    except OSError as e:
        print(f"smtp-explain: cannot write standard output: {e}", file=sys.stderr)
        return 1
    return 0


def _flush(stdout: BinaryIO, out: list[bytes]) -> None:
    if out:
        stdout.write(b"".join(out))
        out.clear()
    stdout.flush()


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def unescape_arg(s: str) -> str:
    """A command-line argument may spell line breaks as ``\\r\\n`` or ``\\n``."""
    return s.replace("\\r\\n", "\r\n").replace("\\n", "\n")


def _wrap(text: str, indent: int) -> str:
    """Folds text into words wrapped at 96 columns, continuation lines at ``indent``."""
    out = ""
    col = indent
    for word in text.split():
        size = len(word.encode("utf-8"))
        if col + size + 1 > 96 and col > indent:
            out += "\n" + " " * indent
            col = indent
        elif out:
            out += " "
            col += 1
        out += word
        col += size
    return out


_OUTCOME_WORDS = {
    Outcome.SUCCESS: "success",
    Outcome.INTERMEDIATE: "in progress: the server waits for more",
    Outcome.TRANSIENT: "temporary failure, soft bounce if it lasts",
}
_RETRY_WORDS = {
    RetryAdvice.DONE: "nothing to retry",
    RetryAdvice.CONTINUE: "continue: send what the server asked for",
    RetryAdvice.RETRY_LATER: "yes, later: 4yz is temporary (RFC 5321 section 4.2.1)",
    RetryAdvice.DO_NOT_RETRY: "no, not unchanged: 5yz is permanent (RFC 5321 section 4.2.1)",
}
_SIDE_WORDS = {
    Side.RECIPIENT: "the recipient's (their address or mailbox)",
    Side.SENDER: "the sender's (the address, the message, the account or its domain)",
    Side.SENDING_SERVER: "the sending server's (its IP, DNS, TLS, volume or protocol)",
    Side.RECEIVING_SERVER: "the receiving server's",
    Side.NETWORK: "the network's (connections, DNS, routing)",
    Side.NONE: "nobody's in particular",
}
_CLASS_WORDS = {
    2: "2yz positive completion",
    3: "3yz positive intermediate",
    4: "4yz transient negative",
    5: "5yz permanent negative",
}
_CATEGORY_WORDS = {
    0: "x0z syntax",
    1: "x1z information",
    2: "x2z connections",
    3: "x3z/x4z unspecified",
    4: "x3z/x4z unspecified",
    5: "x5z mail system",
}


_RETRY_POLICY_WORDS = {
    Retry.LATER: "retry later",
    Retry.AFTER_FIX: "retry only after fixing the cause",
    Retry.NEVER: "do not retry this message",
}
_POLICY_SOURCE_WORDS = {
    PolicySource.USER_RULE: " [your rule's policy]",
    PolicySource.VENDOR: " [the provider's policy]",
    PolicySource.REASON: " [the reason's policy]",
    PolicySource.DEFAULT: " [RFC 5321's defaults]",
}


def _next_time_words(p: RetryPolicy) -> str:
    """The retry policy in a sentence or two: whether, when, how, when to give up, and
    whether to stop mailing the address; then whose policy it is."""
    s = _RETRY_POLICY_WORDS[p.retry]
    when = []
    if p.first_after is not None:
        when.append(f"first after {duration_str(p.first_after)}")
    if p.give_up_after is not None:
        when.append(f"give up after {duration_str(p.give_up_after)}")
    if p.give_up_attempts is not None:
        when.append(f"give up after {p.give_up_attempts} attempts")
    if when:
        s += f" ({', '.join(when)})"
    s += "."
    for extra in (p.how, p.backoff):
        if extra is not None:
            s += f" {extra}"
    if p.suppress_address:
        s += " Stop mailing this address (add it to your suppression list)."
    return s + _POLICY_SOURCE_WORDS[p.source]


def explain_text(input: str, site: str, context: Context = _NO_CONTEXT) -> tuple[str, bool]:
    """One reply explained in words, and whether it was a reply."""
    try:
        reply = Reply.parse(input)
    except ReplyError as e:
        return f"{input.rstrip()}\n  not an SMTP reply: {e}\n", False
    c = _CLASSIFIER.classify_with(reply, context)
    code = int(reply.code)
    out: list[str] = []
    # The input's lines as Rust's str::lines gives them: split at LF, a CR before the LF
    # dropped, no empty line after a final LF, and a final CR without LF kept.
    lines = input.split("\n")
    last = lines.pop()
    out.extend(line[:-1] if line.endswith("\r") else line for line in lines)
    if last:
        out.append(last)
    out.append("")
    r = c.reason
    out.append(f"  {r.title} ({r.id})")
    if c.outcome is Outcome.PERMANENT:
        outcome = f"permanent failure, {c.bounce.value} bounce"
    else:
        outcome = _OUTCOME_WORDS[c.outcome]
    out.append(f"  outcome:     {outcome}")
    out.append(f"  retry:       {_RETRY_WORDS[c.retry]}")
    out.append(f"  whose side:  {_SIDE_WORDS[c.side]}")
    out.append(f"  what to do:  {_wrap(r.advice, 15)}")
    if c.retry_policy is not None:
        out.append(f"  next time:   {_wrap(_next_time_words(c.retry_policy), 15)}")
    out.append(f"  decided by:  {c.decided_by}")
    v = c.vendor
    if v is not None:
        if v.token is not None:
            heading = f"{v.vendor.name} (tag {v.token})"
        elif v.pattern is not None and v.vendor.kind is VendorKind.MTA:
            heading = f'{v.vendor.name}\'s wording "{v.pattern}"'
        elif v.pattern is not None:
            heading = f'{v.vendor.name} (wording "{v.pattern}")'
        else:
            heading = v.vendor.name
        out.append("")
        out.append(f"  Seen in the wild: {heading}")
        out.append(f"    meaning:  {_wrap(v.meaning, 14)}")
        out.append(f"    cause:    {_wrap(v.cause, 14)}")
        out.append(f"    sender:   {_wrap(v.sender_action, 14)}")
        out.append(f"    receiver: {_wrap(v.admin_action, 14)}")
        out.append(f"    source:   {v.source_url} (read {v.read})")
    out.append("")
    info = REPLIES.get(code)
    if info is not None:
        status = {
            ReplyStatus.STANDARD: "",
            ReplyStatus.HISTORIC: " [historic]",
            ReplyStatus.NONSTANDARD: " [non-standard: no RFC defines it]",
        }[info.status]
        out.append(f"  {code}  {info.text}{status}")
        out.append(f"       {_wrap(info.description, 7)}")
        for m in info.meanings[1:]:
            if m.reference is not None:
                src = str(m.reference)
            elif m.vendor is not None:
                src = f"{m.vendor}, non-standard"
            else:
                src = "non-standard"
            out.append(f'       also: "{m.text}" ({src})')
    else:
        out.append(f"  {code}  not a registered reply code")
    category = _CATEGORY_WORDS.get(code // 10 % 10, "second digit outside RFC 5321's grammar")
    out.append(f"       {_CLASS_WORDS[code // 100]}: {category}")
    if info is not None:
        out.append(f"       {site}basic/{code}.html")
    enhanced = c.enhanced
    state = reply.enhanced_state
    if enhanced is not None:
        out.append("")
        note = {
            EnhancedState.CLASS_MISMATCH: " (its class disagrees with the reply code; "
            "the reply code decides)",
            EnhancedState.INCONSISTENT: " (lines carry different codes; the first is shown)",
            EnhancedState.ABSENT: " (found in the text, not in the RFC 2034 position)",
            EnhancedState.MALFORMED: " (found in the text, not in the RFC 2034 position)",
            EnhancedState.VALID: "",
        }[state]
        einfo = enhanced.info
        if einfo is not None:
            title = einfo.sample_text or "(no sample text)"
            out.append(f"  {enhanced}  {title}{note}")
            out.append(f"       {_wrap(einfo.description, 7)}")
            if einfo.replaced_by is not None:
                out.append(f"       deprecated: use {einfo.replaced_by}")
            if einfo.references:
                ref = einfo.references[0]
                out.append(f"       {ref}: {ref.url}")
        else:
            out.append(f"  {enhanced}  not registered by IANA{note}")
            subject = enhanced.subject_info
            if subject is not None:
                out.append(f"       subject {subject.number}: {subject.title}")
        out.append(f"       class {enhanced.class_}: {enhanced.class_info.title}")
        if einfo is not None:
            out.append(f"       {site}enhanced/{einfo.code}.html")
    elif state is EnhancedState.MALFORMED:
        why = next(
            (str(v) for v in reply.violations() if v.kind.value == "malformed_enhanced_code"),
            "not a valid enhanced status code",
        )
        out.append("")
        out.append(f"  malformed enhanced status code: {why}")
    t = _trouble(c, code)
    if t is not None:
        out.append("")
        out.append(f"  Troubleshooting {t.code}")
        out.append(f"    {_wrap(t.summary, 4)}")
        for cause in t.causes[:3]:
            out.append(f"    cause:  {_wrap(cause, 12)}")
        for fix in t.sender_fixes[:3]:
            out.append(f"    fix:    {_wrap(fix, 12)}")
    violations = [str(v) for v in reply.violations() if v.kind.value != "missing_line_ending"]
    if violations:
        out.append("")
        out.append("  not strictly RFC 5321 / RFC 2034:")
        out.extend(f"    - {v}" for v in violations)
    return "\n".join(out) + "\n", True


# What Rust's `str::trim` strips (Unicode White_Space); `str.strip()` would also strip
# U+001C to U+001F.
_WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    mode = "text"
    site = os.environ.get("SMTP_CODES_SITE") or SITE_URL or "site/"
    if "SMTP_CODES_SITE" in os.environ:
        site = os.environ["SMTP_CODES_SITE"]
    replies: list[str] = []
    command: Command | None = None
    remote_host: str | None = None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-h", "--help"):
            sys.stdout.write(USAGE)
            return 0
        if a in ("-V", "--version"):
            print(f"smtp-explain {__version__} (registry {REGISTRY_VERSION})")
            return 0
        if a == "--json":
            mode = "json"
        elif a == "--jsonl":
            mode = "jsonl"
        elif a == "--site":
            i += 1
            if i >= len(args):
                sys.stderr.write(f"smtp-explain: --site needs a value\n\n{USAGE}\n")
                return 2
            site = args[i]
        elif a == "--command":
            i += 1
            if i >= len(args):
                sys.stderr.write(f"smtp-explain: --command needs a value\n\n{USAGE}\n")
                return 2
            try:
                command = Command.parse(args[i])
            except UnknownCommandError:
                sys.stderr.write(
                    f"smtp-explain: --command `{args[i]}` is not an SMTP command the registry "
                    f"knows\n\n{USAGE}\n"
                )
                return 2
        elif a == "--remote-host":
            i += 1
            if i >= len(args) or not args[i].strip(_WHITE_SPACE):
                sys.stderr.write(f"smtp-explain: --remote-host needs a host name\n\n{USAGE}\n")
                return 2
            remote_host = args[i]
        elif a == "--":
            replies.extend(args[i + 1 :])
            break
        elif a.startswith("-") and len(a) > 1 and not a[1].isdigit():
            sys.stderr.write(f"smtp-explain: unknown option `{a}`\n\n{USAGE}\n")
            return 2
        else:
            replies.append(a)
        i += 1
    if not site.endswith("/"):
        site += "/"
    context = Context(command, remote_host)
    if mode == "jsonl":
        if replies:
            print(
                "smtp-explain: --jsonl reads standard input; give no replies as arguments",
                file=sys.stderr,
            )
            return 2
        return jsonl(site, sys.stdin.buffer, sys.stdout.buffer, context)
    if not replies:
        sys.stderr.write(USAGE)
        return 2
    failed = False
    if mode == "json":
        for r in replies:
            o = explain_json(unescape_arg(r), site, context)
            failed |= o["error"] is not None
            print(json.dumps(o, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for n, r in enumerate(replies):
            if n > 0:
                print()
            text, ok = explain_text(unescape_arg(r), site, context)
            sys.stdout.write(text)
            failed |= not ok
    return 1 if failed else 0
