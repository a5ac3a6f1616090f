/**
 * What providers and mail servers mean by their own codes and wordings: what Microsoft means
 * by `5.7.708`, or Gmail by `550 5.7.1` when the text says "relay denied". Entries come from
 * `data/vendors/`, each citing the vendor's page and the date it was read.
 *
 * ```ts
 * const hit = bestVendorMatch(550, EnhancedCode.parse("5.7.606"), "Access denied, banned sending IP [192.0.2.1]");
 * hit?.vendor.slug; // "microsoft-exchange-online"
 * ```
 *
 * An entry is found by its codes (a range such as Microsoft's `4.7.500`-`4.7.699` included),
 * its token or its pattern; {@link bestVendorMatch} ranks the entries that match a reply, the
 * first difference deciding:
 *
 * 1. how the text selected it: a token (the vendor's own tag, `TSS04`) over a pattern however
 *    long, over the codes alone ({@link MatchKind});
 * 2. whether the reply is otherwise identified as the vendor's: its remote host ends in one of
 *    the vendor's `hosts`, or its text holds one of the vendor's `markers` (Gmail's `gsmtp`);
 * 3. the length of the token and pattern together;
 * 4. how precisely the entry names the enhanced code: exactly, over a range, over not at all;
 * 5. the order of the tables (vendors by slug, entries as their file lists them).
 *
 * An entry with neither token nor pattern matches on its codes only when it names an enhanced
 * code; when the reply's code is registered by IANA (`4.7.26`), only when the reply is
 * identified as the vendor's (step 2): otherwise the registered meaning holds.
 *
 * (Hand-written; the tables are generated into `tables/vendors.ts`.)
 * @module
 */

import { EnhancedCode } from "./codes.js";
import type { ReplyCode } from "./codes.js";
import { MatchText, Needle } from "./match-text.js";
import { policyFromRow } from "./retry.js";
import type { RetryPolicy } from "./retry.js";
import { VENDOR_ENTRIES, VENDORS } from "./tables/vendors.js";

/** A provider (Gmail, Microsoft 365, Yahoo) or mail server software (Postfix, Exim). */
export interface Vendor {
  /** Short identifier, such as `google-gmail`. */
  readonly slug: string;
  /** Display name. */
  readonly name: string;
  readonly kind: "provider" | "mta";
  /** Who they are, in plain words. */
  readonly description: string;
  /** Host-name suffixes of the vendor's servers (`google.com`, `mail.protection.outlook.com`). */
  readonly hosts: readonly string[];
  /** Text only this vendor sends (`gsmtp`), matched on word boundaries. */
  readonly markers: readonly string[];
}

/** One meaning a vendor gives a code or a wording. */
export interface VendorEntry {
  readonly vendor: Vendor;
  /** The reply code, when the vendor gives one. */
  readonly basic: number | undefined;
  /** The enhanced code with its class, when the vendor gives one (the first of a range). */
  readonly enhanced: EnhancedCode | undefined;
  /**
   * The last code of a range that starts at `enhanced` (same class and subject, higher
   * detail): Microsoft's `4.7.500`-`4.7.699`.
   */
  readonly enhancedTo: EnhancedCode | undefined;
  /** The vendor's own tag in the reply text (`TSS04`, `RP-001`). */
  readonly token: string | undefined;
  /** A fragment of the reply text that selects this meaning (case-insensitive). */
  readonly pattern: string | undefined;
  /** The standard code this entry specialises: `550` or `X.7.1`. */
  readonly refines: string;
  readonly meaning: string;
  readonly cause: string;
  readonly senderAction: string;
  readonly adminAction: string;
  /** The vendor's retry advice. */
  readonly retry: "never" | "later" | "after_fix";
  /** The classifier reason this entry implies, if any (a reason id). */
  readonly reason: string | undefined;
  /** The vendor's own policy for next time (source `vendor`), when it gives one. */
  readonly retryPolicy: RetryPolicy | undefined;
  readonly sourceTitle: string;
  readonly sourceUrl: string;
  /** When the page was read (`YYYY-MM-DD`). */
  readonly read: string;
}

/**
 * How an entry matches a reply, weakest first: by its enhanced code alone, by a pattern in the
 * text, by the vendor's own token in the text. {@link matchKindRank} orders them.
 */
export type MatchKind = "code" | "pattern" | "token";

/** 0 for `code`, 1 for `pattern`, 2 for `token`: a higher kind outranks a lower one. */
export function matchKindRank(kind: MatchKind): number {
  return kind === "token" ? 2 : kind === "pattern" ? 1 : 0;
}

/** Whether the text selected the entry (a token or a pattern), not its codes alone. */
export function isTextMatch(kind: MatchKind): boolean {
  return kind !== "code";
}

