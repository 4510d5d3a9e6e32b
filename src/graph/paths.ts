import { edgeWeight, shipmentWeights } from "./edge-weights.js";
import type { Adjacency, Graph } from "./graph.js";
import { PathEntries, ScoreHeap } from "./path-heap.js";
import { distancesTo, distancesToSanctioned, forwardSteps } from "./steps.js";
import { EdgeKind, isDatedKind, NO_DATE } from "./types.js";

export interface PathQuery {
  /** Start nodes (graph node numbers). */
  sources: readonly number[];
  /** A target node, or any sanctioned node. */
  to: { node: number } | "sanctioned";
  /** Most edges on a path (default 5). */
  maxDepth?: number;
  /** Shipments and payments before this day (days since 1970) are left out. */
  since?: number;
  until?: number;
  /** From `goodsMask`: shipments must carry matching goods, and a path needs one. */
  goods?: Uint8Array;
  /** Each dated step happens on or after the one before, within `windowDays`. */
  timeRespecting?: boolean;
  windowDays?: number;
  limit?: number;
  /** Stop after this many partial paths (the result says `truncated`). */
  maxExpansions?: number;
}

export interface FoundPath {
  score: number;
  nodes: number[];
  edges: number[];
}

export interface PathSearch {
  paths: FoundPath[];
  /** Partial paths generated. */
  expanded: number;
  truncated: boolean;
}

interface SearchState {
  graph: Graph;
  query: Required<Pick<PathQuery, "maxDepth" | "windowDays" | "limit" | "maxExpansions">> &
    PathQuery;
  distance: Uint8Array;
  /** Adjacency is ordered by `distance` (the sanctioned index), so scans may stop early. */
  sorted: boolean;
  isTarget: (node: number) => boolean;
  entries: PathEntries;
  heap: ScoreHeap;
  shipment: Float64Array;
  /** Per neighbour, the best edge of the current expansion (parallel edges collapse). */
  bestEdge: Int32Array;
  stamp: Int32Array;
  /** Mark of the current expansion in `stamp`; rises across searches on one graph. */
  epoch: { value: number };
}

interface Scratch {
  bestEdge: Int32Array;
  stamp: Int32Array;
  epoch: { value: number };
}

const scratch = new WeakMap<Graph, Scratch>();

function scratchFor(graph: Graph) {
  let arrays = scratch.get(graph);
  if (!arrays) {
    arrays = {
      bestEdge: new Int32Array(graph.nodeCount),
      stamp: new Int32Array(graph.nodeCount),
      epoch: { value: 0 },
    };
    scratch.set(graph, arrays);
  }
  return arrays;
}

/** Whether a step along `edge` may extend a path whose last dated step was on `lastDate`. */
function admits(state: SearchState, edge: number, kind: number, lastDate: number): boolean {
  const { graph, query } = state;
  if (kind === EdgeKind.shipment && query.goods) {
    const goods = graph.edgeGoods[edge]!;
    if (goods < 0 || !query.goods[goods]) return false;
  }
  if (!isDatedKind(kind)) return true;
  const date = graph.edgeDate[edge]!;
  const filtered = query.timeRespecting || query.since !== undefined || query.until !== undefined;
  if (date === NO_DATE) return !filtered;
  if (query.since !== undefined && date < query.since) return false;
  if (query.until !== undefined && date > query.until) return false;
  if (!query.timeRespecting || lastDate === NO_DATE) return true;
  return date >= lastDate && date <= lastDate + query.windowDays;
}

function weightOf(state: SearchState, edge: number): number {
  return edgeWeight(state.graph, edge, state.shipment);
}

/** Push the step to `other` along `edge` from `entry`, or remember it as the best so far. */
function consider(
  state: SearchState,
  entry: number,
  edge: number,
  other: number,
  touched: number[],
): void {
  const { entries, query, graph } = state;
  const kind = graph.edgeKind[edge]!;
  if (!admits(state, edge, kind, entries.lastDate.get(entry))) return;
  if (entries.onPath(entry, other)) return;
  if (!query.timeRespecting && !query.goods) {
    // Parallel edges to one neighbour collapse to the strongest, so top-K paths differ.
    if (state.stamp[other] !== state.epoch.value) {
      state.stamp[other] = state.epoch.value;
      state.bestEdge[other] = edge;
      touched.push(other);
    } else if (weightOf(state, edge) > weightOf(state, state.bestEdge[other]!)) {
      state.bestEdge[other] = edge;
    }
    return;
  }
  pushStep(state, entry, edge, other);
}

