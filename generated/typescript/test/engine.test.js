// The engine's rules over the whole of the data, as the Rust crate's tests/engine.rs checks
// them: vendor ranges, the ranking of evidence, the context (command and remote host), and the
// retry policy's resolution, including that the advice never contradicts the reply's class.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  bestVendorMatch,
  classify,
  classifyText,
  Classifier,
  codesMatch,
  describeDecidedBy,
  EnhancedCode,
  parseCommand,
  Reply,
  RETRY_DEFAULT_PERMANENT,
  RETRY_DEFAULT_TRANSIENT,
  vendorBySlug,
  vendorEntries,
  vendorMatchKind,
  vendorOfHost,
  vendorServesHost,
} from "../dist/index.js";

const enh = (s) => EnhancedCode.parse(s);

/** A reply code an entry stands for: its own, else its enhanced code's class's usual one. */
const entryCode = (e) => e.basic ?? ({ 2: 250, 4: 451 }[e.enhanced?.class] ?? 550);

/** The entry's token and pattern, as a reply text. */
const evidence = (e) => [e.token, e.pattern].filter((x) => x !== undefined).join(" ");

const utf8Length = (s) => (s === undefined ? 0 : new TextEncoder().encode(s).length);

test("a range entry matches every code in its range and none outside", () => {
  const ranges = vendorEntries().filter((e) => e.enhancedTo !== undefined);
  assert.ok(ranges.length >= 3, "Microsoft's documented ranges are in the data");
  for (const e of ranges) {
    const [from, to] = [e.enhanced, e.enhancedTo];
    const at = (detail) => bestVendorMatch(entryCode(e), EnhancedCode.of(from.class, from.subject, detail), evidence(e));
    for (const d of [from.detail, Math.floor((from.detail + to.detail) / 2), to.detail]) {
      assert.equal(at(d), e, `${from}-${to} at detail ${d}`);
    }
    assert.notEqual(at(to.detail + 1), e, `${from}-${to} just past its end`);
    if (from.detail > 0) assert.notEqual(at(from.detail - 1), e, `${from}-${to} just before it`);
    // Never a reply without an enhanced code, nor one of another subject.
    assert.ok(!codesMatch(e, entryCode(e), undefined));
    assert.ok(!codesMatch(e, entryCode(e), EnhancedCode.of(from.class, (from.subject + 1) % 8, from.detail)));
  }
});

test("Microsoft's throttling range reaches the verdict inside the range", () => {
  const c = new Classifier().classifyText(
    451,
    enh("4.7.650"),
    "4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. Access denied, please try again later",
  );
  assert.equal(c.reason.id, "rate_limited");
  assert.equal(c.decidedBy.kind, "vendor_text");
  assert.equal(c.decidedBy.entry, c.vendor);
  assert.equal(c.vendor.vendor.slug, "microsoft-exchange-online");
  assert.equal(c.retryPolicy.source, "vendor");
});

test("a vendor's own code range is named in the evidence", () => {
  // 5.7.606-5.7.649 with its pattern is text evidence; with the pattern absent, the range's
  // codes alone (unregistered by IANA) still select it.
  const range = vendorEntries().find((e) => e.enhancedTo !== undefined && e.enhanced.toString() === "5.7.606");
  assert.ok(range !== undefined);
  const c = classifyText(550, enh("5.7.620"), "Access denied, banned sending IP [192.0.2.1]");
  assert.equal(c.vendor, range);
  assert.equal(vendorMatchKind(range, 550, enh("5.7.620"), "banned sending IP"), "pattern");
  assert.equal(vendorMatchKind(range, 550, enh("5.7.620"), "nothing"), undefined);
});

// Every pair of entries where one is selected by a token and another by a longer pattern
// alone, both found in one reply with codes both accept: the token's entry wins.
test("a token outranks any pattern however long", () => {
  let pairs = 0;
  const all = vendorEntries();
  for (const t of all.filter((e) => e.token !== undefined)) {
    const tLength = utf8Length(t.token) + utf8Length(t.pattern);
    for (const p of all.filter((e) => e.token === undefined && e.pattern !== undefined && utf8Length(e.pattern) > tLength)) {
      const code = entryCode(t);
      const enhanced = t.enhanced ?? p.enhanced;
      if (!codesMatch(t, code, enhanced) || !codesMatch(p, code, enhanced)) continue;
      const text = `${t.token} ${t.pattern ?? ""} ${p.pattern}`;
      const best = bestVendorMatch(code, enhanced, text);
      assert.equal(vendorMatchKind(best, code, enhanced, text), "token", `${text}: ${best.vendor.slug} ${best.pattern} beat a token`);
      pairs++;
    }
  }
  assert.ok(pairs > 0, "the data has token entries to rank against patterns");
});

