import type { Context } from "hono";
import {
  type Matcher,
  type MatcherOptions,
  type MatchQuery,
  parseQuery,
  type ResolvedHit,
} from "../match/index.js";
import { SanctraceError } from "../model/index.js";
import type { ApiDeps } from "./deps.js";
import { toApiEntity } from "./entities.js";
import { integerParam, jsonBody, numberParam } from "./params.js";
import type { MatchResponse, QueryMatches, ScoredEntity } from "./types.js";

/** A hit in the yente result shape. */
export async function toScoredEntity(deps: ApiDeps, hit: ResolvedHit): Promise<ScoredEntity> {
  const entity = await toApiEntity(deps.store, hit.entity, hit.referents);
  const { score, match, features, explanation } = hit;
  return { ...entity, score, match, features, explanation };
}

function readQueries(body: unknown, maxQueries: number): Array<[string, unknown]> {
  const queries = (body as { queries?: unknown } | null)?.queries;
  if (typeof queries !== "object" || queries === null || Array.isArray(queries)) {
    throw new SanctraceError(
      "request_invalid",
      'the body needs "queries": {key: {schema, properties}}',
      "queries",
    );
  }
  const entries = Object.entries(queries);
  if (entries.length > maxQueries) {
    throw new SanctraceError(
      "request_too_large",
      `at most ${maxQueries} queries per request, got ${entries.length}`,
      "queries",
    );
  }
  return entries;
}

/** The datasets to match against: the path's dataset plus `include_dataset` params. */
export function selectDatasets(c: Context, matcher: Matcher): string[] | undefined {
  const dataset = c.req.param("dataset") ?? "default";
  const included = c.req.queries("include_dataset") ?? [];
  const selected = matcher.selectLists([dataset]);
  if (!included.length) return selected;
  return matcher.selectLists(included)?.filter((name) => !selected || selected.includes(name));
}

/**
 * The hits of every query in order: a large batch searched by the server's worker pool when
 * it holds this matcher (each part used as it arrives, while the next are searched), else
 * (and for small batches) here; the results are the same.
 */
async function* matchAll(
  deps: ApiDeps,
  matcher: Matcher,
  queries: MatchQuery[],
  options: MatcherOptions,
): AsyncGenerator<ResolvedHit[]> {
  let at = 0;
  for (const part of deps.pool?.searchParts(matcher, queries, options, true) ?? []) {
    const found = await part;
    if (!found) break; // a worker failed: the rest is matched here
    for (const entities of found) {
      const hits = entities.map((entity) => matcher.index.hitOf(entity));
      yield await matcher.resolveHits(hits, options);
      at++;
    }
  }
  for (; at < queries.length; at++) yield await matcher.match(queries[at]!, options);
}

/** `POST /match/{dataset}`: yente-compatible batch matching. */
export async function handleMatch(c: Context, deps: ApiDeps): Promise<Response> {
  const threshold = numberParam(c, "threshold", deps.threshold, 0, 1);
  const cutoff = numberParam(c, "cutoff", 0.5, 0, 1);
  const limit = integerParam(c, "limit", deps.limit, 1, 500);
  const entries = readQueries(await jsonBody(c), deps.maxQueries);
  const matcher = await deps.matchers.get();
  const datasets = selectDatasets(c, matcher);
  const queries = entries.map(([key, raw]) => parseQuery(raw, `queries.${key}`));
  const options = { threshold, cutoff, limit, ...(datasets ? { datasets } : {}) };
  const responses: Record<string, QueryMatches> = {};
  let at = 0;
  for await (const hits of matchAll(deps, matcher, queries, options)) {
    const [key] = entries[at]!;
    const query = queries[at++]!;
    const results = await Promise.all(hits.map((hit) => toScoredEntity(deps, hit)));
    responses[key] = {
      status: 200,
      results,
      total: { value: results.length, relation: "eq" },
      query,
    };
  }
  const body: MatchResponse = { responses, matcher: { name: "sanctrace", threshold }, limit };
  return c.json(body);
}
