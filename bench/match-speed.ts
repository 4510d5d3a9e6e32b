/**
 * Matching speed with every list in shared/data that this branch reads: index build time and
 * memory, single-query latency (p50/p99 over 10k queries: perturbed list names and invented
 * names), batch throughput over 40k other queries of the real `screen` path (screenEntities, as the CLI runs it) in
 * one thread and in worker threads, each beside a brute-force baseline (best Jaro-Winkler
 * over every name) in the same run; then a 1M generated-entity build in a child process.
 * Run: node --expose-gc --import tsx bench/match-speed.ts [--skip-generated | --generated N]
 * [--rounds N] [--out FILE] (`--rounds`: batch rounds, default 3; `--out` writes the
 * one-thread screen output, to compare two versions' results).
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { bestJaroWinkler, normalizedNameTable } from "../src/match/brute-force.js";
import {
  buildMatchIndex,
  type MatchQuery,
  openMatcher,
  type ScreenOptions,
  type ScreenResult,
  scorePair,
  screenEntities,
} from "../src/match/index.js";
import { ScreenPool } from "../src/match/screen-pool.js";
import type { EntityRecord } from "../src/model/index.js";
import type { Store } from "../src/store/index.js";
import { normalizeName } from "../src/text/index.js";
import { sharedPath, skipWithoutShared } from "../test/helpers/shared.js";
import {
  generateEntities,
  inventName,
  loadSharedLists,
  perturbName,
  random,
} from "./speed-data.js";

const QUERIES = 10_000;
/** A batch long enough that fresh workers' warm-up (JIT, caches: ~1.5 CPU-s each) is amortized. */
const BATCH_QUERIES = 40_000;
const BASELINE_SAMPLE = 200;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Perturbed list names and invented names, half each. */
function makeQueries(entities: EntityRecord[], count: number, seed: number): MatchQuery[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const entity = entities[Math.floor(next() * entities.length)]!;
    const name = i % 2 ? inventName(next) : perturbName(entity.caption, next);
    return { schema: entity.schema, properties: { name: [name] } };
  });
}

const cpuMs = (cpu: NodeJS.CpuUsage) => (cpu.user + cpu.system) / 1000;

function latencyRow(label: string, times: number[], cpuTimes: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
  return {
    method: label,
    queries: times.length,
    "p50 ms": percentile(sorted, 50).toFixed(3),
    "p99 ms": percentile(sorted, 99).toFixed(3),
    "p50 CPU ms": percentile(sortedCpu, 50).toFixed(3),
    "p99 CPU ms": percentile(sortedCpu, 99).toFixed(3),
  };
}

function throughputRow(label: string, queries: number, wallMs: number, cpuTimeMs: number) {
  return {
    method: label,
    queries,
    "wall s": (wallMs / 1000).toFixed(2),
    "CPU s (all threads)": (cpuTimeMs / 1000).toFixed(2),
    "queries/s (wall)": Math.round((queries / wallMs) * 1000),
    "queries/s per CPU-s": Math.round((queries / cpuTimeMs) * 1000),
  };
}

/** One screening run: its output lines, wall time and CPU time (all threads). */
interface BatchRun {
  lines: string[];
  wallMs: number;
  cpu: NodeJS.CpuUsage;
}

/** Screen the queries as the CLI does (audited, JSON lines out). */
async function screenBatch(
  store: Store,
  queries: MatchQuery[],
  options: Omit<ScreenOptions, "matcher">,
): Promise<BatchRun> {
  const matcher = await openMatcher(store);
  await options.pool?.load(matcher);
  const lines: string[] = [];
  const onResult = (result: ScreenResult) => void lines.push(JSON.stringify(result));
  const started = performance.now();
  const cpu = process.cpuUsage();
  await screenEntities(store, queries, { matcher, ...options, onResult });
  return { lines, wallMs: performance.now() - started, cpu: process.cpuUsage(cpu) };
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** A mode's row: medians over the rounds, and its wall time over the one-thread run's. */
function batchRow(label: string, queries: number, runs: BatchRun[], single: BatchRun[]) {
  const wallMs = median(runs.map((run) => run.wallMs));
  return {
    ...throughputRow(label, queries, wallMs, median(runs.map((run) => cpuMs(run.cpu)))),
    "wall / one thread": median(runs.map((run, at) => run.wallMs / single[at]!.wallMs)).toFixed(2),
    "q/s, each round": runs.map((run) => Math.round((queries / run.wallMs) * 1000)).join(" "),
  };
}

async function benchLists(): Promise<void> {
  const { store, entities, loaded, skipped } = await loadSharedLists(sharedPath());
  console.log(
    `loaded: ${loaded.join(", ")}\nskipped (no reader on this branch): ${skipped.join(", ") || "none"}`,
  );
  // Load the legal-form table and transliterators once, outside the timings.
  const warmup = performance.now();
  scorePair(entities[0]!, entities[0]!);
  console.log(
    `startup (legal-form table, transliterators): ${Math.round(performance.now() - warmup)} ms`,
  );
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = performance.now();
  const cpu = process.cpuUsage();
  const index = await buildMatchIndex(entities);
  const buildMs = performance.now() - started;
  const buildCpu = process.cpuUsage(cpu);
  global.gc?.();
  const indexHeap = process.memoryUsage().heapUsed - heapBefore;
  started = performance.now();
  const table = normalizedNameTable(entities);
  const tableMs = performance.now() - started;
  console.table([
    {
      structure: "sanctrace index",
      entities: index.size,
      "build ms": Math.round(buildMs),
      "build CPU ms": Math.round((buildCpu.user + buildCpu.system) / 1000),
      heap: mb(indexHeap),
    },
    {
      structure: "brute-force name table",
      entities: entities.length,
      "build ms": Math.round(tableMs),
      "build CPU ms": "-",
      heap: "-",
    },
  ]);
  const queries = makeQueries(entities, QUERIES, 42);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    hits += index.match(query).filter((hit) => hit.match).length;
    cpuTimes.push(cpuMs(process.cpuUsage(c0)));
    times.push(performance.now() - t0);
  }
  const baseline: number[] = [];
  const baselineCpuTimes: number[] = [];
  const baselineStart = performance.now();
  const baselineCpu = process.cpuUsage();
  for (const query of queries.slice(0, BASELINE_SAMPLE)) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    bestJaroWinkler(table, normalizeName(query.properties.name![0]!));
    baselineCpuTimes.push(cpuMs(process.cpuUsage(c0)));
    baseline.push(performance.now() - t0);
  }
  const baselineRow = throughputRow(
    `brute force JW (first ${BASELINE_SAMPLE})`,
    BASELINE_SAMPLE,
    performance.now() - baselineStart,
    cpuMs(process.cpuUsage(baselineCpu)),
  );
  console.log(`single queries (limit 5, threshold 0.7); ${hits} matches over ${QUERIES} queries`);
  console.table([
    latencyRow("sanctrace index", times, cpuTimes),
    latencyRow(`brute force JW (first ${BASELINE_SAMPLE})`, baseline, baselineCpuTimes),
  ]);
  await benchBatch(store, makeQueries(entities, BATCH_QUERIES, 43), baselineRow);
  await store.close();
}

