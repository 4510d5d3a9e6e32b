import { keyHash } from "./hash.js";
import type { NameKind } from "./prepare.js";
import { RowMultimap } from "./row-multimap.js";
import {
  MIN_EDIT_LENGTH,
  MIN_PHONETIC_LENGTH,
  PHONETIC_LENGTH_SPREAD,
  type TokenInfo,
  tokenSimilarity,
} from "./token-similarity.js";

/** Visit the hash of every key a vocabulary token is filed under. */
function forEachIndexKey(token: TokenInfo, visit: (hash: number) => void): void {
  const { skeleton } = token;
  if (token.initial) {
    visit(keyHash("t:", token.text));
    return;
  }
  if (token.number !== undefined) {
    visit(keyHash("n:", String(token.number)));
    visit(keyHash("s:", skeleton));
    return;
  }
  visit(keyHash("s:", skeleton));
  for (const group of token.groups) visit(keyHash("g:", group));
  if (token.phonetic.length >= MIN_PHONETIC_LENGTH) {
    visit(keyHash("p:", token.phonetic, -1, `:${skeleton.length}`));
  }
  // Either side may be the abjad spelling: file every word by consonants, abjad ones apart.
  visit(keyHash(token.abjad ? "a:" : "c:", token.consonants));
  if (skeleton.length >= MIN_EDIT_LENGTH) forEachDeletion(skeleton, "d:", visit);
}

/** The hash of `prefix` + the skeleton with one character deleted, once per distinct result. */
function forEachDeletion(skeleton: string, prefix: string, visit: (hash: number) => void): void {
  for (let at = 0; at < skeleton.length; at++) {
    // Deleting any letter of a run of one letter leaves the same string.
    if (at > 0 && skeleton.charCodeAt(at) === skeleton.charCodeAt(at - 1)) continue;
    visit(keyHash(prefix, skeleton, at));
  }
}

/**
 * The hashes of every key to look up for a query token, written to `out` from the start;
 * returns how many. Together they reach every token it is similar to. The hashes are those
 * of the key strings, computed without building the strings; a doubled letter is deleted once.
 */
function queryKeyHashes(token: TokenInfo, out: Float64Array): number {
  const { skeleton, phonetic, consonants } = token;
  let count = 0;
  if (token.number !== undefined) {
    out[count++] = keyHash("n:", String(token.number));
    out[count++] = keyHash("s:", skeleton);
    return count;
  }
  out[count++] = keyHash("s:", skeleton);
  out[count++] = keyHash("t:", token.text[0]!);
  // Phonetic keys are filed with the skeleton length, so only near lengths are read; short
  // keys never make tokens sound alike, so they are not read at all (half the lookups).
  const length = skeleton.length;
  if (phonetic.length >= MIN_PHONETIC_LENGTH) {
    for (
      let other = length - PHONETIC_LENGTH_SPREAD;
      other <= length + PHONETIC_LENGTH_SPREAD;
      other++
    ) {
      out[count++] = keyHash("p:", phonetic, -1, `:${other}`);
    }
  }
  for (const group of token.groups) out[count++] = keyHash("g:", group);
  out[count++] = keyHash("a:", consonants);
  if (token.abjad) out[count++] = keyHash("c:", consonants);
  if (length >= MIN_EDIT_LENGTH - 1) out[count++] = keyHash("d:", skeleton);
  if (length < MIN_EDIT_LENGTH) return count;
  for (let at = 0; at < length; at++) {
    if (at > 0 && skeleton.charCodeAt(at) === skeleton.charCodeAt(at - 1)) continue;
    out[count++] = keyHash("s:", skeleton, at);
    out[count++] = keyHash("d:", skeleton, at);
  }
  return count;
}

/** Room for the query keys of a token of `length` letters with `groups` symbol groups. */
const keyRoom = (length: number, groups: number) => 16 + groups + 2 * length;

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
  /**
   * Query tokens repeat (company, mohammad): their similar tokens are kept until a token is
   * added, by the token itself (prepared tokens are cached, so the same word is the same
   * object; a key string cost more than the lookup).
   */
  private readonly cache = new Map<TokenInfo, [number, number][]>();
  /** Tokens already compared in the current lookup: `seen[id] === stamp`. */
  private seen = new Int32Array(0);
  private stamp = 0;
  /** The current lookup's key hashes. */
  private hashes = new Float64Array(64);

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
    forEachIndexKey(token, (hash) => this.keys.add(hash, created));
    return created;
  }

  /**
   * Ids and similarities of every vocabulary token similar to `token` (similarity > 0),
   * most similar first.
   * @example vocabulary.similar(prepareToken("sergei")) // [[12, 0.97], ...]
   */
  similar(token: TokenInfo): [number, number][] {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const found = this.findSimilar(token);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, found);
    return found;
  }

  private findSimilar(token: TokenInfo): [number, number][] {
    if (this.seen.length < this.tokens.length) {
      this.seen = new Int32Array(Math.max(1024, this.tokens.length * 2));
      this.stamp = 0;
    }
    const room = keyRoom(token.skeleton.length, token.groups.length);
    if (this.hashes.length < room) this.hashes = new Float64Array(room * 2);
    const stamp = ++this.stamp;
    const { seen, tokens, keys, hashes } = this;
    const found: [number, number][] = [];
    const count = queryKeyHashes(token, hashes);
    for (let key = 0; key < count; key++) {
      for (let entry = keys.head(hashes[key]!); entry >= 0; entry = keys.after(entry)) {
        const id = keys.row(entry);
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        const similarity = tokenSimilarity(token, tokens[id]!);
        if (similarity > 0) found.push([id, similarity]);
      }
    }
    // Most similar first: the candidate search relies on it.
    return found.sort((a, b) => b[1] - a[1]);
  }
}
