/**
 * The site's word and code search: reads a query (codes such as `550`, `5.7.606` or `X.1.1`,
 * vendor tokens such as `TSS04`, words from a reply or a cause, command names, in any mix) and
 * ranks the pages that match it, the most specific first: a vendor entry whose token or wording
 * the query holds, then an enhanced code, then a reply code; for the same strength of match, a
 * vendor entry comes before an enhanced code, and that before a reply code.
 *
 * Pure functions over the data of `search-data.js`; the page is drawn by `ui.ts`.
 *
 * (Hand-written.)
 * @module
 */

import type { BrowserData, SearchDoc } from "./data.js";

/** What a query asks for. */
export interface Query {
  /** Reply codes (`550`). */
  readonly basic: readonly number[];
  /** Enhanced codes: class (`undefined` for `X`), subject and detail. */
  readonly enhanced: readonly { readonly cls: number | undefined; readonly subject: number; readonly detail: number }[];
  /** Lower-case words, codes taken out. */
  readonly words: readonly string[];
  /** The whole query in lower case, for tokens and wordings it holds. */
  readonly lower: string;
}

/** One result. */
export interface Hit {
  readonly kind: "vendor" | SearchDoc["kind"];
  /** Relative to the site root. */
  readonly href: string;
  readonly label: string;
  readonly title: string;
  /** A line under the title: a vendor's name and meaning, or nothing. */
  readonly detail: string;
  readonly score: number;
}

const ENHANCED = /(^|[^0-9A-Za-z.])([245xX])\.([0-9]{1,3})\.([0-9]{1,3})(?![0-9A-Za-z]|\.[0-9])/g;
const REPLY = /(^|[^0-9A-Za-z.])([1-5][0-9][0-9])(?![0-9A-Za-z]|\.[0-9])/g;
const WORD_SPLIT = /[^\p{L}\p{N}@_-]+/u;
/** Words too common in replies to tell pages apart. */
const STOP = new Set(["the", "and", "for", "not", "you", "your", "this", "that", "with", "from", "was", "are", "has", "have", "our", "its", "of", "to", "in", "is", "on", "at", "by", "an", "or", "be", "it", "as", "please", "smtp", "mail", "email", "message"]);

/** Reads the codes and words of a query. */
export function parseQuery(query: string): Query {
  const basic: number[] = [];
  const enhanced: { cls: number | undefined; subject: number; detail: number }[] = [];
  let rest = query.replace(ENHANCED, (_m, pre: string, cls: string, s: string, d: string) => {
    enhanced.push({ cls: cls === "x" || cls === "X" ? undefined : Number(cls), subject: Number(s), detail: Number(d) });
    return `${pre} `;
  });
  rest = rest.replace(REPLY, (_m, pre: string, code: string) => {
    basic.push(Number(code));
    return `${pre} `;
  });
  const words = [
    ...new Set(
      rest
        .toLowerCase()
        .split(WORD_SPLIT)
        .map((w) => w.replace(/^[-_]+|[-_]+$/g, ""))
        .filter((w) => w.length > 1 && !STOP.has(w)),
    ),
  ];
  return { basic, enhanced, words, lower: query.toLowerCase() };
}

/** A page or vendor entry, ready to be scored. */
interface Candidate {
  readonly kind: Hit["kind"];
  readonly href: string;
  readonly label: string;
  readonly title: string;
  readonly detail: string;
  /** The page's own reply code. */
  readonly basic: number | undefined;
  /** The page's own enhanced code (`cls` undefined for a class-independent `X.s.d`). */
  readonly enhanced: { readonly cls: number | undefined; readonly key: number } | undefined;
  /** Associated codes: reply codes (enhanced pages), enhanced keys (reply pages). */
  readonly related: readonly number[];
  /** Lower case: label, title, token, wording. */
  readonly strong: string;
  /** Lower case: everything else worth matching. */
  readonly weak: string;
  /** A vendor entry's token and wording, lower case: a query holding them is a strong match. */
  readonly distinguishers: readonly string[];
  /** A vendor's own enhanced code (not registered by IANA): it alone selects the entry. */
  readonly ownCode: boolean;
  /** Ties go to the more specific kind. */
  readonly rank: number;
}

const RANK = { vendor: 3, enhanced: 2, basic: 1, command: 0, vendor_page: 0 } as const;

