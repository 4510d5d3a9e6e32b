import type { EntityRecord } from "../model/index.js";
import { schemataCompatible } from "./facts.js";
import { prepareNames } from "./prepare.js";
import { prepareRecord, scorePrepared } from "./score.js";
import { DEFAULT_THRESHOLD, type MatchQuery } from "./types.js";

/**
 * The naive reference: score the query against every entity, keep those at or above the
 * threshold, best first. The index must return the same set.
 * @example bruteForceMatch(entities, { schema: "Person", properties: { name: ["Ivan"] } })
 */
export function bruteForceMatch(
  entities: readonly EntityRecord[],
  query: MatchQuery,
  threshold = DEFAULT_THRESHOLD,
): { id: string; score: number }[] {
  const prepared = prepareRecord(query);
  return entities
    .filter((entity) => schemataCompatible(query.schema, entity.schema))
    .map((entity) => ({
      id: entity.id,
      score: scorePrepared(prepared, prepareRecord(entity)).score,
    }))
    .filter((hit) => hit.score >= threshold)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Jaro-Winkler similarity of two strings in [0,1].
 * @example jaroWinkler("martha", "marhta") // 0.961
 */
export function jaroWinkler(left: string, right: string): number {
  if (left === right) return 1;
  const window = Math.max(0, Math.floor(Math.max(left.length, right.length) / 2) - 1);
  const leftMatched = new Uint8Array(left.length);
  const rightMatched = new Uint8Array(right.length);
  let matches = 0;
  for (let i = 0; i < left.length; i++) {
    const end = Math.min(right.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (rightMatched[j] || left[i] !== right[j]) continue;
      leftMatched[i] = 1;
      rightMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < left.length; i++) {
    if (!leftMatched[i]) continue;
    while (!rightMatched[j]) j++;
    if (left[i] !== right[j++]) transpositions++;
  }
  const m = matches;
  const jaro = (m / left.length + m / right.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && left[prefix] !== undefined && left[prefix] === right[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Normalized names of every entity, for the Jaro-Winkler baseline. */
export function normalizedNameTable(entities: readonly EntityRecord[]): [number, string][] {
  return entities.flatMap((entity, index) =>
    prepareNames(entity).map((name): [number, string] => [
      index,
      name.tokens.map((token) => token.text).join(" "),
    ]),
  );
}

/**
 * The brute-force baseline: best Jaro-Winkler of the query's normalized name over every
 * name; returns the index of the best entity and its similarity.
 */
export function bestJaroWinkler(
  table: readonly [number, string][],
  name: string,
): [number, number] {
  let best: [number, number] = [-1, 0];
  for (const [entity, candidate] of table) {
    const similarity = jaroWinkler(name, candidate);
    if (similarity > best[1]) best = [entity, similarity];
  }
  return best;
}
