/**
 * Reply codes and enhanced status codes: named constants, parsing, and the registry's data
 * for each code.
 *
 * (Hand-written; the data is generated into `tables/registry.ts`.)
 * @module
 */

import type { EnhancedRow, ReplyRow, TroubleshootingRow } from "./rows.js";
import {
  CLASSES,
  ENHANCED,
  ENHANCED_CODE_NAMES,
  REPLIES,
  REPLY_CODE_NAMES,
  SUBJECTS,
  TROUBLESHOOTING,
} from "./tables/registry.js";

// ---------------------------------------------------------------------------------------
// Reply codes

/**
 * A 3-digit SMTP reply code (RFC 5321 section 4.2): a number from 200 to 599. The constants
 * name every standard and historic code: `ReplyCode.MAILBOX_UNAVAILABLE === 550`.
 */
export type ReplyCode = number;

/** A named constant for every standard and historic reply code. */
export const ReplyCode = REPLY_CODE_NAMES;

/** A named reply code: `550 | 421 | ...`. */
export type KnownReplyCode = (typeof REPLY_CODE_NAMES)[keyof typeof REPLY_CODE_NAMES];

/** Why a text or number is not a reply code. */
export type ReplyCodeErrorKind =
  | { readonly kind: "empty" }
  | { readonly kind: "wrong_length"; readonly length: number }
  | { readonly kind: "not_a_digit"; readonly position: number }
  | { readonly kind: "invalid_first_digit"; readonly digit: number }
  | { readonly kind: "out_of_range"; readonly value: number };

/** The message for a reply code error, as the Rust crate words it. */
export function replyCodeErrorMessage(e: ReplyCodeErrorKind): string {
  switch (e.kind) {
    case "empty":
      return "reply code is empty; expected three digits such as 550";
    case "wrong_length":
      return `reply code has ${e.length} characters; expected exactly three digits such as 550`;
    case "not_a_digit":
      return `reply code has a character that is not an ASCII digit at byte ${e.position}`;
    case "invalid_first_digit":
      return `reply code starts with ${e.digit}; the first digit must be 2, 3, 4 or 5 (RFC 5321 section 4.2)`;
    case "out_of_range":
      return `${e.value} is not a reply code; reply codes are 200 to 599 (RFC 5321 section 4.2)`;
  }
}

/** Thrown by {@link parseReplyCode}. */
export class ReplyCodeError extends Error {
  readonly detail: ReplyCodeErrorKind;
  constructor(detail: ReplyCodeErrorKind) {
    super(replyCodeErrorMessage(detail));
    this.name = "ReplyCodeError";
    this.detail = detail;
  }
}

const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

/** Reads a reply code from exactly three ASCII digits; the error says what is wrong. */
export function readReplyCode(s: Uint8Array): ReplyCode | ReplyCodeErrorKind {
  if (s.length === 0) return { kind: "empty" };
  for (let i = 0; i < s.length && i < 3; i++) {
    if (!isDigit(s[i])) return { kind: "not_a_digit", position: i };
  }
  if (s.length !== 3) return { kind: "wrong_length", length: s.length };
  const d1 = s[0]! - 0x30;
  if (d1 < 2 || d1 > 5) return { kind: "invalid_first_digit", digit: d1 };
  return d1 * 100 + (s[1]! - 0x30) * 10 + (s[2]! - 0x30);
}

/**
 * Parses a reply code (`"550"`) or checks a number (`550`); throws {@link ReplyCodeError}.
 *
 * ```ts
 * parseReplyCode("550") === ReplyCode.MAILBOX_UNAVAILABLE; // true
 * ```
 */
export function parseReplyCode(s: string | number): ReplyCode {
  if (typeof s === "number") {
    if (Number.isInteger(s) && s >= 200 && s <= 599) return s;
    throw new ReplyCodeError({ kind: "out_of_range", value: s });
  }
  const r = readReplyCode(new TextEncoder().encode(s));
  if (typeof r === "number") return r;
  throw new ReplyCodeError(r);
}

/** What the reply code's first digit states (RFC 5321 section 4.2.1). */
export type Severity =
  | "positive_completion"
  | "positive_intermediate"
  | "transient_negative"
  | "permanent_negative";

