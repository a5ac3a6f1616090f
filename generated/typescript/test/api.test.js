// The package's API: codes, lookups, the parser's errors and violations, the writer, the
// classifier's order and evidence, vendor matching, and the JSON the command line writes.

import assert from "node:assert/strict";
import { test } from "node:test";

import {
  allEnhancedInfos,
  allReplyInfos,
  bestVendorMatch,
  classify,
  classifyText,
  Classifier,
  containsPhrase,
  describeDecidedBy,
  EnhancedCode,
  EnhancedCodeError,
  EnhancedCodes,
  explain,
  PACKAGE_VERSION,
  parseReplyCode,
  Reply,
  ReplyCode,
  ReplyCodeError,
  ReplyError,
  replyInfo,
  ReplyWriter,
  WriteError,
} from "../dist/index.js";
import { readJsonLine, toJson, toJsonPretty } from "../dist/json.js";

test("reply code constants and parsing", () => {
  assert.equal(ReplyCode.MAILBOX_UNAVAILABLE, 550);
  assert.equal(ReplyCode.SERVICE_NOT_AVAILABLE, 421);
  assert.equal(parseReplyCode("550"), 550);
  assert.equal(parseReplyCode(250), 250);
  const cases = [
    ["", "reply code is empty; expected three digits such as 550"],
    ["55", "reply code has 2 characters; expected exactly three digits such as 550"],
    ["5x0", "reply code has a character that is not an ASCII digit at byte 1"],
    ["650", "reply code starts with 6; the first digit must be 2, 3, 4 or 5 (RFC 5321 section 4.2)"],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => parseReplyCode(input), (e) => e instanceof ReplyCodeError && e.message === message);
  }
  assert.throws(() => parseReplyCode(600), /600 is not a reply code/);
  for (const info of allReplyInfos()) assert.equal(replyInfo(info.code), info);
  assert.equal(replyInfo(550).text, "Requested action not taken: mailbox unavailable");
  assert.equal(replyInfo(299), undefined);
});

test("enhanced codes parse, print and round-trip", () => {
  const c = EnhancedCode.parse("5.1.1");
  assert.equal(c.class, 5);
  assert.equal(c.subject, 1);
  assert.equal(c.detail, 1);
  assert.equal(String(c), "5.1.1");
  assert.equal(JSON.stringify({ c }), '{"c":"5.1.1"}');
  assert.ok(c.equals(EnhancedCodes.PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS));
  assert.equal(c.info()?.sample_text, "Bad destination mailbox address");
  assert.equal(c.known, "X.1.1");
  assert.equal(EnhancedCode.parse("5.7.606").info(), undefined);
  for (const cls of [2, 4, 5]) {
    for (const n of [0, 1, 9, 10, 99, 100, 999]) {
      const code = EnhancedCode.of(cls, n, 999 - n);
      assert.ok(EnhancedCode.parse(code.toString()).equals(code));
    }
  }
  const errors = [
    ["", "enhanced status code is empty; expected class.subject.detail such as 5.1.1"],
    ["6.1.1", "enhanced status code must start with class 2, 4 or 5 (RFC 3463 section 2)"],
    ["5.1", "enhanced status code ends before its detail; expected class.subject.detail such as 5.1.1"],
    ["5..1", "enhanced status code has an empty subject"],
    ["5.01.1", "enhanced status code has a leading zero in its subject (RFC 3463 section 2 forbids them)"],
    ["5.1.1000", "enhanced status code has more than 3 digits in its detail (RFC 3463 allows 1 to 3)"],
    ["5.1.1x", "enhanced status code is followed by unexpected characters at byte 5"],
    ["5.1x.1", "enhanced status code has a character that is not an ASCII digit in its subject at byte 3"],
  ];
  for (const [input, message] of errors) {
    assert.throws(() => EnhancedCode.parse(input), (e) => e instanceof EnhancedCodeError && e.message === message);
  }
  assert.throws(() => EnhancedCode.of(5, 1000, 1), /subject 1000 is above 999/);
  assert.equal(allEnhancedInfos().length > 50, true);
});

test("isConsistentWith follows the class and the registered reply codes", () => {
  const c = EnhancedCode.parse("5.1.1");
  assert.ok(c.isConsistentWith(ReplyCode.MAILBOX_UNAVAILABLE));
  assert.ok(!c.isConsistentWith(ReplyCode.SERVICE_NOT_AVAILABLE));
  assert.ok(!EnhancedCode.parse("4.1.1").isConsistentWith(550));
  assert.ok(EnhancedCode.parse("5.0.0").isConsistentWith(554));
  assert.ok(EnhancedCode.parse("5.7.606").isConsistentWith(550));
});

