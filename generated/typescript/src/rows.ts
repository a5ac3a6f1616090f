/**
 * The shapes of the generated tables in `tables/`. The generator writes the rows; these types
 * let `tsc --strict` check every table against what the engine reads.
 *
 * (Hand-written.)
 * @module
 */

/** An enhanced code class or subject and its registered title. */
export interface TitleRow {
  readonly number: number;
  readonly title: string;
}

/** A reference to a defining document. */
export interface RefRow {
  /** `RFC 3463, section 3.2`. */
  readonly text: string;
  readonly url: string;
}

/** One meaning of a reply code. */
export interface MeaningRow {
  readonly text: string;
  /** The defining document, such as `RFC 1985, section 5.1`; `null` for non-standard uses. */
  readonly reference: string | null;
  /** The vendor that uses the code this way, for non-standard meanings. */
  readonly vendor: string | null;
}

/** A reply code's registry data. */
export interface ReplyRow {
  readonly code: number;
  readonly name: string;
  readonly text: string;
  readonly status: "standard" | "historic" | "nonstandard";
  readonly description: string;
  readonly meanings: readonly MeaningRow[];
  /** Enhanced codes used with it, as `X.1.1`. */
  readonly associated_enhanced: readonly string[];
}

/** A registered enhanced code's registry data (class-independent: `X.1.1`). */
export interface EnhancedRow {
  readonly subject: number;
  readonly detail: number;
  readonly name: string;
  readonly sample_text: string;
  readonly description: string;
  readonly basic_codes: readonly number[];
  readonly basic_codes_classes: readonly number[];
  readonly basic_codes_any: boolean;
  readonly usable_as: readonly string[];
  readonly status: "current" | "deprecated";
  readonly replaced_by: string | null;
  readonly references: readonly RefRow[];
}

/** Troubleshooting notes for one code (`550` or `X.1.1`). */
export interface TroubleshootingRow {
  readonly code: string;
  readonly summary: string;
  readonly causes: readonly string[];
  readonly sender_fixes: readonly string[];
  readonly admin_fixes: readonly string[];
}

/**
 * What to do next time, as the data says it (`retry_policy` in `data/`): durations in whole
 * seconds, texts on one line.
 */
export interface RetryPolicyRow {
  readonly retry: "later" | "after_fix" | "never";
  readonly first_after_secs: number | null;
  readonly backoff: string | null;
  readonly how: string | null;
  readonly give_up_after_secs: number | null;
  readonly give_up_attempts: number | null;
  readonly suppress_address: boolean;
}

/** The policies when neither a vendor entry nor the reason gives one. */
export interface RetryDefaultsRow {
  readonly transient: RetryPolicyRow;
  readonly permanent: RetryPolicyRow;
}

/** A reason of the classifier's taxonomy. */
export interface ReasonRow {
  readonly id: string;
  readonly title: string;
  readonly side: string;
  readonly bounce: string;
  readonly sisimai: string | null;
  readonly advice: string;
  /** The reason's own policy, where the data gives one. */
  readonly retry_policy: RetryPolicyRow | null;
}

/** A default reason: `X.1.1`, `X.7` or `550`. */
export interface CodeReasonRow {
  readonly code: string;
  readonly reason: string;
}

/** A built-in text rule. */
export interface RuleRow {
  readonly id: string;
  readonly reason: string;
  readonly any: readonly string[];
  readonly all: readonly string[];
  readonly none: readonly string[];
  readonly classes: readonly number[];
  readonly codes: readonly number[];
  /** `X.1.7`. */
  readonly enhanced: readonly string[];
  readonly weak: boolean;
}

/** A provider or mail server. */
export interface VendorRow {
  readonly slug: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  /** Host-name suffixes of the vendor's servers (`google.com`). */
  readonly hosts: readonly string[];
  /** Text only this vendor sends (`gsmtp`). */
  readonly markers: readonly string[];
}

/** One meaning a vendor gives a code or a wording. */
export interface VendorEntryRow {
  /** Index into `VENDORS`. */
  readonly vendor: number;
  readonly basic: number | null;
  readonly enhanced: string | null;
  /** The last code of a range that starts at `enhanced` (`4.7.699`). */
  readonly enhanced_to: string | null;
  readonly token: string | null;
  readonly pattern: string | null;
  readonly refines: string;
  readonly meaning: string;
  readonly cause: string;
  readonly sender_action: string;
  readonly admin_action: string;
  readonly retry: string;
  readonly reason: string | null;
  readonly source_title: string;
  readonly source_url: string;
  readonly read: string;
  /** The entry's own policy, where the vendor gives one. */
  readonly retry_policy: RetryPolicyRow | null;
}
