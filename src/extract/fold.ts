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

/** A word of letters and digits in one script, or a single ideograph. */
const TOKEN = /\p{Script=Han}|[\p{L}\p{M}\p{N}]+/gu;
const HAN_OR_SCRIPT_BREAK =
  /(?<=\p{Script=Latin}|\p{N})(?=\p{Script=Cyrillic})|(?<=\p{Script=Cyrillic})(?=\p{Script=Latin}|\p{N})/u;

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

/** The tokens of a text with their offsets. */
export function tokenize(text: string): Array<{ text: string; start: number; end: number }> {
  const tokens: Array<{ text: string; start: number; end: number }> = [];
  for (const match of text.matchAll(TOKEN)) {
    let start = match.index;
    for (const part of match[0].split(HAN_OR_SCRIPT_BREAK)) {
      tokens.push({ text: part, start, end: start + part.length });
      start += part.length;
    }
  }
  return tokens;
}

/** Symbol of a folded character: a-z → 0-25, 0-9 → 26-35. */
export function symbolOf(code: number): number {
  return code >= 97 ? code - 97 : code - 48 + 26;
}

/**
 * Fold a whole text for the automaton, keeping the way back to original offsets.
 * @example foldText("ООО «Вектор»").symbols.length // 9 ("ooovektor")
 */
export function foldText(text: string): FoldedText {
  const tokens = tokenize(text);
  const folded = tokens.map((token) => foldToken(token.text));
  const length = folded.reduce((sum, part) => sum + part.length, 0);
  const symbols = new Uint8Array(length);
  const tokenOf = new Int32Array(length);
  const foldedStart = new Int32Array(tokens.length + 1);
  const startsToken = new Uint8Array(length);
  let at = 0;
  folded.forEach((part, index) => {
    foldedStart[index] = at;
    if (part.length) startsToken[at] = 1;
    for (let k = 0; k < part.length; k++) {
      symbols[at] = symbolOf(part.charCodeAt(k));
      tokenOf[at++] = index;
    }
  });
  foldedStart[tokens.length] = at;
  return {
    symbols,
    tokenOf,
    foldedStart,
    startsToken,
    tokenStart: Int32Array.from(tokens, (token) => token.start),
    tokenEnd: Int32Array.from(tokens, (token) => token.end),
    length,
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