// A code-only entry for a code IANA registers explains a reply only when the reply is
// identified as the vendor's; then it does.
test("a vendor's meaning of a registered code needs the vendor identified", () => {
  let checked = 0;
  for (const e of vendorEntries()) {
    const x = e.enhanced;
    if (x === undefined || x.info() === undefined) continue;
    if (e.token !== undefined || e.pattern !== undefined || e.enhancedTo !== undefined) continue;
    const c = entryCode(e);
    const bland = "see the help page";
    assert.notEqual(bestVendorMatch(c, x, bland), e, `${e.vendor.slug} ${x} explains a reply nothing identifies`);
    const host = e.vendor.hosts[0];
    if (host !== undefined) {
      const got = bestVendorMatch(c, x, bland, `mx.${host}`);
      assert.equal(got?.vendor.slug, e.vendor.slug, `${e.vendor.slug} ${x} from its own host`);
      checked++;
    }
    const marker = e.vendor.markers[0];
    if (marker !== undefined) {
      assert.equal(bestVendorMatch(c, x, `see the help page - ${marker}`)?.vendor.slug, e.vendor.slug);
    }
  }
  assert.ok(checked > 0, "some vendor with hosts has a code-only entry");
});

test("remote host suffixes match whole labels", () => {
  const gmail = vendorBySlug("google-gmail");
  assert.ok(vendorServesHost(gmail, "gmail-smtp-in.l.google.com"));
  assert.ok(vendorServesHost(gmail, "GMAIL-SMTP-IN.L.GOOGLE.COM."));
  assert.ok(vendorServesHost(gmail, "google.com"));
  assert.ok(!vendorServesHost(gmail, "notgoogle.com"));
  assert.ok(!vendorServesHost(gmail, "google.com.example.net"));
  assert.ok(!vendorServesHost(gmail, ""));
  assert.equal(vendorOfHost("contoso-com.mail.protection.outlook.com")?.slug, "microsoft-exchange-online");
  assert.equal(vendorOfHost("outlook-com.olc.protection.outlook.com")?.slug, "microsoft-outlook-com");
  assert.equal(vendorOfHost("mta5.am0.yahoodns.net")?.slug, "yahoo");
  assert.equal(vendorOfHost("mx.example.org"), undefined);
});

test("generic wordings go to the right entries", () => {
  // Yahoo's `doesn't have a` must not turn another 554 into an unknown user.
  const c = new Classifier().classifyText(554, enh("5.7.1"), "Your server doesn't have a valid reverse DNS entry");
  assert.notEqual(c.reason.id, "unknown_user");
  assert.notEqual(c.vendor?.vendor.slug, "yahoo");
  // Microsoft's 5.7.367 quotes a downstream 'Relaying denied': Microsoft's, not Yahoo's.
  const ms = classify(Reply.parse("550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied"));
  assert.equal(ms.vendor?.vendor.slug, "microsoft-exchange-online");
  // Gmail's 530 with its trailer is Gmail's, not SES's.
  const gmail = classify(
    Reply.parse(
      "530-5.7.0 Authentication Required. For more information, go to\r\n530 5.7.0  https://support.google.com/mail/?p=WantAuthError - gsmtp",
    ),
  );
  assert.equal(gmail.vendor?.vendor.slug, "google-gmail");
});

test("the remote host says whose meaning of a registered code applies", () => {
  const reply = Reply.parse("534 5.7.9 https://support.google.com/mail/?p=WebLoginRequired");
  assert.equal(new Classifier().classify(reply).vendor, undefined);
  const c = new Classifier().classifyWith(reply, { remoteHost: "smtp.gmail.com" });
  assert.equal(c.vendor?.vendor.slug, "google-gmail");
  assert.equal(c.decidedBy.kind, "vendor_code");
  assert.equal(describeDecidedBy(c.decidedBy), `${vendorBySlug("google-gmail").name}'s meaning of 5.7.9`);
});

