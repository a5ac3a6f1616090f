/**
 * Reading whole SMTP replies, single or multi-line: {@link Reply.parse} (lenient: what
 * servers and bounces really contain) and {@link Reply.parseStrict} (RFC 5321 and RFC 2034 to
 * the letter), the enhanced code's state, and every RFC violation with its line and byte.
 *
 * Positions are byte offsets in the UTF-8 input, as in the Rust crate.
 *
 * (Hand-written.)
 * @module
 */

import { EnhancedCode, readReplyCode } from "./codes.js";
import type { EnhancedCodeErrorKind, ReplyCode, ReplyCodeErrorKind } from "./codes.js";
import { ReplyError } from "./reply-error.js";
import type { ReplyErrorKind } from "./reply-error.js";

/**
 * What stands in the enhanced status code's place (the start of the text, RFC 2034
 * section 4): `absent`, `valid`, `malformed` (shaped like a code but not one),
 * `class_mismatch` (its class is not the reply code's first digit) or `inconsistent` (lines
 * carry different codes; `code` is the first, `other` the first that differs).
 */
export type EnhancedState =
  | { readonly name: "absent" }
  | { readonly name: "valid"; readonly code: EnhancedCode }
  | { readonly name: "malformed" }
  | { readonly name: "class_mismatch"; readonly code: EnhancedCode }
  | { readonly name: "inconsistent"; readonly code: EnhancedCode; readonly other: EnhancedCode };

const ABSENT: EnhancedState = Object.freeze({ name: "absent" });
const MALFORMED: EnhancedState = Object.freeze({ name: "malformed" });

/** What follows a line's reply code. `colon`, `tab` and `other` are lenient only. */
export type Separator = "hyphen" | "space" | "none" | "colon" | "tab" | "other";

/** How a line ends. */
export type Terminator = "crlf" | "lf" | "none";

/** How strictly to read a reply, and an optional hard limit on line length (bytes, ending included). */
export interface ParseOptions {
  readonly mode?: "lenient" | "strict";
  readonly maxLineLength?: number;
}

/** Where the parts of one line lie in the input. */
interface LineParts {
  start: number;
  /** End of the content, before the line ending. */
  end: number;
  /** Start of the next line. */
  next: number;
  terminator: Terminator;
  code: ReplyCode;
  separator: Separator;
  /** The byte after the code, for `other` (and `colon`, `tab`). */
  separatorByte: number;
  enhanced: EnhancedState;
  textStart: number;
}

const SP = 0x20;
const HT = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;
const isAlnum = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** How many spaces and tabs `s` has from `from` (up to `to`). */
function whitespace(s: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to && (s[i] === SP || s[i] === HT)) i++;
  return i - from;
}

/** What {@link scanToken} found. */
type Token =
  | { readonly t: "none" }
  | { readonly t: "valid"; readonly code: EnhancedCode; readonly len: number }
  | { readonly t: "malformed"; readonly error: EnhancedCodeErrorKind; readonly len: number };

const NO_TOKEN: Token = { t: "none" };

/**
 * Reads an enhanced-code-shaped token at `s[from..to]`: three runs of digits joined by dots,
 * not followed by `.digit` (an IP address or a version number). A valid code directly
 * followed by a letter, digit or `_` is malformed.
 */
