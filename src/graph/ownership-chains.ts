import type { Graph } from "./graph.js";
import { EdgeKind } from "./types.js";

/** One holder's direct stake in an asset; parallel statements of a stake count once. */
export interface Stake {
  owner: number;
  percentage: number;
  /** Ownership edges stating it (their link entities are the evidence). */
  edges: number[];
}

/**
 * Direct stakes in `asset`, the largest stated percentage per owner (two datasets stating
 * the same 25% must not make 50%). Stakes without a percentage are left out.
 * @example directStakes(graph, graph.nodeOf("acme")!)[0] // { owner: 7, percentage: 25, edges: [12] }
 */
export function directStakes(graph: Graph, asset: number): Stake[] {
  const byOwner = new Map<number, Stake>();
  for (let i = graph.in.offsets[asset]!; i < graph.in.offsets[asset + 1]!; i++) {
    const edge = graph.in.edges[i]!;
    const percentage = graph.edgeValue[edge]!;
    if (graph.edgeKind[edge] !== EdgeKind.ownership || Number.isNaN(percentage)) continue;
    const owner = graph.edgeSource[edge]!;
    if (owner === asset) continue;
    const stake = byOwner.get(owner);
    if (!stake) byOwner.set(owner, { owner, percentage, edges: [edge] });
    else {
      stake.edges.push(edge);
      stake.percentage = Math.max(stake.percentage, percentage);
    }
  }
  return [...byOwner.values()];
}

/**
 * Directors (and other controllers by directorship) of an organization.
 * @example controllers(graph, node).map((c) => graph.ids[c.node]) // ["person-1"]
 */
export function controllers(
  graph: Graph,
  organization: number,
): Array<{ node: number; edge: number }> {
  const found: Array<{ node: number; edge: number }> = [];
  for (let i = graph.in.offsets[organization]!; i < graph.in.offsets[organization + 1]!; i++) {
    const edge = graph.in.edges[i]!;
    if (graph.edgeKind[edge] === EdgeKind.directorship)
      found.push({ node: graph.edgeSource[edge]!, edge });
  }
  return found;
}

/**
 * Everyone above `node` through ownership and directorship, nearest first (cycles visited once).
 * @example upwardClosure(graph, node).includes(ultimateOwner) // true
 */
export function upwardClosure(graph: Graph, node: number, maxDepth = 12): number[] {
  const depth = new Map<number, number>([[node, 0]]);
  const queue = [node];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    if (depth.get(current)! >= maxDepth) continue;
    const above = [
      ...directStakes(graph, current).map((s) => s.owner),
      ...controllers(graph, current).map((c) => c.node),
    ];
    for (const next of above) {
      if (depth.has(next)) continue;
      depth.set(next, depth.get(current)! + 1);
      queue.push(next);
    }
  }
  return queue;
}

/** One ownership chain from an owner down to the asset, with its product. */
export interface OwnershipChain {
  nodes: number[];
  percentages: number[];
  effective: number;
}

/**
 * Every simple ownership chain above `asset` (depth-limited, chains under `minimum` percent
 * dropped): multiply along a chain; the caller sums over chains. Cycles end a chain.
 * @example ownershipChains(graph, asset).find((c) => c.nodes[0] === owner)?.effective // 54
 */
export function ownershipChains(
  graph: Graph,
  asset: number,
  maxDepth = 12,
  minimum = 1e-6,
): OwnershipChain[] {
  const chains: OwnershipChain[] = [];
  const walk = (node: number, below: number[], percentages: number[], product: number) => {
    for (const stake of directStakes(graph, node)) {
      if (below.includes(stake.owner) || stake.owner === node) continue;
      const effective = (product * stake.percentage) / 100;
      if (effective < minimum) continue;
      const nodes = [stake.owner, node, ...below];
      const chain = {
        nodes,
        percentages: [stake.percentage, ...percentages],
        effective: effective * 100,
      };
      chains.push(chain);
      if (nodes.length <= maxDepth)
        walk(stake.owner, [node, ...below], chain.percentages, effective);
    }
  };
  walk(asset, [], [], 1);
  return chains;
}

/**
 * Human arithmetic for a chain: `60% × 90% = 54%`.
 * @example chainArithmetic([90, 60]) // "90% × 60% = 54%"
 */
export function chainArithmetic(percentages: number[]): string {
  const product = percentages.reduce((value, p) => (value * p) / 100, 100);
  return percentages.length === 1
    ? `${formatPercent(product)} direct`
    : `${percentages.map(formatPercent).join(" × ")} = ${formatPercent(product)}`;
}

/**
 * A percentage rounded to four decimals for arithmetic lines.
 * @example formatPercent(54.00000001) // "54%"
 */
export function formatPercent(value: number): string {
  return `${Math.round(value * 10_000) / 10_000}%`;
}
