/**
 * What is wrong with a reply, and where: {@link ReplyError} and its kinds, worded exactly as
 * the Rust crate words them.
 *
 * (Hand-written.)
 * @module
 */

import type { EnhancedCode, EnhancedCodeErrorKind, ReplyCode, ReplyCodeErrorKind } from "./codes.js";
import { enhancedCodeErrorMessage, replyCodeErrorMessage } from "./codes.js";

/** What is wrong with a reply; `kind` is the stable snake_case name the vectors use. */
export type ReplyErrorKind =
  | { readonly kind: "empty" }
  | { readonly kind: "bad_code"; readonly error: ReplyCodeErrorKind }
  | { readonly kind: "trailing_data" }
  | { readonly kind: "line_too_long"; readonly length: number; readonly max: number }
  | { readonly kind: "too_large"; readonly capacity: number }
  | { readonly kind: "leading_whitespace" }
  | { readonly kind: "code_outside_grammar"; readonly code: ReplyCode }
  | { readonly kind: "code_mismatch"; readonly first: ReplyCode; readonly found: ReplyCode }
  | { readonly kind: "bad_separator"; readonly found: number }
  | { readonly kind: "misplaced_enhanced_code" }
  | { readonly kind: "malformed_enhanced_code"; readonly error: EnhancedCodeErrorKind }
  | { readonly kind: "missing_space_after_enhanced_code" }
  | { readonly kind: "enhanced_code_on_intermediate"; readonly code: EnhancedCode }
  | { readonly kind: "enhanced_class_mismatch"; readonly code: EnhancedCode; readonly reply: ReplyCode }
  | { readonly kind: "inconsistent_enhanced_code"; readonly first: EnhancedCode; readonly found: EnhancedCode }
  | { readonly kind: "enhanced_code_not_on_every_line" }
  | { readonly kind: "invalid_text_byte"; readonly byte: number }
  | { readonly kind: "bare_lf" }
  | { readonly kind: "missing_line_ending" }
  | { readonly kind: "incomplete" }
  | { readonly kind: "line_after_last_line" }
  | { readonly kind: "trailing_whitespace" };

/** The kinds lenient parsing fails on too; the others are RFC violations it reads through. */
export function isFatal(k: ReplyErrorKind): boolean {
  return k.kind === "empty" || k.kind === "bad_code" || k.kind === "trailing_data" || k.kind === "too_large";
}

const hex2 = (b: number): string => b.toString(16).padStart(2, "0");

/** The description of a kind, as the Rust crate's `Display` writes it. */
export function replyErrorKindMessage(k: ReplyErrorKind): string {
  switch (k.kind) {
    case "empty":
      return "the reply is empty";
    case "bad_code":
      return `the line does not start with a reply code: ${replyCodeErrorMessage(k.error)}`;
    case "trailing_data":
      return "data follows the last line of the reply (a line whose code is not followed by `-`)";
    case "line_too_long":
      return `the line is ${k.length} bytes long with its line ending; the limit is ${k.max} (RFC 5321 section 4.5.3.1.5 allows 512)`;
    case "too_large":
      return `the reply does not fit in the ${k.capacity}-byte buffer`;
    case "leading_whitespace":
      return "the line starts with whitespace; the reply code must come first (RFC 5321 section 4.2)";
    case "code_outside_grammar":
      return `reply code ${k.code} has a second digit above 5, outside RFC 5321's grammar (section 4.2)`;
    case "code_mismatch":
      return `reply code ${k.found} differs from the first line's ${k.first}; every line must carry the same code (RFC 5321 section 4.2.1)`;
    case "bad_separator":
      return `the reply code is followed by byte 0x${hex2(k.found)}; expected a space, \`-\` or the line ending (RFC 5321 section 4.2)`;
    case "misplaced_enhanced_code":
      return "the enhanced status code does not begin the text: extra spaces come first (RFC 2034 section 4)";
    case "malformed_enhanced_code":
      return `the text begins with something shaped like an enhanced status code that is not one: ${enhancedCodeErrorMessage(k.error)}`;
    case "missing_space_after_enhanced_code":
      return "the enhanced status code is not followed by a space or the line ending";
    case "enhanced_code_on_intermediate":
      return `enhanced status code ${k.code} on a 3xx reply; RFC 2034 section 4 leaves 3xx replies without one`;
    case "enhanced_class_mismatch":
      return `enhanced status code ${k.code} has class ${k.code.class} but the reply code is ${k.reply}; they must agree (RFC 2034 section 4), and the reply code decides`;
    case "inconsistent_enhanced_code":
      return `enhanced status code ${k.found} differs from the first one, ${k.first}; every line must carry the same (RFC 2034 section 4)`;
    case "enhanced_code_not_on_every_line":
      return "some lines carry an enhanced status code and this one does not, or the other way round (RFC 2034 section 4)";
    case "invalid_text_byte":
      return `byte 0x${hex2(k.byte)} is not allowed in reply text; RFC 5321's textstring is tab, space and printable US-ASCII`;
    case "bare_lf":
      return "the line ends in a bare LF; RFC 5321 section 2.3.8 requires CRLF";
    case "missing_line_ending":
      return "the last line has no CRLF";
    case "incomplete":
      return "the input ends after a continuation line (`-`): the reply's last line is missing";
    case "line_after_last_line":
      return "a line follows the reply's last line; every line but the last must have `-` after its code (RFC 5321 section 4.2.1)";
    case "trailing_whitespace":
      return "whitespace follows the reply's last line";
  }
}

/**
 * Something wrong with a reply, located by line (from 1) and byte offset. Parsing throws it;
 * {@link Reply.violations} lists the non-fatal ones of a leniently parsed reply.
 */
export class ReplyError extends Error {
  /** What is wrong. */
  readonly kind: ReplyErrorKind;
  /** The line it is on, counting from 1. */
  readonly line: number;
  /** The byte offset in the input (UTF-8) where it is. */
  readonly position: number;

  constructor(kind: ReplyErrorKind, line: number, position: number) {
    super(`line ${line}, byte ${position}: ${replyErrorKindMessage(kind)}`);
    this.name = "ReplyError";
    this.kind = kind;
    this.line = line;
    this.position = position;
  }

  /** Whether lenient parsing fails on this too. */
  get fatal(): boolean {
    return isFatal(this.kind);
  }
}
