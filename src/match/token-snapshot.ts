import { type NameKind, tokenInfo } from "./prepare.js";
import type { TokenInfo } from "./token-similarity.js";

/** Vocabulary tokens as plain arrays: a worker takes them as they are instead of preparing them. */
export interface TokenSnapshot {
  texts: string[];
  skeletons: string[];
  phonetics: string[];
  consonants: string[];
  /** Symbol groups joined by a line feed. */
  groups: string[];
  weights: Float64Array;
  /** The number a token stands for; NaN when none. */
  numbers: Float64Array;
  /** Bit 0 organization, bit 1 abjad spelling, bit 2 initial. */
  flags: Uint8Array;
}

/**
 * The vocabulary's tokens and kinds as plain arrays.
 * @example const snapshot = snapshotTokens(vocabulary.tokens, vocabulary.kinds);
 */
export function snapshotTokens(tokens: TokenInfo[], kinds: NameKind[]): TokenSnapshot {
  return {
    texts: tokens.map((token) => token.text),
    skeletons: tokens.map((token) => token.skeleton),
    phonetics: tokens.map((token) => token.phonetic),
    consonants: tokens.map((token) => token.consonants),
    groups: tokens.map((token) => token.groups.join("\n")),
    weights: Float64Array.from(tokens, (token) => token.weight),
    numbers: Float64Array.from(tokens, (token) => token.number ?? Number.NaN),
    flags: Uint8Array.from(
      tokens,
      (token, id) =>
        (kinds[id] === "org" ? 1 : 0) | (token.abjad ? 2 : 0) | (token.initial ? 4 : 0),
    ),
  };
}

/**
 * The tokens of a snapshot with their kinds, exactly as `prepareToken` made them.
 * @example restoreTokens(snapshotTokens(tokens, kinds)).tokens[0].skeleton === tokens[0].skeleton
 */
export function restoreTokens(snapshot: TokenSnapshot): { tokens: TokenInfo[]; kinds: NameKind[] } {
  const kinds: NameKind[] = [];
  const tokens = snapshot.texts.map((text, id) => {
    const flags = snapshot.flags[id]!;
    kinds.push(flags & 1 ? "org" : "person");
    const number = snapshot.numbers[id]!;
    const groups = snapshot.groups[id]!;
    return tokenInfo(
      text,
      snapshot.skeletons[id]!,
      snapshot.phonetics[id]!,
      groups ? groups.split("\n") : [],
      snapshot.weights[id]!,
      (flags & 4) !== 0,
      Number.isNaN(number) ? undefined : number,
      (flags & 2) !== 0,
      snapshot.consonants[id]!,
    );
  });
  return { tokens, kinds };
}