/** The severity of a reply code. */
export function severity(code: ReplyCode): Severity {
  switch (Math.floor(code / 100)) {
    case 2:
      return "positive_completion";
    case 3:
      return "positive_intermediate";
    case 4:
      return "transient_negative";
    default:
      return "permanent_negative";
  }
}

/** What the second digit says (RFC 5321 section 4.2.1); `non_standard` above 5. */
export type Category =
  | "syntax"
  | "information"
  | "connections"
  | "unspecified"
  | "mail_system"
  | "non_standard";

/** The category of a reply code. */
export function category(code: ReplyCode): Category {
  switch (Math.floor(code / 10) % 10) {
    case 0:
      return "syntax";
    case 1:
      return "information";
    case 2:
      return "connections";
    case 3:
    case 4:
      return "unspecified";
    case 5:
      return "mail_system";
    default:
      return "non_standard";
  }
}

/** A reply code's registry data. */
export interface ReplyInfo extends ReplyRow {
  /** Troubleshooting notes for the code, if the registry has them. */
  readonly troubleshooting: Troubleshooting | undefined;
}

/** Troubleshooting notes. */
export type Troubleshooting = TroubleshootingRow;

const troubleshootingByCode = new Map<string, Troubleshooting>(
  TROUBLESHOOTING.map((t) => [t.code, Object.freeze(t)]),
);

const replyInfos = new Map<number, ReplyInfo>(
  REPLIES.map((r) => [r.code, Object.freeze({ ...r, troubleshooting: troubleshootingByCode.get(String(r.code)) })]),
);

/** What the registry says about a reply code (standard, historic or non-standard), if anything. */
export function replyInfo(code: ReplyCode): ReplyInfo | undefined {
  return replyInfos.get(code);
}

/** Every reply code the registry knows, by code. */
export function allReplyInfos(): readonly ReplyInfo[] {
  return [...replyInfos.values()];
}

// ---------------------------------------------------------------------------------------
// Enhanced codes

/** An enhanced code's class digit: success, persistent transient failure, permanent failure. */
export type EnhancedClass = 2 | 4 | 5;

/** One of the three parts of an enhanced code. */
export type Part = "class" | "subject" | "detail";

/** Why a text is not an enhanced status code (RFC 3463 section 2). */
export type EnhancedCodeErrorKind =
  | { readonly kind: "empty" }
  | { readonly kind: "invalid_class" }
  | { readonly kind: "missing_part"; readonly part: Part }
  | { readonly kind: "empty_part"; readonly part: Part }
  | { readonly kind: "not_a_digit"; readonly part: Part; readonly position: number }
  | { readonly kind: "leading_zero"; readonly part: Part }
  | { readonly kind: "too_many_digits"; readonly part: Part }
  | { readonly kind: "trailing_characters"; readonly position: number }
  | { readonly kind: "out_of_range"; readonly part: Part; readonly value: number };

/** The message for an enhanced code error, as the Rust crate words it. */
export function enhancedCodeErrorMessage(e: EnhancedCodeErrorKind): string {
  switch (e.kind) {
    case "empty":
      return "enhanced status code is empty; expected class.subject.detail such as 5.1.1";
    case "invalid_class":
      return "enhanced status code must start with class 2, 4 or 5 (RFC 3463 section 2)";
    case "missing_part":
      return `enhanced status code ends before its ${e.part}; expected class.subject.detail such as 5.1.1`;
    case "empty_part":
      return `enhanced status code has an empty ${e.part}`;
    case "not_a_digit":
      return `enhanced status code has a character that is not an ASCII digit in its ${e.part} at byte ${e.position}`;
    case "leading_zero":
      return `enhanced status code has a leading zero in its ${e.part} (RFC 3463 section 2 forbids them)`;
    case "too_many_digits":
      return `enhanced status code has more than 3 digits in its ${e.part} (RFC 3463 allows 1 to 3)`;
    case "trailing_characters":
      return `enhanced status code is followed by unexpected characters at byte ${e.position}`;
    case "out_of_range":
      return `enhanced status code ${e.part} ${e.value} is above 999 (RFC 3463 allows 1 to 3 digits)`;
  }
}

/** Thrown by {@link EnhancedCode.parse} and {@link EnhancedCode.of}. */
export class EnhancedCodeError extends Error {
  readonly detail: EnhancedCodeErrorKind;
  constructor(detail: EnhancedCodeErrorKind) {
    super(enhancedCodeErrorMessage(detail));
    this.name = "EnhancedCodeError";
    this.detail = detail;
  }
}