function pushStep(state: SearchState, entry: number, edge: number, other: number): void {
  const { entries, graph } = state;
  const kind = graph.edgeKind[edge]!;
  const date = graph.edgeDate[edge]!;
  const lastDate = isDatedKind(kind) && date !== NO_DATE ? date : entries.lastDate.get(entry);
  const shipped = entries.shipped.get(entry) | (kind === EdgeKind.shipment ? 1 : 0);
  const score = entries.score.get(entry) * weightOf(state, edge);
  const next = entries.add(
    other,
    entry,
    edge,
    entries.depth.get(entry) + 1,
    lastDate,
    shipped,
    score,
  );
  state.heap.push(next);
}

/** Consider every allowed step out of `entry`'s node along one adjacency. */
function scanSteps(
  state: SearchState,
  entry: number,
  adjacency: Adjacency,
  allowed: Uint8Array,
  budget: number,
  touched: number[],
): void {
  const { distance, sorted } = state;
  const { edges, nodes, kinds } = adjacency;
  const node = state.entries.node.get(entry);
  for (let i = adjacency.offsets[node]!, end = adjacency.offsets[node + 1]!; i < end; i++) {
    const other = nodes[i]!;
    if (distance[other]! > budget) {
      if (sorted) break;
      continue;
    }
    if (allowed[kinds[i]!]) consider(state, entry, edges[i]!, other, touched);
  }
}

function expand(state: SearchState, entry: number): void {
  const { graph } = state;
  // A neighbour must be within this many steps of a target.
  const budget = state.query.maxDepth - state.entries.depth.get(entry) - 1;
  const { viaOut, viaIn } = forwardSteps;
  const touched: number[] = [];
  if (++state.epoch.value === 0x7fffffff) {
    state.stamp.fill(0);
    state.epoch.value = 1;
  }
  scanSteps(state, entry, graph.out, viaOut, budget, touched);
  scanSteps(state, entry, graph.in, viaIn, budget, touched);
  for (const other of touched) pushStep(state, entry, state.bestEdge[other]!, other);
}

function startState(graph: Graph, query: PathQuery): SearchState {
  const full = { maxDepth: 5, windowDays: 365, limit: 10, maxExpansions: 2_000_000, ...query };
  const to = query.to;
  // Towards one node, a backward ball of half the depth gives the bound (meet in the middle).
  const half = Math.ceil(full.maxDepth / 2);
  const distance =
    to === "sanctioned"
      ? distancesToSanctioned(graph)
      : distancesTo(graph, [to.node], half, half + 1);
  const isTarget =
    to === "sanctioned"
      ? (node: number) => graph.sanctioned[node] === 1
      : (node: number) => node === to.node;
  const entries = new PathEntries();
  return {
    graph,
    query: full,
    distance,
    sorted: to === "sanctioned",
    isTarget,
    entries,
    heap: new ScoreHeap(entries.score),
    shipment: shipmentWeights(graph),
    ...scratchFor(graph),
  };
}

/** A finished path is reported once per node sequence (the best of its parallel variants). */
function emit(state: SearchState, entry: number, found: FoundPath[], seen: Set<string>): void {
  const path = state.entries.unwind(entry);
  const key = path.nodes.join(",");
  if (seen.has(key)) return;
  seen.add(key);
  found.push({ score: state.entries.score.get(entry), ...path });
}

/**
 * The K best simple paths from the sources to the target(s), best first: a best-first
 * search over partial paths scored by the product of their edge weights (never rising, so
 * the first K paths reaching a target are the K best), pruned by a breadth-first lower bound
 * on the steps still needed, by the goods and date filters, and by time order.
 * @example findPaths(graph, { sources: [graph.nodeOf("supplier")!], to: "sanctioned", limit: 5 })
 */
export function findPaths(graph: Graph, query: PathQuery): PathSearch {
  const state = startState(graph, query);
  const { entries, heap } = state;
  const { limit, maxDepth, maxExpansions } = state.query;
  for (const source of new Set(query.sources)) {
    if (state.distance[source]! <= maxDepth)
      heap.push(entries.add(source, -1, -1, 0, NO_DATE, 0, 1));
  }
  const found: FoundPath[] = [];
  const seen = new Set<string>();
  while (heap.size && found.length < limit && entries.length < maxExpansions) {
    const entry = heap.pop();
    const depth = entries.depth.get(entry);
    if (depth > 0 && state.isTarget(entries.node.get(entry))) {
      if (!query.goods || entries.shipped.get(entry)) emit(state, entry, found, seen);
      continue;
    }
    if (depth < maxDepth) expand(state, entry);
  }
  const truncated = entries.length >= maxExpansions && found.length < limit;
  return { paths: found, expanded: entries.length, truncated };
}
