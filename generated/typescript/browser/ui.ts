/**
 * The search box of every page of the site, once the search is used: under the box, the
 * verdict on a pasted reply (what `smtp-explain --json` says of it: the reason, retry, bounce,
 * whose side, what to do, what decided it, and the vendor's meaning when one matches, with
 * links to the code pages and to the vendor's entry), then the pages that match the words and
 * codes, ranked by `search.ts`.
 *
 * Every value the verdict shows sits on an element with `data-field` (the key of the
 * `smtp-explain --json` object, dotted for nested keys) and `data-value` (the value as that
 * object has it), so a test can compare the page with the command line field by field; the
 * list {@link VERDICT} says which fields are shown. Text goes in with `textContent` only.
 *
 * (Hand-written.)
 * @module
 */

import { classify } from "../src/classify.js";
import type { Classification } from "../src/classify.js";
import { explain, nextTimeWords } from "../src/explain.js";
import type { Explanation } from "../src/explain.js";
import { toJson } from "../src/json.js";
import type { Json } from "../src/json.js";
import { Reply } from "../src/reply.js";
import { vendorEntries } from "../src/vendor.js";
import type { BrowserData } from "./data.js";
import { candidates, search } from "./search.js";

/** How many results are listed. */
const LIMIT = 12;

/**
 * A row of the verdict: the explanation's key, its label, and its words for people. A row
 * whose value is an object (`retry_policy`) says it in `object`'s words, and carries the
 * object as compact JSON, keys sorted, in `data-value` (the browser test compares it with the command line's).
 */
interface Row {
  readonly field: string;
  readonly label: string;
  readonly words?: (value: string, d: BrowserData) => string;
  readonly object?: (c: Classification) => string | undefined;
}

/**
 * The verdict's rows, in order. A key added to `smtp-explain --json` is shown, and checked
 * against the command line by the site's browser test, by adding its row here.
 */
export const VERDICT: readonly Row[] = [
  { field: "retry", label: "Retry", words: (v, d) => d.site.words.retry[v] ?? v },
  { field: "bounce", label: "Bounce", words: (v, d) => capital(d.site.words.bounce[v] ?? v) },
  { field: "side", label: "Whose side", words: (v, d) => d.site.words.side[v] ?? v },
  { field: "advice", label: "What to do" },
  {
    field: "retry_policy",
    label: "Next time",
    object: (c) => (c.retryPolicy === undefined ? undefined : nextTimeWords(c.retryPolicy)),
  },
  { field: "decided_by", label: "What decided it" },
];

/** The vendor's part of the verdict, shown when a vendor entry matches. */
export const VENDOR: readonly Row[] = [
  { field: "vendor.meaning", label: "Meaning" },
  { field: "vendor.sender_action", label: "What to do" },
  { field: "vendor.retry", label: "Retry", words: (v, d) => capital(d.site.words.vendor_retry[v] ?? v) },
];

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The value at a dotted key of an explanation. */
function at(x: Explanation, path: string): Json | undefined {
  let v: Json | undefined = x as unknown as Json;
  for (const k of path.split(".")) {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
    v = (v as { [k: string]: Json })[k];
  }
  return v;
}

/**
 * The reply in a pasted text: the whole text when it is one, else the first line that holds
 * one after `smtp;` (a delivery report's Diagnostic-Code) or at its start.
 */
export function findReply(text: string): string | undefined {
  const whole = text.trim();
  if (whole === "") return undefined;
  if (parses(whole)) return whole;
  for (const line of whole.split(/\r?\n/)) {
    const m = /(?:^|smtp;)\s*([245][0-9][0-9](?:[ -].*)?)$/i.exec(line.trim());
    if (m !== null && m[1] !== undefined && parses(m[1])) return m[1];
  }
  return undefined;
}

