/**
 * What a reply means for the sender: retry or not, hard or soft bounce, the reason, and whose
 * side the problem is on, each with the evidence that decided it.
 *
 * The knowledge is data (generated into `tables/classifier.ts` and `tables/vendors.ts`); this
 * module applies it in the Rust crate's order, the first step that gives a reason winning:
 *
 * 1. the caller's own rules ({@link Classifier} with rules);
 * 2. a provider's entry whose token or pattern is in the text (`vendor.ts` ranks them: a
 *    token over any pattern, then a reply identified as that vendor's, then the longer
 *    evidence);
 * 3. the built-in text rules, in order;
 * 4. a mail server's (Postfix, Exim, ...) entry whose wording is in the text;
 * 5. a vendor entry with neither token nor pattern for the reply's enhanced code: an
 *    unregistered code (`5.7.606`, or one in a range such as `4.7.500`-`4.7.699`) always; a
 *    code IANA registers (`4.7.26`) only when the reply is identified as that vendor's (its
 *    marker such as `gsmtp` in the text, or the context's `remoteHost`);
 * 6. the {@link Context}, when the codes say little (no enhanced code, an unregistered one, or
 *    a catch-all such as `X.7.0` or `X.7.1`): a permanent rejection in reply to `DATA` or
 *    `BDAT` is a content rejection, and 552 in reply to `RCPT TO` means too many recipients;
 * 7. the default reason of the registered enhanced code (`X.1.1`: unknown user);
 * 8. the default reason of an unregistered code's subject (`X.7.*`);
 * 9. the default reason of the reply code;
 * 10. the reason `unknown`.
 *
 * Success (2yz) and intermediate (3yz) replies take the reply code's default reason. Retry
 * advice comes from the reply code (RFC 5321 section 4.2.1), with one exception the RFC makes:
 * 552 in reply to `RCPT TO` is treated as 452, transient (section 4.5.3.1.10). What to do next
 * time ({@link RetryPolicy}) is resolved as `retry.ts` says.
 *
 * (Hand-written.)
 * @module
 */

import { EnhancedCode } from "./codes.js";
import type { ReplyCode } from "./codes.js";
import { checkedContext, contextRuleFor, contextRuleReason, describeContextRule, tooManyRecipients } from "./context.js";
import type { Context, ContextRule } from "./context.js";
import { MatchText, phraseNeedle } from "./match-text.js";
import type { Needle } from "./match-text.js";
import { Reply } from "./reply.js";
import { completed, policyFromInit, policyFromRow, RETRY_DEFAULT_PERMANENT, RETRY_DEFAULT_TRANSIENT } from "./retry.js";
import type { RetryPolicy, RetryPolicyInit } from "./retry.js";
import {
  BASIC_DEFAULTS,
  ENHANCED_DEFAULTS,
  GENERIC_ENHANCED,
  REASONS,
  RULES,
  SUBJECT_DEFAULTS,
} from "./tables/classifier.js";
import { bestVendorMatchIn } from "./vendor.js";
import type { MatchKind, VendorEntry } from "./vendor.js";

/** Whose side a problem is on. */
export type Side = "recipient" | "sender" | "sending_server" | "receiving_server" | "network" | "none";

/** Bounce type, as mailing-list software uses it. */
export type Bounce = "none" | "soft" | "hard";

/** The outcome the reply code's first digit states. */
export type Outcome = "success" | "intermediate" | "transient" | "permanent";

/** What RFC 5321 section 4.2.1 says the client should do next. */
export type RetryAdvice = "done" | "continue" | "retry_later" | "do_not_retry";