test("the context decides only where the codes say little", () => {
  const rcpt = { command: "RCPT" };
  const data = { command: "DATA" };
  const cl = new Classifier();
  // RFC 5321 section 4.5.3.1.10.
  let c = cl.classifyTextWith(552, undefined, "Requested action aborted", rcpt);
  assert.deepEqual([c.outcome, c.retry, c.bounce, c.reason.id], ["transient", "retry_later", "soft", "too_many_recipients"]);
  assert.deepEqual(c.decidedBy, { kind: "context", rule: "rcpt_too_many_recipients" });
  assert.equal(
    describeDecidedBy(c.decidedBy),
    "the context: 552 in reply to RCPT TO, too many recipients (RFC 5321 section 4.5.3.1.10: treated as 452)",
  );
  assert.equal(c.code, 552);
  assert.equal(c.retryPolicy.retry, "later");
  // A precise code keeps its reason; the 552 is still treated as 452.
  c = cl.classifyTextWith(552, enh("5.2.2"), "Mailbox full", rcpt);
  assert.deepEqual([c.outcome, c.reason.id], ["transient", "mailbox_full"]);
  // Without the context, 552 is permanent.
  assert.equal(cl.classifyText(552, undefined, "Requested action aborted").outcome, "permanent");
  // 552 to DATA is not the RCPT case.
  assert.equal(cl.classifyTextWith(552, undefined, "Requested action aborted", data).outcome, "permanent");
  // A bare rejection of the message: its content.
  c = cl.classifyTextWith(554, undefined, "Transaction failed", data);
  assert.equal(c.reason.id, "content_rejected");
  assert.deepEqual(c.decidedBy, { kind: "context", rule: "data_rejected" });
  assert.equal(describeDecidedBy(c.decidedBy), "the context: a permanent rejection in reply to DATA, the content");
  assert.equal(cl.classifyTextWith(554, enh("5.7.1"), "Rejected", data).reason.id, "content_rejected");
  assert.equal(cl.classifyTextWith(554, undefined, "Transaction failed", { command: "BDAT" }).reason.id, "content_rejected");
  // More specific evidence wins over the context.
  assert.equal(cl.classifyTextWith(550, enh("5.1.1"), "Rejected", data).reason.id, "unknown_user");
  assert.notEqual(cl.classifyTextWith(554, undefined, "Message too big", data).decidedBy.kind, "context");
  // A transient reply to DATA is not a content rejection.
  assert.notEqual(cl.classifyTextWith(451, undefined, "Try again", data).decidedBy.kind, "context");
  // An empty context classifies as the context-free methods do.
  const reply = Reply.parse("554 Transaction failed");
  assert.deepEqual(cl.classifyWith(reply, {}), cl.classify(reply));
  assert.deepEqual(classify(reply, { command: parseCommand("rcpt") }), cl.classifyWith(reply, { command: "RCPT" }));
});

test("a context names a command the registry knows", () => {
  assert.equal(parseCommand("rcpt"), "RCPT");
  assert.equal(parseCommand("Data"), "DATA");
  assert.equal(parseCommand("FROB"), undefined);
  assert.equal(parseCommand(""), undefined);
  assert.throws(() => classify("552 x", { command: "rcpt" }), TypeError);
  assert.throws(() => classify("552 x", { remoteHost: 42 }), TypeError);
});

test("the defaults are RFC 5321's", () => {
  assert.equal(RETRY_DEFAULT_TRANSIENT.retry, "later");
  assert.equal(RETRY_DEFAULT_TRANSIENT.firstAfterSecs, 30 * 60);
  assert.equal(RETRY_DEFAULT_TRANSIENT.giveUpAfterSecs, 5 * 86_400);
  assert.equal(RETRY_DEFAULT_TRANSIENT.source, "default");
  assert.equal(RETRY_DEFAULT_PERMANENT.retry, "never");
});

test("the policy resolves vendor, then reason, then default", () => {
  const cl = new Classifier();
  // The reason's policy on a permanent reply.
  let p = cl.classifyText(550, enh("5.1.1"), "User unknown").retryPolicy;
  assert.deepEqual([p.retry, p.suppressAddress, p.source], ["never", true, "reason"]);
  // The same reason on a transient reply: `never` concerns permanent replies.
  let c = cl.classifyText(450, enh("4.1.1"), "User unknown");
  assert.equal(c.reason.id, "unknown_user");
  assert.deepEqual(c.retryPolicy, RETRY_DEFAULT_TRANSIENT);
  // A reason whose policy says after_fix holds on a transient reply too.
  p = cl.classifyText(451, enh("4.7.26"), "SPF check failed").retryPolicy;
  assert.deepEqual([p.retry, p.source, p.suppressAddress], ["after_fix", "reason", false]);
  // A reason's `later` takes the default's timing where it says nothing.
  c = cl.classifyText(421, enh("4.7.0"), "Too many messages, rate limited");
  assert.equal(c.reason.id, "rate_limited");
  p = c.retryPolicy;
  assert.deepEqual([p.retry, p.source], ["later", "reason"]);
  assert.ok(p.how !== undefined);
  assert.equal(p.firstAfterSecs, RETRY_DEFAULT_TRANSIENT.firstAfterSecs);
  assert.equal(p.giveUpAfterSecs, RETRY_DEFAULT_TRANSIENT.giveUpAfterSecs);
  // On a permanent reply the same policy is the change to make first, with no timing.
  c = cl.classifyText(550, enh("5.7.0"), "Too many messages, rate limited");
  assert.equal(c.reason.id, "rate_limited");
  p = c.retryPolicy;
  assert.deepEqual([p.retry, p.source], ["after_fix", "reason"]);
  assert.ok(p.how !== undefined);
  assert.deepEqual([p.firstAfterSecs, p.giveUpAfterSecs], [undefined, undefined]);
  // Success and intermediate replies have no policy.
  assert.equal(cl.classifyText(250, undefined, "OK").retryPolicy, undefined);
  assert.equal(cl.classifyText(354, undefined, "Go ahead").retryPolicy, undefined);
  // A permanent routing loop is not retried.
  assert.notEqual(cl.classifyText(550, enh("5.4.6"), "Routing loop detected").retryPolicy.retry, "later");
  // Only the vendor entry that decided counts: one that merely explains the reply does not.
  const ses = vendorEntries().find((e) => e.vendor.slug === "amazon-ses" && e.retryPolicy !== undefined);
  assert.ok(ses !== undefined, "SES's quota entries carry a policy");
  c = cl.classifyText(ses.basic, undefined, ses.pattern);
  assert.deepEqual([c.decidedBy.kind, c.retryPolicy.source], ["vendor_text", "vendor"]);
  assert.equal(c.retryPolicy.how, ses.retryPolicy.how);
  const mine = new Classifier([{ id: "mine", reason: ses.reason, any: [ses.pattern] }]);
  c = mine.classifyText(ses.basic, undefined, ses.pattern);
  assert.equal(c.vendor, ses);
  assert.deepEqual([c.decidedBy.kind, c.retryPolicy.source], ["user_rule", "reason"]);
});

