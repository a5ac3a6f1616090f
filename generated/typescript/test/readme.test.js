// Every ```js example of README.md runs, importing the built package by its name.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const entry = new URL("../dist/index.js", import.meta.url).href;

test("the README has examples", () => {
  assert.ok(examples.length >= 3, `${examples.length} examples`);
});

examples.forEach((code, i) => {
  test(`README example ${i + 1}`, async () => {
    assert.match(code, /from "smtp-codes"/);
    const source = code.replaceAll('from "smtp-codes"', `from ${JSON.stringify(entry)}`);
    const log = console.log;
    console.log = () => {};
    try {
      await import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
    } finally {
      console.log = log;
    }
  });
});
