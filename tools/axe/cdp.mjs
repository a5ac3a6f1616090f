// Headless Chromium driven through the DevTools protocol on a pipe (no extra package): the
// plumbing tools/axe/run.mjs (axe over every page) and tools/axe/search.mjs (the search box)
// share. The browser is `$SMTP_CODES_CHROMIUM` or `chromium`.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Starts the browser; returns `send`, `tab` and `close`. */
export function launch() {
  const userData = mkdtempSync(join(tmpdir(), "smtp-codes-browser-"));
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

  /**
   * Listens to every event of a session; `f` returns true to stop listening. The events a
   * page's errors come by are `Runtime.exceptionThrown` and `Log.entryAdded`.
   */
  function on(sessionId, f) {
    const l = (m) => {
      if (m.sessionId === sessionId) f(m);
      return false;
    };
    listeners.push(l);
  }

  /** One tab: a page target with its own session, visiting pages one after another. */
  async function tab(preload) {
    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    const s = (method, params) => send(method, params, sessionId);
    await s("Page.enable");
    await s("Runtime.enable");
    if (preload) await s("Page.addScriptToEvaluateOnNewDocument", { source: preload });
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
    /** Opens a page of the site (a path under `site`, with an optional `?query`). */
    const open = async (site, page) => {
      const [path, query] = page.split("?");
      const loaded = once("Page.loadEventFired", sessionId);
      const url = pathToFileURL(join(site, path)).href + (query === undefined ? "" : `?${query}`);
      await s("Page.navigate", { url });
      await loaded;
    };
    return { evaluate, setting, open, session: s, sessionId };
  }

  /** Ends the browser, removes its profile, then exits with `code` once stdout is flushed. */
  function close(code) {
    browser.on("exit", () => {
      rmSync(userData, { recursive: true, force: true });
      // Exit only once stdout is flushed: on a pipe its writes are asynchronous.
      process.exitCode = code;
      process.stdout.write("", () => process.exit(code));
    });
    browser.kill();
  }

  return { send, on, tab, close };
}
