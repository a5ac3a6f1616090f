/**
 * The data the site's search reads: `search-data.js`, which the generator (`cargo codegen`)
 * writes into `site/`, sets the global `SMTP_CODES_DATA` before this bundle runs. It holds a
 * projection of the package's tables (only the fields the engine and the verdict read; the
 * shims in `tables/` fill the others with empty values) and the site's own part: the words
 * the site uses for sides, bounce types and retry advice, the anchor of each vendor entry on
 * its vendor page, and the search documents.
 *
 * The shape is written by `codegen/src/render/site/search.rs`; keep the two in step.
 *
 * (Hand-written.)
 * @module
 */

import type {
  CodeReasonRow,
  EnhancedRow,
  ReasonRow,
  ReplyRow,
  RetryDefaultsRow,
  RuleRow,
  TitleRow,
  VendorEntryRow,
  VendorRow,
} from "../src/rows.js";

/** A reply code's fields the browser keeps. */
export type SlimReply = Pick<ReplyRow, "code" | "text" | "status">;
/** An enhanced code's fields the browser keeps. */
export type SlimEnhanced = Pick<
  EnhancedRow,
  | "subject"
  | "detail"
  | "sample_text"
  | "basic_codes"
  | "basic_codes_classes"
  | "basic_codes_any"
  | "usable_as"
  | "status"
  | "replaced_by"
>;
/** A reason's fields the browser keeps. */
export type SlimReason = Pick<ReasonRow, "id" | "title" | "side" | "bounce" | "advice" | "retry_policy">;
/** A vendor's fields the browser keeps. */
export type SlimVendor = Pick<VendorRow, "slug" | "name" | "kind" | "hosts" | "markers">;
/** A vendor entry's fields the browser keeps. */
export type SlimVendorEntry = Pick<
  VendorEntryRow,
  | "vendor"
  | "basic"
  | "enhanced"
  | "enhanced_to"
  | "token"
  | "pattern"
  | "refines"
  | "meaning"
  | "sender_action"
  | "retry"
  | "reason"
  | "retry_policy"
>;

/** A page the search can find (not a vendor entry: those come from the engine's table). */
export interface SearchDoc {
  /** `basic`, `enhanced`, `command`, `vendor_page`. */
  readonly kind: "basic" | "enhanced" | "command" | "vendor_page";
  /** The page, relative to the site root. */
  readonly href: string;
  /** `550`, `X.1.1`, `RCPT`, or the vendor's name. */
  readonly label: string;
  /** The title shown after the label. */
  readonly title: string;
  /** The reply code (basic) or `subject * 1000 + detail` (enhanced), when the page is a code's. */
  readonly code: number | null;
  /** Codes associated with it: enhanced keys for a reply code, reply codes for an enhanced code. */
  readonly related: readonly number[];
  /** More text to match words against, lower case (meanings, causes, words of the name). */
  readonly text: string;
}

/** The site's part of the data. */
export interface SiteData {
  /** The words the site's pages use, by identifier. */
  readonly words: {
    readonly side: Readonly<Record<string, string>>;
    readonly bounce: Readonly<Record<string, string>>;
    readonly retry: Readonly<Record<string, string>>;
    readonly vendor_retry: Readonly<Record<string, string>>;
  };
  /** Each vendor's page (parallel to `VENDORS`), relative to the site root. */
  readonly vendor_pages: readonly string[];
  /** Each vendor entry's anchor on its vendor's page (parallel to `VENDOR_ENTRIES`). */
  readonly anchors: readonly string[];
  readonly docs: readonly SearchDoc[];
}

/** Everything `search-data.js` sets. */
export interface BrowserData {
  readonly registry: {
    readonly PACKAGE_VERSION: string;
    readonly REGISTRY_VERSION: string;
    readonly IANA_UPDATED: string;
    readonly SITE_URL: string | null;
    readonly CLASSES: readonly TitleRow[];
    readonly SUBJECTS: readonly TitleRow[];
    /** The command names, as the package's `COMMANDS`. */
    readonly COMMANDS: readonly string[];
    readonly REPLIES: readonly SlimReply[];
    readonly ENHANCED: readonly SlimEnhanced[];
  };
  readonly classifier: {
    readonly RETRY_DEFAULTS: RetryDefaultsRow;
    readonly REASONS: readonly SlimReason[];
    readonly ENHANCED_DEFAULTS: readonly CodeReasonRow[];
    readonly GENERIC_ENHANCED: readonly string[];
    readonly SUBJECT_DEFAULTS: readonly CodeReasonRow[];
    readonly BASIC_DEFAULTS: readonly CodeReasonRow[];
    readonly RULES: readonly RuleRow[];
  };
  readonly vendors: {
    readonly VENDORS: readonly SlimVendor[];
    readonly VENDOR_ENTRIES: readonly SlimVendorEntry[];
  };
  readonly site: SiteData;
}

declare global {
  // Set by search-data.js, a classic script loaded before this one.
  var SMTP_CODES_DATA: BrowserData | undefined;
}

/** The data, or an error saying which script is missing. */
export function data(): BrowserData {
  const d = globalThis.SMTP_CODES_DATA;
  if (d === undefined) throw new Error("search-data.js must be loaded before search-engine.js");
  return d;
}
