// The committed browser bundle (browser/engine.js, which the generator copies into the site)
// is what its sources build today: a change to the engine in src/ or to the search in browser/
// needs `npm run build:browser`, and this test says so when it was forgotten.

import { readFileSync } from "node:fs";
import { test } from "node:test";
import assert from "node:assert/strict";

import { build, OUTPUT } from "../browser/build.mjs";

test("browser/engine.js is fresh", async () => {
  const built = await build();
  const committed = readFileSync(OUTPUT, "utf8");
  assert.ok(
    built === committed,
    "browser/engine.js is stale: run `npm run build:browser` in generated/typescript and commit it",
  );
});

test("browser/engine.js holds no registry data", () => {
  const committed = readFileSync(OUTPUT, "utf8");
  // Texts only the generated tables hold: a registered sample text and a vendor wording.
  for (const text of ["Bad destination mailbox address", "ExRecipNotFound", "TSS04"]) {
    assert.ok(!committed.includes(text), `engine.js contains ${JSON.stringify(text)}`);
  }
});
