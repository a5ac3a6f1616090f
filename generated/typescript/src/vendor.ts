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
 * (Hand-written; the tables are generated into `tables/vendors.ts`.)
 * @module
 */

import { EnhancedCode } from "./codes.js";
import type { ReplyCode } from "./codes.js";
import { MatchText, Needle } from "./match-text.js";
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
}

/** One meaning a vendor gives a code or a wording. */
export interface VendorEntry {
  readonly vendor: Vendor;
  /** The reply code, when the vendor gives one. */
  readonly basic: number | undefined;
  /** The enhanced code with its class, when the vendor gives one. */
  readonly enhanced: EnhancedCode | undefined;
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
  readonly sourceTitle: string;
  readonly sourceUrl: string;
  /** When the page was read (`YYYY-MM-DD`). */
  readonly read: string;
}

/** How strongly an entry matches: by its codes alone, or by its wording or token (stronger). */
export type MatchKind = "code" | "text";

interface Compiled {
  readonly entry: VendorEntry;
  readonly fragments: readonly Needle[];
  /** UTF-8 length of the evidence, to prefer the most specific. */
  readonly specificity: number;
  /** The entry's enhanced code is registered by IANA. */
  readonly registered: boolean;
}

const vendors: readonly Vendor[] = Object.freeze(
  VENDORS.map((v) => Object.freeze({ ...v, kind: v.kind === "mta" ? ("mta" as const) : ("provider" as const) })),
);

const encoder = new TextEncoder();

const compiled: readonly Compiled[] = VENDOR_ENTRIES.map((r) => {
  const enhanced = r.enhanced === null ? undefined : EnhancedCode.parse(r.enhanced);
  const entry: VendorEntry = Object.freeze({
    vendor: vendors[r.vendor]!,
    basic: r.basic ?? undefined,
    enhanced,
    token: r.token ?? undefined,
    pattern: r.pattern ?? undefined,
    refines: r.refines,
    meaning: r.meaning,
    cause: r.cause,
    senderAction: r.sender_action,
    adminAction: r.admin_action,
    retry: r.retry as VendorEntry["retry"],
    reason: r.reason ?? undefined,
    sourceTitle: r.source_title,
    sourceUrl: r.source_url,
    read: r.read,
  });
  const fragments = [r.token, r.pattern].filter((f): f is string => f !== null).map((f) => new Needle(f, false));
  const specificity = (r.pattern === null ? 0 : encoder.encode(r.pattern).length) + (r.token === null ? 0 : encoder.encode(r.token).length);
  return { entry, fragments, specificity, registered: enhanced?.info() !== undefined };
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

function codesMatch(e: VendorEntry, code: ReplyCode, enhanced: EnhancedCode | undefined): boolean {
  if (e.basic !== undefined && e.basic !== code) return false;
  if (e.enhanced !== undefined && !e.enhanced.equals(enhanced)) return false;
  return true;
}

function matchKindIn(c: Compiled, code: ReplyCode, enhanced: EnhancedCode | undefined, text: MatchText): MatchKind | undefined {
  if (!codesMatch(c.entry, code, enhanced)) return undefined;
  for (const f of c.fragments) if (!text.contains(f)) return undefined;
  if (c.fragments.length > 0) return "text";
  return c.entry.enhanced !== undefined ? "code" : undefined;
}

const textOf = (text: string | Uint8Array | MatchText): MatchText =>
  text instanceof MatchText ? text : new MatchText([typeof text === "string" ? encoder.encode(text) : text]);

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

/**
 * The vendor entry that best explains a reply: one whose pattern or token is in the text (the
 * longest such evidence wins), else one whose enhanced code, unregistered by IANA, is exactly
 * the reply's. Registered enhanced codes alone do not select a vendor.
 */
export function bestVendorMatch(
  code: ReplyCode,
  enhanced: EnhancedCode | undefined,
  text: string | Uint8Array | MatchText,
): VendorEntry | undefined {
  const t = textOf(text);
  let best: Compiled | undefined;
  let bestKind: MatchKind = "code";
  for (const c of compiled) {
    const kind = matchKindIn(c, code, enhanced, t);
    if (kind === undefined) continue;
    if (kind === "code" && c.registered) continue;
    const better =
      best === undefined ||
      (kind === "text" && bestKind === "code") ||
      (kind === bestKind && c.specificity > best.specificity);
    if (better) {
      best = c;
      bestKind = kind;
    }
  }
  return best?.entry;
}
