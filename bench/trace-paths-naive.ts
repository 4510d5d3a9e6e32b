import {
  edgeWeight,
  forwardSteps,
  type Graph,
  type PathQuery,
  shipmentWeights,
} from "../src/graph/index.js";

/**
 * Baseline: enumerate every simple path up to the depth by plain DFS (no distance bound,
 * no best-first order), keep those ending at a target, sort, take K.
 */
export function naivePaths(graph: Graph, query: PathQuery): number[] {
  const shipment = shipmentWeights(graph);
  const maxDepth = query.maxDepth ?? 5;
  const target = query.to === "sanctioned" ? -1 : query.to.node;
  const scores: number[] = [];
  const path: number[] = [];
  const visit = (node: number, score: number) => {
    if (path.length > 1 && (target < 0 ? graph.sanctioned[node] : node === target)) {
      scores.push(score);
      return;
    }
    if (path.length > maxDepth) return;
    const step = (edge: number, other: number) => {
      if (path.includes(other)) return;
      path.push(other);
      visit(other, score * edgeWeight(graph, edge, shipment));
      path.pop();
    };
    for (let i = graph.out.offsets[node]!; i < graph.out.offsets[node + 1]!; i++) {
      const edge = graph.out.edges[i]!;
      if (forwardSteps.viaOut[graph.edgeKind[edge]!]) step(edge, graph.edgeTarget[edge]!);
    }
    for (let i = graph.in.offsets[node]!; i < graph.in.offsets[node + 1]!; i++) {
      const edge = graph.in.edges[i]!;
      if (forwardSteps.viaIn[graph.edgeKind[edge]!]) step(edge, graph.edgeSource[edge]!);
    }
  };
  for (const source of query.sources) {
    path.push(source);
    visit(source, 1);
    path.pop();
  }
  return scores.sort((a, b) => b - a).slice(0, query.limit ?? 10);
}