/** Why a reply failed (or what it means when it did not), from the project's taxonomy. */
export interface Reason {
  /** `unknown_user`. */
  readonly id: string;
  /** `Recipient does not exist`. */
  readonly title: string;
  /** What to do. */
  readonly advice: string;
  /** Whose side the problem is on. */
  readonly side: Side;
  /** The bounce type of a permanent failure for this reason. */
  readonly permanentBounce: Bounce;
  /**
   * The reason's own policy for next time (source `reason`), as the data gives it, before a
   * classification adjusts it to the reply's class; `undefined` where the data gives none.
   */
  readonly retryPolicy: RetryPolicy | undefined;
}

const reasons = new Map<string, Reason>(
  REASONS.map((r) => [
    r.id,
    Object.freeze({
      id: r.id,
      title: r.title,
      advice: r.advice,
      side: r.side as Side,
      permanentBounce: r.bounce as Bounce,
      retryPolicy: r.retry_policy === null ? undefined : policyFromRow(r.retry_policy, "reason"),
    }),
  ]),
);

/** Every reason, in taxonomy order. */
export function allReasons(): readonly Reason[] {
  return [...reasons.values()];
}

/** The reason with this id (`unknown_user`). */
export function reason(id: string): Reason | undefined {
  return reasons.get(id);
}

const mustReason = (id: string): Reason => {
  const r = reasons.get(id);
  if (r === undefined) throw new Error(`the tables name an unknown reason \`${id}\``);
  return r;
};

const UNKNOWN = mustReason("unknown");

const key = (subject: number, detail: number): number => subject * 1000 + detail;
const parseX = (code: string): [number, number] => {
  const [, s, d] = code.split(".");
  return [Number(s), Number(d)];
};
const enhancedDefaults = new Map<number, Reason>(
  ENHANCED_DEFAULTS.map((d) => [key(...parseX(d.code)), mustReason(d.reason)]),
);
const genericEnhanced = new Set<number>(GENERIC_ENHANCED.map((c) => key(...parseX(c))));
const subjectDefaults = new Map<number, Reason>(
  SUBJECT_DEFAULTS.map((d) => [Number(d.code.slice(2)), mustReason(d.reason)]),
);
const basicDefaults = new Map<number, Reason>(BASIC_DEFAULTS.map((d) => [Number(d.code), mustReason(d.reason)]));

/**
 * A text rule: if the reply's text has one of `any`, all of `all` and none of `none`
 * (case-insensitive, on word boundaries; a `*` at either end of a phrase drops that
 * boundary), and the reply fits the optional scopes, the reply gets `reason`.
 */
export interface Rule {
  /** An identifier, shown when the rule decides. */
  readonly id: string;
  /** The reason id the rule gives (`mailbox_disabled`). */
  readonly reason: string;
  readonly any?: readonly string[];
  readonly all?: readonly string[];
  readonly none?: readonly string[];
  /** Reply first digits the rule applies to (empty: any). */
  readonly classes?: readonly number[];
  /** Reply codes the rule applies to (empty: any). */
  readonly codes?: readonly number[];
  /** Enhanced codes `X.s.d` the rule applies to (empty: any). */
  readonly enhanced?: readonly string[];
  /**
   * Generic words that must not outrank a precise registered enhanced code: a weak rule
   * applies only without an enhanced code, with a vendor's own, or with one that says little
   * by itself (`X.s.0`, X.7.1).
   */
  readonly weak?: boolean;
  /**
   * What to do next time when this rule decides (source `user_rule`); left out, the reason's
   * policy and the defaults apply. A caller's rule overrides the vendor's and the reason's
   * policy.
   */
  readonly retryPolicy?: RetryPolicyInit;
}

/** A rule ready to match. */
class CompiledRule {
  readonly rule: Rule;
  readonly reason: Reason;
  readonly any: readonly [string, Needle][];
  readonly all: readonly Needle[];
  readonly none: readonly Needle[];
  readonly classes: readonly number[];
  readonly codes: readonly number[];
  readonly enhanced: readonly number[];
  readonly weak: boolean;
  readonly policy: RetryPolicy | undefined;

