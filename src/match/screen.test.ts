import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EntityBuilder, type Statement } from "../model/index.js";
import { SqliteStore, type Store } from "../store/index.js";
import { judgePair } from "./judge.js";
import { openMatcher } from "./matcher.js";
import { workspaceQueries } from "./query-file.js";
import { type ScreenResult, screenEntities } from "./screen.js";

type Entity = [id: string, schema: string, properties: Record<string, string>];

async function loadDataset(
  store: Store,
  name: string,
  kind: "list" | "evidence",
  entities: Entity[],
) {
  const statements: Statement[] = entities.flatMap(([id, schema, properties]) => {
    const builder = new EntityBuilder(schema, id, { dataset: name, source: "f".repeat(64) });
    for (const [prop, value] of Object.entries(properties)) builder.add(prop, value, "row:1");
    return builder.statements;
  });
  const sources = [{ name: `${name}.csv`, sha256: "f".repeat(64), size: 1 }];
  await store.replaceDataset(
    { name, title: name, kind, sources },
    (async function* () {
      yield statements;
    })(),
  );
}

async function workspace(): Promise<Store> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "screen-")), "w.db"));
  await loadDataset(store, "sdn", "list", [
    ["sdn-1", "Company", { name: "Kupol JSC" }],
    ["sdn-2", "Company", { name: "Sever Avia Logistics" }],
    ["sdn-3", "Person", { name: "Ivan Petrov" }],
  ]);
  await loadDataset(store, "uk", "list", [
    ["uk-1", "Company", { name: "Kupol JSC", country: "ru" }],
  ]);
  await loadDataset(store, "case", "evidence", [
    ["case-1", "Company", { name: "Kupol JSC" }],
    ["case-2", "Person", { name: "Ivan Petrov" }],
    ["case-3", "Payment", { amount: "100" }],
  ]);
  return store;
}

async function screenWorkspace(store: Store, newOnly = false) {
  const results: ScreenResult[] = [];
  const matcher = await openMatcher(store);
  const run = await screenEntities(store, workspaceQueries(store), {
    matcher,
    newOnly,
    onResult: (result) => void results.push(result),
  });
  const hits = results.map((r) => [
    r.query.id,
    ...r.results.filter((h) => h.match).map((h) => h.id),
  ]);
  return { run, hits };
}

describe("screenEntities", () => {
  it("screens every matchable evidence entity, applying judgements, and audits each run", async () => {
    const store = await workspace();
    const first = await screenWorkspace(store);
    expect(first.hits).toEqual([
      ["case-1", "sdn-1", "uk-1"],
      ["case-2", "sdn-3"],
    ]);
    await judgePair(store, { left: "sdn-1", right: "uk-1", judgement: "positive" });
    await judgePair(store, { left: "case-2", right: "sdn-3", judgement: "negative" });
    const second = await screenWorkspace(store);
    expect(second.hits).toEqual([["case-1", "sdn-1"], ["case-2"]]);
    expect(second.run).toEqual({
      runId: expect.any(String),
      at: expect.any(String),
      input: { name: "workspace", sha256: "" },
      lists: [
        { dataset: "sdn", sha256: ["f".repeat(64)], loaded_at: expect.any(String) },
        { dataset: "uk", sha256: ["f".repeat(64)], loaded_at: expect.any(String) },
      ],
      parameters: { threshold: 0.7, limit: 5, datasets: ["default"], new_only: false },
      counts: { queries: 2, matched_queries: 1, hits: 1, new_hits: 0 },
      previous_run: first.run.runId,
    });
  });

  it("reports only hits new since the previous run over the same input", async () => {
    const store = await workspace();
    await screenWorkspace(store);
    await loadDataset(store, "sdn", "list", [
      ["sdn-1", "Company", { name: "Kupol JSC" }],
      ["sdn-4", "Person", { name: "Ivan Petrov" }],
    ]);
    const update = await screenWorkspace(store, true);
    expect(update.hits).toEqual([["case-2", "sdn-4"]]);
    expect(update.run.counts).toEqual({ queries: 2, matched_queries: 2, hits: 3, new_hits: 1 });
  });
});
