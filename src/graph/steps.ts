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
 * `targets`, up to `maxDepth`; nodes further away get `beyond` (FAR, or maxDepth + 1 as a
 * lower bound). A lower bound for any filtered search, since filters only remove edges.
 * @example distancesTo(graph, [graph.nodeOf("ofac-1")!], 4)[graph.nodeOf("acme")!] // 2
 */
export function distancesTo(
  graph: Graph,
  targets: ArrayLike<number>,
  maxDepth: number,
  beyond = FAR,
): Uint8Array {
  const distance = new Uint8Array(graph.nodeCount).fill(beyond);
  const queue = new Int32Array(graph.nodeCount);
  let tail = 0;
  for (let i = 0; i < targets.length; i++) {
    const node = targets[i]!;
    if (distance[node] === beyond) {
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
      if (viaOut[edgeKind[edge]!] && distance[other] === beyond) {
        distance[other] = next;
        queue[tail++] = other;
      }
    }
    for (let i = graph.in.offsets[node]!, end = graph.in.offsets[node + 1]!; i < end; i++) {
      const edge = graph.in.edges[i]!;
      const other = edgeSource[edge]!;
      if (viaIn[edgeKind[edge]!] && distance[other] === beyond) {
        distance[other] = next;
        queue[tail++] = other;
      }
    }
  }
  return distance;
}

/** Largest depth the sanctioned-distance index covers. */
export const sanctionedDistanceDepth = 12;

/** Reorder one node's edges by the distance of their other end, nearest first (stable). */
function orderSegment(
  edges: Int32Array,
  start: number,
  end: number,
  distanceOf: (edge: number) => number,
  keys: Float64Array,
): void {
  const length = end - start;
  if (length < 2) return;
  const slice = keys.subarray(0, length);
  for (let i = 0; i < length; i++)
    slice[i] = distanceOf(edges[start + i]!) * 2 ** 32 + edges[start + i]!;
  slice.sort();
  for (let i = 0; i < length; i++) edges[start + i] = slice[i]! % 2 ** 32;
}

/**
 * Distances to the nearest sanctioned node, computed once per graph; each node's edges are
 * then ordered by the distance of their other end, so a search towards sanctioned parties
 * stops scanning a hub's edges as soon as the rest are too far.
 * @example distancesToSanctioned(graph)[node] <= 3
 */
export function distancesToSanctioned(graph: Graph): Uint8Array {
  if (graph.sanctionedDistance.length === graph.nodeCount) return graph.sanctionedDistance;
  const targets: number[] = [];
  for (let node = 0; node < graph.nodeCount; node++) if (graph.sanctioned[node]) targets.push(node);
  const distance = distancesTo(graph, targets, sanctionedDistanceDepth);
  let widest = 0;
  for (let node = 0; node < graph.nodeCount; node++) {
    widest = Math.max(
      widest,
      graph.out.offsets[node + 1]! - graph.out.offsets[node]!,
      graph.in.offsets[node + 1]! - graph.in.offsets[node]!,
    );
  }
  const keys = new Float64Array(widest);
  const { edgeSource, edgeTarget } = graph;
  for (let node = 0; node < graph.nodeCount; node++) {
    orderSegment(
      graph.out.edges,
      graph.out.offsets[node]!,
      graph.out.offsets[node + 1]!,
      (e) => distance[edgeTarget[e]!]!,
      keys,
    );
    orderSegment(
      graph.in.edges,
      graph.in.offsets[node]!,
      graph.in.offsets[node + 1]!,
      (e) => distance[edgeSource[e]!]!,
      keys,
    );
  }
  graph.sanctionedDistance = distance;
  return distance;
}
