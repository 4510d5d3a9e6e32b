/**
 * Screening and API throughput over the OFAC SDN list: the judgement-aware matcher, audited
 * `screenEntities` and in-process `POST /match` batches, each against the raw index on the
 * same queries in the same run (the baseline). Run: node --import tsx bench/screen-api.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createApp } from "../src/api/index.js";
import { type MatchQuery, openMatcher, screenEntities } from "../src/match/index.js";
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

async function time(run: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  await run(); // warm-up, not timed
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "bench-")), "w.db"));
await loadLists(store, [join(shared, "data/ofac_sdn_2023-12-28")]);
const queries = await makeQueries(store);
const buildMs = await time(() => openMatcher(store));
const matcher = await openMatcher(store);
const app = createApp({ store });
const batches: MatchQuery[][] = [];
for (let i = 0; i < queries.length; i += 100) batches.push(queries.slice(i, i + 100));

const rows: Array<[string, number]> = [
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
  [
    "POST /match in 100-query batches",
    await time(async () => {
      for (const batch of batches) {
        const body = JSON.stringify({
          queries: Object.fromEntries(batch.map((q, i) => [`q${i}`, q])),
        });
        await app.request("/match/default", {
          method: "POST",
          body,
          headers: { "content-type": "application/json" },
        });
      }
    }),
  ],
];
console.log(
  `OFAC SDN 2023-12-28: ${matcher.index.size} indexed entities; build (store -> index) ${buildMs.toFixed(0)} ms median`,
);
console.log(
  `${QUERIES} queries (3/4 perturbed list names, 1/4 unlisted), median of ${ROUNDS} rounds\n`,
);
console.log(
  ["what".padEnd(38), "ms".padStart(8), "queries/s".padStart(10), "vs baseline".padStart(12)].join(
    " ",
  ),
);
const base = rows[0]![1];
for (const [what, ms] of rows) {
  const rate = (QUERIES / ms) * 1000;
  console.log(
    [
      what.padEnd(38),
      ms.toFixed(0).padStart(8),
      rate.toFixed(0).padStart(10),
      `${(ms / base).toFixed(2)}x`.padStart(12),
    ].join(" "),
  );
}
await store.close();