/** An enhanced code's registry data (the same for every class: `X.1.1`). */
export interface EnhancedInfo extends EnhancedRow {
  /** `X.1.1`. */
  readonly code: string;
  /** Troubleshooting notes for the code, if the registry has them. */
  readonly troubleshooting: Troubleshooting | undefined;
}

const enhancedInfos = new Map<number, EnhancedInfo>(
  ENHANCED.map((e) => {
    const code = `X.${e.subject}.${e.detail}`;
    const info: EnhancedInfo = Object.freeze({ ...e, code, troubleshooting: troubleshootingByCode.get(code) });
    return [e.subject * 1000 + e.detail, info];
  }),
);

/** The registry data of `X.subject.detail`, if it is registered. */
export function enhancedInfo(subject: number, detail: number): EnhancedInfo | undefined {
  return enhancedInfos.get(subject * 1000 + detail);
}

/** Every registered enhanced code, by subject and detail. */
export function allEnhancedInfos(): readonly EnhancedInfo[] {
  return [...enhancedInfos.values()];
}

const subjectTitles = new Map<number, string>(SUBJECTS.map((s) => [s.number, s.title]));
const classTitles = new Map<number, string>(CLASSES.map((c) => [c.number, c.title]));

/** The registered title of a class (`Permanent Failure`). */
export function classTitle(c: EnhancedClass): string {
  return classTitles.get(c) ?? "";
}

/** The registered title of a subject (`Addressing Status`), for subjects 0 to 7. */
export function subjectTitle(subject: number): string | undefined {
  return subjectTitles.get(subject);
}

/** Reads one part of a code at `start`: its value and where it ends. */
function readPart(
  s: Uint8Array,
  start: number,
  part: Part,
): { value: number; end: number } | EnhancedCodeErrorKind {
  let i = start;
  let value = 0;
  while (i < s.length && isDigit(s[i])) {
    if (i - start === 3) return { kind: "too_many_digits", part };
    value = value * 10 + (s[i]! - 0x30);
    i++;
  }
  if (i === start) {
    if (i === s.length || s[i] === 0x2e) return { kind: "empty_part", part };
    return { kind: "not_a_digit", part, position: i };
  }
  if (i - start > 1 && s[start] === 0x30) return { kind: "leading_zero", part };
  return { value, end: i };
}

/**
 * An enhanced mail system status code (RFC 3463), such as `5.1.1`: any well-formed code,
 * registered or not. Values are immutable; compare them with {@link EnhancedCode.equals}.
 *
 * ```ts
 * const code = EnhancedCode.parse("5.1.1");
 * code.info()?.sample_text; // "Bad destination mailbox address"
 * code.isConsistentWith(ReplyCode.MAILBOX_UNAVAILABLE); // true
 * ```
 */
export class EnhancedCode {
  /** The class digit: 2, 4 or 5. */
  readonly class: EnhancedClass;
  /** The subject, 0 to 999. */
  readonly subject: number;
  /** The detail, 0 to 999. */
  readonly detail: number;

  private constructor(cls: EnhancedClass, subject: number, detail: number) {
    this.class = cls;
    this.subject = subject;
    this.detail = detail;
    Object.freeze(this);
  }

  /** A code from its parts; throws {@link EnhancedCodeError} when a part is out of range. */
  static of(cls: number, subject: number, detail: number): EnhancedCode {
    if (cls !== 2 && cls !== 4 && cls !== 5) throw new EnhancedCodeError({ kind: "invalid_class" });
    for (const [part, value] of [
      ["subject", subject],
      ["detail", detail],
    ] as const) {
      if (!Number.isInteger(value) || value < 0 || value > 999) {
        throw new EnhancedCodeError({ kind: "out_of_range", part, value });
      }
    }
    return new EnhancedCode(cls, subject, detail);
  }

