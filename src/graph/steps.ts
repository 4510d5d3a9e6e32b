import { type Adjacency, fillAdjacency, type Graph } from "./graph.js";
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
  const { viaOut, viaIn } = reverseSteps;
  const { out, in: into } = graph;
  const scan = (adjacency: Adjacency, allowed: Uint8Array, node: number, next: number) => {
    const { nodes, kinds } = adjacency;
    for (let i = adjacency.offsets[node]!, end = adjacency.offsets[node + 1]!; i < end; i++) {
      const other = nodes[i]!;
      if (allowed[kinds[i]!] && distance[other] === beyond) {
        distance[other] = next;
        queue[tail++] = other;
      }
    }
  };
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    const next = distance[node]! + 1;
    if (next > maxDepth) break;
    scan(out, viaOut, node, next);
    scan(into, viaIn, node, next);
  }
  return distance;
}

/** Largest depth the sanctioned-distance index covers. */
export const sanctionedDistanceDepth = 12;

const buckets = sanctionedDistanceDepth + 2;

/** Reorder one node's edges by the distance of their other end, nearest first (stable counting sort). */
function orderSegment(
  adjacency: Adjacency,
  node: number,
  bucketOf: (other: number) => number,
  scratch: { counts: Int32Array; buffer: Int32Array },
): void {
  const { edges, nodes } = adjacency;
  const start = adjacency.offsets[node]!;
  const end = adjacency.offsets[node + 1]!;
  if (end - start < 2) return;
  const { counts, buffer } = scratch;
  counts.fill(0);
  for (let i = start; i < end; i++) counts[bucketOf(nodes[i]!) + 1]!++;
  for (let b = 1; b <= buckets; b++) counts[b]! += counts[b - 1]!;
  for (let i = start; i < end; i++) buffer[counts[bucketOf(nodes[i]!)]!++] = edges[i]!;
  edges.set(buffer.subarray(0, end - start), start);
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
  const scratch = { counts: new Int32Array(buckets + 1), buffer: new Int32Array(widest) };
  const bucketOf = (other: number) => Math.min(distance[other]!, sanctionedDistanceDepth + 1);
  for (let node = 0; node < graph.nodeCount; node++) {
    orderSegment(graph.out, node, bucketOf, scratch);
    orderSegment(graph.in, node, bucketOf, scratch);
  }
  fillAdjacency(graph.out, graph.edgeTarget, graph.edgeKind);
  fillAdjacency(graph.in, graph.edgeSource, graph.edgeKind);
  graph.sanctionedDistance = distance;
  return distance;
}
