// Runs axe-core over every page of the rendered site in one headless Chromium, driven through
// the DevTools protocol on a pipe (no extra package), at each width and colour scheme.
//
//   node tools/axe/run.mjs axe SITE_DIR             one JSON line per page and setting
//   node tools/axe/run.mjs heights SITE_DIR PAGE... scrollHeight of each page at 1280 and 375 px
//
// The browser is `$SMTP_CODES_CHROMIUM` or `chromium`. Redirect pages (a meta refresh and a
// link) are skipped: the browser leaves them at once. Used by codegen/tests/axe.rs; axe-core
// comes from `npm ci` in this folder (package-lock.json).

import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { launch } from "./cdp.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const [mode, siteArg, ...pageArgs] = process.argv.slice(2);
if (!["axe", "heights"].includes(mode) || !siteArg) {
  console.error("usage: run.mjs axe SITE_DIR | run.mjs heights SITE_DIR PAGE...");
  process.exit(2);
}
const site = resolve(siteArg);

/** Every HTML page under `dir` except the Markdown twin's folder, sorted. */
function pages(dir, prefix = "") {
  const out = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (rel !== "markdown") out.push(...pages(dir, rel));
    } else if (entry.name.endsWith(".html")) {
      out.push(rel);
    }
  }
  return out.sort();
}

const browser = launch();

async function main() {
  const axe =
    mode === "axe" ? readFileSync(join(here, "node_modules/axe-core/axe.min.js"), "utf8") : null;
  const list = (mode === "axe" ? pages(site) : pageArgs).filter(
    (page) =>
      mode !== "axe" || !readFileSync(join(site, page), "utf8").includes('http-equiv="refresh"'),
  );
  const results = new Map();
  let next = 0;
  // A few tabs of one browser share the pages: axe is CPU-bound, and a second tab keeps a
  // second core busy while the first waits on layout.
  const tabs = Math.max(1, Number(process.env.SMTP_CODES_AXE_TABS || 2));
  const worker = async () => {
    const t = await browser.tab(axe);
    while (next < list.length) {
      const page = list[next++];
      const lines = [];
      await t.setting(1280, "light");
      await t.open(site, page);
      if (mode === "heights") {
        const heights = {};
        for (const width of [1280, 375]) {
          await t.setting(width, "light");
          heights[width] = await t.evaluate("document.documentElement.scrollHeight");
        }
        lines.push(JSON.stringify({ page, heights }));
      } else {
        for (const width of [1280, 375]) {
          for (const scheme of ["light", "dark"]) {
            await t.setting(width, scheme);
            const violations = await t.evaluate(`axe.run(document, { resultTypes: ["violations"] })
              .then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")) })))`);
            lines.push(JSON.stringify({ page, width, scheme, violations }));
          }
        }
      }
      results.set(page, lines);
    }
  };
  await Promise.all(Array.from({ length: Math.min(tabs, list.length) }, worker));
  // In the order of the list, whichever tab finished first.
  for (const page of list) for (const line of results.get(page)) console.log(line);
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
