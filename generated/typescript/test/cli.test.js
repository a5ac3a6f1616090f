// The smtp-explain command: modes, exit statuses and the --jsonl contract.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { vendorBySlug } from "../dist/index.js";

const bin = fileURLToPath(new URL("../dist/bin/smtp-explain.js", import.meta.url));
const run = (args, input) => spawnSync(process.execPath, [bin, ...args], { input, env: { ...process.env, SMTP_CODES_SITE: "" } });

test("--jsonl answers every line, errors included, in order", () => {
  const input = Buffer.concat([
    Buffer.from('"550 5.1.1 User unknown"\n42\nnot json\n'),
    Buffer.from([0xff, 0x22, 0x0a]),
    Buffer.from('"250 OK"\r\n"421 last line without LF"'),
  ]);
  const r = run(["--jsonl", "--site", "https://example.org/smtp"], input);
  assert.equal(r.status, 0);
  const lines = r.stdout.toString().trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.line, l.error_kind, l.basic]),
    [
      [1, null, 550],
      [2, "not_string", null],
      [3, "not_json", null],
      [4, "not_utf8", null],
      [5, null, 250],
      [6, null, 421],
    ],
  );
  assert.equal(lines[0].basic_info.page, "https://example.org/smtp/basic/550.html");
});

test("text mode prints the verdict first and fails on a non-reply", () => {
  const r = run(["550 5.1.1 <bob@example.com> User unknown"]);
  assert.equal(r.status, 0);
  const out = r.stdout.toString();
  assert.match(out, /^550 5\.1\.1 <bob@example\.com> User unknown\n\n  Recipient does not exist \(unknown_user\)\n/);
  assert.match(out, /decided by: {2}text rule `no-such-user`/);
  const bad = run(["not a reply"]);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout.toString(), /not an SMTP reply: line 1, byte 0/);
});

test("--json prints pretty objects; bad usage exits 2", () => {
  const r = run(["--json", "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred"]);
  assert.equal(r.status, 0);
  const v = JSON.parse(r.stdout.toString());
  assert.equal(v.vendor.vendor, "yahoo");
  assert.equal(run([]).status, 2);
  assert.equal(run(["--nope"]).status, 2);
  assert.equal(run(["--jsonl", "550 x"]).status, 2);
  assert.match(run(["--version"]).stdout.toString(), /^smtp-explain \d+\.\d+\.\d+ \(registry /);
});

test("the retry policy is shown in every mode", () => {
  const json = (args) => JSON.parse(run(["--json", ...args]).stdout.toString());
  const p = json(["550 5.1.1 <bob@example.com> User unknown"]).retry_policy;
  assert.equal(p.retry, "never");
  assert.equal(p.suppress_address, true);
  assert.equal(p.source, "reason");
  assert.equal(p.first_after_secs, null);
  assert.deepEqual(Object.keys(p), [
    "backoff",
    "first_after_secs",
    "give_up_after_secs",
    "give_up_attempts",
    "how",
    "retry",
    "source",
    "suppress_address",
  ]);
  const later = json(["451 4.3.0 Try again later"]).retry_policy;
  assert.equal(later.first_after_secs, 1800);
  assert.equal(later.give_up_after_secs, 432000);
  assert.equal(json(["250 OK"]).retry_policy, null);
  const jsonl = run(["--jsonl"], '"451 4.3.0 Try again later"\n"hello"\n').stdout.toString().split("\n");
  assert.match(
    jsonl[0],
    /"retry_policy":\{"backoff":"Keep at least 30 minutes between attempts; a sender that tracks failures per destination may wait longer after each one\.","first_after_secs":1800,"give_up_after_secs":432000,"give_up_attempts":null,"how":null,"retry":"later","source":"default","suppress_address":false\}/,
  );
  assert.match(jsonl[1], /"retry_policy":null/);
  // The verdict's lines, each wrapped line joined to the one it continues.
  const unwrap = (out) => out.replaceAll(/\n {15}/g, " ");
  const words = unwrap(run(["550 5.1.1 <bob@example.com> User unknown"]).stdout.toString());
  assert.match(words, /\n {2}what to do: [^\n]*\n {2}next time: {3}do not retry this message\. Stop mailing this address \(add it to your suppression list\)\. \[the reason's policy\]\n {2}decided by:/);
  const soft = unwrap(run(["451 4.3.0 Try again later"]).stdout.toString());
  assert.match(soft, /next time: {3}retry later \(first after 30m, give up after 5d\)\. Keep at least 30 minutes/);
  assert.match(soft, /\[RFC 5321's defaults\]\n {2}decided by:/);
});

test("the command and remote host are the context", () => {
  const json = (args) => {
    const r = run(["--json", ...args]);
    assert.equal(r.status, 0, r.stderr.toString());
    return JSON.parse(r.stdout.toString());
  };
  let v = json(["--command", "rcpt", "552 Too many"]);
  assert.deepEqual([v.class, v.retry, v.reason, v.bounce], ["transient", "retry_later", "too_many_recipients", "soft"]);
  assert.equal(json(["552 Too many"]).class, "permanent");
  const reply = "534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired";
  assert.equal(json([reply]).vendor, null);
  v = json([reply, "--remote-host", "smtp.gmail.com"]);
  assert.equal(v.vendor.vendor, "google-gmail");
  assert.equal(v.decided_by, `${vendorBySlug("google-gmail").name}'s meaning of 5.7.9`);
  // A later option replaces an earlier one.
  assert.equal(json(["--command", "RCPT", "--command", "DATA", "552 Too many"]).class, "permanent");
  const data = run(["--jsonl", "--command", "DATA"], '"554 Transaction failed"\n');
  assert.equal(JSON.parse(data.stdout.toString()).reason, "content_rejected");
  const words = run(["--command", "DATA", "554 Transaction failed"]).stdout.toString();
  assert.match(words, /decided by: {2}the context: a permanent rejection in reply to DATA, the content\n/);
});

test("a bad --command or --remote-host is a usage error", () => {
  const usage = run(["--help"]).stdout.toString();
  assert.match(usage, /\n--command CMD the command the replies answered \(RCPT, DATA, \.\.\.\): 552 to RCPT is\n {14}treated as 452/);
  assert.match(usage, /\n--remote-host HOST\n {14}the server that sent the replies/);
  const cases = [
    [["--command", "FROB", "550 x"], "smtp-explain: --command `FROB` is not an SMTP command the registry knows"],
    [["--command"], "smtp-explain: --command needs a value"],
    [["--remote-host"], "smtp-explain: --remote-host needs a host name"],
    [["--remote-host", " \t", "550 x"], "smtp-explain: --remote-host needs a host name"],
    [["--jsonl", "--remote-host", ""], "smtp-explain: --remote-host needs a host name"],
  ];
  for (const [args, message] of cases) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(" "));
    assert.equal(r.stderr.toString(), `${message}\n\n${usage}\n`);
    assert.equal(r.stdout.length, 0);
  }
});
