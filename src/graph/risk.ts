import type { ChplTier } from "../goods/index.js";
import { isA } from "../model/index.js";
import { flagCatalog } from "./flags/catalog.js";
import type { FlagHit } from "./flags/facts.js";
import type { Graph } from "./graph.js";
import { assessOwnership } from "./ownership.js";
import { EdgeKind } from "./types.js";

/** One reason behind a risk score and what it adds. */
export interface RiskReason {
  code: string;
  kind: "screening" | "ownership" | "flag" | "goods";
  contribution: number;
  count: number;
  detail: string;
}

export interface EntityRisk {
  id: string;
  /** Sum of the reasons' contributions. */
  score: number;
  reasons: RiskReason[];
}

/** Contribution of each non-flag reason; flags weigh as in the catalog. */
export const riskWeights = {
  sanctioned: 2,
  // Blocked by the 50% rule is, in law, as blocked as listed.
  blocked_by_ownership: 2,
  sanctioned_minority_owner: 0.3,
  counterparty_sanctioned: 0.9,
  tier: { "1": 0.4, "2": 0.3, "3.A": 0.2, "3.B": 0.2, "4.A": 0.1, "4.B": 0.1 } as Record<
    ChplTier,
    number
  >,
  battlefield: 0.1,
};

/** Repeats of one reason add a little each, up to half again its weight. */
const repeated = (weight: number, count: number) => weight * Math.min(1.5, 1 + 0.1 * (count - 1));

function screeningReasons(graph: Graph, node: number): RiskReason[] {
  if (graph.sanctioned[node]) {
    const refs = graph.sanctionRefs.get(node) ?? [];
    return [
      reason("sanctioned", "screening", riskWeights.sanctioned, 1, `listed (${refs.join(", ")})`),
    ];
  }
  const partners = new Set<number>();
  for (const adjacency of [graph.out, graph.in]) {
    for (let i = adjacency.offsets[node]!; i < adjacency.offsets[node + 1]!; i++) {
      const kind = adjacency.kinds[i]!;
      const other = adjacency.nodes[i]!;
      if ((kind === EdgeKind.shipment || kind === EdgeKind.payment) && graph.sanctioned[other])
        partners.add(other);
    }
  }
  if (!partners.size) return [];
  const ids = [...partners].map((n) => graph.ids[n]).join(", ");
  const weight = repeated(riskWeights.counterparty_sanctioned, partners.size);
  return [
    reason(
      "counterparty_sanctioned",
      "screening",
      weight,
      partners.size,
      `trades with listed ${ids}`,
    ),
  ];
}

function ownershipReasons(graph: Graph, node: number): RiskReason[] {
  const { offsets, kinds } = graph.in;
  let owned = false;
  for (let i = offsets[node]!; i < offsets[node + 1]!; i++)
    owned ||= kinds[i] === EdgeKind.ownership;
  if (!owned || graph.sanctioned[node]) return [];
  const report = assessOwnership(graph, graph.ids[node]!);
  const percent = report.aggregate_sanctioned_percentage;
  const arithmetic = report.ofac.arithmetic.join("; ");
  if (report.blocked_by_ownership)
    return [
      reason(
        "blocked_by_ownership",
        "ownership",
        riskWeights.blocked_by_ownership,
        1,
        `OFAC 50% rule: ${arithmetic}`,
      ),
    ];
  if (percent > 0)
    return [
      reason(
        "sanctioned_minority_owner",
        "ownership",
        riskWeights.sanctioned_minority_owner,
        1,
        `listed owners hold ${percent}% (< 50%): ${arithmetic}`,
      ),
    ];
  return [];
}

function goodsReasons(graph: Graph, node: number): RiskReason[] {
  let best: ChplTier | undefined;
  let battlefield = false;
  for (const adjacency of [graph.out, graph.in]) {
    for (let i = adjacency.offsets[node]!; i < adjacency.offsets[node + 1]!; i++) {
      const goods = graph.goods[graph.edgeGoods[adjacency.edges[i]!]!];
      if (!goods || adjacency.kinds[i] !== EdgeKind.shipment) continue;
      battlefield ||= goods.battlefield;
      for (const tier of goods.chplTiers)
        if (!best || riskWeights.tier[tier] > riskWeights.tier[best]) best = tier;
    }
  }
  if (best)
    return [
      reason(
        `chpl_tier_${best}`,
        "goods",
        riskWeights.tier[best],
        1,
        `ships or receives CHPL tier ${best} goods`,
      ),
    ];
  return battlefield
    ? [
        reason(
          "battlefield_goods",
          "goods",
          riskWeights.battlefield,
          1,
          "ships or receives battlefield goods",
        ),
      ]
    : [];
}

function flagReasons(hits: FlagHit[]): RiskReason[] {
  const byCode = new Map<string, FlagHit[]>();
  for (const hit of hits) byCode.set(hit.code, [...(byCode.get(hit.code) ?? []), hit]);
  return [...byCode].map(([code, list]) => {
    const strongest = list.reduce((best, hit) =>
      (hit.severity ?? 1) > (best.severity ?? 1) ? hit : best,
    );
    const weight = flagCatalog[code]!.weight * (strongest.severity ?? 1);
    return reason(code, "flag", repeated(weight, list.length), list.length, strongest.detail);
  });
}

function reason(
  code: string,
  kind: RiskReason["kind"],
  contribution: number,
  count: number,
  detail: string,
): RiskReason {
  return { code, kind, contribution: Math.round(contribution * 1000) / 1000, count, detail };
}

/**
 * Risk of every entity that has a reason: screening hits (listed, or trading with the listed),
 * ownership (OFAC 50% rule), red flags and the CHPL tier of its goods, each with its share.
 * @example scoreEntities(graph, detectFlags(facts, graph))[0] // the riskiest entity
 */
export function scoreEntities(graph: Graph, hits: FlagHit[]): EntityRisk[] {
  const flagsOf = new Map<string, FlagHit[]>();
  for (const hit of hits) flagsOf.set(hit.entity, [...(flagsOf.get(hit.entity) ?? []), hit]);
  const risks: EntityRisk[] = [];
  for (let node = 0; node < graph.nodeCount; node++) {
    const id = graph.ids[node]!;
    const schema = graph.schemaOf(node);
    if (schema !== "Thing" && !isA(schema, "LegalEntity")) continue;
    const reasons = [
      ...screeningReasons(graph, node),
      ...ownershipReasons(graph, node),
      ...flagReasons(flagsOf.get(id) ?? []),
    ];
    if (!reasons.length) continue;
    reasons.push(...goodsReasons(graph, node));
    reasons.sort((a, b) => b.contribution - a.contribution || a.code.localeCompare(b.code));
    const score = reasons.reduce((sum, r) => sum + r.contribution, 0);
    risks.push({ id, score: Math.round(score * 1000) / 1000, reasons });
  }
  return risks.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
