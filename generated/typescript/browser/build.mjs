// Builds `engine.js`, the site's search engine for the browser: the package's hand-written
// engine (`../src/`) and the search (`entry.ts`, `search.ts`, `ui.ts`) in one classic script
// (an IIFE setting the global `SmtpCodes`), with the generated tables (`../src/tables/`)
// replaced by the shims in `tables/`, which read the data `search-data.js` sets. The bundle
// holds no registry data, so a data change needs only `cargo codegen`; the generator copies
// this file into `site/search-engine.js`.
//
//   npm run build:browser            writes engine.js
//   node browser/build.mjs --check   exits 1 when engine.js is not what the sources build
//
// esbuild is pinned in package.json and package-lock.json, so the output is the same bytes on
// every machine; `test/browser.test.js` fails when the committed file is stale.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const OUTPUT = join(here, "engine.js");

const BANNER =
  "// The smtp-codes engine and the site's search, for the browser: built from\n" +
  "// generated/typescript/src/ and browser/ by `npm run build:browser` (esbuild); do not edit.\n" +
  "// It holds no registry data: search-data.js, which cargo codegen writes, must load first.";

/** Sends `./tables/X.js` imports of the package's sources to the shims in `tables/`. */
const shims = {
  name: "tables-shims",
  setup(build) {
    build.onResolve({ filter: /^\.\/tables\/[a-z]+\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(here, "..", "src"))) return undefined;
      const name = args.path.slice("./tables/".length).replace(/\.js$/, ".ts");
      return { path: join(here, "tables", name) };
    });
  },
};

/** The bundle's text. */
export async function build() {
  const result = await esbuild.build({
    entryPoints: [join(here, "entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "SmtpCodes",
    target: "es2020",
    platform: "browser",
    minify: true,
    legalComments: "none",
    charset: "utf8",
    banner: { js: BANNER },
    plugins: [shims],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await build();
  if (process.argv.includes("--check")) {
    let old = "";
    try {
      old = readFileSync(OUTPUT, "utf8");
    } catch {
      old = "";
    }
    if (old !== text) {
      console.error("browser/engine.js is stale: run `npm run build:browser` in generated/typescript");
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT} (${Buffer.byteLength(text)} bytes)`);
  }
}
