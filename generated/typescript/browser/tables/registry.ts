/**
 * Stands in for `src/tables/registry.ts` in the browser bundle: the same exports, read from the
 * projection `search-data.js` sets (see `../data.ts`). Fields the projection leaves out are
 * empty here: the engine does not read them, and the verdict does not show them.
 *
 * (Hand-written.)
 * @module
 */

import type { EnhancedRow, ReplyRow, TitleRow, TroubleshootingRow } from "../../src/rows.js";
import type {
  COMMANDS as NAMES_C,
  ENHANCED_CODE_NAMES as NAMES_E,
  REPLY_CODE_NAMES as NAMES_R,
} from "../../src/tables/registry.js";
import { data } from "../data.js";

const R = data().registry;

export const PACKAGE_VERSION: string = R.PACKAGE_VERSION;
export const REGISTRY_VERSION: string = R.REGISTRY_VERSION;
export const IANA_UPDATED: string = R.IANA_UPDATED;
export const SITE_URL: string | null = R.SITE_URL;
/** The command names (the generator writes the same list as the package's table). */
export const COMMANDS = R.COMMANDS as typeof NAMES_C;
export const CLASSES: readonly TitleRow[] = R.CLASSES;
export const SUBJECTS: readonly TitleRow[] = R.SUBJECTS;
export const REPLIES: readonly ReplyRow[] = R.REPLIES.map((r) => ({
  name: "",
  description: "",
  meanings: [],
  associated_enhanced: [],
  ...r,
}));
export const ENHANCED: readonly EnhancedRow[] = R.ENHANCED.map((e) => ({
  name: "",
  description: "",
  references: [],
  ...e,
}));
/** The search shows troubleshooting from its own documents; the verdict needs none. */
export const TROUBLESHOOTING: readonly TroubleshootingRow[] = [];
/** The named constants are for programs, not for the site's search. */
export const REPLY_CODE_NAMES = {} as typeof NAMES_R;
export const ENHANCED_CODE_NAMES = {} as typeof NAMES_E;