interface Compiled {
  readonly entry: VendorEntry;
  readonly token: Needle | undefined;
  readonly pattern: Needle | undefined;
  /** UTF-8 length of the evidence, to prefer the most specific. */
  readonly specificity: number;
  /** 2 for an exact enhanced code, 1 for a range, 0 for none. */
  readonly codePrecision: number;
}

const encoder = new TextEncoder();

const vendors: readonly Vendor[] = Object.freeze(
  VENDORS.map((v) =>
    Object.freeze({
      slug: v.slug,
      name: v.name,
      kind: v.kind === "mta" ? ("mta" as const) : ("provider" as const),
      description: v.description,
      hosts: Object.freeze([...v.hosts]),
      markers: Object.freeze([...v.markers]),
    }),
  ),
);

const utf8Length = (s: string | null): number => (s === null ? 0 : encoder.encode(s).length);

const compiled: readonly Compiled[] = VENDOR_ENTRIES.map((r) => {
  const enhanced = r.enhanced === null ? undefined : EnhancedCode.parse(r.enhanced);
  const enhancedTo = r.enhanced_to === null ? undefined : EnhancedCode.parse(r.enhanced_to);
  const entry: VendorEntry = Object.freeze({
    vendor: vendors[r.vendor]!,
    basic: r.basic ?? undefined,
    enhanced,
    enhancedTo,
    token: r.token ?? undefined,
    pattern: r.pattern ?? undefined,
    refines: r.refines,
    meaning: r.meaning,
    cause: r.cause,
    senderAction: r.sender_action,
    adminAction: r.admin_action,
    retry: r.retry as VendorEntry["retry"],
    reason: r.reason ?? undefined,
    retryPolicy: r.retry_policy === null ? undefined : policyFromRow(r.retry_policy, "vendor"),
    sourceTitle: r.source_title,
    sourceUrl: r.source_url,
    read: r.read,
  });
  return {
    entry,
    token: r.token === null ? undefined : new Needle(r.token, false),
    pattern: r.pattern === null ? undefined : new Needle(r.pattern, false),
    specificity: utf8Length(r.pattern) + utf8Length(r.token),
    codePrecision: enhanced === undefined ? 0 : enhancedTo === undefined ? 2 : 1,
  };
});

const entries: readonly VendorEntry[] = Object.freeze(compiled.map((c) => c.entry));

/** Every vendor, by slug. */
export function allVendors(): readonly Vendor[] {
  return vendors;
}

/** Every vendor entry, grouped by vendor. */
export function vendorEntries(): readonly VendorEntry[] {
  return entries;
}

/** The vendor with this slug. */
export function vendorBySlug(slug: string): Vendor | undefined {
  return vendors.find((v) => v.slug === slug);
}

/**
 * Whether the entry's codes (those it names) equal the reply's; a range entry takes any
 * enhanced code of its class and subject from `enhanced` to `enhancedTo`, and never a reply
 * without one.
 */
export function codesMatch(e: VendorEntry, code: ReplyCode, enhanced: EnhancedCode | undefined): boolean {
  if (e.basic !== undefined && e.basic !== code) return false;
  const from = e.enhanced;
  if (from === undefined) return true;
  const to = e.enhancedTo;
  if (to === undefined) return from.equals(enhanced);
  return (
    enhanced !== undefined &&
    enhanced.class === from.class &&
    enhanced.subject === from.subject &&
    from.detail <= enhanced.detail &&
    enhanced.detail <= to.detail
  );
}

const asciiLower = (b: number): number => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

/**
 * Whether `host` (a remote server's name, any case, a final `.` ignored) is `suffix` or ends in
 * `.` and `suffix`: `gmail-smtp-in.l.google.com` is in `google.com`, `notgoogle.com` is not.
 */
function hostIn(hostBytes: Uint8Array, suffix: Uint8Array): boolean {
  let n = hostBytes.length;
  if (n > 0 && hostBytes[n - 1] === 0x2e) n--;
  const m = suffix.length;
  if (n < m) return false;
  for (let i = 0; i < m; i++) if (asciiLower(hostBytes[n - m + i]!) !== asciiLower(suffix[i]!)) return false;
  return n === m || hostBytes[n - m - 1] === 0x2e;
}

const hostSuffixes: readonly (readonly Uint8Array[])[] = vendors.map((v) => v.hosts.map((h) => encoder.encode(h)));

const vendorIndex = new Map<Vendor, number>(vendors.map((v, i) => [v, i]));

function servesHostBytes(vendor: Vendor, host: Uint8Array): boolean {
  const i = vendorIndex.get(vendor);
  const suffixes = i === undefined ? vendor.hosts.map((h) => encoder.encode(h)) : hostSuffixes[i]!;
  return suffixes.some((s) => hostIn(host, s));
}

/**
 * Whether `host` (a remote server's name, any case, a final `.` ignored) is one of the
 * vendor's: it equals one of its `hosts` or ends in `.` and one.
 */
