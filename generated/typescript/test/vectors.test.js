// The reply parser's conformance vectors (reply-vectors.json, generated from
// data/reply-vectors.yaml, the same file the Rust crate tests against), run on the built package.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { classify, Reply, ReplyError } from "../dist/index.js";

const { vectors } = JSON.parse(readFileSync(new URL("reply-vectors.json", import.meta.url), "utf8"));

test("there are vectors", () => {
  assert.ok(vectors.length > 50, `${vectors.length} vectors`);
});

for (const v of vectors) {
  test(`vector ${v.name}`, () => {
    const options = { mode: v.mode };
    if (v.max_line_length !== null) options.maxLineLength = v.max_line_length;
    let reply;
    try {
      reply = Reply.parse(v.input, options);
    } catch (e) {
      assert.ok(e instanceof ReplyError, `not a ReplyError: ${e}`);
      assert.notEqual(v.error, null, `failed: ${e.message}`);
      assert.deepEqual(
        { kind: e.kind.kind, line: e.line, position: e.position },
        { kind: v.error.kind, line: v.error.line, position: v.error.position },
      );
      return;
    }
    assert.equal(v.error, null, `parsed, expected error ${JSON.stringify(v.error)}`);
    assert.equal(reply.code, v.basic);
    assert.equal(reply.enhanced.name, v.enhanced_state);
    assert.equal(reply.enhancedCode?.toString() ?? null, v.enhanced);
    const other = reply.enhanced.name === "inconsistent" ? reply.enhanced.other.toString() : null;
    assert.equal(other, v.enhanced_other);
    assert.equal(reply.enhancedInText()?.toString() ?? null, v.enhanced_in_text);
    assert.deepEqual(
      reply.lines.map((l) => l.text),
      v.lines,
    );
    assert.equal(reply.complete, v.complete);
    if (v.classification !== null) {
      const c = classify(reply);
      assert.deepEqual(
        { class: c.outcome, reason: c.reason.id, bounce: c.bounce },
        { class: v.classification.class, reason: v.classification.reason, bounce: v.classification.bounce },
      );
    }
    if (v.mode === "lenient") {
      // A reply that parses strictly has no violations, and the other way round.
      const strictOk = !(Reply.tryParse(v.input, { mode: "strict" }) instanceof ReplyError);
      assert.equal(reply.violations().length === 0, strictOk);
    }
  });
}