function scanToken(s: Uint8Array, from: number, to: number): Token {
  if (from >= to || !isDigit(s[from])) return NO_TOKEN;
  const slice = s.subarray(from, to);
  const r = EnhancedCode.parsePrefix(slice);
  if (!("kind" in r)) {
    const used = r.used;
    const next = slice[used];
    if (next === DOT && isDigit(slice[used + 1])) return NO_TOKEN;
    if (next !== undefined && (isAlnum(next) || next === 0x5f)) {
      return { t: "malformed", error: { kind: "trailing_characters", position: used }, len: used };
    }
    return { t: "valid", code: r.code, len: used };
  }
  // Not a valid code: is it shaped like one?
  let i = 0;
  let group = 0;
  for (;;) {
    const start = i;
    while (i < slice.length && isDigit(slice[i])) i++;
    if (i === start) return NO_TOKEN;
    group++;
    if (group === 3) break;
    if (i < slice.length && slice[i] === DOT) i++;
    else return NO_TOKEN;
  }
  if (i + 1 < slice.length && slice[i] === DOT && isDigit(slice[i + 1])) return NO_TOKEN;
  const again = EnhancedCode.parsePrefix(slice.subarray(0, i));
  if ("kind" in again) return { t: "malformed", error: again, len: i };
  return { t: "malformed", error: { kind: "trailing_characters", position: again.used }, len: i };
}

/** Whether something shaped like an enhanced code (valid or not) starts at `s[from]`. */
export function scanEnhancedToken(s: Uint8Array, from: number): boolean {
  return scanToken(s, from, s.length).t !== "none";
}

/** Bytes that may come just before an enhanced code found inside text. */
function opensCode(b: number): boolean {
  switch (b) {
    case 0x20: // ' '
    case 0x09: // '\t'
    case 0x23: // '#'
    case 0x28: // '('
    case 0x5b: // '['
    case 0x3c: // '<'
    case 0x7b: // '{'
    case 0x3b: // ';'
    case 0x3a: // ':'
    case 0x2c: // ','
    case 0x3d: // '='
    case 0x22: // '"'
    case 0x27: // "'"
      return true;
    default:
      return false;
  }
}

/** Bytes that may come just after an enhanced code found inside text. */
function closesCode(b: number): boolean {
  switch (b) {
    case 0x20:
    case 0x09:
    case 0x29: // ')'
    case 0x5d: // ']'
    case 0x3e: // '>'
    case 0x7d: // '}'
    case 0x3b: // ';'
    case 0x3a: // ':'
    case 0x2c: // ','
    case 0x2e: // '.'
    case 0x22: // '"'
    case 0x27: // "'"
    case 0x21: // '!'
    case 0x3f: // '?'
    case 0x0d:
    case 0x0a:
      return true;
    default:
      return false;
  }
}

/**
 * The first well-formed enhanced code inside `s[from..to]` that stands as a token of its
 * own: at the start or after whitespace or opening punctuation, and followed by the end,
 * whitespace or closing punctuation.
 */
function findInText(s: Uint8Array, from: number, to: number): EnhancedCode | undefined {
  for (let i = from; i < to; i++) {
    const b = s[i]!;
    if ((b === 0x32 || b === 0x34 || b === 0x35) && (i === from || opensCode(s[i - 1]!))) {
      const t = scanToken(s, i, to);
      if (t.t === "valid") {
        const at = i + t.len;
        if (at >= to || closesCode(s[at]!)) return t.code;
      }
    }
  }
  return undefined;
}

/** Reads a reply code at `s[from..to]`: three digits, the first 2 to 5, no fourth digit. */
function readCode(s: Uint8Array, from: number, to: number): ReplyCode | ReplyCodeErrorKind {
  const a = s[from];
  if (
    to - from >= 3 &&
    a !== undefined &&
    a >= 0x32 &&
    a <= 0x35 &&
    isDigit(s[from + 1]) &&
    isDigit(s[from + 2]) &&
    !(from + 3 < to && isDigit(s[from + 3]))
  ) {
    return (a - 0x30) * 100 + (s[from + 1]! - 0x30) * 10 + (s[from + 2]! - 0x30);
  }
  let digits = 0;
  while (from + digits < to && isDigit(s[from + digits])) digits++;
  if (digits > 3) return { kind: "wrong_length", length: digits };
  return readReplyCode(s.subarray(from, Math.min(to, from + 3)));
}

