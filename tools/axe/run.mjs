// Runs axe-core over every page of the rendered site in one headless Chromium, driven through
// the DevTools protocol on a pipe (no extra package), at each width and colour scheme.
//
//   node tools/axe/run.mjs axe SITE_DIR             one JSON line per page and setting
//   node tools/axe/run.mjs heights SITE_DIR PAGE... scrollHeight of each page at 1280 and 375 px
//
// The browser is `$SMTP_CODES_CHROMIUM` or `chromium`. Redirect pages (a meta refresh and a
// link) are skipped: the browser leaves them at once. Used by codegen/tests/axe.rs; axe-core
// comes from `npm ci` in this folder (package-lock.json).

import { spawn } from "node:child_process";
import { readFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

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

const userData = mkdtempSync(join(tmpdir(), "smtp-codes-axe-"));
const browser = spawn(
  process.env.SMTP_CODES_CHROMIUM || "chromium",
  [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
    `--user-data-dir=${userData}`,
    "about:blank",
  ],
  { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
);
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

let nextId = 1;
const waiting = new Map();
const listeners = [];
let buffer = Buffer.alloc(0);
fromBrowser.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const msg = JSON.parse(buffer.subarray(0, end).toString("utf8"));
    buffer = buffer.subarray(end + 1);
    if (msg.id && waiting.has(msg.id)) {
      const { ok, fail } = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) fail(new Error(JSON.stringify(msg.error)));
      else ok(msg.result);
    } else if (msg.method) {
      for (const l of listeners.splice(0)) {
        if (!l(msg)) listeners.push(l);
      }
    }
  }
});
browser.on("exit", (code) => {
  for (const { fail } of waiting.values()) fail(new Error(`the browser exited (${code})`));
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + "\0");
  return new Promise((ok, fail) => waiting.set(id, { ok, fail }));
}

function once(method, sessionId) {
  return new Promise((ok) =>
    listeners.push((m) => m.method === method && m.sessionId === sessionId && (ok(m), true)),
  );
}

/** One tab: a page target with its own session, visiting pages one after another. */
async function tab(mode, axe) {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  const s = (method, params) => send(method, params, sessionId);
  await s("Page.enable");
  await s("Runtime.enable");
  if (axe) await s("Page.addScriptToEvaluateOnNewDocument", { source: axe });
  const evaluate = async (expression) => {
    const r = await s("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
    return r.result.value;
  };
  const setting = async (width, scheme) => {
    await s("Emulation.setDeviceMetricsOverride", {
      width,
      height: 800,
      deviceScaleFactor: 1,
      mobile: width < 600,
    });
    await s("Emulation.setEmulatedMedia", {
      features: [{ name: "prefers-color-scheme", value: scheme }],
    });
  };
  const open = async (page) => {
    const loaded = once("Page.loadEventFired", sessionId);
    await s("Page.navigate", { url: pathToFileURL(join(site, page)).href });
    await loaded;
  };
  return { evaluate, setting, open };
}

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
    const t = await tab(mode, axe);
    while (next < list.length) {
      const page = list[next++];
      const lines = [];
      await t.setting(1280, "light");
      await t.open(page);
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
  .then((code) => {
    browser.on("exit", () => {
      rmSync(userData, { recursive: true, force: true });
      // Exit only once stdout is flushed: on a pipe its writes are asynchronous.
      process.exitCode = code;
      process.stdout.write("", () => process.exit(code));
    });
    browser.kill();
  });