test("strict parsing reports the first problem; lenient parsing lists them all", () => {
  assert.throws(
    () => Reply.parseStrict("550-5.1.1 first\r\n551 5.1.1 second\r\n"),
    (e) => e instanceof ReplyError && e.kind.kind === "code_mismatch" && e.line === 2 && e.position === 17,
  );
  const reply = Reply.parse("550: 4.4.7 expired\n");
  assert.deepEqual(
    reply.violations().map((v) => v.kind.kind),
    ["bad_separator", "enhanced_class_mismatch", "bare_lf"],
  );
  assert.equal(reply.enhanced.name, "class_mismatch");
  assert.throws(() => Reply.parse(""), (e) => e.kind.kind === "empty" && e.message === "line 1, byte 0: the reply is empty");
  assert.throws(() => Reply.parse("hello"), (e) => e.kind.kind === "bad_code" && e.fatal);
  assert.throws(() => Reply.parse("550 a\r\nnot a line"), (e) => e.kind.kind === "trailing_data" && e.line === 2);
  assert.throws(
    () => Reply.parse("550 " + "x".repeat(100), { maxLineLength: 64 }),
    (e) => e.kind.kind === "line_too_long" && e.kind.length === 104 && e.kind.max === 64,
  );
  const gmail = Reply.parse("550 550 5.1.1 User unknown");
  assert.equal(gmail.enhanced.name, "absent");
  assert.equal(gmail.enhancedInText()?.toString(), "5.1.1");
  const partial = Reply.parse("550-5.1.1 first line only");
  assert.equal(partial.complete, false);
  assert.equal(partial.lines[0].isContinuation, true);
});

test("lines keep their parts", () => {
  const reply = Reply.parse("550-5.1.1 The email account does not exist.\r\n550 5.1.1 Learn more\r\n");
  assert.equal(reply.lineCount, 2);
  const [first, second] = reply.lines;
  assert.equal(first.separator, "hyphen");
  assert.equal(first.raw, "550-5.1.1 The email account does not exist.");
  assert.equal(first.text, "The email account does not exist.");
  assert.equal(first.terminator, "crlf");
  assert.equal(second.offset, 45);
  assert.equal(second.number, 2);
});

test("the writer writes replies that parse back", () => {
  const enhanced = EnhancedCode.parse("5.1.1");
  const w = new ReplyWriter(550, { enhanced });
  const text = w.write(["No such user", "", "Check the address"]);
  assert.equal(text, "550-5.1.1 No such user\r\n550-5.1.1\r\n550 5.1.1 Check the address\r\n");
  const back = Reply.parseStrict(text);
  assert.ok(back.enhancedCode.equals(enhanced));
  assert.deepEqual(
    back.lines.map((l) => l.text),
    ["No such user", "", "Check the address"],
  );
  assert.equal(new ReplyWriter(250).write([]), "250 \r\n");
  assert.equal(new ReplyWriter(220, { enhanced: EnhancedCode.parse("2.0.0"), context: "greeting" }).write(["ready"]), "220 ready\r\n");
  const refuse = (writer, lines, kind) =>
    assert.throws(() => writer.write(lines), (e) => e instanceof WriteError && e.detail.kind === kind);
  refuse(new ReplyWriter(550), ["a\r\nb"], "line_break");
  refuse(new ReplyWriter(550), ["caf\u00e9"], "invalid_character");
  refuse(new ReplyWriter(550), ["x".repeat(600)], "line_too_long");
  refuse(new ReplyWriter(550, { enhanced: EnhancedCode.parse("4.1.1") }), ["x"], "class_mismatch");
  refuse(new ReplyWriter(550), ["5.1.1 looks like a code"], "ambiguous_text");
  refuse(new ReplyWriter(599), ["x"], "code_outside_grammar");
});

test("the classifier gives the reason, the bounce, the side and its evidence", () => {
  const c = classify(Reply.parse("550 5.1.1 <bob@example.com> User unknown"));
  assert.deepEqual([c.reason.id, c.bounce, c.side, c.retry, c.outcome], ["unknown_user", "hard", "recipient", "do_not_retry", "permanent"]);
  assert.equal(describeDecidedBy(c.decidedBy), 'text rule `no-such-user` (found "user unknown")');
  const blocked = classifyText(550, EnhancedCode.parse("5.7.1"), "Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org");
  assert.equal(blocked.reason.id, "blocked");
  assert.equal(blocked.side, "sending_server");
  const ok = classify("250 2.0.0 OK");
  assert.deepEqual([ok.reason.id, ok.bounce, describeDecidedBy(ok.decidedBy)], ["accepted", "none", "reply code 250"]);
  const own = classify("550 5.7.606 Access denied, banned sending IP [192.0.2.1]");
  assert.equal(own.vendor?.vendor.slug, "microsoft-exchange-online");
  const nothing = classifyText(599, undefined, "");
  assert.equal(describeDecidedBy(nothing.decidedBy), "nothing: no rule, vendor entry or code default applied");
});

