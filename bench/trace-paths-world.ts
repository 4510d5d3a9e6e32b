import { EdgeKind, type Graph, GraphBuilder, NO_DATE } from "../src/graph/index.js";

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const countries = ["cn", "hk", "ae", "tr", "kz", "am", "ru", "de", "us", "in"];
const firstDay = 18_628; // 2021-01-01

export interface WorldSize {
  nodes: number;
  edges: number;
  seed: number;
}

function addGoodsTable(builder: GraphBuilder, next: () => number): number[] {
  const goods: number[] = [];
  for (let i = 0; i < 200; i++) {
    const battlefield = next() < 0.15;
    goods.push(
      builder.addGoods({
        codes: [
          battlefield ? `8806${String(i).padStart(2, "0")}` : `6109${String(i).padStart(2, "0")}`,
        ],
        description: battlefield ? `UAV model ${i}` : `textiles ${i}`,
        chplTiers: [],
        categories: battlefield ? ["uav"] : [],
        battlefield,
      }),
    );
  }
  return goods;
}

/** Pick a node: half uniform, half skewed towards low numbers (hubs with high degree). */
function pickNode(next: () => number, nodes: number): number {
  const r = next();
  return next() < 0.5 ? Math.floor(r * nodes) : Math.floor(r * r * r * nodes);
}

function pickKind(next: () => number): EdgeKind {
  const r = next();
  if (r < 0.6) return EdgeKind.shipment;
  if (r < 0.8) return EdgeKind.payment;
  if (r < 0.88) return EdgeKind.ownership;
  if (r < 0.93) return EdgeKind.directorship;
  return r < 0.97 ? EdgeKind.sharedAddress : EdgeKind.sharedDirector;
}

/**
 * A synthetic trade world built straight through the GraphBuilder API: shipments (60%),
 * payments, ownership, directorships and shared links between skewed-degree parties, 0.2%
 * of them sanctioned. Every edge carries an id string like a loaded link entity would.
 */
export function generateWorld(size: WorldSize, options: { index?: boolean } = {}): Graph {
  const next = random(size.seed);
  const builder = new GraphBuilder();
  builder.reserveEdges(size.edges);
  for (let n = 0; n < size.nodes; n++) {
    const node = builder.node(`party-${n}`);
    builder.addCountry(node, countries[n % countries.length]!);
    if (next() < 0.002) builder.markSanctioned(node, `sanction-${n}`);
  }
  const goods = addGoodsTable(builder, next);
  for (let e = 0; e < size.edges; e++) {
    const kind = pickKind(next);
    let target = pickNode(next, size.nodes);
    const source = pickNode(next, size.nodes);
    if (target === source) target = (target + 1) % size.nodes;
    const dated = kind === EdgeKind.shipment || kind === EdgeKind.payment;
    builder.addEdge({
      kind,
      source,
      target,
      ref: builder.addRef(`link-${e}`),
      date: dated ? firstDay + Math.floor(next() * 1400) : NO_DATE,
      value: kind === EdgeKind.ownership ? Math.ceil(next() * 100) : Math.floor(next() * 1e6),
      goods: kind === EdgeKind.shipment ? goods[Math.floor(next() * goods.length)]! : -1,
    });
  }
  return builder.build(options);
}
