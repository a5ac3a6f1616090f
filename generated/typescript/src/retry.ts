/**
 * What to do next time: the retry policy a classification carries, resolved from the data as
 * the Rust crate resolves it (`classify::retry`).
 *
 * The policies are data (`retry_defaults`, each reason's and each vendor entry's
 * `retry_policy` in `data/`), generated into `tables/`. A classification's policy is the first
 * of:
 *
 * 1. the caller's rule that decided the reason, if it carries a `retryPolicy`;
 * 2. the vendor entry that decided the reason, if it has a policy;
 * 3. the reason's policy, adjusted to the reply's class: on a transient (4yz) reply a policy
 *    that says `never` does not count; on a permanent (5yz) reply one that says `later`
 *    counts as `after_fix` with no timing (its `how` is the change to make);
 * 4. {@link RETRY_DEFAULT_TRANSIENT} or {@link RETRY_DEFAULT_PERMANENT} (RFC 5321 sections
 *    4.5.4.1 and 4.2.1).
 *
 * A policy that says `later` takes each timing field it leaves out from
 * {@link RETRY_DEFAULT_TRANSIENT}; `source` still names the level that chose `retry`.
 * `suppressAddress` is only ever true on a permanent reply. Success (2yz) and intermediate
 * (3yz) replies have no policy.
 *
 * (Hand-written; the policies are generated into `tables/classifier.ts` and
 * `tables/vendors.ts`.)
 * @module
 */

import type { RetryPolicyRow } from "./rows.js";
import { RETRY_DEFAULTS } from "./tables/classifier.js";

/** Whether to retry: `later` (as it is), `after_fix` (only once something is changed), `never`. */
export type Retry = "later" | "after_fix" | "never";

/**
 * Which level of the data decided a {@link RetryPolicy}: the caller's rule, the vendor entry
 * that decided the reason, the reason's policy, or the defaults.
 */
export type PolicySource = "user_rule" | "vendor" | "reason" | "default";

/**
 * What to do next time: whether and when to retry, how, when to give up, and whether to stop
 * mailing the address. Durations are whole seconds; a field the policy leaves out is
 * `undefined`.
 */
export interface RetryPolicy {
  /** Whether to retry. */
  readonly retry: Retry;
  /** The least delay before the next attempt, in seconds. */
  readonly firstAfterSecs: number | undefined;
  /** How the delay grows between attempts (words for people). */
  readonly backoff: string | undefined;
  /** How to send when retrying: fewer connections, a slower rate (words for people). */
  readonly how: string | undefined;
  /** Give up once this many seconds have passed since the first attempt. */
  readonly giveUpAfterSecs: number | undefined;
  /** Give up after this many attempts. */
  readonly giveUpAttempts: number | undefined;
  /** Stop sending to the address (put it on a suppression list). */
  readonly suppressAddress: boolean;
  /** Which level of the data decided `retry`. */
  readonly source: PolicySource;
}

/** A caller's rule's own policy: `retry`, and any other field of {@link RetryPolicy} but `source`. */
export type RetryPolicyInit = { readonly retry: Retry } & Partial<Omit<RetryPolicy, "retry" | "source">>;

const RETRIES: readonly string[] = ["later", "after_fix", "never"];

/** A policy from a generated row, from `source`. */
export function policyFromRow(row: RetryPolicyRow, source: PolicySource): RetryPolicy {
  return Object.freeze({
    retry: row.retry,
    firstAfterSecs: row.first_after_secs ?? undefined,
    backoff: row.backoff ?? undefined,
    how: row.how ?? undefined,
    giveUpAfterSecs: row.give_up_after_secs ?? undefined,
    giveUpAttempts: row.give_up_attempts ?? undefined,
    suppressAddress: row.suppress_address,
    source,
  });
}

const isCount = (n: unknown): boolean => n === undefined || (typeof n === "number" && Number.isSafeInteger(n) && n >= 0);

/**
 * A caller's policy, checked (`retry` one of the three words, durations and attempts whole
 * non-negative numbers) and frozen, from the source `user_rule`. Throws a `TypeError` naming
 * the rule when it is not a policy.
 */
export function policyFromInit(init: RetryPolicyInit, rule: string): RetryPolicy {
  if (!RETRIES.includes(init.retry)) {
    throw new TypeError(`rule \`${rule}\`: retryPolicy.retry must be "later", "after_fix" or "never"`);
  }
  for (const k of ["firstAfterSecs", "giveUpAfterSecs", "giveUpAttempts"] as const) {
    if (!isCount(init[k])) throw new TypeError(`rule \`${rule}\`: retryPolicy.${k} must be a whole number`);
  }
  return Object.freeze({
    retry: init.retry,
    firstAfterSecs: init.firstAfterSecs,
    backoff: init.backoff,
    how: init.how,
    giveUpAfterSecs: init.giveUpAfterSecs,
    giveUpAttempts: init.giveUpAttempts,
    suppressAddress: init.suppressAddress ?? false,
    source: "user_rule",
  });
}

/** What a transient (4yz) reply gets when neither a vendor entry nor the reason says: RFC 5321 section 4.5.4.1. */
export const RETRY_DEFAULT_TRANSIENT: RetryPolicy = policyFromRow(RETRY_DEFAULTS.transient, "default");

/** What a permanent (5yz) reply gets when neither a vendor entry nor the reason says: no retry. */
export const RETRY_DEFAULT_PERMANENT: RetryPolicy = policyFromRow(RETRY_DEFAULTS.permanent, "default");

/**
 * The policy completed for a reply: timing fields left out taken from the transient defaults
 * when it says `later`; `suppressAddress` dropped unless the reply is permanent.
 */
export function completed(p: RetryPolicy, permanent: boolean): RetryPolicy {
  const d = RETRY_DEFAULT_TRANSIENT;
  const later = p.retry === "later";
  return Object.freeze({
    retry: p.retry,
    firstAfterSecs: later ? (p.firstAfterSecs ?? d.firstAfterSecs) : p.firstAfterSecs,
    backoff: later ? (p.backoff ?? d.backoff) : p.backoff,
    how: p.how,
    giveUpAfterSecs: later ? (p.giveUpAfterSecs ?? d.giveUpAfterSecs) : p.giveUpAfterSecs,
    giveUpAttempts: later ? (p.giveUpAttempts ?? d.giveUpAttempts) : p.giveUpAttempts,
    suppressAddress: permanent && p.suppressAddress,
    source: p.source,
  });
}

/**
 * A duration the way the data writes it: whole days (`5d`), else whole hours (`4h`), else
 * minutes (`30m`, rounded down).
 */
export function durationString(secs: number): string {
  if (secs !== 0 && secs % 86_400 === 0) return `${secs / 86_400}d`;
  if (secs !== 0 && secs % 3_600 === 0) return `${secs / 3_600}h`;
  return `${Math.floor(secs / 60)}m`;
}