  /**
   * Reads a code at the start of `input` (bytes or text): the code and how many bytes it
   * used, or why it is not one. What follows is not looked at.
   */
  static parsePrefix(input: Uint8Array | string): { code: EnhancedCode; used: number } | EnhancedCodeErrorKind {
    const s = typeof input === "string" ? new TextEncoder().encode(input) : input;
    if (s.length === 0) return { kind: "empty" };
    const c = s[0]! - 0x30;
    if (c !== 2 && c !== 4 && c !== 5) return { kind: "invalid_class" };
    if (s.length === 1) return { kind: "missing_part", part: "subject" };
    if (s[1] !== 0x2e) {
      if (isDigit(s[1])) return { kind: "invalid_class" };
      return { kind: "missing_part", part: "subject" };
    }
    const subject = readPart(s, 2, "subject");
    if ("kind" in subject) return subject;
    const i = subject.end;
    if (i === s.length) return { kind: "missing_part", part: "detail" };
    if (s[i] !== 0x2e) return { kind: "not_a_digit", part: "subject", position: i };
    const detail = readPart(s, i + 1, "detail");
    if ("kind" in detail) return detail;
    return { code: new EnhancedCode(c, subject.value, detail.value), used: detail.end };
  }

  /** Parses a whole code (`"5.1.1"`); throws {@link EnhancedCodeError}. */
  static parse(input: string): EnhancedCode {
    const r = EnhancedCode.tryParse(input);
    if (r instanceof EnhancedCode) return r;
    throw new EnhancedCodeError(r);
  }

  /** Parses a whole code, returning why it is not one instead of throwing. */
  static tryParse(input: string | Uint8Array): EnhancedCode | EnhancedCodeErrorKind {
    const s = typeof input === "string" ? new TextEncoder().encode(input) : input;
    const r = EnhancedCode.parsePrefix(s);
    if ("kind" in r) return r;
    if (r.used !== s.length) return { kind: "trailing_characters", position: r.used };
    return r.code;
  }

  /** The wire form, `5.1.1`. */
  toString(): string {
    return `${this.class}.${this.subject}.${this.detail}`;
  }

  /** The wire form, for `JSON.stringify`. */
  toJSON(): string {
    return this.toString();
  }

  /** Whether both are the same code. */
  equals(other: EnhancedCode | null | undefined): boolean {
    return (
      other != null && other.class === this.class && other.subject === this.subject && other.detail === this.detail
    );
  }

  /** `X.1.1` when the code is registered (in any class), else `undefined`. */
  get known(): string | undefined {
    return this.info()?.code;
  }

  /** The registry's data for the code (`X.1.1`), if it is registered. */
  info(): EnhancedInfo | undefined {
    return enhancedInfo(this.subject, this.detail);
  }

  /** The registered title of the subject (`Addressing Status`), for subjects 0 to 7. */
  subjectTitle(): string | undefined {
    return subjectTitle(this.subject);
  }

  /** Whether the class digit is the reply code's first digit. */
  classMatches(reply: ReplyCode): boolean {
    return this.class === Math.floor(reply / 100);
  }

  /**
   * Whether the code may go with `reply`: the classes agree and, for a registered code that
   * lists its reply codes, `reply` is one of them or of a listed class.
   */
  isConsistentWith(reply: ReplyCode): boolean {
    if (!this.classMatches(reply)) return false;
    const info = this.info();
    if (info === undefined || info.basic_codes_any) return true;
    if (info.basic_codes.length === 0 && info.basic_codes_classes.length === 0) return true;
    return info.basic_codes.includes(reply) || info.basic_codes_classes.includes(Math.floor(reply / 100));
  }

  /** 2.x.x. */
  isSuccess(): boolean {
    return this.class === 2;
  }
  /** 4.x.x. */
  isTransient(): boolean {
    return this.class === 4;
  }
  /** 5.x.x. */
  isPermanent(): boolean {
    return this.class === 5;
  }
}

type EnhancedNames = { readonly [K in keyof typeof ENHANCED_CODE_NAMES]: EnhancedCode };

/**
 * A named constant for every registered enhanced code, once per class it is used with:
 * `EnhancedCodes.PERMANENT_BAD_DESTINATION_MAILBOX_ADDRESS` is `5.1.1`.
 */
export const EnhancedCodes: EnhancedNames = Object.freeze(
  Object.fromEntries(
    Object.entries(ENHANCED_CODE_NAMES).map(([name, wire]) => [name, EnhancedCode.parse(wire)]),
  ) as { [K in keyof typeof ENHANCED_CODE_NAMES]: EnhancedCode },
);

/** Troubleshooting notes for a code (`550` or `X.1.1`), if the registry has them. */
export function troubleshooting(code: string): Troubleshooting | undefined {
  return troubleshootingByCode.get(code);
}
