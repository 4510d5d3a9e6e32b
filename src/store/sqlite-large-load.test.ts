import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Statement } from "../model/index.js";
import { SqliteStore } from "./sqlite.js";
import type { DatasetLoad } from "./store.js";

// Loads past the sizes where the writer changes strategy: more than 100k facts (the facts
// indexes are dropped and rebuilt, at the threshold this test sets), more than 100k entities (counted in SQL), more than 250k
// referenced values. (A value written in posting rows of several rounds: sqlite-packed.test.)
const ROWS = 260_000;
const source = "c".repeat(64);

function load(name: string): DatasetLoad {
  return { name, title: name, kind: "evidence", sources: [] };
}

/** Row `row` of a table: a payment pointing at a payer of its own and at one shared bank. */
function row(row: number, dataset = "big"): Statement[] {
  const base = {
    entityId: `pay-${row}`,
    schema: "Payment",
    dataset,
    source,
    locator: `row:${row}`,
  };
  return [
    { ...base, prop: "amount", value: String(row) },
    { ...base, prop: "payer", value: `payer-${row}` },
    { ...base, prop: "beneficiary", value: "bank-1" },
  ];
}

async function* rows(count: number, fail = false): AsyncIterable<Statement[]> {
  for (let start = 0; start < count; start += 10_000) {
    const batch: Statement[] = [];
    for (let at = start; at < Math.min(start + 10_000, count); at++) batch.push(...row(at));
    yield batch;
  }
  if (fail) throw new Error("reader broke at the end");
}

function indexes(store: SqliteStore): string[] {
  const names = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts'")
    .all() as Array<{ name: string }>;
  return names.map((index) => index.name).sort();
}

async function openSmall(): Promise<SqliteStore> {
  const path = join(mkdtempSync(join(tmpdir(), "sanctrace-large-")), "w.db");
  const store = new SqliteStore(path, { deferIndexesAfter: 100_000 });
  const small = [{ ...row(1, "small")[1]!, entityId: "small-1" }];
  await store.replaceDataset(
    load("small"),
    (async function* () {
      yield small;
    })(),
  );
  return store;
}

describe("a load larger than the workspace", () => {
  it("keeps every answer a small load gives", async () => {
    const store = await openSmall();
    // Ingest reads the store mid-load (to resolve parties): it sees what was written, by index.
    let midLoad: unknown[] = [];
    let lastRow: Statement[] = [];
    let deferred: string[] = [];
    async function* readingRows(): AsyncIterable<Statement[]> {
      yield* rows(ROWS);
      deferred = indexes(store);
      const found = [await store.getStatements("pay-7"), await store.getReferences("payer-7")];
      midLoad = [...found, indexes(store)];
      // The last row's fact was still open when the query came.
      lastRow = await store.getStatements(`pay-${ROWS - 1}`);
    }
    const summary = await store.replaceDataset(load("big"), readingRows());
    expect(deferred).toEqual([]);
    expect(midLoad).toEqual([row(7), [row(7)[1]], ["facts_dataset", "facts_entity"]]);
    expect(lastRow).toEqual(row(ROWS - 1));
    expect(summary).toMatchObject({ entities: ROWS, statements: ROWS * 3 });
    expect(indexes(store)).toEqual(["facts_dataset", "facts_entity"]);
    expect(await store.getStatements("pay-200001")).toEqual(row(200_001));
    // payer-1 is referred to by the small dataset and by a row of the big one.
    const payer = await store.getReferences("payer-1");
    expect(payer.map((s) => [s.entityId, s.dataset])).toEqual([
      ["small-1", "small"],
      ["pay-1", "big"],
    ]);
    expect((await store.getReferences("payer-259999")).map((s) => s.entityId)).toEqual([
      "pay-259999",
    ]);
    // bank-1 is referred to by every row.
    const bank = await store.getReferences("bank-1");
    expect(bank).toHaveLength(ROWS);
    expect(bank.map((s) => s.entityId).slice(-2)).toEqual(["pay-259998", "pay-259999"]);
    // Replaced by a small load, nothing of the large one is left.
    expect(await store.replaceDataset(load("big"), rows(2))).toMatchObject({ entities: 2 });
    const replaced = await store.getReferences("bank-1");
    expect(replaced.map((s) => s.entityId)).toEqual(["pay-0", "pay-1"]);
    expect(await store.getStatements("pay-2")).toEqual([]);
    expect((await store.stats()).entities).toBe(3);
    await store.close();
  });

  it("leaves the store and its indexes as they were when it fails", async () => {
    const store = await openSmall();
    await expect(store.replaceDataset(load("big"), rows(ROWS, true))).rejects.toThrow(
      "reader broke",
    );
    expect(indexes(store)).toEqual(["facts_dataset", "facts_entity"]);
    expect((await store.listDatasets()).map((dataset) => dataset.name)).toEqual(["small"]);
    expect(await store.getStatements("pay-1")).toEqual([]);
    expect((await store.getReferences("payer-1")).map((s) => s.entityId)).toEqual(["small-1"]);
    await store.close();
  });
});
