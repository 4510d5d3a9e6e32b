/**
 * Path-query benchmark: build a synthetic 10M-edge graph through the GraphBuilder API,
 * report build time and memory, then time path queries (p50/p99) against a naive baseline
 * (plain DFS enumerating all simple paths) measured in the same run on a smaller graph; and
 * time building a graph from a SQLite store.
 *   node --expose-gc --import tsx bench/trace-paths.ts [--edges 10000000] [--queries 200]
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  buildGraph,
  distancesToSanctioned,
  findPaths,
  type Graph,
  goodsMask,
  type PathQuery,
  parseGoodsFilter,
} from "../src/graph/index.js";
import { SqliteStore } from "../src/store/index.js";
import { naivePaths } from "./trace-paths-naive.js";
import { loadStoreWorld } from "./trace-paths-store.js";
import { generateWorld, random } from "./trace-paths-world.js";

const { values: args } = parseArgs({
  options: {
    edges: { type: "string", default: "10000000" },
    nodes: { type: "string" },
    queries: { type: "string", default: "200" },
    "small-edges": { type: "string", default: "100000" },
    "store-shipments": { type: "string", default: "50000" },
  },
});

const rows: Array<Array<string | number>> = [];

function memoryMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return Math.round((usage.heapUsed + usage.arrayBuffers) / 2 ** 20);
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100
  );
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

type Scenario = {
  name: string;
  query: (graph: Graph, source: number, target: number) => PathQuery;
};

const scenarios: Scenario[] = [
  {
    name: "to sanctioned, depth 4, K=10",
    query: (_, source) => ({ sources: [source], to: "sanctioned", maxDepth: 4, limit: 10 }),
  },
  {
    name: "battlefield, time-respecting, depth 4",
    query: (graph, source) => ({
      sources: [source],
      to: "sanctioned",
      maxDepth: 4,
      limit: 10,
      timeRespecting: true,
      windowDays: 180,
      goods: goodsMask(graph.goods, parseGoodsFilter("battlefield")),
    }),
  },
  {
    name: "to one party, depth 4, K=10",
    query: (_, source, target) => ({
      sources: [source],
      to: { node: target },
      maxDepth: 4,
      limit: 10,
    }),
  },
];

function sample(graph: Graph, count: number, seed: number): Array<[number, number]> {
  const next = random(seed);
  const sanctioned = [...graph.sanctioned.keys()].filter((n) => graph.sanctioned[n]);
  return Array.from({ length: count }, () => [
    Math.floor(next() * graph.nodeCount),
    sanctioned[Math.floor(next() * sanctioned.length)] ?? 0,
  ]);
}

function runQueries(
  label: string,
  graph: Graph,
  pairs: Array<[number, number]>,
  naive: boolean,
): void {
  for (const scenario of scenarios) {
    if (naive && scenario.name.startsWith("battlefield")) continue;
    const times: number[] = [];
    let found = 0;
    let truncated = 0;
    for (const [source, target] of pairs) {
      const query = scenario.query(graph, source, target);
      const [result, ms] = time(() =>
        naive ? { paths: naivePaths(graph, query), truncated: false } : findPaths(graph, query),
      );
      times.push(ms);
      found += result.paths.length ? 1 : 0;
      truncated += result.truncated ? 1 : 0;
    }
    rows.push([
      label,
      scenario.name,
      pairs.length,
      percentile(times, 0.5),
      percentile(times, 0.99),
      `${found} found, ${truncated} cut`,
    ]);
  }
}

async function benchStore(shipments: number): Promise<void> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "bench-trace-")), "w.db"));
  const loadStart = performance.now();
  await loadStoreWorld(store, shipments);
  const loadMs = performance.now() - loadStart;
  const start = performance.now();
  const graph = await buildGraph(store);
  const buildMs = performance.now() - start;
  rows.push([
    `store: ${graph.nodeCount} nodes, ${graph.edgeCount} edges`,
    `buildGraph from SQLite (load took ${Math.round(loadMs)} ms)`,
    1,
    Math.round(buildMs),
    "",
    "",
  ]);
  await store.close();
}

async function main(): Promise<void> {
  const edges = Number(args.edges);
  const nodes = Number(args.nodes ?? Math.max(1000, Math.round(edges / 10)));
  const queries = Number(args.queries);
  const before = memoryMb();
  const [graph, buildMs] = time(() => generateWorld({ nodes, edges, seed: 1 }, { index: false }));
  const memory = memoryMb() - before;
  rows.push([
    `world: ${nodes} nodes, ${graph.edgeCount} edges`,
    "build (generate + CSR both ways)",
    1,
    Math.round(buildMs),
    "",
    `${memory} MB heap+buffers, ${Math.round(graph.typedArrayBytes() / 2 ** 20)} MB typed arrays`,
  ]);
  const [, distanceMs] = time(() => distancesToSanctioned(graph));
  rows.push([
    "",
    "index: distance to sanctioned + edge order (once)",
    1,
    Math.round(distanceMs),
    "",
    `${memoryMb() - before} MB after index`,
  ]);
  runQueries("pruned best-first (ours)", graph, sample(graph, queries, 2), false);

  const smallEdges = Number(args["small-edges"]);
  const small = generateWorld({ nodes: Math.round(smallEdges / 10), edges: smallEdges, seed: 3 });
  distancesToSanctioned(small);
  const pairs = sample(small, Math.min(queries, 50), 4);
  runQueries(`small ${smallEdges} edges: ours`, small, pairs, false);
  runQueries(`small ${smallEdges} edges: naive DFS`, small, pairs, true);
  await benchStore(Number(args["store-shipments"]));

  const header = ["graph", "what", "runs", "p50 ms", "p99 ms", "notes"];
  const table = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? "").length)));
  for (const row of table)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join("  ")
        .trimEnd(),
    );
}

await main();
