/**
 * JSON as the Rust tool reads and writes it, so that `smtp-explain --jsonl` gives the same
 * bytes in either language: {@link readJsonLine} is as strict as serde_json (no lone
 * surrogate escapes, numbers within f64, at most 127 levels of nesting), and
 * {@link toJson} / {@link toJsonPretty} write serde_json's compact and pretty forms (keys
 * sorted by byte order, only `"`, `\`, and control characters escaped).
 *
 * (Hand-written.)
 * @module
 */

/** A JSON value as this module writes it. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** What one input line holds. */
export type JsonLine = { readonly kind: "string"; readonly value: string } | { readonly kind: "other" } | { readonly kind: "invalid" };

/** serde_json's recursion limit: this many nested arrays or objects is an error. */
const MAX_DEPTH = 128;

class Invalid extends Error {}

const fail = (): never => {
  throw new Invalid();
};

/** A strict JSON reader over one line. */
class Reader {
  pos = 0;
  constructor(readonly s: string) {}

  ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else break;
    }
  }

  value(depth: number): string | undefined {
    this.ws();
    const c = this.s.charCodeAt(this.pos);
    switch (c) {
      case 0x22:
        return this.string();
      case 0x5b: // [
        this.nest(depth, 0x5d, () => this.value(depth + 1));
        return undefined;
      case 0x7b: // {
        this.nest(depth, 0x7d, () => {
          this.ws();
          if (this.s.charCodeAt(this.pos) !== 0x22) fail();
          this.string();
          this.ws();
          if (this.s.charCodeAt(this.pos) !== 0x3a) fail();
          this.pos++;
          this.value(depth + 1);
        });
        return undefined;
      case 0x74:
        this.word("true");
        return undefined;
      case 0x66:
        this.word("false");
        return undefined;
      case 0x6e:
        this.word("null");
        return undefined;
      default:
        this.number();
        return undefined;
    }
  }

  nest(depth: number, close: number, item: () => void): void {
    if (depth + 1 >= MAX_DEPTH) fail();
    this.pos++;
    this.ws();
    if (this.s.charCodeAt(this.pos) === close) {
      this.pos++;
      return;
    }
    for (;;) {
      item();
      this.ws();
      const c = this.s.charCodeAt(this.pos);
      this.pos++;
      if (c === close) return;
      if (c !== 0x2c) fail();
    }
  }

  word(w: string): void {
    if (this.s.startsWith(w, this.pos)) this.pos += w.length;
    else fail();
  }

  number(): void {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(this.s.slice(this.pos));
    if (m === null || m[0].length === 0) fail();
    const text = m![0];
    if (!Number.isFinite(Number(text))) fail();
    this.pos += text.length;
  }

  hex4(): number {
    const h = this.s.slice(this.pos, this.pos + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail();
    this.pos += 4;
    return parseInt(h, 16);
  }

  string(): string {
    const s = this.s;
    this.pos++;
    let out = "";
    let run = this.pos;
    for (;;) {
      if (this.pos >= s.length) fail();
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) {
        out += s.slice(run, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) fail();
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += s.slice(run, this.pos);
      this.pos++;
      const e = s.charCodeAt(this.pos);
      this.pos++;
      switch (e) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += "\\";
          break;
        case 0x2f:
          out += "/";
          break;
        case 0x62:
          out += "\b";
          break;
        case 0x66:
          out += "\f";
          break;
        case 0x6e:
          out += "\n";
          break;
        case 0x72:
          out += "\r";
          break;
        case 0x74:
          out += "\t";
          break;
        case 0x75: {
          const u = this.hex4();
          if (u >= 0xdc00 && u <= 0xdfff) fail();
          if (u >= 0xd800 && u <= 0xdbff) {
            if (s.charCodeAt(this.pos) !== 0x5c || s.charCodeAt(this.pos + 1) !== 0x75) fail();
            this.pos += 2;
            const low = this.hex4();
            if (low < 0xdc00 || low > 0xdfff) fail();
            out += String.fromCharCode(u, low);
          } else {
            out += String.fromCharCode(u);
          }
          break;
        }
        default:
          fail();
      }
      run = this.pos;
    }
  }
}

/** Reads one line as serde_json would: a string, another value, or not JSON at all. */
export function readJsonLine(line: string): JsonLine {
  const r = new Reader(line);
  try {
    r.ws();
    const isString = r.s.charCodeAt(r.pos) === 0x22;
    const v = r.value(0);
    r.ws();
    if (r.pos !== line.length) return { kind: "invalid" };
    return isString && v !== undefined ? { kind: "string", value: v } : { kind: "other" };
  } catch (e) {
    if (e instanceof Invalid) return { kind: "invalid" };
    throw e;
  }
}

const ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: "\\\\", 0x0a: "\\n", 0x0d: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0c: "\\f" };

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** A JSON string literal as serde_json writes it. */
export function quote(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const e = ESCAPES[c];
    if (e !== undefined) out += e;
    else if (c < 0x20) out += `\\u00${c.toString(16).padStart(2, "0")}`;
    else out += s[i];
  }
  return out + '"';
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** serde_json's compact form, keys sorted. */
export function toJson(v: Json): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return String(v);
    case "string":
      return quote(v);
  }
  if (Array.isArray(v)) return `[${(v as readonly Json[]).map(toJson).join(",")}]`;
  const o = v as { readonly [key: string]: Json };
  const keys = Object.keys(o).sort(byteOrder);
  return `{${keys.map((k) => `${quote(k)}:${toJson(o[k]!)}`).join(",")}}`;
}

/** serde_json's pretty form (two-space indent), keys sorted. */
export function toJsonPretty(v: Json, indent = ""): string {
  if (v === null || typeof v !== "object") return toJson(v);
  const inner = indent + "  ";
  if (Array.isArray(v)) {
    const a = v as readonly Json[];
    if (a.length === 0) return "[]";
    return `[\n${a.map((x) => inner + toJsonPretty(x, inner)).join(",\n")}\n${indent}]`;
  }
  const o = v as { readonly [key: string]: Json };
  const keys = Object.keys(o).sort(byteOrder);
  if (keys.length === 0) return "{}";
  return `{\n${keys.map((k) => `${inner}${quote(k)}: ${toJsonPretty(o[k]!, inner)}`).join(",\n")}\n${indent}}`;
}
