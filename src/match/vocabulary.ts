import { hashString } from "./hash.js";
import type { NameKind } from "./prepare.js";
import { RowMultimap } from "./row-multimap.js";
import {
  MIN_EDIT_LENGTH,
  MIN_PHONETIC_LENGTH,
  PHONETIC_LENGTH_SPREAD,
  type TokenInfo,
  tokenSimilarity,
} from "./token-similarity.js";

/** Every skeleton with one character deleted. */
export function deletions(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) out.add(text.slice(0, i) + text.slice(i + 1));
  return [...out];
}

/** Keys a vocabulary token is filed under. */
function indexKeys(token: TokenInfo): string[] {
  if (token.initial) return [`t:${token.text}`];
  if (token.number !== undefined) return [`n:${token.number}`, `s:${token.skeleton}`];
  const keys = [`s:${token.skeleton}`, ...token.groups.map((g) => `g:${g}`)];
  if (token.phonetic.length >= MIN_PHONETIC_LENGTH) {
    keys.push(`p:${token.phonetic}:${token.skeleton.length}`);
  }
  // Either side may be the abjad spelling: file every word by consonants, abjad ones apart.
  keys.push(token.abjad ? `a:${token.consonants}` : `c:${token.consonants}`);
  if (token.skeleton.length >= MIN_EDIT_LENGTH) {
    for (const deleted of deletions(token.skeleton)) keys.push(`d:${deleted}`);
  }
  return keys;
}

/** Keys to look up for a query token: together they reach every token it is similar to. */
function queryKeys(token: TokenInfo): string[] {
  if (token.number !== undefined) return [`n:${token.number}`, `s:${token.skeleton}`];
  const keys = [`s:${token.skeleton}`, `t:${token.text[0]}`];
  // Phonetic keys are filed with the skeleton length, so only near lengths are read; short
  // keys never make tokens sound alike, so they are not read at all (half the lookups).
  const length = token.skeleton.length;
  const sounds = token.phonetic.length >= MIN_PHONETIC_LENGTH;
  for (
    let other = length - PHONETIC_LENGTH_SPREAD;
    sounds && other <= length + PHONETIC_LENGTH_SPREAD;
    other++
  ) {
    keys.push(`p:${token.phonetic}:${other}`);
  }
  for (const group of token.groups) keys.push(`g:${group}`);
  keys.push(`a:${token.consonants}`);
  if (token.abjad) keys.push(`c:${token.consonants}`);
  if (token.skeleton.length >= MIN_EDIT_LENGTH - 1) keys.push(`d:${token.skeleton}`);
  if (token.skeleton.length >= MIN_EDIT_LENGTH) {
    for (const deleted of deletions(token.skeleton)) keys.push(`s:${deleted}`, `d:${deleted}`);
  }
  return keys;
}

/**
 * Interned name tokens with lookup keys (skeleton, one-deletion neighbours, phonetic key,
 * symbol groups, initials), so that every token similar to a query token is found without
 * scanning.
 */
export class Vocabulary {
  readonly tokens: TokenInfo[] = [];
  /** The name kind each token was interned for. */
  readonly kinds: NameKind[] = [];
  private readonly ids = new Map<string, Map<string, number>>();
  /** Lookup keys hashed to numbers: no key strings kept, lone ids stored bare. */
  private readonly keys = new RowMultimap();
  /** Query tokens repeat (company, mohammad): their similar tokens are kept until a token is added. */
  private readonly cache = new Map<string, [number, number][]>();
  /** Tokens already compared in the current lookup: `seen[id] === stamp`. */
  private seen = new Int32Array(0);
  private stamp = 0;

  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token, interning it on first sight. */
  intern(token: TokenInfo, kind: NameKind): number {
    const kindKey = token.abjad ? `${kind}!` : kind;
    let ids = this.ids.get(kindKey);
    if (!ids) {
      ids = new Map();
      this.ids.set(kindKey, ids);
    }
    const id = ids.get(token.text);
    if (id !== undefined) return id;
    const created = this.tokens.length;
    if (this.cache.size) this.cache.clear();
    this.tokens.push(token);
    this.kinds.push(kind);
    ids.set(token.text, created);
    for (const key of indexKeys(token)) this.keys.add(hashString(key), created);
    return created;
  }

  /**
   * Ids and similarities of every vocabulary token similar to `token` (similarity > 0),
   * most similar first.
   * @example vocabulary.similar(prepareToken("sergei")) // [[12, 0.97], ...]
   */
  similar(token: TokenInfo): [number, number][] {
    const key = `${token.number === undefined ? "" : "#"}${token.abjad ? "!" : ""}${token.text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = this.findSimilar(token);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  private findSimilar(token: TokenInfo): [number, number][] {
    if (this.seen.length < this.tokens.length) {
      this.seen = new Int32Array(Math.max(1024, this.tokens.length * 2));
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    const { seen, tokens } = this;
    const found: [number, number][] = [];
    const visit = (id: number) => {
      if (seen[id] === stamp) return;
      seen[id] = stamp;
      const similarity = tokenSimilarity(token, tokens[id]!);
      if (similarity > 0) found.push([id, similarity]);
    };
    for (const key of queryKeys(token)) this.keys.forEach(hashString(key), visit);
    // Most similar first: the candidate search relies on it.
    return found.sort((a, b) => b[1] - a[1]);
  }
}