/** Every page and vendor entry of the data, built once. */
export function candidates(d: BrowserData): Candidate[] {
  const registered = new Set(d.registry.ENHANCED.map((e) => e.subject * 1000 + e.detail));
  const out: Candidate[] = [];
  d.vendors.VENDOR_ENTRIES.forEach((e, i) => {
    const vendor = d.vendors.VENDORS[e.vendor];
    if (vendor === undefined) return;
    let enhanced: Candidate["enhanced"];
    if (e.enhanced !== null) {
      const [c, s, dd] = e.enhanced.split(".").map(Number) as [number, number, number];
      enhanced = { cls: c, key: s * 1000 + dd };
    }
    const codes = [e.basic, e.enhanced].filter((x) => x !== null).join(" ");
    const distinguishers = [e.token, e.pattern].filter((x): x is string => x !== null && x.trim() !== "").map((x) => x.toLowerCase());
    out.push({
      kind: "vendor",
      href: `${d.site.vendor_pages[e.vendor] ?? ""}#${d.site.anchors[i] ?? ""}`,
      label: codes === "" ? e.refines : codes,
      title: [e.token, e.pattern].filter((x) => x !== null).join(" ") || e.meaning,
      detail: `${vendor.name}: ${e.meaning}`,
      basic: e.basic ?? undefined,
      enhanced,
      related: [],
      strong: [codes, e.token ?? "", e.pattern ?? ""].join(" ").toLowerCase(),
      weak: [vendor.name, vendor.slug, e.meaning, e.sender_action].join(" ").toLowerCase(),
      distinguishers,
      ownCode: enhanced !== undefined && !registered.has(enhanced.key),
      rank: RANK.vendor,
    });
  });
  for (const doc of d.site.docs) {
    out.push({
      kind: doc.kind,
      href: doc.href,
      label: doc.label,
      title: doc.title,
      detail: "",
      basic: doc.kind === "basic" && doc.code !== null ? doc.code : undefined,
      enhanced: doc.kind === "enhanced" && doc.code !== null ? { cls: undefined, key: doc.code } : undefined,
      related: doc.related,
      strong: `${doc.label} ${doc.title}`.toLowerCase(),
      weak: doc.text,
      distinguishers: [],
      ownCode: false,
      rank: RANK[doc.kind],
    });
  }
  return out;
}

/**
 * How well a candidate answers a query; 0 when it does not. An enhanced code says more than a
 * reply code, so it weighs twice as much; a code merely associated with the page's code
 * (X.1.1 and 550) counts a little.
 */
function score(c: Candidate, q: Query): number {
  let codes = 0;
  let conflicts = 0;
  for (const e of q.enhanced) {
    const key = e.subject * 1000 + e.detail;
    if (c.enhanced !== undefined) {
      if (c.enhanced.key !== key) conflicts += 1;
      else codes += c.enhanced.cls === undefined || e.cls === undefined || c.enhanced.cls === e.cls ? 200 : 100;
    } else if (c.kind === "basic" && c.related.includes(key)) {
      codes += 20;
    }
  }
  for (const b of q.basic) {
    if (c.basic !== undefined) {
      if (c.basic !== b) conflicts += 1;
      else codes += 100;
    } else if (c.kind === "enhanced" && c.related.includes(b)) {
      codes += 20;
    }
  }
  let words = 0;
  let found = 0;
  let strong = 0;
  for (const w of q.words) {
    if (c.strong.includes(w)) {
      words += 15;
      found += 1;
      strong += 1;
    } else if (c.weak.includes(w)) {
      words += 5;
      found += 1;
    }
  }
  const all = q.words.length > 0 && found === q.words.length;
  // Most of the words, one of them in a title or wording, is a weaker match of its own.
  const most = strong > 0 && found * 2 >= q.words.length;
  if (codes === 0 && !all && !most) return 0;
  if (all) words += 30;
  if (q.words.length > 1 && c.strong.includes(q.words.join(" "))) words += 50;
  // The query is the page's name: `RCPT`, `550`, `X.1.1`.
  if (q.lower.trim() === c.label.toLowerCase()) words += 100;
  // A vendor entry's token or wording in the query picks that entry out, and so does its
  // code when the code is the vendor's own (not registered by IANA); its other codes, shared
  // with the vendor's other entries and the code's own page, count for half.
  if (c.kind === "vendor") {
    const byText = c.distinguishers.length > 0 && c.distinguishers.every((x) => q.lower.includes(x));
    const byCode = c.ownCode && q.enhanced.some((e) => c.enhanced !== undefined && e.subject * 1000 + e.detail === c.enhanced.key);
    if (byText) words += 200;
    else if (byCode) codes += 100;
    else codes = Math.floor(codes / 2);
  }
  const s = codes + words - 80 * conflicts;
  return s > 0 ? s * 10 + c.rank : 0;
}

/** The candidates that match a query, best first (ties keep the data's order). */
export function search(all: readonly Candidate[], query: string, limit: number): { hits: Hit[]; total: number } {
  const q = parseQuery(query);
  if (q.basic.length === 0 && q.enhanced.length === 0 && q.words.length === 0) return { hits: [], total: 0 };
  const scored: { c: Candidate; s: number; i: number }[] = [];
  all.forEach((c, i) => {
    const s = score(c, q);
    if (s > 0) scored.push({ c, s, i });
  });
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return {
    total: scored.length,
    hits: scored.slice(0, limit).map(({ c, s }) => ({
      kind: c.kind,
      href: c.href,
      label: c.label,
      title: c.title,
      detail: c.detail,
      score: s,
    })),
  };
}
