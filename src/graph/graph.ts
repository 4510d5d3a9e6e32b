import { type GoodsInfo, isDerivedKind } from "./types.js";

/** What a finished graph is made of; the builder fills it, the graph indexes it. */
export interface GraphParts {
  ids: string[];
  index: Map<string, number>;
  nodeSchema: Uint8Array;
  schemaNames: string[];
  sanctioned: Uint8Array;
  sanctionRefs: Map<number, string[]>;
  countryNodes: Map<string, Int32Array>;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeKind: Uint8Array;
  edgeDate: Int32Array;
  edgeValue: Float64Array;
  edgeGoods: Int32Array;
  edgeRef: Int32Array;
  refs: string[];
  goods: GoodsInfo[];
}

/**
 * Compressed adjacency: the edges of node n are `edges[offsets[n]..offsets[n+1]]`, with the
 * node at their other end and their kind copied alongside, so scans read memory in order.
 */
export interface Adjacency {
  offsets: Int32Array;
  edges: Int32Array;
  nodes: Int32Array;
  kinds: Uint8Array;
}

/**
 * Copy each slot's other end and kind from its edge (after the edges were reordered).
 * @example fillAdjacency(graph.out, graph.edgeTarget, graph.edgeKind)
 */
export function fillAdjacency(adjacency: Adjacency, other: Int32Array, kind: Uint8Array): void {
  const { edges, nodes, kinds } = adjacency;
  for (let i = 0; i < edges.length; i++) {
    nodes[i] = other[edges[i]!]!;
    kinds[i] = kind[edges[i]!]!;
  }
}

/**
 * Group edge numbers by one endpoint with a counting sort (linear time, two passes).
 * @example indexEdges(new Int32Array([1, 0]), new Int32Array([0, 1]), new Uint8Array(2), 2).edges // [1, 0]
 */
export function indexEdges(
  endpoint: Int32Array,
  other: Int32Array,
  kind: Uint8Array,
  nodeCount: number,
): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < endpoint.length; e++) offsets[endpoint[e]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
  const cursor = offsets.slice(0, nodeCount);
  const edges = new Int32Array(endpoint.length);
  for (let e = 0; e < endpoint.length; e++) edges[cursor[endpoint[e]!]!++] = e;
  const adjacency = {
    offsets,
    edges,
    nodes: new Int32Array(edges.length),
    kinds: new Uint8Array(edges.length),
  };
  fillAdjacency(adjacency, other, kind);
  return adjacency;
}

/**
 * The in-memory multigraph: nodes are interned entity ids, edges live in parallel typed
 * arrays (kind, endpoints, day, value, goods, the entity or shared value they rest on),
 * indexed both ways. An edge keeps `ref`, the id of the link entity (or the shared value)
 * whose statements are its evidence, fetched from the store when a result is shown.
 */
export class Graph implements GraphParts {
  readonly ids!: string[];
  readonly index!: Map<string, number>;
  readonly nodeSchema!: Uint8Array;
  readonly schemaNames!: string[];
  readonly sanctioned!: Uint8Array;
  readonly sanctionRefs!: Map<number, string[]>;
  readonly countryNodes!: Map<string, Int32Array>;
  readonly edgeSource!: Int32Array;
  readonly edgeTarget!: Int32Array;
  readonly edgeKind!: Uint8Array;
  readonly edgeDate!: Int32Array;
  readonly edgeValue!: Float64Array;
  readonly edgeGoods!: Int32Array;
  readonly edgeRef!: Int32Array;
  readonly refs!: string[];
  readonly goods!: GoodsInfo[];
  readonly out: Adjacency;
  readonly in: Adjacency;
  /** Steps to the nearest sanctioned node; empty until `distancesToSanctioned` indexes it. */
  sanctionedDistance: Uint8Array = new Uint8Array(0);

  constructor(parts: GraphParts) {
    Object.assign(this, parts);
    const nodes = parts.ids.length;
    this.out = indexEdges(parts.edgeSource, parts.edgeTarget, parts.edgeKind, nodes);
    this.in = indexEdges(parts.edgeTarget, parts.edgeSource, parts.edgeKind, nodes);
  }

  get nodeCount(): number {
    return this.ids.length;
  }

  get edgeCount(): number {
    return this.edgeKind.length;
  }

  /** Node number of an entity id, or undefined when the graph does not hold it. */
  nodeOf(id: string): number | undefined {
    return this.index.get(id);
  }

  schemaOf(node: number): string {
    return this.schemaNames[this.nodeSchema[node]!] ?? "Thing";
  }

  /** The link entity id or shared value an edge rests on. */
  refOf(edge: number): string | undefined {
    const ref = this.edgeRef[edge]!;
    return ref < 0 ? undefined : this.refs[ref];
  }

  isDerived(edge: number): boolean {
    return isDerivedKind(this.edgeKind[edge]!);
  }

  /** Bytes held by the typed arrays (strings and maps excluded). */
  typedArrayBytes(): number {
    const arrays = [
      this.nodeSchema,
      this.sanctioned,
      this.edgeSource,
      this.edgeTarget,
      this.edgeKind,
      this.edgeDate,
      this.edgeValue,
      this.edgeGoods,
      this.edgeRef,
      this.out.offsets,
      this.out.edges,
      this.in.offsets,
      this.in.edges,
    ];
    return arrays.reduce((sum, array) => sum + array.byteLength, 0);
  }
}
