// The smtp-explain command: modes, exit statuses and the --jsonl contract.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

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
