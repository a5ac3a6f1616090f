/**
 * Stands in for `src/tables/classifier.ts` in the browser bundle (see `registry.ts` beside it).
 *
 * (Hand-written.)
 * @module
 */

import type { CodeReasonRow, ReasonRow, RetryDefaultsRow, RuleRow } from "../../src/rows.js";
import { data } from "../data.js";

const C = data().classifier;

export const RETRY_DEFAULTS: RetryDefaultsRow = C.RETRY_DEFAULTS;
export const REASONS: readonly ReasonRow[] = C.REASONS.map((r) => ({ sisimai: null, ...r }));
export const ENHANCED_DEFAULTS: readonly CodeReasonRow[] = C.ENHANCED_DEFAULTS;
export const GENERIC_ENHANCED: readonly string[] = C.GENERIC_ENHANCED;
export const SUBJECT_DEFAULTS: readonly CodeReasonRow[] = C.SUBJECT_DEFAULTS;
export const BASIC_DEFAULTS: readonly CodeReasonRow[] = C.BASIC_DEFAULTS;
export const RULES: readonly RuleRow[] = C.RULES;
