import { buildGraph, type Graph, traceSupplyChains } from "../graph/index.js";
import {
  judgePair,
  type Matcher,
  pairKey,
  type ResolvedHit,
  type Resolver,
  workspaceQueries,
} from "../match/index.js";
import type { EntityRecord } from "../model/index.js";
import {
  chplTierOfCodes,
  createRiskLookup,
  type ReviewHit,
  type RiskReason,
} from "../report/index.js";
import type { Store } from "../store/index.js";
import type { MatcherHolder } from "./service.js";
import type { ReviewProvider, TraceProvider } from "./workbench-deps.js";

const REVIEW_THRESHOLD = 0.7;

function toReviewHit(
  query: Pick<EntityRecord, "id" | "caption" | "schema">,
  hit: ResolvedHit,
): ReviewHit {
  return {
    query: { id: query.id, caption: query.caption, schema: query.schema },
    candidate: { id: hit.id, caption: hit.caption, schema: hit.schema, datasets: hit.datasets },
    score: Math.round(hit.score * 1e4) / 1e4,
    features: hit.explanation.map((f) => ({
      name: f.name,
      value: f.value,
      weight: f.weight,
      contribution: f.contribution,
      ...(f.detail ? { detail: f.detail } : {}),
    })),
  };
}

/** Pairs an analyst has judged, either way round, any judgement. */
async function judgedPairs(store: Store): Promise<Set<string>> {
  return new Set((await store.listJudgements()).map((j) => pairKey(j.left, j.right)));
}

/**
 * True when the pair was judged, or a positive already put the query into the hit's cluster,
 * under the judgements in force now (the hit may have been screened before some of them).
 */
function isSettled(
  judged: Set<string>,
  resolver: Resolver,
  queryId: string,
  hitId: string,
): boolean {
  const cluster = resolver.referents(hitId);
  return (
    resolver.canonicalId(queryId) === resolver.canonicalId(hitId) ||
    resolver.areApart(queryId, hitId) ||
    cluster.some((id) => judged.has(pairKey(queryId, id)))
  );
}

/**
 * Screening review over the matching engine: the queue screens every evidence entity against
 * the lists once per index (which changes only when a list is loaded) and leaves out, at each
 * read, every pair settled by the judgements in force, so a reviewed hit does not return and
 * a judgement costs no re-screening.
 * @example createReviewProvider(store, new MatcherHolder(store)).pending(50)
 */
export function createReviewProvider(store: Store, matchers: MatcherHolder): ReviewProvider {
  let cached:
    | { index: Matcher["index"]; hits: Promise<{ hits: ReviewHit[]; screened: number }> }
    | undefined;
  const screenWorkspace = async (matcher: Matcher) => {
    const hits: ReviewHit[] = [];
    let screened = 0;
    for await (const query of workspaceQueries(store)) {
      screened++;
      const found = await matcher.match(query, { threshold: REVIEW_THRESHOLD });
      const entity = await store.getEntity(query.id!);
      if (!entity) continue;
      for (const hit of found.filter((each) => each.match)) {
        hits.push(toReviewHit(entity, hit));
      }
    }
    return { hits: hits.sort((a, b) => b.score - a.score), screened };
  };
  return {
    async pending(limit) {
      const matcher = await matchers.get();
      if (cached?.index !== matcher.index) {
        cached = { index: matcher.index, hits: screenWorkspace(matcher) };
      }
      const { hits, screened } = await cached.hits;
      const judged = await judgedPairs(store);
      const open = hits.filter(
        (hit) => !isSettled(judged, matcher.resolver, hit.query.id, hit.candidate.id),
      );
      return { hits: open.slice(0, limit), screened };
    },
    async hitsFor(id) {
      const entity = await store.getEntity(id);
      if (!entity) return [];
      const matcher = await matchers.get();
      const query = { id, schema: entity.schema, properties: entity.properties };
      const found = await matcher.match(query, { threshold: REVIEW_THRESHOLD });
      const judged = await judgedPairs(store);
      return found
        .filter((hit) => hit.match && !isSettled(judged, matcher.resolver, id, hit.id))
        .map((hit) => toReviewHit(entity, hit));
    },
    async judge(request) {
      await judgePair(store, { ...request, judgement: String(request.judgement) });
    },
  };
}

/**
 * Tracing over the graph stage; the graph is built once per set of loaded datasets and judgements.
 * @example await createTraceProvider(store).paths({ from: "inv-maker", toSanctioned: true, limit: 5 })
 */
export function createTraceProvider(store: Store): TraceProvider {
  let held: { fingerprint: string; graph: Promise<Graph> } | undefined;
  const graphOf = async () => {
    // A judgement merges nodes, so the graph is rebuilt after one as after a load.
    const judgements = await store.listJudgements();
    const fingerprint = [
      ...(await store.listDatasets()).map((d) => `${d.name}@${d.loadedAt}`),
      `judgements:${judgements.length}`,
    ].join("|");
    if (held?.fingerprint !== fingerprint) held = { fingerprint, graph: buildGraph(store) };
    return held.graph;
  };
  let risks: { fingerprint: string; lookup: (id: string) => Promise<RiskReason[]> } | undefined;
  // Risk needs every flag of the workspace: computed once per graph, then looked up.
  const riskOf = async (id: string) => {
    const graph = graphOf();
    await graph;
    const fingerprint = held!.fingerprint;
    if (risks?.fingerprint !== fingerprint) {
      risks = { fingerprint, lookup: createRiskLookup(store, graph) };
    }
    return risks.lookup(id);
  };
  return {
    tierOf: chplTierOfCodes,
    risk: riskOf,
    async paths(query) {
      const options = { ...query, ...(query.to ? { toSanctioned: false } : {}) };
      const result = await traceSupplyChains(store, options, await graphOf());
      return result.paths.map((path) => ({
        score: path.score,
        nodes: path.nodes,
        edges: path.edges.map((edge) => edge.id),
        reasons: path.reasons,
      }));
    },
  };
}