test("the caller's rules come first", () => {
  const mine = new Classifier([{ id: "acme-frozen", reason: "mailbox_disabled", any: ["mailbox frozen"] }]);
  const c = mine.classifyText(554, undefined, "Mailbox frozen by ACME");
  assert.equal(c.reason.id, "mailbox_disabled");
  assert.equal(describeDecidedBy(c.decidedBy), 'your rule `acme-frozen` (found "mailbox frozen")');
  assert.throws(() => new Classifier([{ id: "x", reason: "no_such_reason" }]), /unknown reason/);
});

test("phrases match on word boundaries unless marked open", () => {
  assert.ok(containsPhrase("Message flagged as SPAM.", "spam"));
  assert.ok(!containsPhrase("antispam gateway", "spam"));
  assert.ok(containsPhrase("antispam gateway", "*spam"));
  assert.ok(containsPhrase("Throttling failure", "throttl*"));
  assert.ok(!containsPhrase("Throttling failure", "throttl"));
  assert.ok(containsPhrase("IP bloqu\u00e9e", "bloqu\u00e9e"));
  assert.ok(!containsPhrase("", "x"));
  assert.ok(!containsPhrase("abc", "*"));
});

test("vendor entries need their wording or their own code", () => {
  const tss04 = bestVendorMatch(421, EnhancedCode.parse("4.7.0"), "[TSS04] Messages from 192.0.2.1 temporarily deferred");
  assert.equal(tss04?.vendor.slug, "yahoo");
  assert.equal(bestVendorMatch(550, EnhancedCode.parse("5.1.1"), "no wording at all"), undefined);
});

test("JSON lines are read as strictly as serde_json", () => {
  assert.deepEqual(readJsonLine(' "550 x" '), { kind: "string", value: "550 x" });
  assert.deepEqual(readJsonLine('"\\ud83d\\ude00"'), { kind: "string", value: "\u{1f600}" });
  for (const bad of ["", "not json", '"\\ud800"', '"\\udc00"', "1e400", '{"a":1,}', "[1,]", "01", '"a\tb"', "\ufeff\"x\""]) {
    assert.equal(readJsonLine(bad).kind, "invalid", bad);
  }
  for (const other of ["42", "-0", "null", "[1,2]", '{"a":"b"}']) assert.equal(readJsonLine(other).kind, "other", other);
  assert.equal(readJsonLine("[".repeat(127) + "]".repeat(127)).kind, "other");
  assert.equal(readJsonLine("[".repeat(128) + "]".repeat(128)).kind, "invalid");
});

test("JSON is written as serde_json writes it", () => {
  assert.equal(toJson({ b: 1, a: ["x\u0001\u007f\u2028/<é", null, true] }), '{"a":["x\\u0001\u007f\u2028/<é",null,true],"b":1}');
  assert.equal(toJson('"\\\n\r\t\b\f'), '"\\"\\\\\\n\\r\\t\\b\\f"');
  assert.equal(toJsonPretty({ b: [], a: { c: [1] }, d: {} }), '{\n  "a": {\n    "c": [\n      1\n    ]\n  },\n  "b": [],\n  "d": {}\n}');
});

test("explain gives every key, null where it does not apply", () => {
  const ok = explain("550 5.1.1 User unknown", "site/");
  const bad = explain("hello", "site/");
  assert.deepEqual(Object.keys(ok).sort(), Object.keys(bad).sort());
  assert.equal(ok.enhanced_info.page, "site/enhanced/X.1.1.html");
  assert.equal(bad.error_kind, "bad_code");
  assert.equal(bad.basic, null);
});

test("the package version is the crate's", () => {
  assert.match(PACKAGE_VERSION, /^\d+\.\d+\.\d+/);
});

test("a text indexed before a newer one still matches as it did", async () => {
  const { MatchText } = await import("../dist/match-text.js");
  const enc = new TextEncoder();
  const old = new MatchText([enc.encode("Mailbox is FULL, over quota")]);
  const newer = new MatchText([enc.encode("something else entirely")]);
  assert.ok(old.containsPhrase("over quota"));
  assert.ok(old.containsPhrase("mailbox is full"));
  assert.ok(!old.containsPhrase("something"));
  assert.ok(newer.containsPhrase("something else"));
  assert.ok(!newer.containsPhrase("over quota"));
});
