import type { NameKind } from "./prepare.js";
import { MIN_TOKEN_SIMILARITY, type TokenInfo, tokenSimilarity } from "./token-similarity.js";

/** Skeletons shorter than this never match at one edit (1 - 1/3 < 0.7). */
const MIN_EDIT_LENGTH = Math.ceil(1 / (1 - MIN_TOKEN_SIMILARITY));

/** Every skeleton with one character deleted. */
export function deletions(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) out.add(text.slice(0, i) + text.slice(i + 1));
  return [...out];
}

/** Keys a vocabulary token is filed under. */
function indexKeys(token: TokenInfo): string[] {
  if (token.initial) return [`t:${token.text}`];
  const keys = [`s:${token.skeleton}`, `p:${token.phonetic}`, ...token.groups.map((g) => `g:${g}`)];
  if (token.skeleton.length >= MIN_EDIT_LENGTH) {
    for (const deleted of deletions(token.skeleton)) keys.push(`d:${deleted}`);
  }
  return keys;
}

/** Keys to look up for a query token: together they reach every token it is similar to. */
function queryKeys(token: TokenInfo): string[] {
  const keys = [`s:${token.skeleton}`, `p:${token.phonetic}`, `t:${token.text[0]}`];
  for (const group of token.groups) keys.push(`g:${group}`);
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
  private readonly ids = new Map<string, number>();
  private readonly keys = new Map<string, number[]>();

  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token, interning it on first sight. */
  intern(token: TokenInfo, kind: NameKind): number {
    const id = this.ids.get(`${kind}:${token.text}`);
    if (id !== undefined) return id;
    const created = this.tokens.length;
    this.tokens.push(token);
    this.ids.set(`${kind}:${token.text}`, created);
    for (const key of indexKeys(token)) {
      const list = this.keys.get(key);
      if (list) list.push(created);
      else this.keys.set(key, [created]);
    }
    return created;
  }

  /**
   * Ids and similarities of every vocabulary token similar to `token` (similarity > 0).
   * @example vocabulary.similar(prepareToken("sergei")) // [[12, 0.97], ...]
   */
  similar(token: TokenInfo): [number, number][] {
    const seen = new Set<number>();
    const found: [number, number][] = [];
    for (const key of queryKeys(token)) {
      for (const id of this.keys.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const similarity = tokenSimilarity(token, this.tokens[id]!);
        if (similarity > 0) found.push([id, similarity]);
      }
    }
    return found;
  }
}