  constructor(rule: Rule) {
    this.rule = rule;
    this.reason = mustReason(rule.reason);
    this.any = (rule.any ?? []).map((p) => [p, phraseNeedle(p)]);
    this.all = (rule.all ?? []).map(phraseNeedle);
    this.none = (rule.none ?? []).map(phraseNeedle);
    this.classes = rule.classes ?? [];
    this.codes = rule.codes ?? [];
    this.enhanced = (rule.enhanced ?? []).map((c) => key(...parseX(c)));
    this.weak = rule.weak ?? false;
    this.policy = rule.retryPolicy === undefined ? undefined : policyFromInit(rule.retryPolicy, rule.id);
  }

  /** The phrase of `any` that matched, if the rule applies. */
  matchesIn(code: ReplyCode, enhanced: EnhancedCode | undefined, text: MatchText): string | undefined {
    if (this.classes.length > 0 && !this.classes.includes(Math.floor(code / 100))) return undefined;
    if (this.codes.length > 0 && !this.codes.includes(code)) return undefined;
    if (this.enhanced.length > 0) {
      if (enhanced === undefined || !this.enhanced.includes(key(enhanced.subject, enhanced.detail))) return undefined;
    }
    if (this.weak && enhanced !== undefined) {
      if (enhanced.info() !== undefined && !genericEnhanced.has(key(enhanced.subject, enhanced.detail))) {
        return undefined;
      }
    }
    for (const n of this.all) if (!text.containsPhrase(n)) return undefined;
    for (const n of this.none) if (text.containsPhrase(n)) return undefined;
    for (const [phrase, n] of this.any) if (text.containsPhrase(n)) return phrase;
    return undefined;
  }
}

/** The built-in text rules, in the order they are tried. */
export const RULES_BUILT_IN: readonly Rule[] = Object.freeze(RULES.map((r) => Object.freeze({ ...r })));
const builtIn: readonly CompiledRule[] = RULES_BUILT_IN.map((r) => new CompiledRule(r));

/** What decided a classification. */
export type DecidedBy =
  | { readonly kind: "user_rule"; readonly rule: Rule; readonly phrase: string }
  | { readonly kind: "vendor_text"; readonly entry: VendorEntry }
  | { readonly kind: "text_rule"; readonly rule: Rule; readonly phrase: string }
  | { readonly kind: "vendor_code"; readonly entry: VendorEntry }
  | { readonly kind: "context"; readonly rule: ContextRule }
  | { readonly kind: "enhanced_code"; readonly code: string }
  | { readonly kind: "subject"; readonly subject: number }
  | { readonly kind: "reply_code"; readonly code: ReplyCode }
  | { readonly kind: "nothing" };

/** The evidence in words, as the Rust crate's `Display` writes it. */
export function describeDecidedBy(d: DecidedBy): string {
  switch (d.kind) {
    case "user_rule":
      return `your rule \`${d.rule.id}\` (found "${d.phrase}")`;
    case "vendor_text": {
      const e = d.entry;
      // A tag is the more specific evidence (it ranks first), so it is named first.
      if (e.token !== undefined) return `${e.vendor.name} tag ${e.token}`;
      if (e.pattern !== undefined) return `${e.vendor.name} wording "${e.pattern}"`;
      return e.vendor.name;
    }
    case "text_rule":
      return `text rule \`${d.rule.id}\` (found "${d.phrase}")`;
    case "vendor_code": {
      const e = d.entry;
      if (e.enhanced === undefined) return `${e.vendor.name}'s own code`;
      if (e.enhancedTo !== undefined) return `${e.vendor.name}'s own code range ${e.enhanced}-${e.enhancedTo}`;
      if (e.enhanced.info() !== undefined) return `${e.vendor.name}'s meaning of ${e.enhanced}`;
      return `${e.vendor.name}'s own code ${e.enhanced}`;
    }
    case "context":
      return describeContextRule(d.rule);
    case "enhanced_code":
      return `registered enhanced code ${d.code}`;
    case "subject":
      return `enhanced code subject X.${d.subject}`;
    case "reply_code":
      return `reply code ${d.code}`;
    case "nothing":
      return "nothing: no rule, vendor entry or code default applied";
  }
}

