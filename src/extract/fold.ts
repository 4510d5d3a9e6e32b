import { normalizeName } from "../text/index.js";

/**
 * Text folded for matching: each token (a word, or one Han character) transliterated to
 * Latin, lowercased and stripped to [a-z0-9], concatenated without spaces. Every folded
 * character remembers the original token it came from, so a match maps back to a span.
 */
export interface FoldedText {
  /** Folded characters as symbols 0-35 (a-z, 0-9). */
  symbols: Uint8Array;
  /** Index into the token arrays of each folded character. */
  tokenOf: Int32Array;
  /** Original offsets of every token. */
  tokenStart: Int32Array;
  tokenEnd: Int32Array;
  /** Where each token's folded characters begin, plus one past the last. */
  foldedStart: Int32Array;
  /** 1 where a folded character begins a token. */
  startsToken: Uint8Array;
  length: number;
}

/** Character classes: 0 separator, 1 Latin or digit, 2 Cyrillic, 3 ideograph, 4 other letter, 5 mark. */
const SEPARATOR = 0;
const IDEOGRAPH = 3;
const MARK = 5;
const classes = new Uint8Array(0x10000).fill(255);

function classify(code: number): number {
  const char = String.fromCharCode(code);
  if (/\p{Script=Han}/u.test(char)) return IDEOGRAPH;
  if (/\p{M}/u.test(char)) return MARK;
  if (/\p{N}|\p{Script=Latin}/u.test(char)) return 1;
  if (/\p{Script=Cyrillic}/u.test(char)) return 2;
  return /\p{L}/u.test(char) ? 4 : SEPARATOR;
}

function classOf(code: number): number {
  let found = classes[code]!;
  if (found === 255) {
    found = classify(code);
    classes[code] = found;
  }
  return found;
}

const cache = new Map<string, string>();

/**
 * Fold one token to its matching form.
 * @example foldToken("Ижевске") // "izhevske"
 */
export function foldToken(token: string): string {
  let folded = cache.get(token);
  if (folded === undefined) {
    // The matcher's normalizer, spaces dropped: "四" -> "si", "Ижевске" -> "izhevske".
    folded = normalizeName(token).replace(/[^a-z0-9]/g, "");
    if (cache.size > 200_000) cache.clear();
    cache.set(token, folded);
  }
  return folded;
}

/** Call `onToken` with the range of every token, in order. */
function scanTokens(text: string, onToken: (start: number, end: number) => void): void {
  let start = -1;
  let current = SEPARATOR;
  for (let at = 0; at < text.length; at++) {
    const kind = classOf(text.charCodeAt(at));
    if (kind === MARK && start >= 0) continue;
    if ((kind !== current || kind === IDEOGRAPH) && start >= 0) {
      onToken(start, at);
      start = -1;
    }
    current = kind === MARK ? SEPARATOR : kind;
    if (current !== SEPARATOR && start < 0) start = at;
  }
  if (start >= 0) onToken(start, text.length);
}

/**
 * The tokens of a text with their offsets: words of one script (Latin with digits, Cyrillic,
 * other letters), each ideograph on its own; characters outside the BMP separate.
 * @example tokenize("A140无人机").map((t) => t.text) // ["A140", "无", "人", "机"]
 */
export function tokenize(text: string): Array<{ text: string; start: number; end: number }> {
  const tokens: Array<{ text: string; start: number; end: number }> = [];
  scanTokens(text, (start, end) => tokens.push({ text: text.slice(start, end), start, end }));
  return tokens;
}

/** Symbol of a folded character: a-z → 0-25, 0-9 → 26-35. */
export function symbolOf(code: number): number {
  return code >= 97 ? code - 97 : code - 48 + 26;
}

/** A growable folded text under construction. */
class FoldWriter {
  symbols: Uint8Array;
  tokenOf: Int32Array;
  startsToken: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.symbols = new Uint8Array(capacity);
    this.tokenOf = new Int32Array(capacity);
    this.startsToken = new Uint8Array(capacity);
  }

  reserve(extra: number): void {
    if (this.length + extra <= this.symbols.length) return;
    const size = Math.max(this.symbols.length * 2, this.length + extra);
    const grow = <T extends Uint8Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.symbols = grow(this.symbols, new Uint8Array(size));
    this.tokenOf = grow(this.tokenOf, new Int32Array(size));
    this.startsToken = grow(this.startsToken, new Uint8Array(size));
  }

  push(symbol: number, token: number): void {
    this.symbols[this.length] = symbol;
    this.tokenOf[this.length++] = token;
  }
}

/** ASCII letters and digits fold by lowercasing: no lookup needed. */
function foldAscii(
  text: string,
  start: number,
  end: number,
  token: number,
  out: FoldWriter,
): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)))
      return false;
  }
  out.reserve(end - start);
  for (let at = start; at < end; at++) out.push(symbolOf(text.charCodeAt(at) | 0x20), token);
  return true;
}

/**
 * Fold a whole text for the automaton, keeping the way back to original offsets.
 * @example foldText("ООО «Вектор»").symbols.length // 9 ("ooovektor")
 */
export function foldText(text: string): FoldedText {
  const out = new FoldWriter(text.length + 16);
  const starts: number[] = [];
  const ends: number[] = [];
  const foldedStarts: number[] = [];
  scanTokens(text, (start, end) => {
    const token = starts.length;
    starts.push(start);
    ends.push(end);
    foldedStarts.push(out.length);
    const first = out.length;
    if (!foldAscii(text, start, end, token, out)) {
      const folded = foldToken(text.slice(start, end));
      out.reserve(folded.length);
      for (let k = 0; k < folded.length; k++) out.push(symbolOf(folded.charCodeAt(k)), token);
    }
    if (out.length > first) out.startsToken[first] = 1;
  });
  foldedStarts.push(out.length);
  return {
    symbols: out.symbols.subarray(0, out.length),
    tokenOf: out.tokenOf.subarray(0, out.length),
    startsToken: out.startsToken.subarray(0, out.length),
    foldedStart: Int32Array.from(foldedStarts),
    tokenStart: Int32Array.from(starts),
    tokenEnd: Int32Array.from(ends),
    length: out.length,
  };
}

/**
 * The folded form of a name: its tokens folded and joined without spaces.
 * @example foldName("Sichuan AEE") === foldName("四川 AEE") // true
 */
export function foldName(name: string): string {
  return tokenize(name)
    .map((token) => foldToken(token.text))
    .join("");
}
