/**
 * What a reply means, for the person holding it: the object `smtp-explain --json` and
 * `--jsonl` print (the same keys as the Rust tool, `null` where they do not apply), and the
 * words its text mode prints. The command line is `bin/smtp-explain.ts`; the site's search
 * uses {@link explain} too.
 *
 * (Hand-written.)
 * @module
 */

import { classTitle, replyInfo, subjectTitle } from "./codes.js";
import type { EnhancedCode } from "./codes.js";
import type { ReplyCode, Troubleshooting } from "./codes.js";
import { classify, describeDecidedBy } from "./classify.js";
import type { Classification, Side } from "./classify.js";
import type { Context } from "./context.js";
import type { Json } from "./json.js";
import { Reply } from "./reply.js";
import { ReplyError } from "./reply-error.js";
import { durationString } from "./retry.js";
import type { RetryPolicy } from "./retry.js";

/** Every key of an explanation object but `line`. */
export const KEYS = [
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
] as const;

/** An explanation: every key of {@link KEYS}. */
export type Explanation = { [K in (typeof KEYS)[number]]: Json };

/** An explanation with every key `null` but `input`, `error` and `error_kind`. */
export function errorObject(input: string | null, error: string, kind: string): Explanation {
  const o = Object.fromEntries(KEYS.map((k) => [k, null])) as Explanation;
  o.input = input;
  o.error = error;
  o.error_kind = kind;
  return o;
}

/** The site page of a registered enhanced code. */
export function enhancedPage(site: string, code: EnhancedCode): string | null {
  const k = code.known;
  return k === undefined ? null : `${site}enhanced/${k}.html`;
}

/** The site page of a reply code the registry knows. */
export function basicPage(site: string, code: ReplyCode): string | null {
  return replyInfo(code) === undefined ? null : `${site}basic/${code}.html`;
}

/** Troubleshooting for the most specific code that has it. */
function troubleFor(c: Classification): Troubleshooting | undefined {
  return c.enhanced?.info()?.troubleshooting ?? replyInfo(c.code)?.troubleshooting;
}

/** What to do next time, as `retry_policy` in the JSON: durations in whole seconds. */
function policyJson(p: RetryPolicy): Json {
  return {
    retry: p.retry,
    first_after_secs: p.firstAfterSecs ?? null,
    backoff: p.backoff ?? null,
    how: p.how ?? null,
    give_up_after_secs: p.giveUpAfterSecs ?? null,
    give_up_attempts: p.giveUpAttempts ?? null,
    suppress_address: p.suppressAddress,
    source: p.source,
  };
}

/**
 * Explains one reply as the JSON object of `smtp-explain --json`; a reply that does not parse
 * gives `error` and `error_kind` (the parser's error kind) and `null` elsewhere. `site` is
 * the reference site's base, ending in `/`; `context` is what the reply answered and where it
 * came from (`--command`, `--remote-host`).
 */
export function explain(input: string, site: string, context: Context = {}): Explanation {
  let reply: Reply;
  try {
    reply = Reply.parse(input);
  } catch (e) {
    if (e instanceof ReplyError) return errorObject(input, e.message, e.kind.kind);
    throw e;
  }
  const c = classify(reply, context);
  const code = reply.code;
  const info = replyInfo(code);
  const einfo = c.enhanced?.info();
  const trouble = troubleFor(c);
  const v = c.vendor;
  return {
    input,
    error: null,
    error_kind: null,
    basic: code,
    enhanced: reply.enhancedCode?.toString() ?? null,
    enhanced_state: reply.enhanced.name,
    enhanced_in_text: reply.enhancedInText()?.toString() ?? null,
    class: c.outcome,
    retry: c.retry,
    bounce: c.bounce,
    reason: c.reason.id,
    reason_title: c.reason.title,
    side: c.side,
    advice: c.reason.advice,
    decided_by: describeDecidedBy(c.decidedBy),
    retry_policy: c.retryPolicy === undefined ? null : policyJson(c.retryPolicy),
    text: reply.lines.map((l) => l.text),
    basic_info:
      info === undefined
        ? null
        : { text: info.text, status: info.status, description: info.description, page: basicPage(site, code) },
    enhanced_info:
      c.enhanced === undefined || einfo === undefined
        ? null
        : {
            code: einfo.code,
            sample_text: einfo.sample_text,
            description: einfo.description,
            status: einfo.status,
            replaced_by: einfo.replaced_by,
            page: enhancedPage(site, c.enhanced),
          },
    vendor:
      v === undefined
        ? null
        : {
            vendor: v.vendor.slug,
            name: v.vendor.name,
            meaning: v.meaning,
            cause: v.cause,
            sender_action: v.senderAction,
            admin_action: v.adminAction,
            retry: v.retry,
            source: v.sourceUrl,
            read: v.read,
          },
    troubleshooting:
      trouble === undefined
        ? null
        : {
            code: trouble.code,
            summary: trouble.summary,
            causes: trouble.causes,
            sender_fixes: trouble.sender_fixes,
            admin_fixes: trouble.admin_fixes,
          },
    violations: reply.violations().map((e) => ({ kind: e.kind.kind, line: e.line, message: e.message })),
  };
}