export function vendorServesHost(vendor: Vendor, host: string): boolean {
  return servesHostBytes(vendor, encoder.encode(host));
}

/**
 * The vendor whose `hosts` the remote host belongs to, if any (the longest matching suffix
 * wins: `olc.protection.outlook.com` over `outlook.com`; on a tie, the earlier vendor).
 */
export function vendorOfHost(host: string): Vendor | undefined {
  const h = encoder.encode(host);
  let best: Vendor | undefined;
  let bestLength = -1;
  vendors.forEach((v, i) => {
    for (const s of hostSuffixes[i]!) {
      if (hostIn(h, s) && s.length > bestLength) {
        best = v;
        bestLength = s.length;
      }
    }
  });
  return best;
}

function matchKindIn(c: Compiled, code: ReplyCode, enhanced: EnhancedCode | undefined, text: MatchText): MatchKind | undefined {
  if (!codesMatch(c.entry, code, enhanced)) return undefined;
  if (c.token !== undefined && !text.contains(c.token)) return undefined;
  if (c.pattern !== undefined && !text.contains(c.pattern)) return undefined;
  if (c.token !== undefined) return "token";
  if (c.pattern !== undefined) return "pattern";
  return c.entry.enhanced !== undefined ? "code" : undefined;
}

const textOf = (text: string | Uint8Array | MatchText): MatchText =>
  text instanceof MatchText ? text : new MatchText([typeof text === "string" ? encoder.encode(text) : text]);

/**
 * How this entry matches a reply (`text` is the reply text; case is ignored), if it does. An
 * entry with a token or pattern needs each in the text; one with neither matches on its codes,
 * and only when it names an enhanced code. (Whether such a code-only match may explain the
 * reply is {@link bestVendorMatch}'s concern.)
 */
export function vendorMatchKind(
  entry: VendorEntry,
  code: ReplyCode,
  enhanced: EnhancedCode | undefined,
  text: string | Uint8Array,
): MatchKind | undefined {
  const c = compiled.find((x) => x.entry === entry);
  return c === undefined ? undefined : matchKindIn(c, code, enhanced, textOf(text));
}

/** Every vendor entry that matches a reply, with how it matches. */
export function vendorMatches(
  code: ReplyCode,
  enhanced: EnhancedCode | undefined,
  text: string | Uint8Array,
): { entry: VendorEntry; kind: MatchKind }[] {
  const t = textOf(text);
  const out: { entry: VendorEntry; kind: MatchKind }[] = [];
  for (const c of compiled) {
    const kind = matchKindIn(c, code, enhanced, t);
    if (kind !== undefined) out.push({ entry: c.entry, kind });
  }
  return out;
}

/** The rank of a match: kind, identified, specificity, code precision, compared in that order. */
type Rank = readonly [number, number, number, number];

const greater = (a: Rank, b: Rank): boolean => {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/**
 * The best match with its kind, ranked as the module documentation says, for a reply from
 * `remoteHost` (when known). (The classifier's entry point.)
 */
export function bestVendorMatchIn(
  code: ReplyCode,
  enhanced: EnhancedCode | undefined,
  text: MatchText,
  remoteHost: string | undefined,
): { entry: VendorEntry; kind: MatchKind } | undefined {
  const registered = enhanced?.info() !== undefined;
  const host = remoteHost === undefined ? undefined : encoder.encode(remoteHost);
  // Whether the reply is identified as the vendor's, for the few entries that match.
  const isIdentified = (v: Vendor): boolean =>
    (host !== undefined && servesHostBytes(v, host)) || v.markers.some((m) => text.containsPhrase(m));
  let best: { entry: VendorEntry; kind: MatchKind } | undefined;
  let bestRank: Rank | undefined;
  for (const c of compiled) {
    const kind = matchKindIn(c, code, enhanced, text);
    if (kind === undefined) continue;
    const id = isIdentified(c.entry.vendor);
    if (kind === "code" && registered && !id) continue;
    const rank: Rank = [matchKindRank(kind), id ? 1 : 0, c.specificity, c.codePrecision];
    if (bestRank === undefined || greater(rank, bestRank)) {
      best = { entry: c.entry, kind };
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The vendor entry that best explains a reply, ranked as the module documentation says: a
 * token over a pattern over the codes alone, then a reply identified as the vendor's (by
 * `remoteHost`, when given, or a marker in the text), then the longer evidence, then the more
 * precise code. A vendor's entry for a code IANA registers, with neither token nor pattern,
 * explains only a reply identified as that vendor's.
 */
export function bestVendorMatch(
  code: ReplyCode,
  enhanced: EnhancedCode | undefined,
  text: string | Uint8Array | MatchText,
  remoteHost?: string,
): VendorEntry | undefined {
  return bestVendorMatchIn(code, enhanced, textOf(text), remoteHost)?.entry;
}
