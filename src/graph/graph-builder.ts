import { Graph } from "./graph.js";
import { Growable } from "./growable.js";
import { distancesToSanctioned } from "./steps.js";
import { type EdgeKind, type GoodsInfo, NO_DATE } from "./types.js";

/** One edge as handed to the builder; endpoints are node numbers from `node()`. */
export interface EdgeInput {
  kind: EdgeKind;
  source: number;
  target: number;
  /** From `addRef`: the link entity id or shared value the edge rests on. */
  ref?: number;
  /** Days since 1970 (`parseDay`). */
  date?: number;
  /** Amount for shipments and payments, percentage for ownership. */
  value?: number;
  /** From `addGoods`. */
  goods?: number;
}

/**
 * Collects nodes and edges into growable typed arrays; `build()` indexes them into a Graph.
 * The low-level API (`node`, `addEdge`) is what `buildGraph` and the benchmark both use.
 * @example
 * const builder = new GraphBuilder();
 * builder.addEdge({ kind: EdgeKind.payment, source: builder.node("a"), target: builder.node("b") });
 * builder.build().edgeCount; // 1
 */
export class GraphBuilder {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly nodeSchema = new Growable(Uint8Array);
  private readonly schemaNames: string[] = ["Thing"];
  private readonly sanctioned = new Set<number>();
  private readonly sanctionRefs = new Map<number, string[]>();
  private readonly countries = new Map<string, Set<number>>();
  private readonly source = new Growable(Int32Array);
  private readonly target = new Growable(Int32Array);
  private readonly kind = new Growable(Uint8Array);
  private readonly date = new Growable(Int32Array);
  private readonly value = new Growable(Float64Array);
  private readonly goodsOf = new Growable(Int32Array);
  private readonly ref = new Growable(Int32Array);
  private readonly refs: string[] = [];
  private readonly goods: GoodsInfo[] = [];
  private readonly goodsIndex = new Map<string, number>();

  /**
   * @param canonicalId maps an entity id to the id of its cluster (analyst judgements), so
   * that every member of a cluster is one node.
   */
  constructor(private readonly canonicalId: (id: string) => string = (id) => id) {}

  /** Intern an entity id (as its cluster's canonical id) as a node number. */
  node(entityId: string): number {
    const id = this.canonicalId(entityId);
    let number = this.index.get(id);
    if (number === undefined) {
      number = this.ids.length;
      this.ids.push(id);
      this.index.set(id, number);
      this.nodeSchema.push(0);
    }
    return number;
  }

  setSchema(node: number, schema: string): void {
    let code = this.schemaNames.indexOf(schema);
    if (code < 0) code = this.schemaNames.push(schema) - 1;
    this.nodeSchema.set(node, code);
  }

  schemaOf(node: number): string {
    return this.schemaNames[this.nodeSchema.get(node)] ?? "Thing";
  }

  addCountry(node: number, country: string): void {
    const code = country.toLowerCase();
    const members = this.countries.get(code) ?? new Set<number>();
    members.add(node);
    this.countries.set(code, members);
  }

  /** Mark a node as a sanctions target, remembering what says so. */
  markSanctioned(node: number, because: string): void {
    this.sanctioned.add(node);
    const refs = this.sanctionRefs.get(node) ?? [];
    if (!refs.includes(because)) refs.push(because);
    this.sanctionRefs.set(node, refs);
  }

  addRef(ref: string): number {
    return this.refs.push(ref) - 1;
  }

  /** Intern goods: identical codes and description share one entry. */
  addGoods(goods: GoodsInfo): number {
    const key = `${goods.codes.join(",")}\u0000${goods.description}`;
    let number = this.goodsIndex.get(key);
    if (number === undefined) {
      number = this.goods.push(goods) - 1;
      this.goodsIndex.set(key, number);
    }
    return number;
  }

  reserveEdges(count: number): void {
    for (const array of [this.source, this.target, this.kind, this.date, this.value]) {
      array.reserve(count);
    }
    this.goodsOf.reserve(count);
    this.ref.reserve(count);
  }

  addEdge(edge: EdgeInput): number {
    this.source.push(edge.source);
    this.target.push(edge.target);
    this.kind.push(edge.kind);
    this.date.push(edge.date ?? NO_DATE);
    this.value.push(edge.value ?? Number.NaN);
    this.goodsOf.push(edge.goods ?? -1);
    return this.ref.push(edge.ref ?? -1);
  }

  get edgeCount(): number {
    return this.kind.length;
  }

  /** Index the edges; `index: false` leaves the sanctioned-distance index to the caller (benchmarks time it apart). */
  build(options: { index?: boolean } = {}): Graph {
    const sanctioned = new Uint8Array(this.ids.length);
    for (const node of this.sanctioned) sanctioned[node] = 1;
    const countryNodes = new Map(
      [...this.countries].map(([code, nodes]) => [code, Int32Array.from(nodes)]),
    );
    const graph = new Graph({
      ids: this.ids,
      index: this.index,
      nodeSchema: this.nodeSchema.toArray(),
      schemaNames: this.schemaNames,
      sanctioned,
      sanctionRefs: this.sanctionRefs,
      countryNodes,
      edgeSource: this.source.toArray(),
      edgeTarget: this.target.toArray(),
      edgeKind: this.kind.toArray(),
      edgeDate: this.date.toArray(),
      edgeValue: this.value.toArray(),
      edgeGoods: this.goodsOf.toArray(),
      edgeRef: this.ref.toArray(),
      refs: this.refs,
      goods: this.goods,
    });
    // Indexed now, so edge order (and the order of equal-score paths) never depends on history.
    if (options.index !== false) distancesToSanctioned(graph);
    return graph;
  }
}
