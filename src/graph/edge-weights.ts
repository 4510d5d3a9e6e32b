import type { Graph } from "./graph.js";
import { EdgeKind, edgeKindCount } from "./types.js";

/**
 * How strongly each kind of edge ties a chain together, in (0, 1]; a path scores the product
 * of its edges, so shorter chains of stated trade beat long chains of circumstantial links.
 */
const kindWeights: Record<number, number> = {
  [EdgeKind.shipment]: 0.8,
  [EdgeKind.payment]: 0.8,
  [EdgeKind.ownership]: 0.7,
  [EdgeKind.directorship]: 0.75,
  [EdgeKind.unknownLink]: 0.5,
  [EdgeKind.sharedAddress]: 0.5,
  [EdgeKind.sharedPhone]: 0.6,
  [EdgeKind.sharedEmail]: 0.6,
  [EdgeKind.sharedDirector]: 0.7,
  [EdgeKind.sharedAccount]: 0.7,
};

/** Weight of a shipment carrying battlefield goods. */
export const battlefieldShipmentWeight = 0.95;

export const kindWeightTable: Float64Array = Float64Array.from(
  { length: edgeKindCount },
  (_, kind) => kindWeights[kind] ?? 0.5,
);

/**
 * Per-goods weight of a shipment, looked up by the search in one array access.
 * @example shipmentWeights(graph)[graph.edgeGoods[edge]]
 */
export function shipmentWeights(graph: Graph): Float64Array {
  return Float64Array.from(graph.goods, (goods) =>
    goods.battlefield ? battlefieldShipmentWeight : kindWeights[EdgeKind.shipment]!,
  );
}

/**
 * Weight of one edge: by kind, raised for battlefield shipments and for large stakes.
 * @example edgeWeight(graph, edge, shipmentWeights(graph))
 */
export function edgeWeight(graph: Graph, edge: number, shipment: Float64Array): number {
  const kind = graph.edgeKind[edge]!;
  if (kind === EdgeKind.shipment) {
    const goods = graph.edgeGoods[edge]!;
    return goods >= 0 ? shipment[goods]! : kindWeightTable[kind]!;
  }
  if (kind === EdgeKind.ownership) {
    const percentage = graph.edgeValue[edge]!;
    return Number.isNaN(percentage) ? 0.7 : 0.6 + (0.35 * Math.min(percentage, 100)) / 100;
  }
  return kindWeightTable[kind]!;
}
