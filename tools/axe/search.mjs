// The site's search box in a real browser: for each case, opens a page of the rendered site
// from file://, types (or passes in ?q=) a query as a person would, waits until the results
// are drawn, and prints one JSON line with what the page shows: the verdict's fields (every
// element with `data-field`, by key, with its `data-value`), the results (kind, link, label),
// the status line, the script errors the page raised, and, when the case asks, axe-core's
// serious and critical violations with the results open (at 1280 and 375 px, light and dark).
//
//   node tools/axe/search.mjs SITE_DIR < cases.jsonl
//
// A case is {"page": "basic/550.html", "query": "...", "via": "typing" | "address", "axe": bool}.
// Used by codegen/tests/search.rs.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { launch } from "./cdp.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const siteArg = process.argv[2];
if (!siteArg) {
  console.error("usage: search.mjs SITE_DIR < cases.jsonl");
  process.exit(2);
}
const site = resolve(siteArg);
const cases = readFileSync(0, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));

const browser = launch();

/** Waits in the page until the results of `query` are drawn (or 20 s pass). */
const waitFor = (query) => `new Promise((ok, fail) => {
  const want = ${JSON.stringify(query)};
  const t0 = Date.now();
  const tick = () => {
    const out = document.getElementById("search-results");
    if (out && out.getAttribute("data-query") === want) return ok(true);
    if (Date.now() - t0 > 20000) return fail(new Error("no results drawn for " + JSON.stringify(want)));
    setTimeout(tick, 20);
  };
  tick();
})`;

/** Types the query into the box as a person does: focus, then the text, then an input event. */
const type = (query) => `(() => {
  const q = document.getElementById("q");
  q.focus();
  q.value = ${JSON.stringify(query)};
  q.dispatchEvent(new Event("input", { bubbles: true }));
  return true;
})()`;

const READ = `(() => {
  const out = document.getElementById("search-results");
  const fields = {};
  for (const e of out.querySelectorAll("[data-field]")) fields[e.getAttribute("data-field")] = e.getAttribute("data-value");
  const hits = [...out.querySelectorAll("ol.search-hits > li")].map((li) => {
    const a = li.querySelector("a");
    return { kind: li.getAttribute("data-kind"), href: a.getAttribute("href"), label: a.querySelector("code").textContent, text: li.textContent };
  });
  const links = [...out.querySelectorAll("a")].map((a) => a.getAttribute("href"));
  return {
    // What the box holds: the query as the engine read it.
    fields,
    hits,
    links,
    status: document.getElementById("search-status").textContent,
    hidden: out.hidden,
    engine: typeof window.SmtpCodes === "object",
    value: document.getElementById("q").value,
  };
})()`;

const AXE = `axe.run(document, { resultTypes: ["violations"] })
  .then(r => r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ")) })))`;

async function main() {
  const axe = readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8");
  const t = await browser.tab(axe);
  let errors = [];
  browser.on(t.sessionId, (m) => {
    if (m.method === "Runtime.exceptionThrown") {
      const d = m.params.exceptionDetails;
      errors.push(d.exception?.description || d.text);
    } else if (m.method === "Log.entryAdded" && m.params.entry.level === "error") {
      errors.push(`${m.params.entry.source}: ${m.params.entry.text} ${m.params.entry.url || ""}`);
    }
  });
  await t.session("Log.enable");
  for (const c of cases) {
    errors = [];
    await t.setting(1280, "light");
    if (c.via === "address") {
      await t.open(site, `${c.page}?q=${encodeURIComponent(c.query)}`);
    } else {
      await t.open(site, c.page);
      await t.evaluate(type(c.query));
    }
    // A text box keeps line breaks as LF only (HTML's API value), whatever was pasted.
    await t.evaluate(waitFor(c.query.replace(/\r\n?/g, "\n")));
    const shown = await t.evaluate(READ);
    const line = { ...c, ...shown, errors: [...errors] };
    if (c.axe) {
      line.violations = [];
      for (const width of [1280, 375]) {
        for (const scheme of ["light", "dark"]) {
          await t.setting(width, scheme);
          for (const v of await t.evaluate(AXE)) line.violations.push({ width, scheme, ...v });
        }
      }
    }
    console.log(JSON.stringify(line));
  }
}

main()
  .then(
    () => 0,
    (e) => {
      console.error(String(e && e.stack ? e.stack : e));
      return 1;
    },
  )
  .then((code) => browser.close(code));
