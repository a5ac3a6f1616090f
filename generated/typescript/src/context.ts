/**
 * What the classifier may know besides the reply: the command it answered and the host that
 * sent it (the Rust crate's `classify::Context`).
 *
 * ```ts
 * // RFC 5321 section 4.5.3.1.10: 552 in reply to RCPT TO is "too many recipients", a 452.
 * const c = new Classifier().classifyWith(Reply.parse("552 Requested mail action aborted"), { command: "RCPT" });
 * [c.outcome, c.reason.id]; // ["transient", "too_many_recipients"]
 * ```
 *
 * (Hand-written; the command names are generated into `tables/registry.ts`.)
 * @module
 */

import type { ReplyCode } from "./codes.js";
import { COMMANDS } from "./tables/registry.js";

/**
 * An SMTP command, as the registry names it (`RCPT`, `DATA`, ...); `CONNECT` stands for the
 * server's greeting and `ANY` for replies any command may get.
 */
export type Command = (typeof COMMANDS)[number];

/** Every command the registry names, in its order. */
export function allCommands(): readonly Command[] {
  return COMMANDS;
}

const byUpper = new Map<string, Command>(COMMANDS.map((c) => [c, c]));

/** ASCII upper case only, as SMTP commands compare. */
const asciiUpper = (s: string): string => s.replace(/[a-z]+/g, (w) => w.toUpperCase());

/** The command with this name, ignoring ASCII case (`rcpt` is `RCPT`); `undefined` if the registry does not know it. */
export function parseCommand(name: string): Command | undefined {
  return byUpper.get(asciiUpper(name));
}

/**
 * What the reply answered and where it came from; every part is optional (`{}` knows nothing,
 * and classifies as the context-free methods do).
 */
export interface Context {
  /**
   * The command the reply answered (`DATA` also for the reply after the message's final dot,
   * `CONNECT` for the greeting).
   */
  readonly command?: Command | undefined;
  /**
   * The name of the server that sent the reply (`gmail-smtp-in.l.google.com`): a host under one
   * of a vendor's `hosts` identifies the reply as that vendor's.
   */
  readonly remoteHost?: string | undefined;
}

/**
 * A rule the {@link Context} applies when the codes say little: `rcpt_too_many_recipients`
 * (552 in reply to `RCPT TO`, treated as 452 per RFC 5321 section 4.5.3.1.10) or
 * `data_rejected` (a permanent rejection in reply to `DATA` or `BDAT`: the content).
 */
export type ContextRule = "rcpt_too_many_recipients" | "data_rejected";

/** The reason id a context rule gives. */
export function contextRuleReason(rule: ContextRule): string {
  return rule === "rcpt_too_many_recipients" ? "too_many_recipients" : "content_rejected";
}

/** The rule in words, as the Rust crate's `Display` writes it (the `decided_by` text). */
export function describeContextRule(rule: ContextRule): string {
  return rule === "rcpt_too_many_recipients"
    ? "the context: 552 in reply to RCPT TO, too many recipients (RFC 5321 section 4.5.3.1.10: treated as 452)"
    : "the context: a permanent rejection in reply to DATA, the content";
}

/** 552 in reply to RCPT TO. */
export function tooManyRecipients(context: Context, code: ReplyCode): boolean {
  return context.command === "RCPT" && code === 552;
}

/** The rule that applies to a failure reply in this context, if any. */
export function contextRuleFor(context: Context, code: ReplyCode): ContextRule | undefined {
  if (tooManyRecipients(context, code)) return "rcpt_too_many_recipients";
  if ((context.command === "DATA" || context.command === "BDAT") && Math.floor(code / 100) === 5) return "data_rejected";
  return undefined;
}

/**
 * The context, checked: a `command` the registry does not name (a JavaScript caller's `"rcpt"`)
 * or a `remoteHost` that is not a string is a `TypeError`, not a silently ignored context.
 */
export function checkedContext(context: Context): Context {
  const { command, remoteHost } = context;
  if (command !== undefined && !byUpper.has(command)) {
    throw new TypeError(`context.command \`${String(command)}\` is not a command the registry names; use parseCommand`);
  }
  if (remoteHost !== undefined && typeof remoteHost !== "string") {
    throw new TypeError("context.remoteHost must be a string");
  }
  return context;
}
