import {
  buildGraph,
  collectFlagFacts,
  detectFlags,
  type Graph,
  scoreEntities,
} from "../graph/index.js";
import type { Store } from "../store/index.js";
import type { RiskReason } from "./types.js";

/**
 * Risk reasons of every entity (red flags, screening, ownership, goods tier) as the graph
 * stage scores them, computed once and then looked up by id.
 * @example const riskOf = createRiskLookup(store); await riskOf("acme") // [{ code, ... }]
 */
export function createRiskLookup(
  store: Store,
  graph?: Promise<Graph>,
): (id: string) => Promise<RiskReason[]> {
  let byId: Promise<Map<string, RiskReason[]>> | undefined;
  const scoreAll = async () => {
    const built = await (graph ?? buildGraph(store));
    const scored = scoreEntities(built, detectFlags(await collectFlagFacts(store), built));
    return new Map(
      scored.map((risk) => [
        risk.id,
        risk.reasons.map((reason) => ({
          code: reason.code,
          explanation: reason.detail,
          contribution: reason.contribution,
        })),
      ]),
    );
  };
  return async (id) => {
    byId ??= scoreAll();
    return (await byId).get(id) ?? [];
  };
}
