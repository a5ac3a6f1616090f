/**
 * Stands in for `src/tables/vendors.ts` in the browser bundle (see `registry.ts` beside it).
 *
 * (Hand-written.)
 * @module
 */

import type { VendorEntryRow, VendorRow } from "../../src/rows.js";
import { data } from "../data.js";

const V = data().vendors;

export const VENDORS: readonly VendorRow[] = V.VENDORS.map((v) => ({ description: "", ...v }));
export const VENDOR_ENTRIES: readonly VendorEntryRow[] = V.VENDOR_ENTRIES.map((e) => ({
  cause: "",
  admin_action: "",
  source_title: "",
  source_url: "",
  read: "",
  ...e,
}));
