/**
 * Screening and API throughput over the OFAC SDN list: the judgement-aware matcher, audited
 * `screenEntities` and in-process `POST /match` batches (in-thread, and with a warm pool of
 * one worker per core as `serve` has), each against the raw index on the same queries in
 * the same run (the baseline). Wall and CPU (all threads) medians.
 * Run: node --import tsx bench/screen-api.ts
 */
import { mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createApp } from "../src/api/index.js";
import { type MatchQuery, openMatcher, screenEntities, WarmPool } from "../src/match/index.js";
import { loadLists } from "../src/sources/index.js";
import { SqliteStore } from "../src/store/index.js";

const shared = process.env.SANCTRACE_SHARED ?? resolve(import.meta.dirname, "../../shared");
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2000);
const ROUNDS = 3;

/** A small deterministic PRNG so every run screens the same queries. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function perturb(name: string, next: () => number): string {
  const tokens = name.split(/\s+/);
  if (next() < 0.5) tokens.reverse();
  const text = tokens.join(" ");
  const cut = Math.floor(next() * text.length);
  return next() < 0.5 ? text.slice(0, cut) + text.slice(cut + 1) : text.toLowerCase();
}

async function makeQueries(store: SqliteStore): Promise<MatchQuery[]> {
  const next = random(7);
  const names: Array<[string, string]> = [];
  for await (const entity of store.iterateEntities({ schemata: ["LegalEntity"] })) {
    const name = entity.properties.name?.[0];
    if (name) names.push([entity.schema, name]);
  }
  return Array.from({ length: QUERIES }, (_, i) => {
    if (i % 4 === 3)
      return { schema: "Company", properties: { name: [`Nonlisted Trading ${i} Ltd`] } };
    const [schema, name] = names[Math.floor(next() * names.length)]!;
    return { schema, properties: { name: [perturb(name, next)] } };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall and CPU (all threads) ms of a run, after an untimed warm-up run. */
async function time(run: () => Promise<unknown> | unknown): Promise<[number, number]> {
  const walls: number[] = [];
  const cpus: number[] = [];
  await run(); // warm-up, not timed
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await run();
    const { user, system } = process.cpuUsage(cpu);
    walls.push(performance.now() - start);
    cpus.push((user + system) / 1000);
  }
  return [median(walls), median(cpus)];
}

const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "bench-")), "w.db"));
await loadLists(store, [join(shared, "data/ofac_sdn_2023-12-28")]);
const queries = await makeQueries(store);
const [buildMs] = await time(() => openMatcher(store));
const matcher = await openMatcher(store);
const pool = new WarmPool(availableParallelism());
const app = createApp({ store });
const pooled = createApp({ store, pool });

/** POST the queries to an app in batches of `size`. */
async function postAll(target: typeof app, size: number): Promise<void> {
  for (let i = 0; i < queries.length; i += size) {
    const batch = queries.slice(i, i + size);
    const body = JSON.stringify({ queries: Object.fromEntries(batch.map((q, j) => [`q${j}`, q])) });
    await target.request("/match/default", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
  }
}
// The pool starts on the first large batch and loads the index; then it is warm.
await postAll(pooled, 1000);
await pool.settled();

const rows: Array<[string, [number, number]]> = [
  [
    "baseline: raw index.match",
    await time(() => {
      for (const q of queries) matcher.index.match(q);
    }),
  ],
  [
    "matcher.match (judgements, cutoff)",
    await time(async () => {
      for (const q of queries) await matcher.match(q);
    }),
  ],
  ["screenEntities (audited run)", await time(() => screenEntities(store, queries, { matcher }))],
  ["POST /match, 100-query batches", await time(() => postAll(app, 100))],
  ["POST /match, 1000-query batches", await time(() => postAll(app, 1000))],
  [`POST /match, 100, ${pool.size}-worker pool`, await time(() => postAll(pooled, 100))],
  [`POST /match, 1000, ${pool.size}-worker pool`, await time(() => postAll(pooled, 1000))],
];
await pool.close();
console.log(
  `OFAC SDN 2023-12-28: ${matcher.index.size} indexed entities; build (store -> index) ${buildMs.toFixed(0)} ms median`,
);
console.log(
  `${QUERIES} queries (3/4 perturbed list names, 1/4 unlisted), median of ${ROUNDS} rounds\n`,
);
console.log(
  [
    "what".padEnd(38),
    "ms".padStart(8),
    "CPU ms".padStart(8),
    "queries/s".padStart(10),
    "vs baseline".padStart(12),
  ].join(" "),
);
const base = rows[0]![1][0];
for (const [what, [ms, cpu]] of rows) {
  const rate = (QUERIES / ms) * 1000;
  console.log(
    [
      what.padEnd(38),
      ms.toFixed(0).padStart(8),
      cpu.toFixed(0).padStart(8),
      rate.toFixed(0).padStart(10),
      `${(ms / base).toFixed(2)}x`.padStart(12),
    ].join(" "),
  );
}
await store.close();