// ---------------------------------------------------------------------------------------
// Words, for the text mode and the site

/** What the outcome means, in words. */
export function outcomeWords(c: Classification): string {
  switch (c.outcome) {
    case "success":
      return "success";
    case "intermediate":
      return "in progress: the server waits for more";
    case "transient":
      return "temporary failure, soft bounce if it lasts";
    case "permanent":
      return `permanent failure, ${c.bounce} bounce`;
  }
}

/** Whose side, in words. */
export function sideWords(side: Side): string {
  switch (side) {
    case "recipient":
      return "the recipient's (their address or mailbox)";
    case "sender":
      return "the sender's (the address, the message, the account or its domain)";
    case "sending_server":
      return "the sending server's (its IP, DNS, TLS, volume or protocol)";
    case "receiving_server":
      return "the receiving server's";
    case "network":
      return "the network's (connections, DNS, routing)";
    case "none":
      return "nobody's in particular";
  }
}

/** The retry advice, in words. */
export function retryWords(c: Classification): string {
  switch (c.retry) {
    case "done":
      return "nothing to retry";
    case "continue":
      return "continue: send what the server asked for";
    case "retry_later":
      return "yes, later: 4yz is temporary (RFC 5321 section 4.2.1)";
    case "do_not_retry":
      return "no, not unchanged: 5yz is permanent (RFC 5321 section 4.2.1)";
  }
}

function codeClassWords(code: ReplyCode): string {
  switch (Math.floor(code / 100)) {
    case 2:
      return "2yz positive completion";
    case 3:
      return "3yz positive intermediate";
    case 4:
      return "4yz transient negative";
    default:
      return "5yz permanent negative";
  }
}

function severityWords(code: ReplyCode): string {
  switch (Math.floor(code / 10) % 10) {
    case 0:
      return "x0z syntax";
    case 1:
      return "x1z information";
    case 2:
      return "x2z connections";
    case 3:
    case 4:
      return "x3z/x4z unspecified";
    case 5:
      return "x5z mail system";
    default:
      return "second digit outside RFC 5321's grammar";
  }
}

/** Rust's `char::is_whitespace`. */
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const encoder = new TextEncoder();

/**
 * Folds text into words wrapped at 96 columns (counted in UTF-8 bytes, as the Rust tool
 * does); the text starts at column `indent` and so do its continuation lines.
 */
export function wrap(text: string, indent: number): string {
  let out = "";
  let col = indent;
  for (const word of text.split(WHITESPACE)) {
    if (word === "") continue;
    const len = encoder.encode(word).length;
    if (col + len + 1 > 96 && col > indent) {
      out += "\n" + " ".repeat(indent);
      col = indent;
    } else if (out !== "") {
      out += " ";
      col += 1;
    }
    out += word;
    col += len;
  }
  return out;
}

/**
 * Rust's `str::lines`: split on LF, a CR before the LF removed, no empty last line (a CR at
 * the very end, with no LF after it, stays).
 */
function rustLines(s: string): string[] {
  const lines = s.split("\n");
  const last = lines.pop()!;
  const out = lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (last !== "") out.push(last);
  return out;
}

const TRAILING_WHITESPACE = new RegExp(`(?:${WHITESPACE.source})$`);

/**
 * The retry policy in a sentence or two: whether, when, how, when to give up, and whether to
 * stop mailing the address; then whose policy it is.
 */
export function nextTimeWords(p: RetryPolicy): string {
  let s = p.retry === "later" ? "retry later" : p.retry === "after_fix" ? "retry only after fixing the cause" : "do not retry this message";
  const when: string[] = [];
  if (p.firstAfterSecs !== undefined) when.push(`first after ${durationString(p.firstAfterSecs)}`);
  if (p.giveUpAfterSecs !== undefined) when.push(`give up after ${durationString(p.giveUpAfterSecs)}`);
  if (p.giveUpAttempts !== undefined) when.push(`give up after ${p.giveUpAttempts} attempts`);
  if (when.length > 0) s += ` (${when.join(", ")})`;
  s += ".";
  if (p.how !== undefined) s += ` ${p.how}`;
  if (p.backoff !== undefined) s += ` ${p.backoff}`;
  if (p.suppressAddress) s += " Stop mailing this address (add it to your suppression list).";
  switch (p.source) {
    case "user_rule":
      return s + " [your rule's policy]";
    case "vendor":
      return s + " [the provider's policy]";
    case "reason":
      return s + " [the reason's policy]";
    case "default":
      return s + " [RFC 5321's defaults]";
  }
}

/**
 * Explains one reply in words, as `smtp-explain` prints it, in `context` when given; `ok` is
 * false when it is not a reply.
 */