/** What a reply means for the sender. */
export interface Classification {
  /** The reply code. */
  readonly code: ReplyCode;
  /** The enhanced code the classification used, if any. */
  readonly enhanced: EnhancedCode | undefined;
  /**
   * What the first digit states; `transient` for 552 in reply to `RCPT TO` (RFC 5321 section
   * 4.5.3.1.10), whose code stays 552.
   */
  readonly outcome: Outcome;
  /** What to do next, per RFC 5321 section 4.2.1 (from `outcome`). */
  readonly retry: RetryAdvice;
  /** Hard, soft or no bounce. */
  readonly bounce: Bounce;
  /** Why. */
  readonly reason: Reason;
  /** Whose side the problem is on. */
  readonly side: Side;
  /** What decided the reason. */
  readonly decidedBy: DecidedBy;
  /** The vendor entry that best explains the reply, whether or not it decided the reason. */
  readonly vendor: VendorEntry | undefined;
  /**
   * What to do next time; `undefined` for success (2yz) and intermediate (3yz) replies. See
   * `retry.ts` for how it is resolved.
   */
  readonly retryPolicy: RetryPolicy | undefined;
}

/** The outcome of a reply code. */
export function outcomeOf(code: ReplyCode): Outcome {
  switch (Math.floor(code / 100)) {
    case 2:
      return "success";
    case 3:
      return "intermediate";
    case 4:
      return "transient";
    default:
      return "permanent";
  }
}

/** The retry advice for a reply code. */
export function retryOf(code: ReplyCode): RetryAdvice {
  return adviceFor(outcomeOf(code));
}

function adviceFor(outcome: Outcome): RetryAdvice {
  switch (outcome) {
    case "success":
      return "done";
    case "intermediate":
      return "continue";
    case "transient":
      return "retry_later";
    case "permanent":
      return "do_not_retry";
  }
}

const NO_CONTEXT: Context = Object.freeze({});

const encoder = new TextEncoder();

/** A classifier, with the caller's rules (tried before the built-in ones). */
export class Classifier {
  readonly #rules: readonly CompiledRule[];
  /** The policies of the caller's rules that carry one, by rule. */
  readonly #policies = new Map<Rule, RetryPolicy>();

