import { isA, propertyType } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { SearchResult } from "./types.js";

interface Entry {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  names: string[];
  folded: string[];
}

/** Lowercase, without accents or punctuation: how names are compared while typing. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A typeahead index over the names of every entity (lists and evidence). */
export interface SearchIndex {
  readonly size: number;
  search(query: string, limit?: number): SearchResult[];
}

function tokenize(entry: Entry, tokens: Map<string, number[]>, position: number): void {
  for (const name of entry.folded) {
    for (const token of name.split(" ")) {
      const list = tokens.get(token);
      if (!list) tokens.set(token, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }
}

function lowerBound(sorted: string[], prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Positions of entries with a token starting with `prefix`, capped for short prefixes. */
function matchPrefix(sorted: string[], tokens: Map<string, number[]>, prefix: string): Set<number> {
  const found = new Set<number>();
  for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
    const token = sorted[i]!;
    if (!token.startsWith(prefix)) break;
    for (const position of tokens.get(token)!) found.add(position);
    if (found.size > 50_000) break;
  }
  return found;
}

function rank(entry: Entry, query: string, sanctioned: boolean): number {
  const best = Math.min(
    ...entry.folded.map((name) => (name === query ? 0 : name.startsWith(query) ? 1 : 2)),
  );
  return best * 10 + (sanctioned ? 0 : 1);
}

function createIndex(entries: Entry[], sanctioned: Set<string>): SearchIndex {
  const tokens = new Map<string, number[]>();
  for (const [position, entry] of entries.entries()) tokenize(entry, tokens, position);
  const sorted = [...tokens.keys()].sort();
  return {
    size: entries.length,
    search(query, limit = 10) {
      const folded = foldText(query);
      const words = folded.split(" ").filter(Boolean);
      if (!words.length) return [];
      let hits: Set<number> | undefined;
      for (const word of words) {
        const found = matchPrefix(sorted, tokens, word);
        hits = hits ? new Set([...hits].filter((position) => found.has(position))) : found;
      }
      const ranked = [...(hits ?? [])]
        .map((position) => entries[position]!)
        .map((entry) => ({ entry, score: rank(entry, folded, sanctioned.has(entry.id)) }))
        .sort((a, b) => a.score - b.score || a.entry.caption.length - b.entry.caption.length);
      return ranked.slice(0, limit).map(({ entry }) => {
        const matched = entry.names.find((_, i) =>
          words.every((w) => entry.folded[i]!.includes(w)),
        );
        return {
          id: entry.id,
          caption: entry.caption,
          schema: entry.schema,
          datasets: entry.datasets,
          matched: matched ?? entry.caption,
          sanctioned: sanctioned.has(entry.id),
        };
      });
    },
  };
}

/**
 * Build the typeahead index from every named entity in the store.
 * @example (await buildSearchIndex(store)).search("kupo") // [{ caption: "IEMZ Kupol", ... }]
 */
export async function buildSearchIndex(store: Store): Promise<SearchIndex> {
  const entries: Entry[] = [];
  const sanctioned = new Set<string>();
  // One pass over the store: it is the slow part on large workspaces.
  let seen = 0;
  for await (const entity of store.iterateEntities()) {
    // SQLite reads are synchronous: let a server answer other requests now and then.
    if (++seen % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (entity.schema === "Sanction") {
      for (const id of entity.properties.entity ?? []) sanctioned.add(id);
    }
    if (entity.properties.topics?.some((topic) => topic.startsWith("sanction"))) {
      sanctioned.add(entity.id);
    }
    if (!isA(entity.schema, "Thing")) continue;
    const names = Object.entries(entity.properties)
      .filter(([prop]) => propertyType(entity.schema, prop) === "name")
      .flatMap(([, values]) => values);
    if (!names.length) continue;
    const { id, caption, schema, datasets } = entity;
    entries.push({ id, caption, schema, datasets, names, folded: names.map(foldText) });
  }
  return createIndex(entries, sanctioned);
}
