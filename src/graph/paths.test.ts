import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { edgeWeight, shipmentWeights } from "./edge-weights.js";
import {
  EdgeKind,
  findPaths,
  forwardSteps,
  type Graph,
  GraphBuilder,
  type PathQuery,
} from "./index.js";

const kinds = [
  EdgeKind.shipment,
  EdgeKind.payment,
  EdgeKind.ownership,
  EdgeKind.directorship,
  EdgeKind.sharedAddress,
];

interface RandomGraph {
  edges: Array<{
    kind: number;
    source: number;
    target: number;
    date: number;
    goods: number;
    value: number;
  }>;
  sanctioned: number[];
}

const randomGraph = fc.record({
  edges: fc.array(
    fc.record({
      kind: fc.constantFrom(...kinds),
      source: fc.nat(5),
      target: fc.nat(5),
      date: fc.integer({ min: 0, max: 12 }),
      goods: fc.nat(1),
      value: fc.integer({ min: 1, max: 100 }),
    }),
    { minLength: 6, maxLength: 30 },
  ),
  sanctioned: fc.array(fc.nat(5), { minLength: 1, maxLength: 2 }),
});

function build(input: RandomGraph): Graph {
  const builder = new GraphBuilder();
  for (let n = 0; n < 6; n++) builder.node(`n${n}`);
  const battlefield = builder.addGoods({
    codes: ["880622"],
    description: "UAV",
    chplTiers: [],
    categories: ["uav"],
    battlefield: true,
  });
  const cotton = builder.addGoods({
    codes: ["610910"],
    description: "T-shirts",
    chplTiers: [],
    categories: [],
    battlefield: false,
  });
  for (const edge of input.edges) {
    if (edge.source === edge.target) continue;
    builder.addEdge({
      ...(edge as { kind: EdgeKind }),
      source: edge.source,
      target: edge.target,
      goods: edge.goods ? battlefield : cotton,
    });
  }
  for (const node of input.sanctioned) builder.markSanctioned(node, `s${node}`);
  return builder.build();
}

/** Every simple path by brute force, best variant per node sequence, best first. */
function bruteForce(graph: Graph, query: PathQuery): Array<{ score: number; key: string }> {
  const best = new Map<string, number>();
  const shipment = shipmentWeights(graph);
  const walk = (nodes: number[], score: number, last: number, shipped: boolean) => {
    const node = nodes[nodes.length - 1]!;
    if (nodes.length > 1 && graph.sanctioned[node]) {
      const key = nodes.join(",");
      if (!query.goods || shipped) best.set(key, Math.max(best.get(key) ?? 0, score));
      return;
    }
    if (nodes.length > (query.maxDepth ?? 5)) return;
    for (let edge = 0; edge < graph.edgeCount; edge++) {
      const kind = graph.edgeKind[edge]!;
      const forward = graph.edgeSource[edge] === node && forwardSteps.viaOut[kind];
      const backward = graph.edgeTarget[edge] === node && forwardSteps.viaIn[kind];
      if (!forward && !backward) continue;
      const next = forward ? graph.edgeTarget[edge]! : graph.edgeSource[edge]!;
      if (nodes.includes(next)) continue;
      const isShipment = kind === EdgeKind.shipment;
      if (isShipment && query.goods && !query.goods[graph.edgeGoods[edge]!]) continue;
      const dated = isShipment || kind === EdgeKind.payment;
      const date = graph.edgeDate[edge]!;
      if (dated && query.since !== undefined && date < query.since) continue;
      if (
        dated &&
        query.timeRespecting &&
        last >= 0 &&
        (date < last || date > last + (query.windowDays ?? 365))
      )
        continue;
      walk(
        [...nodes, next],
        score * edgeWeight(graph, edge, shipment),
        dated ? date : last,
        shipped || isShipment,
      );
    }
  };
  walk(query.sources as number[], 1, -1, false);
  return [...best].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score);
}

describe("k best paths", () => {
  it("agree with brute force on random graphs", () => {
    const options = fc.record({
      maxDepth: fc.integer({ min: 1, max: 4 }),
      limit: fc.integer({ min: 1, max: 6 }),
      timeRespecting: fc.boolean(),
      goods: fc.boolean(),
      since: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(randomGraph, options, fc.nat(5), (input, opts, source) => {
        const graph = build(input);
        const query: PathQuery = {
          sources: [source],
          to: "sanctioned",
          maxDepth: opts.maxDepth,
          limit: opts.limit,
          windowDays: 30,
        };
        if (opts.timeRespecting) query.timeRespecting = true;
        if (opts.goods) query.goods = Uint8Array.from([1, 0]);
        if (opts.since !== undefined) query.since = opts.since;
        const expected = bruteForce(graph, query).slice(0, opts.limit);
        const found = findPaths(graph, query).paths;
        expect(found.map((p) => p.score.toFixed(9))).toEqual(
          expected.map((p) => p.score.toFixed(9)),
        );
        const cut = expected[expected.length - 1]?.score ?? 0;
        const sure = (list: Array<{ score: number; key: string }>) =>
          list
            .filter((p) => p.score > cut + 1e-12)
            .map((p) => p.key)
            .sort();
        expect(sure(found.map((p) => ({ score: p.score, key: p.nodes.join(",") })))).toEqual(
          sure(expected),
        );
      }),
      { numRuns: 500 },
    );
  });
});