/** Reads the line starting at `start`; throws only when the line has no reply code. */
function readLine(input: Uint8Array, start: number, number: number, scanEnhanced: boolean): LineParts {
  const lf = input.indexOf(LF, start);
  let end: number;
  let next: number;
  let terminator: Terminator;
  if (lf >= 0 && lf > start && input[lf - 1] === CR) {
    end = lf - 1;
    next = lf + 1;
    terminator = "crlf";
  } else if (lf >= 0) {
    end = lf;
    next = lf + 1;
    terminator = "lf";
  } else {
    end = input.length;
    next = input.length;
    terminator = "none";
  }
  const codeStart = start + whitespace(input, start, end);
  const code = readCode(input, codeStart, end);
  if (typeof code !== "number") throw new ReplyError({ kind: "bad_code", error: code }, number, codeStart);
  const afterCode = codeStart + 3;
  const parts: LineParts = {
    start,
    end,
    next,
    terminator,
    code,
    separator: "none",
    separatorByte: 0,
    enhanced: ABSENT,
    textStart: end,
  };
  if (afterCode >= end) return parts;
  const sep = input[afterCode]!;
  parts.separatorByte = sep;
  switch (sep) {
    case 0x2d:
      parts.separator = "hyphen";
      break;
    case SP:
      parts.separator = "space";
      break;
    case 0x3a:
      parts.separator = "colon";
      break;
    case HT:
      parts.separator = "tab";
      break;
    default:
      parts.separator = "other";
      parts.textStart = afterCode;
      return parts;
  }
  const after = afterCode + 1;
  const gap = whitespace(input, after, end);
  parts.textStart = after;
  if (parts.separator === "colon" && after < end && input[after] === SP) parts.textStart = after + 1;
  if (!scanEnhanced) return parts;
  const token = scanToken(input, after + gap, end);
  if (token.t === "malformed") {
    parts.enhanced = MALFORMED;
  } else if (token.t === "valid") {
    const c = token.code;
    parts.enhanced =
      c.class === Math.floor(code / 100) ? { name: "valid", code: c } : { name: "class_mismatch", code: c };
    const tokenEnd = after + gap + token.len;
    parts.textStart = tokenEnd < end && input[tokenEnd] === SP ? tokenEnd + 1 : tokenEnd;
  }
  return parts;
}

const isLast = (p: LineParts): boolean => p.separator !== "hyphen";

/** RFC 5321 section 4.5.3.1.5: a reply line is at most 512 octets, CRLF included. */
export const RFC_MAX_LINE = 512;

/** The most problems one line can have, with room to spare (as the Rust crate keeps). */
const PER_LINE = 16;

/** What the strict rules remember from line to line. */
class Checker {
  private firstCode: ReplyCode | undefined;
  private firstHasToken = false;
  private firstEnhanced: EnhancedCode | undefined;
  private afterLast = false;

