import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inventName, seededRandom } from "../../test/helpers/invented-names.js";
import { EntityBuilder, type Statement } from "../model/index.js";
import { SqliteStore, type Store } from "../store/index.js";
import { judgePair } from "./judge.js";
import { openMatcher } from "./matcher.js";
import { type ScreenResult, screenEntities } from "./screen.js";
import type { SearchThreads } from "./screen-batch.js";
import { ScreenPool } from "./screen-pool.js";
import type { MatchQuery } from "./types.js";

const SYLLABLES =
  "al,an,ar,ba,bo,da,de,el,ga,ha,in,ka,ko,la,li,ma,mi,na,no,ov,ra,sa,sh,ta,va,zh,kh,yu".split(",");

async function loadList(store: Store, count: number, next: () => number): Promise<string[]> {
  const names: string[] = [];
  const statements: Statement[] = [];
  for (let i = 0; i < count; i++) {
    const schema = next() < 0.5 ? "Person" : "Company";
    const name = inventName(next, SYLLABLES);
    names.push(name);
    const builder = new EntityBuilder(schema, `l-${i}`, {
      dataset: "list",
      source: "f".repeat(64),
    });
    builder.add("name", schema === "Company" && next() < 0.5 ? `${name} LLC` : name, `row:${i}`);
    if (next() < 0.3) builder.add("country", next() < 0.5 ? "ru" : "cn", `row:${i}`);
    statements.push(...builder.statements);
  }
  const sources = [{ name: "list.csv", sha256: "f".repeat(64), size: 1 }];
  await store.replaceDataset(
    { name: "list", title: "list", kind: "list", sources },
    (async function* () {
      yield statements;
    })(),
  );
  return names;
}

/** Near and far queries: typos and dropped words of list names, and invented names. */
function makeQueries(names: string[], count: number, next: () => number): MatchQuery[] {
  return Array.from({ length: count }, (_, i) => {
    const listed = names[Math.floor(next() * names.length)]!;
    const at = Math.floor(next() * listed.length);
    const name =
      i % 3 === 2 ? inventName(next, SYLLABLES) : listed.slice(0, at) + listed.slice(at + 1);
    const schema = next() < 0.5 ? "Person" : "LegalEntity";
    return { ...(i % 2 ? { id: `l-${i}` } : {}), schema, properties: { name: [name] } };
  });
}

async function screen(store: Store, queries: MatchQuery[], threads: SearchThreads) {
  const results: ScreenResult[] = [];
  const matcher = await openMatcher(store);
  await threads.pool?.load(matcher);
  const run = await screenEntities(store, queries, {
    matcher,
    ...threads,
    limit: 3,
    onResult: (result) => void results.push(result),
  });
  return { results, counts: run.counts };
}

describe("screening in worker threads", () => {
  it("returns exactly what the single-threaded screening returns, judgements applied", async () => {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "screen-batch-")), "w.db"));
    const next = seededRandom(11);
    const names = await loadList(store, 3000, next);
    await judgePair(store, { left: "l-1", right: "l-2", judgement: "positive" });
    await judgePair(store, { left: "l-3", right: "l-5", judgement: "negative" });
    const queries = makeQueries(names, 1500, next);
    const single = await screen(store, queries, {});
    const pool = ScreenPool.start(2);
    const parallel = await screen(store, queries, { pool });
    await pool.close();
    // The workers took batches; the ones that found both busy were searched here.
    expect(pool.searched).toBeGreaterThan(0);
    expect(pool.searched).toBeLessThanOrEqual(6);
    // Workers started on demand: the first batches run here until they are ready.
    const started = await screen(store, queries, { workers: 2, workersAfterMs: 0 });
    expect(started.results).toEqual(single.results);
    expect(single.results.length).toBe(1500);
    expect(single.counts.hits).toBeGreaterThan(500);
    expect(parallel.results).toEqual(single.results);
    // The second run over the same input: every hit was already reported by the first.
    expect(parallel.counts).toEqual({ ...single.counts, new_hits: 0 });
    await store.close();
  });
});