test("a user's rule overrides every policy", () => {
  const mine = new Classifier([
    { id: "acme-frozen", reason: "mailbox_disabled", any: ["mailbox frozen"], retryPolicy: { retry: "later", giveUpAttempts: 3 } },
  ]);
  const p = mine.classifyText(550, undefined, "Mailbox frozen").retryPolicy;
  assert.equal(p.source, "user_rule");
  assert.equal(p.giveUpAttempts, 3);
  assert.equal(p.firstAfterSecs, RETRY_DEFAULT_TRANSIENT.firstAfterSecs);
  // A rule without a policy leaves it to the reason.
  const plain = new Classifier([{ id: "acme-frozen", reason: "unknown_user", any: ["mailbox frozen"] }]);
  assert.equal(plain.classifyText(550, undefined, "Mailbox frozen").retryPolicy.source, "reason");
  // A rule's suppressAddress holds on a permanent reply only.
  const suppress = new Classifier([
    { id: "gone", reason: "mailbox_disabled", any: ["gone"], retryPolicy: { retry: "never", suppressAddress: true } },
  ]);
  assert.equal(suppress.classifyText(550, undefined, "gone").retryPolicy.suppressAddress, true);
  assert.equal(suppress.classifyText(450, undefined, "gone").retryPolicy.suppressAddress, false);
  // A policy that is not one is refused where the rule is given.
  assert.throws(() => new Classifier([{ id: "x", reason: "unknown_user", retryPolicy: { retry: "soon" } }]), TypeError);
  assert.throws(
    () => new Classifier([{ id: "x", reason: "unknown_user", retryPolicy: { retry: "later", firstAfterSecs: -1 } }]),
    TypeError,
  );
});

// Over every vendor entry at its own codes and wording, and over the dev corpus: the policy
// never contradicts the class. A transient reply is never told to suppress the address; a
// permanent reply is told to retry as it is only by a vendor entry.
test("advice never contradicts the class", () => {
  const check = (c, what) => {
    const p = c.retryPolicy;
    if (p === undefined) {
      assert.ok(c.outcome === "success" || c.outcome === "intermediate", what);
      return;
    }
    if (c.outcome === "transient") assert.ok(!p.suppressAddress, `${what}: transient but suppress`);
    else if (c.outcome === "permanent") {
      assert.ok(p.retry !== "later" || p.source === "vendor", `${what}: permanent, but ${p.source} says retry later`);
    } else assert.fail(`${what}: a policy on a success reply`);
    if (p.retry === "never") {
      assert.ok(p.firstAfterSecs === undefined && p.giveUpAfterSecs === undefined && p.how === undefined, what);
    }
  };
  for (const e of vendorEntries()) {
    check(new Classifier().classifyText(entryCode(e), e.enhanced, evidence(e)), `${e.vendor.slug} ${e.enhanced} ${e.pattern}`);
    if (Math.floor(entryCode(e) / 100) === 5 && e.retryPolicy?.retry === "later") assert.equal(e.retry, "later");
  }
  const corpus = readFileSync(new URL("../../rust/tests/corpus/replies-dev.jsonl", import.meta.url), "utf8");
  let replies = 0;
  for (const line of corpus.split("\n").filter((l) => l.trim() !== "")) {
    const text = JSON.parse(line).reply;
    check(classify(Reply.parse(text)), text);
    replies++;
  }
  assert.ok(replies > 100, `${replies} replies in the dev corpus`);
});
