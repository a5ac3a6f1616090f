/**
 * Reply text prepared for matching: lines joined by one space, runs of whitespace folded,
 * ASCII letters in lower case, at most {@link TEXT_CAPACITY} bytes; with an index of the byte
 * pairs it holds, so that most phrases are ruled out without a scan (a phrase can only occur
 * if each of its adjacent byte pairs does).
 *
 * (Hand-written; the same rules as the Rust crate's `classify::MatchText`.)
 * @module
 */

/** How much reply text the classifier reads: longer replies are matched on their first bytes. */
export const TEXT_CAPACITY = 4096;

const encoder = new TextEncoder();

const lower = (b: number): number => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);
const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;

/** Letters, digits and every non-ASCII byte count as word characters. */
export const isWord = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b >= 0x80;

/** A phrase or fragment, encoded once with what matching needs. */
export class Needle {
  /** The bytes searched for, ASCII letters in lower case. */
  readonly bytes: Uint8Array;
  /** Its adjacent byte pairs, as indexes into the pair set. */
  readonly pairs: Uint32Array;
  /** A `*` at the start: no word boundary needed before. */
  readonly openStart: boolean;
  /** A `*` at the end: no word boundary needed after. */
  readonly openEnd: boolean;

  constructor(text: string, wildcards: boolean) {
    let body = text;
    this.openStart = wildcards && text.startsWith("*");
    this.openEnd = wildcards && text.endsWith("*") && text.length > 1;
    if (wildcards) body = text.replace(/^\*+/, "").replace(/\*+$/, "");
    const raw = encoder.encode(body);
    this.bytes = raw.map(lower);
    this.pairs = new Uint32Array(Math.max(0, raw.length - 1));
    for (let i = 0; i + 1 < raw.length; i++) this.pairs[i] = (this.bytes[i]! << 8) | this.bytes[i + 1]!;
  }
}

const needles = new Map<string, Needle>();

/** The phrase's needle (`*` marks an open boundary), cached. */
export function phraseNeedle(phrase: string): Needle {
  let n = needles.get(phrase);
  if (n === undefined) {
    n = new Needle(phrase, true);
    needles.set(phrase, n);
  }
  return n;
}

/** Where text is folded before it is copied to its own, right-sized buffer. */
const scratch = new Uint8Array(TEXT_CAPACITY);

/**
 * The byte pairs of the newest text, as generation stamps: pair `p` occurs in the text of
 * generation `g` when `stamps[p] === g`. One shared table, never cleared, so that indexing a
 * reply allocates nothing; a text whose generation is no longer the newest builds its own
 * table on first use.
 */
const stamps = new Uint32Array(65536);
let generation = 0;

/** Folded, indexed reply text. */
export class MatchText {
  readonly #text: Uint8Array;
  readonly #generation: number;
  #own: Uint8Array | undefined;

  /** Folds and indexes the texts of a reply's lines. */
  constructor(lines: Iterable<Uint8Array>) {
    const buf = scratch;
    let len = 0;
    outer: for (const text of lines) {
      for (let i = 0; i < text.length; i++) {
        if (len === TEXT_CAPACITY) break outer;
        const b = text[i]!;
        if (isSpace(b)) {
          if (len > 0 && buf[len - 1] !== 0x20) buf[len++] = 0x20;
        } else {
          buf[len++] = lower(b);
        }
      }
      if (len > 0 && len < TEXT_CAPACITY && buf[len - 1] !== 0x20) buf[len++] = 0x20;
    }
    while (len > 0 && buf[len - 1] === 0x20) len--;
    this.#text = buf.slice(0, len);
    if (generation === 0xffffffff) {
      stamps.fill(0);
      generation = 0;
    }
    const g = ++generation;
    this.#generation = g;
    for (let i = 0; i + 1 < len; i++) stamps[(buf[i]! << 8) | buf[i + 1]!] = g;
  }

  /** This text's pair set, when the shared table holds a newer text's. */
  #ownPairs(): Uint8Array {
    if (this.#own === undefined) {
      const own = new Uint8Array(65536);
      const t = this.#text;
      for (let i = 0; i + 1 < t.length; i++) own[(t[i]! << 8) | t[i + 1]!] = 1;
      this.#own = own;
    }
    return this.#own;
  }

  /** The folded text's bytes. */
  get bytes(): Uint8Array {
    return this.#text;
  }

  /** Whether every byte pair of the needle occurs in the text. */
  #possible(n: Needle): boolean {
    if (n.bytes.length > this.#text.length) return false;
    const pairs = n.pairs;
    if (this.#generation === generation) {
      const g = this.#generation;
      for (let i = 0; i < pairs.length; i++) if (stamps[pairs[i]!] !== g) return false;
    } else {
      const own = this.#ownPairs();
      for (let i = 0; i < pairs.length; i++) if (own[pairs[i]!] === 0) return false;
    }
    return true;
  }

  /** Where the needle starts, from `from` on; -1 when it does not occur. */
  #find(n: Needle, from: number): number {
    const text = this.#text;
    const needle = n.bytes;
    const last = text.length - needle.length;
    const first = needle[0]!;
    for (let i = from; i <= last; i++) {
      if (text[i] !== first) continue;
      let j = 1;
      while (j < needle.length && text[i + j] === needle[j]) j++;
      if (j === needle.length) return i;
    }
    return -1;
  }

  /**
   * Whether the phrase occurs, ignoring ASCII case, on word boundaries unless the phrase
   * starts or ends with `*`.
   */
  containsPhrase(phrase: string | Needle): boolean {
    const n = typeof phrase === "string" ? phraseNeedle(phrase) : phrase;
    const needle = n.bytes;
    if (needle.length === 0 || !this.#possible(n)) return false;
    const text = this.#text;
    const first = needle[0]!;
    const lastByte = needle[needle.length - 1]!;
    for (let i = this.#find(n, 0); i >= 0; i = this.#find(n, i + 1)) {
      const after = i + needle.length;
      if (
        (n.openStart || !isWord(first) || i === 0 || !isWord(text[i - 1]!)) &&
        (n.openEnd || !isWord(lastByte) || after === text.length || !isWord(text[after]!))
      ) {
        return true;
      }
    }
    return false;
  }

  /** Whether the fragment occurs anywhere, ignoring ASCII case. */
  contains(fragment: Needle): boolean {
    if (fragment.bytes.length === 0) return true;
    return this.#possible(fragment) && this.#find(fragment, 0) >= 0;
  }
}