  /** A classifier that tries `rules` first, then the built-in knowledge. */
  constructor(rules: readonly Rule[] = []) {
    this.#rules = rules.map((r) => new CompiledRule(r));
    for (const r of this.#rules) if (r.policy !== undefined) this.#policies.set(r.rule, r.policy);
  }

  /**
   * Classifies a parsed reply: its code, its enhanced code (the one in the RFC 2034 position,
   * or else one found in the text, such as `#5.1.1`) and its lines' texts.
   */
  classify(reply: Reply): Classification {
    return this.classifyWith(reply, NO_CONTEXT);
  }

  /**
   * {@link Classifier.classify} knowing what the reply answered and where it came from (see
   * {@link Context}).
   *
   * ```ts
   * const c = new Classifier().classifyWith(Reply.parse("554 Transaction failed"), { command: "DATA" });
   * c.reason.id; // "content_rejected"
   * ```
   */
  classifyWith(reply: Reply, context: Context): Classification {
    const enhanced = reply.enhancedCode ?? reply.enhancedInText();
    return this.classifyLinesWith(reply.code, enhanced, reply.textBytes(), context);
  }

  /** Classifies a reply given as its code, its enhanced code and its text. */
  classifyText(code: ReplyCode, enhanced: EnhancedCode | undefined, text: string | Uint8Array): Classification {
    return this.classifyTextWith(code, enhanced, text, NO_CONTEXT);
  }

  /** {@link Classifier.classifyText} knowing what the reply answered and where it came from. */
  classifyTextWith(
    code: ReplyCode,
    enhanced: EnhancedCode | undefined,
    text: string | Uint8Array,
    context: Context,
  ): Classification {
    return this.classifyLinesWith(code, enhanced, [text], context);
  }

  /** Like {@link Classifier.classifyText}, for a multi-line reply given as its lines' texts. */
  classifyLines(code: ReplyCode, enhanced: EnhancedCode | undefined, lines: Iterable<string | Uint8Array>): Classification {
    return this.classifyLinesWith(code, enhanced, lines, NO_CONTEXT);
  }

  /**
   * {@link Classifier.classifyLines} knowing what the reply answered and where it came from.
   * Throws a `TypeError` when `context.command` is not a command the registry names (see
   * `parseCommand`).
   */
  classifyLinesWith(
    code: ReplyCode,
    enhanced: EnhancedCode | undefined,
    lines: Iterable<string | Uint8Array>,
    context: Context,
  ): Classification {
    const ctx = context === NO_CONTEXT ? context : checkedContext(context);
    const bytes: Uint8Array[] = [];
    for (const l of lines) bytes.push(typeof l === "string" ? encoder.encode(l) : l);
    const text = new MatchText(bytes);
    const best = bestVendorMatchIn(code, enhanced, text, ctx.remoteHost);
    const [reason, decidedBy] = this.#decide(code, enhanced, text, best, ctx);
    let outcome = outcomeOf(code);
    if (outcome === "permanent" && tooManyRecipients(ctx, code)) outcome = "transient";
    let bounce: Bounce;
    if (outcome === "success" || outcome === "intermediate") bounce = "none";
    else if (outcome === "transient") bounce = "soft";
    else bounce = reason.permanentBounce === "none" ? "soft" : reason.permanentBounce;
    return Object.freeze({
      code,
      enhanced,
      outcome,
      retry: adviceFor(outcome),
      bounce,
      reason,
      side: reason.side,
      decidedBy,
      vendor: best?.entry,
      retryPolicy: resolvePolicy(outcome, reason, decidedBy, this.#policies),
    });
  }

  #decide(
    code: ReplyCode,
    enhanced: EnhancedCode | undefined,
    text: MatchText,
    best: { entry: VendorEntry; kind: MatchKind } | undefined,
    context: Context,
  ): [Reason, DecidedBy] {
    for (const rule of this.#rules) {
      const phrase = rule.matchesIn(code, enhanced, text);
      if (phrase !== undefined) return [rule.reason, { kind: "user_rule", rule: rule.rule, phrase }];
    }
    // Success and intermediate replies need no text evidence: their code says it all.
    if (code < 400) {
      const r = basicDefaults.get(code);
      if (r !== undefined) return [r, { kind: "reply_code", code }];
      return codeDefault(code, enhanced);
    }
    // A provider's own tag or wording is the most specific evidence there is. Mail server
    // software's wordings are generic frames that the text rules may read more precisely, so
    // they come after them.
    const byText = best !== undefined && best.kind !== "code" && best.entry.reason !== undefined ? best.entry : undefined;
    if (byText !== undefined && byText.vendor.kind === "provider") {
      return [mustReason(byText.reason!), { kind: "vendor_text", entry: byText }];
    }
    for (const rule of builtIn) {
      const phrase = rule.matchesIn(code, enhanced, text);
      if (phrase !== undefined) return [rule.reason, { kind: "text_rule", rule: rule.rule, phrase }];
    }
    if (byText !== undefined) return [mustReason(byText.reason!), { kind: "vendor_text", entry: byText }];
    if (best !== undefined && best.kind === "code" && best.entry.reason !== undefined) {
      return [mustReason(best.entry.reason), { kind: "vendor_code", entry: best.entry }];
    }
    const codesSayLittle =
      enhanced === undefined ||
      enhanced.info() === undefined ||
      genericEnhanced.has(key(enhanced.subject, enhanced.detail));
    if (codesSayLittle) {
      const rule = contextRuleFor(context, code);
      if (rule !== undefined) return [mustReason(contextRuleReason(rule)), { kind: "context", rule }];
    }
    return codeDefault(code, enhanced);
  }
}

/** The retry policy, resolved as `retry.ts` documents. */
function resolvePolicy(
  outcome: Outcome,
  reason: Reason,
  decidedBy: DecidedBy,
  userPolicies: ReadonlyMap<Rule, RetryPolicy>,
): RetryPolicy | undefined {
  if (outcome === "success" || outcome === "intermediate") return undefined;
  const transient = outcome === "transient";
  let chosen: RetryPolicy | undefined;
  if (decidedBy.kind === "user_rule") chosen = userPolicies.get(decidedBy.rule);
  if (chosen === undefined && (decidedBy.kind === "vendor_text" || decidedBy.kind === "vendor_code")) {
    chosen = decidedBy.entry.retryPolicy;
  }
  if (chosen === undefined) {
    const p = reason.retryPolicy;
    if (p === undefined) chosen = undefined;
    // `never` (with `suppressAddress`) concerns permanent replies, as a hard bounce does.
    else if (transient && p.retry === "never") chosen = undefined;
    // A permanent reply is not repeated unchanged: the reason's way of retrying becomes the
    // change to make first.
    else if (!transient && p.retry === "later") {
      chosen = {
        ...p,
        retry: "after_fix",
        firstAfterSecs: undefined,
        backoff: undefined,
        giveUpAfterSecs: undefined,
        giveUpAttempts: undefined,
      };
    } else chosen = p;
  }
  chosen ??= transient ? RETRY_DEFAULT_TRANSIENT : RETRY_DEFAULT_PERMANENT;
  return completed(chosen, outcome === "permanent");
}

/** The default reason from the codes alone: enhanced code, then its subject, then the reply code. */
function codeDefault(code: ReplyCode, enhanced: EnhancedCode | undefined): [Reason, DecidedBy] {
  if (enhanced !== undefined) {
    const info = enhanced.info();
    if (info !== undefined) {
      const r = enhancedDefaults.get(key(enhanced.subject, enhanced.detail));
      if (r !== undefined) return [r, { kind: "enhanced_code", code: info.code }];
    } else {
      const r = subjectDefaults.get(enhanced.subject);
      if (r !== undefined) return [r, { kind: "subject", subject: enhanced.subject }];
    }
  }
  const r = basicDefaults.get(code);
  if (r !== undefined) return [r, { kind: "reply_code", code }];
  return [UNKNOWN, { kind: "nothing" }];
}

const defaultClassifier = new Classifier();

/**
 * Classifies a parsed reply (or the text of one) with the built-in knowledge, in `context`
 * when given (see {@link Classifier.classifyWith}).
 *
 * ```ts
 * const c = classify(Reply.parse("550 5.1.1 <bob@example.com> User unknown"));
 * [c.reason.id, c.bounce, c.side]; // ["unknown_user", "hard", "recipient"]
 * ```
 */
export function classify(reply: Reply | string, context: Context = NO_CONTEXT): Classification {
  return defaultClassifier.classifyWith(typeof reply === "string" ? Reply.parse(reply) : reply, context);
}

/** Classifies a reply given as code, enhanced code and text, with the built-in knowledge, in `context` when given. */
export function classifyText(
  code: ReplyCode,
  enhanced: EnhancedCode | undefined,
  text: string | Uint8Array,
  context: Context = NO_CONTEXT,
): Classification {
  return defaultClassifier.classifyTextWith(code, enhanced, text, context);
}

/** Whether `phrase` occurs in `text`, as the rules match phrases. */
export function containsPhrase(text: string, phrase: string): boolean {
  return new MatchText([encoder.encode(text)]).containsPhrase(phrase);
}