function parses(text: string): boolean {
  try {
    Reply.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A small DOM builder: an element with attributes and children (strings become text). */
function el(doc: Document, tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** An element showing one field: its words, with the value in `data-value`. */
function field(
  doc: Document,
  tag: string,
  x: Explanation,
  c: Classification,
  row: Row,
  d: BrowserData,
): HTMLElement | undefined {
  const v = at(x, row.field);
  if (v === undefined || v === null) return undefined;
  if (typeof v === "object") {
    const words = row.object?.(c);
    if (words === undefined) return undefined;
    return el(doc, tag, { "data-field": row.field, "data-value": toJson(v) }, words);
  }
  const value = String(v);
  return el(doc, tag, { "data-field": row.field, "data-value": value }, row.words ? row.words(value, d) : value);
}

function rows(doc: Document, x: Explanation, c: Classification, list: readonly Row[], d: BrowserData): HTMLElement {
  const dl = el(doc, "dl", { class: "verdict-rows" });
  for (const row of list) {
    const dd = field(doc, "dd", x, c, row, d);
    if (dd !== undefined) dl.append(el(doc, "div", {}, el(doc, "dt", {}, row.label), dd));
  }
  return dl;
}

/** The verdict on a reply, and the explanation it shows. */
function verdict(doc: Document, reply: string, root: string, d: BrowserData): { box: HTMLElement; x: Explanation } {
  const x = explain(reply, root);
  const c = classify(reply);
  const box = el(doc, "section", { class: "verdict", "aria-labelledby": "verdict-h" });
  box.append(el(doc, "h2", { id: "verdict-h" }, "What this reply means"));
  // Wrapped, not scrolled (the style sheet's pre-wrap), so it needs no keyboard focus.
  const read = el(doc, "pre", { class: "verdict-input", "data-field": "input", "data-value": reply });
  read.append(el(doc, "code", {}, reply));
  box.append(read);
  const reason = el(doc, "p", { class: "verdict-reason", "data-field": "reason", "data-value": String(x.reason) });
  reason.append(el(doc, "strong", { "data-field": "reason_title", "data-value": String(x.reason_title) }, String(x.reason_title)));
  box.append(reason);
  box.append(rows(doc, x, c, VERDICT, d));
  const v = c.vendor;
  if (v !== undefined) {
    const i = vendorEntries().indexOf(v);
    const href = `${root}${d.site.vendor_pages[d.vendors.VENDOR_ENTRIES[i]?.vendor ?? -1] ?? ""}#${d.site.anchors[i] ?? ""}`;
    const part = el(doc, "div", { class: "verdict-vendor", "data-field": "vendor.vendor", "data-value": v.vendor.slug });
    const name = el(doc, "span", { "data-field": "vendor.name", "data-value": v.vendor.name }, v.vendor.name);
    part.append(el(doc, "h3", {}, "What ", name, " means by it"));
    part.append(rows(doc, x, c, VENDOR, d));
    part.append(el(doc, "p", {}, el(doc, "a", { href }, `${v.vendor.name}'s entry, with its source`)));
    box.append(part);
  }
  const links = el(doc, "ul", { class: "verdict-links" });
  const basic = x.basic_info as { page?: Json; text?: Json } | null;
  if (basic !== null && typeof basic.page === "string") {
    links.append(el(doc, "li", {}, el(doc, "a", { href: basic.page }, `Reply code ${String(x.basic)}: ${String(basic.text)}`)));
  }
  const enhanced = x.enhanced_info as { page?: Json; sample_text?: Json } | null;
  const code = c.enhanced?.toString();
  if (enhanced !== null && typeof enhanced.page === "string" && code !== undefined) {
    const title = enhanced.sample_text === "" ? "" : `: ${String(enhanced.sample_text)}`;
    links.append(el(doc, "li", {}, el(doc, "a", { href: enhanced.page }, `Enhanced code ${code}${title}`)));
  }
  if (links.childElementCount > 0) box.append(links);
  return { box, x };
}

/** Wires the search box of the page; draws the results of `initial`, or of what is typed. */
export function start(doc: Document, d: BrowserData): void {
  const input = doc.getElementById("q") as HTMLTextAreaElement | HTMLInputElement | null;
  const out = doc.getElementById("search-results");
  const status = doc.getElementById("search-status");
  if (input === null || out === null || status === null) return;
  const root = doc.querySelector("script[data-root]")?.getAttribute("data-root") ?? "";
  const all = candidates(d);

  const draw = (query: string): void => {
    out.replaceChildren();
    const q = query.trim();
    out.hidden = q === "";
    if (q === "") {
      status.textContent = "";
      out.removeAttribute("data-query");
      return;
    }
    const reply = findReply(q);
    const shown = reply === undefined ? undefined : verdict(doc, reply, root, d);
    if (shown !== undefined) out.append(shown.box);
    const { hits, total } = search(all, q, LIMIT);
    if (hits.length > 0) {
      out.append(el(doc, "h2", { id: "search-hits-h" }, shown !== undefined ? "Pages about it" : "Pages that match"));
      const list = el(doc, "ol", { class: "search-hits", "aria-labelledby": "search-hits-h" });
      for (const h of hits) {
        const item = el(doc, "li", { "data-kind": h.kind });
        item.append(el(doc, "a", { href: root + h.href }, el(doc, "code", {}, h.label), ` ${h.title}`));
        if (h.detail !== "") item.append(el(doc, "p", {}, h.detail));
        list.append(item);
      }
      out.append(list);
    }
    const found = total === 0 ? "no page matches" : `${total} ${total === 1 ? "page matches" : "pages match"}`;
    status.textContent =
      shown !== undefined
        ? `Read as an SMTP reply: ${String(shown.x.reason_title)}; ${found}.`
        : total === 0
          ? "No page matches. Try a code (550, 5.7.26), a provider's tag, or words from the reply."
          : `${capital(found)}${total > hits.length ? `; the first ${hits.length} are listed` : ""}.`;
    out.setAttribute("data-query", query);
  };

  input.addEventListener("input", () => {
    draw(input.value);
    try {
      const url = input.value.trim() ? `?q=${encodeURIComponent(input.value)}` : doc.location.pathname;
      doc.defaultView?.history.replaceState(null, "", url);
    } catch {
      // file:// pages may refuse; the search works anyway.
    }
  });
  input.form?.addEventListener("submit", (e) => {
    e.preventDefault();
    draw(input.value);
  });
  if (input instanceof HTMLTextAreaElement) {
    // Enter searches, Shift+Enter starts a new line (a pasted reply keeps its own lines).
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        draw(input.value);
      }
    });
  }
  let initial = "";
  try {
    initial = new URLSearchParams(doc.location.search).get("q") ?? "";
  } catch {
    initial = "";
  }
  if (initial !== "" && input.value === "") input.value = initial;
  draw(input.value);
}
