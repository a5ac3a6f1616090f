/**
 * {@link ReplyWriter}: writes replies that parse back to what was written, refusing what
 * RFC 5321 and RFC 2034 do not allow.
 *
 * ```ts
 * new ReplyWriter(ReplyCode.MAILBOX_UNAVAILABLE, { enhanced: EnhancedCode.parse("5.1.1") })
 *   .write(["No such user", "Check the address"]);
 * // "550-5.1.1 No such user\r\n550 5.1.1 Check the address\r\n"
 * ```
 *
 * (Hand-written.)
 * @module
 */

import type { EnhancedCode, ReplyCode } from "./codes.js";
import { RFC_MAX_LINE, scanEnhancedToken } from "./reply.js";

/**
 * Where the reply goes: RFC 2034 puts enhanced codes on replies to commands, not on the
 * greeting or the reply to EHLO/HELO, so those are written without one.
 */
export type ReplyContext = "command" | "greeting" | "hello";

/** Why a reply cannot be written. */
export type WriteErrorKind =
  | { readonly kind: "line_break"; readonly line: number; readonly position: number }
  | { readonly kind: "invalid_character"; readonly line: number; readonly position: number }
  | { readonly kind: "line_too_long"; readonly line: number; readonly length: number }
  | { readonly kind: "class_mismatch"; readonly reply: ReplyCode; readonly enhanced: EnhancedCode }
  | { readonly kind: "ambiguous_text"; readonly line: number }
  | { readonly kind: "code_outside_grammar"; readonly reply: ReplyCode };

function message(e: WriteErrorKind): string {
  switch (e.kind) {
    case "line_break":
      return `line ${e.line} contains CR or LF at byte ${e.position}; give each line of text separately`;
    case "invalid_character":
      return `line ${e.line} has a character at byte ${e.position} that RFC 5321 does not allow in reply text (tab, space and printable US-ASCII only)`;
    case "line_too_long":
      return `line ${e.line} would be ${e.length} bytes long with CRLF; RFC 5321 section 4.5.3.1.5 allows 512`;
    case "class_mismatch":
      return `enhanced code ${e.enhanced} does not agree with reply code ${e.reply}: the class must equal the reply code's first digit (RFC 2034 section 4)`;
    case "ambiguous_text":
      return `line ${e.line} begins with something shaped like an enhanced status code, which a reader would take for one`;
    case "code_outside_grammar":
      return `reply code ${e.reply} is outside RFC 5321's grammar (second digit 0 to 5, section 4.2)`;
  }
}

/** Thrown by {@link ReplyWriter.write} and {@link ReplyWriter.check}. */
export class WriteError extends Error {
  readonly detail: WriteErrorKind;
  constructor(detail: WriteErrorKind) {
    super(message(detail));
    this.name = "WriteError";
    this.detail = detail;
  }
}

const encoder = new TextEncoder();

/** Writes one reply: a code, an optional enhanced code, and lines of text. */
export class ReplyWriter {
  readonly code: ReplyCode;
  readonly enhanced: EnhancedCode | undefined;
  readonly context: ReplyContext;

  constructor(code: ReplyCode, options: { enhanced?: EnhancedCode; context?: ReplyContext } = {}) {
    this.code = code;
    this.enhanced = options.enhanced;
    this.context = options.context ?? "command";
  }

  /** The enhanced code the reply carries: none on 3xx replies, greetings and EHLO/HELO replies. */
  get writtenEnhanced(): EnhancedCode | undefined {
    return Math.floor(this.code / 100) === 3 || this.context !== "command" ? undefined : this.enhanced;
  }

  /** Throws {@link WriteError} when the lines cannot be written as a valid reply. */
  check(lines: readonly string[]): void {
    if (Math.floor(this.code / 10) % 10 > 5) throw new WriteError({ kind: "code_outside_grammar", reply: this.code });
    const enhanced = this.writtenEnhanced;
    if (enhanced !== undefined && enhanced.class !== Math.floor(this.code / 100)) {
      throw new WriteError({ kind: "class_mismatch", reply: this.code, enhanced });
    }
    const prefix = 4 + (enhanced === undefined ? 0 : enhanced.toString().length + 1);
    lines.forEach((s, i) => {
      const line = i + 1;
      const text = encoder.encode(s);
      for (let position = 0; position < text.length; position++) {
        const b = text[position]!;
        if (b === 0x0d || b === 0x0a) throw new WriteError({ kind: "line_break", line, position });
        if (!(b === 0x09 || (b >= 32 && b <= 126))) throw new WriteError({ kind: "invalid_character", line, position });
      }
      const length = text.length === 0 && enhanced !== undefined ? prefix - 1 + 2 : prefix + text.length + 2;
      if (length > RFC_MAX_LINE) throw new WriteError({ kind: "line_too_long", line, length });
      if (enhanced === undefined) {
        let start = 0;
        while (start < text.length && (text[start] === 0x20 || text[start] === 0x09)) start++;
        if (scanEnhancedToken(text, start)) throw new WriteError({ kind: "ambiguous_text", line });
      }
    });
  }

  /** The reply's wire form, CRLF after every line; no lines gives one line with no text. */
  write(lines: readonly string[]): string {
    this.check(lines);
    const enhanced = this.writtenEnhanced;
    const count = Math.max(lines.length, 1);
    let out = "";
    for (let i = 0; i < count; i++) {
      const text = lines[i] ?? "";
      out += String(this.code) + (i + 1 < count ? "-" : " ");
      if (enhanced !== undefined) {
        out += enhanced.toString();
        if (text !== "") out += " ";
      }
      out += text + "\r\n";
    }
    return out;
  }
}