  /** The problems of one line (`number` counts from 1), in order of position. */
  line(input: Uint8Array, p: LineParts, number: number): ReplyError[] {
    const found: ReplyError[] = [];
    const at = (kind: ReplyErrorKind, position: number): void => {
      if (found.length < PER_LINE) found.push(new ReplyError(kind, number, position));
    };
    const codeStart = p.start + whitespace(input, p.start, p.end);
    const afterSep = codeStart + 4;
    const tokenGap =
      p.separator === "none" || p.separator === "other" ? 0 : whitespace(input, afterSep, p.end);
    const tokenStart = afterSep + tokenGap;
    if (this.afterLast) at({ kind: "line_after_last_line" }, p.start);
    this.afterLast = isLast(p);
    const length = p.next - p.start;
    if (length > RFC_MAX_LINE) at({ kind: "line_too_long", length, max: RFC_MAX_LINE }, p.start);
    if (codeStart !== p.start) at({ kind: "leading_whitespace" }, p.start);
    if (Math.floor(p.code / 10) % 10 > 5) at({ kind: "code_outside_grammar", code: p.code }, codeStart);
    if (this.firstCode === undefined) this.firstCode = p.code;
    const firstCode = this.firstCode;
    if (p.code !== firstCode) at({ kind: "code_mismatch", first: firstCode, found: p.code }, codeStart);
    const sepAt = codeStart + 3;
    if (p.separator === "colon" || p.separator === "tab" || p.separator === "other") {
      at({ kind: "bad_separator", found: p.separatorByte }, sepAt);
    }
    const hasToken = p.enhanced.name !== "absent";
    const allowedGap = p.separator === "colon" ? 1 : 0;
    if (hasToken && tokenGap > allowedGap) at({ kind: "misplaced_enhanced_code" }, tokenStart);
    if (number === 1) this.firstHasToken = hasToken;
    else if (hasToken !== this.firstHasToken) at({ kind: "enhanced_code_not_on_every_line" }, tokenStart);
    let code: EnhancedCode | undefined;
    if (p.enhanced.name === "malformed") {
      const t = scanToken(input, tokenStart, p.end);
      if (t.t === "malformed") at({ kind: "malformed_enhanced_code", error: t.error }, tokenStart);
    } else if (p.enhanced.name === "valid" || p.enhanced.name === "class_mismatch") {
      code = p.enhanced.code;
    }
    if (code !== undefined) {
      const tokenEnd = tokenStart + code.toString().length;
      if (p.textStart === tokenEnd && tokenEnd < p.end) at({ kind: "missing_space_after_enhanced_code" }, tokenEnd);
      const digit = Math.floor(p.code / 100);
      if (digit === 3) at({ kind: "enhanced_code_on_intermediate", code }, tokenStart);
      else if (code.class !== digit) at({ kind: "enhanced_class_mismatch", code, reply: p.code }, tokenStart);
      if (this.firstEnhanced === undefined) this.firstEnhanced = code;
      const first = this.firstEnhanced;
      if (!first.equals(code)) at({ kind: "inconsistent_enhanced_code", first, found: code }, tokenStart);
    }
    // Text bytes: RFC 5321's textstring is HT, SP and %d32-126; the first bad byte is enough.
    for (let i = sepAt + 1; i < p.end; i++) {
      const b = input[i]!;
      if (!(b === HT || (b >= 32 && b <= 126))) {
        at({ kind: "invalid_text_byte", byte: b }, i);
        break;
      }
    }
    if (p.terminator === "lf") at({ kind: "bare_lf" }, p.end);
    else if (p.terminator === "none") at({ kind: "missing_line_ending" }, p.end);
    if (!isLast(p) && p.next >= input.length) at({ kind: "incomplete" }, input.length);
    // Stable: kinds found at one position keep their order.
    found.sort((a, b) => a.position - b.position);
    return found;
  }
}

/** One line of a parsed {@link Reply}. */
export class Line {
  /** The line number, from 1. */
  readonly number: number;
  /** This line's reply code. */
  readonly code: ReplyCode;
  /** What follows the reply code. */
  readonly separator: Separator;
  /** The enhanced code at the start of the text (never `inconsistent`). */
  readonly enhanced: EnhancedState;
  /** How the line ends. */
  readonly terminator: Terminator;
  /** The byte offset of the line's start in the input. */
  readonly offset: number;
  readonly #input: Uint8Array;
  readonly #end: number;
  readonly #textStart: number;

  /** @internal */
  constructor(input: Uint8Array, p: LineParts, number: number) {
    this.number = number;
    this.code = p.code;
    this.separator = p.separator;
    this.enhanced = p.enhanced;
    this.terminator = p.terminator;
    this.offset = p.start;
    this.#input = input;
    this.#end = p.end;
    this.#textStart = p.textStart;
  }

  /** The text's bytes: what follows the code, its separator and a valid enhanced code with one space. */
  textBytes(): Uint8Array {
    return this.#input.subarray(this.#textStart, this.#end);
  }

  /** The text (invalid UTF-8 shown as U+FFFD). */
  get text(): string {
    return decoder.decode(this.textBytes());
  }

