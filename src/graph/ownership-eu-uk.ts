import type { Graph } from "./graph.js";
import {
  chainArithmetic,
  controllers,
  directStakes,
  formatPercent,
  ownershipChains,
} from "./ownership-chains.js";

const threshold = 50;

export interface EuUkBasis {
  by: string;
  kind: "ownership" | "control";
  chain: string[];
  arithmetic: string;
}

/**
 * EU/UK "owned or controlled": a designated person holds > 50% (directly, through entities
 * it owns > 50% or controls, or by multiplied chains), or controls the entity as director.
 * Holdings of different designated persons are not aggregated (EU best practices, OFSI).
 * @example euUkReport(graph, node, upwardClosure(graph, node))[0]?.kind // "control"
 */
export function euUkReport(graph: Graph, node: number, closure: number[]): EuUkBasis[] {
  const why = new Map<number, EuUkBasis>();
  for (const other of closure)
    if (graph.sanctioned[other])
      why.set(other, {
        by: graph.ids[other]!,
        kind: "ownership",
        chain: [graph.ids[other]!],
        arithmetic: "listed",
      });
  for (let changed = true; changed; ) {
    changed = false;
    for (const other of closure) {
      if (why.has(other)) continue;
      const basis = majorityOrControl(graph, other, why);
      if (basis) {
        why.set(other, basis);
        changed = true;
      }
    }
  }
  why.delete(node);
  const direct = majorityOrControl(graph, node, why);
  const effective = effectiveMajority(graph, node);
  return [...(direct ? [direct] : []), ...effective];
}

function majorityOrControl(
  graph: Graph,
  node: number,
  why: Map<number, EuUkBasis>,
): EuUkBasis | undefined {
  const id = graph.ids[node]!;
  const stake = directStakes(graph, node).find((s) => why.has(s.owner) && s.percentage > threshold);
  if (stake) {
    const above = why.get(stake.owner)!;
    return {
      by: above.by,
      kind: above.kind,
      chain: [...above.chain, id],
      arithmetic: `${graph.ids[stake.owner]} holds ${formatPercent(stake.percentage)} of ${id} > 50%`,
    };
  }
  const control = controllers(graph, node).find((c) => why.has(c.node));
  if (!control) return undefined;
  const above = why.get(control.node)!;
  return {
    by: above.by,
    kind: "control",
    chain: [...above.chain, id],
    arithmetic: `${graph.ids[control.node]} directs ${id} (${graph.refOf(control.edge)})`,
  };
}

/** Sanctioned persons whose multiplied stake exceeds 50% on their own. */
function effectiveMajority(graph: Graph, node: number): EuUkBasis[] {
  const byOwner = new Map<number, { total: number; terms: string[]; chain: number[] }>();
  for (const chain of ownershipChains(graph, node)) {
    const owner = chain.nodes[0]!;
    if (!graph.sanctioned[owner]) continue;
    const entry = byOwner.get(owner) ?? { total: 0, terms: [], chain: chain.nodes };
    entry.total += chain.effective;
    entry.terms.push(chainArithmetic(chain.percentages));
    byOwner.set(owner, entry);
  }
  return [...byOwner]
    .filter(([, entry]) => entry.total > threshold)
    .map(([owner, entry]) => ({
      by: graph.ids[owner]!,
      kind: "ownership" as const,
      chain: entry.chain.map((n) => graph.ids[n]!),
      arithmetic: `${entry.terms.join(" + ")} → ${formatPercent(entry.total)} > 50%`,
    }));
}
