import { SanctraceError } from "../model/index.js";
import { readJsonLines } from "./json-lines.js";
import { parseQuery } from "./query.js";
import { scorePair } from "./score.js";

/** One line of `compare` output. */
export interface CompareResult {
  score: number;
  match: boolean;
  features: Record<string, number>;
}

/**
 * Score one `{"a":{schema,properties},"b":{schema,properties}}` pair.
 * @example comparePair(JSON.parse(line), 0.7, "pairs.jsonl line:1").match // true
 */
export function comparePair(raw: unknown, threshold: number, where: string): CompareResult {
  const pair = (typeof raw === "object" && raw !== null ? raw : {}) as { a?: unknown; b?: unknown };
  if (pair.a === undefined || pair.b === undefined) {
    throw new SanctraceError("compare_invalid", 'each line needs "a" and "b" entities', where);
  }
  const scored = scorePair(parseQuery(pair.a, `${where} a`), parseQuery(pair.b, `${where} b`));
  return { score: scored.score, match: scored.score >= threshold, features: scored.features };
}

/**
 * Score every pair of a JSON lines file, in order.
 * @example for await (const result of comparePairs("pairs.jsonl")) console.log(result.score);
 */
export async function* comparePairs(path: string, threshold = 0.7): AsyncIterable<CompareResult> {
  for await (const { value, where } of readJsonLines(path)) {
    yield comparePair(value, threshold, where);
  }
}