  /** The line as received, without its line ending. */
  get raw(): string {
    return decoder.decode(this.#input.subarray(this.offset, this.#end));
  }

  /** Whether more lines follow (the code is followed by `-`). */
  get isContinuation(): boolean {
    return this.separator === "hyphen";
  }

  /** The first enhanced code standing on its own inside the text, away from the RFC 2034 position. */
  enhancedInText(): EnhancedCode | undefined {
    return findInText(this.#input, this.#textStart, this.#end);
  }
}

// `ignoreBOM`: a U+FEFF at the start of a text is part of it.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/** The bytes of a reply given as text or bytes. */
export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === "string" ? encoder.encode(input) : input;
}

/**
 * A parsed SMTP reply, single or multi-line.
 *
 * ```ts
 * const reply = Reply.parse("550-5.1.1 The email account does not exist.\r\n550 5.1.1 Learn more\r\n");
 * reply.code;                  // 550
 * reply.enhancedCode?.toString(); // "5.1.1"
 * reply.lines.map((l) => l.text); // ["The email account does not exist.", "Learn more"]
 * ```
 */
export class Reply {
  /** The reply code: the last line's (in lenient mode, when lines differ, the last decides). */
  readonly code: ReplyCode;
  /** The enhanced code in the RFC 2034 position, over all lines. */
  readonly enhanced: EnhancedState;
  /** False when the input ended after a continuation line (`550-...`) without the last line. */
  readonly complete: boolean;
  readonly #input: Uint8Array;
  readonly #parts: readonly LineParts[];
  #lines: readonly Line[] | undefined;

  private constructor(
    input: Uint8Array,
    code: ReplyCode,
    enhanced: EnhancedState,
    complete: boolean,
    parts: LineParts[],
  ) {
    this.#input = input;
    this.code = code;
    this.enhanced = enhanced;
    this.complete = complete;
    this.#parts = parts;
  }

  /** Parses one whole reply leniently; throws {@link ReplyError} on a fatal problem. */
  static parse(input: string | Uint8Array, options: ParseOptions = {}): Reply {
    return parseBytes(toBytes(input), options.mode ?? "lenient", options.maxLineLength);
  }

  /** Parses one whole reply strictly: the first departure from RFC 5321 or RFC 2034 throws. */
  static parseStrict(input: string | Uint8Array, options: ParseOptions = {}): Reply {
    return parseBytes(toBytes(input), "strict", options.maxLineLength);
  }

  /** Like {@link Reply.parse}, returning the error instead of throwing it. */
  static tryParse(input: string | Uint8Array, options: ParseOptions = {}): Reply | ReplyError {
    try {
      return Reply.parse(input, options);
    } catch (e) {
      if (e instanceof ReplyError) return e;
      throw e;
    }
  }

  /** @internal */
  static fromParts(input: Uint8Array, code: ReplyCode, enhanced: EnhancedState, complete: boolean, parts: LineParts[]): Reply {
    return new Reply(input, code, enhanced, complete, parts);
  }

  /** The enhanced code in the RFC 2034 position: `valid` and `class_mismatch` give theirs, `inconsistent` the first. */
  get enhancedCode(): EnhancedCode | undefined {
    const e = this.enhanced;
    return e.name === "valid" || e.name === "class_mismatch" || e.name === "inconsistent" ? e.code : undefined;
  }

