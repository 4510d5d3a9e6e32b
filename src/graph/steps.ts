import type { Graph } from "./graph.js";
import { EdgeKind, edgeKindCount } from "./types.js";

/**
 * Which edges a step may follow, per kind: `viaOut` from source to target, `viaIn` from
 * target back to source. Goods flow along shipments (sender -> receiver) and against
 * payments (the buyer pays the supplier); ties (ownership, directors, shared attributes,
 * unknown links) go both ways.
 */
export interface StepRules {
  viaOut: Uint8Array;
  viaIn: Uint8Array;
}

function rules(out: number[], back: number[]): StepRules {
  const viaOut = new Uint8Array(edgeKindCount);
  const viaIn = new Uint8Array(edgeKindCount);
  for (const kind of out) viaOut[kind] = 1;
  for (const kind of back) viaIn[kind] = 1;
  return { viaOut, viaIn };
}

const ties = Array.from({ length: edgeKindCount }, (_, kind) => kind).filter(
  (kind) => kind !== EdgeKind.shipment && kind !== EdgeKind.payment,
);

/** Steps along the flow of goods (supplier towards end-user). */
export const forwardSteps: StepRules = rules(
  [EdgeKind.shipment, ...ties],
  [EdgeKind.payment, ...ties],
);

/** The same steps walked backwards (end-user towards supplier). */
export const reverseSteps: StepRules = {
  viaOut: forwardSteps.viaIn,
  viaIn: forwardSteps.viaOut,
};

/** "Unreachable within the bound" in distance arrays. */
export const FAR = 255;

/**
 * Breadth-first distances (in steps along `forwardSteps`) from every node to the nearest of
 * `targets`, up to `maxDepth`; nodes further away get FAR. A lower bound for any filtered
 * search, since filters only remove edges.
 * @example distancesTo(graph, [graph.nodeOf("ofac-1")!], 4)[graph.nodeOf("acme")!] // 2
 */
export function distancesTo(
  graph: Graph,
  targets: ArrayLike<number>,
  maxDepth: number,
): Uint8Array {
  const distance = new Uint8Array(graph.nodeCount).fill(FAR);
  const queue = new Int32Array(graph.nodeCount);
  let tail = 0;
  for (let i = 0; i < targets.length; i++) {
    const node = targets[i]!;
    if (distance[node] === FAR) {
      distance[node] = 0;
      queue[tail++] = node;
    }
  }
  const { edgeKind, edgeSource, edgeTarget } = graph;
  const { viaOut, viaIn } = reverseSteps;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const next = distance[node]! + 1;
    if (next > maxDepth) break;
    for (let i = graph.out.offsets[node]!, end = graph.out.offsets[node + 1]!; i < end; i++) {
      const edge = graph.out.edges[i]!;
      const other = edgeTarget[edge]!;
      if (viaOut[edgeKind[edge]!] && distance[other] === FAR) {
        distance[other] = next;
        queue[tail++] = other;
      }
    }
    for (let i = graph.in.offsets[node]!, end = graph.in.offsets[node + 1]!; i < end; i++) {
      const edge = graph.in.edges[i]!;
      const other = edgeSource[edge]!;
      if (viaIn[edgeKind[edge]!] && distance[other] === FAR) {
        distance[other] = next;
        queue[tail++] = other;
      }
    }
  }
  return distance;
}

/** Largest depth the cached distance to sanctioned nodes covers. */
export const sanctionedDistanceDepth = 12;

/**
 * Distances to the nearest sanctioned node, computed once per graph and cached.
 * @example distancesToSanctioned(graph)[node] <= 3
 */
export function distancesToSanctioned(graph: Graph): Uint8Array {
  return graph.cachedSanctionedDistance(() => {
    const targets: number[] = [];
    for (let node = 0; node < graph.nodeCount; node++)
      if (graph.sanctioned[node]) targets.push(node);
    return distancesTo(graph, targets, sanctionedDistanceDepth);
  });
}
