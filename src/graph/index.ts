export { type BuildGraphOptions, buildGraph, parseAmount } from "./build-from-store.js";
export { edgeWeight, kindWeightTable, shipmentWeights } from "./edge-weights.js";
export { EvidenceReader } from "./evidence.js";
export { type GoodsTerm, goodsMask, goodsMatch, parseGoodsFilter } from "./goods-filter.js";
export { type Adjacency, fillAdjacency, Graph, indexEdges } from "./graph.js";
export { type EdgeInput, GraphBuilder } from "./graph-builder.js";
export {
  assessOwnership,
  type EuUkBasis,
  type Holding,
  type OwnerReport,
  type OwnershipReport,
} from "./ownership.js";
export { type FoundPath, findPaths, type PathQuery, type PathSearch } from "./paths.js";
export { distancesTo, distancesToSanctioned, FAR, forwardSteps, reverseSteps } from "./steps.js";
export {
  type TraceEdge,
  type TraceOptions,
  type TracePath,
  type TraceResult,
  toPathQuery,
  traceSupplyChains,
} from "./trace.js";
export { describePaths, type ExplainOptions } from "./trace-describe.js";
export {
  EdgeKind,
  edgeSchemas,
  formatDay,
  type GoodsInfo,
  isDatedKind,
  isDerivedKind,
  NO_DATE,
  parseDay,
} from "./types.js";