/** Rounds of the batch runs: a shared machine's speed changes from one spell to the next. */
const roundsAt = process.argv.indexOf("--rounds");
const ROUNDS = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;

/**
 * Batch `screen` over the same queries: one thread, a ready pool beside this thread, workers
 * started on demand (the CLI default), in turn for `ROUNDS` rounds; medians.
 */
async function benchBatch(store: Store, queries: MatchQuery[], baselineRow: object) {
  const workers = availableParallelism();
  const runs = { single: [] as BatchRun[], ready: [] as BatchRun[], cold: [] as BatchRun[] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.single.push(await screenBatch(store, queries, {}));
    const pool = ScreenPool.start(workers);
    runs.ready.push(await screenBatch(store, queries, { pool }));
    await pool.close();
    runs.cold.push(await screenBatch(store, queries, { workers }));
  }
  const first = runs.single[0]!.lines.join("\n");
  const identical = [...runs.single, ...runs.ready, ...runs.cold].every(
    (run) => run.lines.join("\n") === first,
  );
  console.log(
    `batch screen (screenEntities as the CLI runs it: audited, JSON lines; limit 5, threshold 0.7); medians of ${ROUNDS} rounds`,
  );
  const count = queries.length;
  console.table([
    baselineRow,
    batchRow("screen, this thread", count, runs.single, runs.single),
    batchRow(`screen, ${workers} workers ready + this thread`, count, runs.ready, runs.single),
    batchRow(`screen --workers ${workers} (started on demand)`, count, runs.cold, runs.single),
  ]);
  console.log(`results identical across every screen run: ${identical}`);
  const out = process.argv.indexOf("--out");
  if (out >= 0) writeFileSync(process.argv[out + 1]!, `${runs.single[0]!.lines.join("\n")}\n`);
}

async function benchGenerated(count: number): Promise<void> {
  const entities = [...generateEntities(count)];
  const started = performance.now();
  const cpu = process.cpuUsage();
  const index = await buildMatchIndex(entities);
  const buildMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const next = random(9);
  const queries = Array.from({ length: 1000 }, () => ({
    schema: "Person",
    properties: { name: [inventName(next)] },
  }));
  const t0 = performance.now();
  for (const query of queries) index.match(query);
  const perQuery = (performance.now() - t0) / queries.length;
  console.table([
    {
      entities: index.size,
      "build ms (wall)": Math.round(buildMs),
      "build ms (CPU)": Math.round((user + system) / 1000),
      "RSS after build": mb(rss),
      heap: mb(heapUsed),
      "mean ms, 1k invented-name queries": perQuery.toFixed(3),
    },
  ]);
}

const generated = process.argv.indexOf("--generated");
if (generated >= 0) {
  await benchGenerated(Number(process.argv[generated + 1] ?? 1_000_000));
} else if (skipWithoutShared) {
  console.log("shared data absent: set SANCTRACE_SHARED to run this benchmark");
} else {
  await benchLists();
  const count = process.argv.includes("--skip-generated") ? 0 : 1_000_000;
  if (count) {
    const args = [
      "--max-old-space-size=4096",
      "--expose-gc",
      "--import",
      "tsx",
      import.meta.filename,
      "--generated",
      String(count),
    ];
    console.log(`generated entities (child process, 4 GB heap cap):`);
    console.log(execFileSync(process.execPath, args, { encoding: "utf8" }).trim());
  }
}