  /**
   * The first enhanced code found elsewhere in the text, standing as a token of its own:
   * `(#5.1.1)`, Gmail's `550 550 5.1.1`, `cuda_nsu 4.7.1`. The RFC 2034 position is not searched.
   */
  enhancedInText(): EnhancedCode | undefined {
    for (const p of this.#parts) {
      const c = findInText(this.#input, p.textStart, p.end);
      if (c !== undefined) return c;
    }
    return undefined;
  }

  /** The lines, in order. */
  get lines(): readonly Line[] {
    if (this.#lines === undefined) {
      this.#lines = Object.freeze(this.#parts.map((p, i) => new Line(this.#input, p, i + 1)));
    }
    return this.#lines;
  }

  /** The lines' texts as bytes, without building `Line` objects (for the classifier). */
  textBytes(): Uint8Array[] {
    return this.#parts.map((p) => this.#input.subarray(p.textStart, p.end));
  }

  /** How many lines the reply has (at least 1). */
  get lineCount(): number {
    return this.#parts.length;
  }

  /** Whether the reply has more than one line. */
  get isMultiline(): boolean {
    return this.#parts.length > 1;
  }

  /** The reply's bytes, exactly as given. */
  get bytes(): Uint8Array {
    return this.#input;
  }

  /**
   * Every departure from RFC 5321 and RFC 2034, in input order, as {@link Reply.parseStrict}
   * would report them one at a time. Empty for a reply that parses strictly.
   */
  violations(): ReplyError[] {
    const out: ReplyError[] = [];
    const checker = new Checker();
    let pos = 0;
    this.#parts.forEach((p, i) => {
      out.push(...checker.line(this.#input, p, i + 1));
      pos = p.next;
    });
    if (pos < this.#input.length) {
      out.push(new ReplyError({ kind: "trailing_whitespace" }, this.#parts.length + 1, pos));
    }
    return out;
  }
}

/** What follows a last line at `pos` (not the input's end). */
function afterLastLine(input: Uint8Array, pos: number, number: number): "line" | "whitespace" | "data" {
  let blank = true;
  for (let i = pos; i < input.length; i++) {
    const b = input[i];
    if (b !== SP && b !== HT && b !== CR && b !== LF) {
      blank = false;
      break;
    }
  }
  if (blank) return "whitespace";
  try {
    readLine(input, pos, number + 1, false);
    return "line";
  } catch {
    return "data";
  }
}

function parseBytes(input: Uint8Array, mode: "lenient" | "strict", maxLineLength: number | undefined): Reply {
  if (input.length === 0) throw new ReplyError({ kind: "empty" }, 1, 0);
  const checker = mode === "strict" ? new Checker() : undefined;
  const parts: LineParts[] = [];
  let pos = 0;
  let number = 0;
  let first: EnhancedCode | undefined;
  let other: EnhancedCode | undefined;
  let malformed = false;
  for (;;) {
    number++;
    const p = readLine(input, pos, number, true);
    parts.push(p);
    const length = p.next - p.start;
    if (maxLineLength !== undefined && length > maxLineLength) {
      throw new ReplyError({ kind: "line_too_long", length, max: maxLineLength }, number, p.start);
    }
    if (checker !== undefined) {
      const found = checker.line(input, p, number);
      if (found.length > 0) throw found[0]!;
    }
    const e = p.enhanced;
    if (e.name === "valid" || e.name === "class_mismatch") {
      if (first === undefined) first = e.code;
      else if (!first.equals(e.code) && other === undefined) other = e.code;
    } else if (e.name === "malformed") {
      malformed = true;
    }
    pos = p.next;
    let ends: boolean;
    if (pos >= input.length) ends = true;
    else if (!isLast(p)) ends = false;
    else {
      const after = afterLastLine(input, pos, number);
      if (after === "line") ends = false;
      else if (after === "whitespace") {
        if (checker !== undefined) throw new ReplyError({ kind: "trailing_whitespace" }, number + 1, pos);
        ends = true;
      } else {
        throw new ReplyError({ kind: "trailing_data" }, number + 1, pos);
      }
    }
    if (ends) {
      const code = p.code;
      let enhanced: EnhancedState;
      if (first !== undefined && other !== undefined) enhanced = { name: "inconsistent", code: first, other };
      else if (first !== undefined) {
        enhanced =
          first.class === Math.floor(code / 100)
            ? { name: "valid", code: first }
            : { name: "class_mismatch", code: first };
      } else enhanced = malformed ? MALFORMED : ABSENT;
      return Reply.fromParts(input, code, enhanced, isLast(p), parts);
    }
  }
}