export function explainText(input: string, site: string, context: Context = {}): { text: string; ok: boolean } {
  let reply: Reply;
  try {
    reply = Reply.parse(input);
  } catch (e) {
    if (e instanceof ReplyError) {
      return { text: `${input.replace(TRAILING_WHITESPACE, "")}\n  not an SMTP reply: ${e.message}\n`, ok: false };
    }
    throw e;
  }
  const c = classify(reply, context);
  const code = reply.code;
  let out = "";
  for (const line of rustLines(input)) out += line + "\n";
  out += "\n";
  const reason = c.reason;
  out += `  ${reason.title} (${reason.id})\n`;
  out += `  outcome:     ${outcomeWords(c)}\n`;
  out += `  retry:       ${retryWords(c)}\n`;
  out += `  whose side:  ${sideWords(c.side)}\n`;
  out += `  what to do:  ${wrap(reason.advice, 15)}\n`;
  if (c.retryPolicy !== undefined) out += `  next time:   ${wrap(nextTimeWords(c.retryPolicy), 15)}\n`;
  out += `  decided by:  ${describeDecidedBy(c.decidedBy)}\n`;
  const v = c.vendor;
  if (v !== undefined) {
    let heading: string;
    if (v.token !== undefined) heading = `${v.vendor.name} (tag ${v.token})`;
    else if (v.vendor.kind === "mta" && v.pattern !== undefined) heading = `${v.vendor.name}'s wording "${v.pattern}"`;
    else if (v.pattern !== undefined) heading = `${v.vendor.name} (wording "${v.pattern}")`;
    else heading = v.vendor.name;
    out += `\n  Seen in the wild: ${heading}\n`;
    out += `    meaning:  ${wrap(v.meaning, 14)}\n`;
    out += `    cause:    ${wrap(v.cause, 14)}\n`;
    out += `    sender:   ${wrap(v.senderAction, 14)}\n`;
    out += `    receiver: ${wrap(v.adminAction, 14)}\n`;
    out += `    source:   ${v.sourceUrl} (read ${v.read})\n`;
  }
  out += "\n";
  const info = replyInfo(code);
  if (info !== undefined) {
    const status =
      info.status === "standard" ? "" : info.status === "historic" ? " [historic]" : " [non-standard: no RFC defines it]";
    out += `  ${code}  ${info.text}${status}\n`;
    out += `       ${wrap(info.description, 7)}\n`;
    if (info.meanings.length > 1) {
      for (const m of info.meanings.slice(1)) {
        const src = m.reference ?? (m.vendor !== null ? `${m.vendor}, non-standard` : "non-standard");
        out += `       also: "${m.text}" (${src})\n`;
      }
    }
  } else {
    out += `  ${code}  not a registered reply code\n`;
  }
  out += `       ${codeClassWords(code)}: ${severityWords(code)}\n`;
  const page = basicPage(site, code);
  if (page !== null) out += `       ${page}\n`;
  const positional = reply.enhanced;
  const e = c.enhanced;
  if (e !== undefined) {
    out += "\n";
    const note =
      positional.name === "class_mismatch"
        ? " (its class disagrees with the reply code; the reply code decides)"
        : positional.name === "inconsistent"
          ? " (lines carry different codes; the first is shown)"
          : positional.name === "absent" || positional.name === "malformed"
            ? " (found in the text, not in the RFC 2034 position)"
            : "";
    const einfo = e.info();
    if (einfo !== undefined) {
      const title = einfo.sample_text === "" ? "(no sample text)" : einfo.sample_text;
      out += `  ${e}  ${title}${note}\n`;
      out += `       ${wrap(einfo.description, 7)}\n`;
      if (einfo.replaced_by !== null) out += `       deprecated: use ${einfo.replaced_by}\n`;
      const r = einfo.references[0];
      if (r !== undefined) out += `       ${r.text}: ${r.url}\n`;
    } else {
      out += `  ${e}  not registered by IANA${note}\n`;
      const title = subjectTitle(e.subject);
      if (title !== undefined) out += `       subject ${e.subject}: ${title}\n`;
    }
    out += `       class ${e.class}: ${classTitle(e.class)}\n`;
    const p = enhancedPage(site, e);
    if (p !== null) out += `       ${p}\n`;
  } else if (positional.name === "malformed") {
    const why = reply.violations().find((x) => x.kind.kind === "malformed_enhanced_code");
    out += `\n  malformed enhanced status code: ${why?.message ?? "not a valid enhanced status code"}\n`;
  }
  const t = troubleFor(c);
  if (t !== undefined) {
    out += `\n  Troubleshooting ${t.code}\n`;
    out += `    ${wrap(t.summary, 4)}\n`;
    for (const cause of t.causes.slice(0, 3)) out += `    cause:  ${wrap(cause, 12)}\n`;
    for (const fix of t.sender_fixes.slice(0, 3)) out += `    fix:    ${wrap(fix, 12)}\n`;
  }
  // A pasted reply seldom keeps its CRLF; that one is not worth reporting.
  const violations = reply.violations().filter((x) => x.kind.kind !== "missing_line_ending");
  if (violations.length > 0) {
    out += "\n  not strictly RFC 5321 / RFC 2034:\n";
    for (const x of violations) out += `    - ${x.message}\n`;
  }
  return { text: out, ok: true };
}
