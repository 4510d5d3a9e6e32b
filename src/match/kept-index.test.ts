import { describe, expect, it, vi } from "vitest";
import { isA, type Statement } from "../model/index.js";
import { SqliteStore } from "../store/index.js";
import { IndexAssembly } from "./kept-index.js";
import { buildMatchIndex } from "./match-index.js";

function statement(
  entityId: string,
  schema: string,
  prop: string,
  value: string,
  dataset: string,
): Statement {
  return { entityId, schema, prop, value, dataset, source: "s".repeat(64), locator: "row:1" };
}

async function load(store: SqliteStore, dataset: string, statements: Statement[]) {
  const summary = { name: dataset, title: dataset, kind: "list" as const, sources: [] };
  return store.replaceDataset(
    summary,
    (async function* () {
      yield statements;
    })(),
  );
}

const companies = Array.from({ length: 300 }, (_, n) =>
  statement(`c${n}`, "Company", "name", `Company Number ${n} LLC`, "register"),
);

async function workspace(): Promise<SqliteStore> {
  const store = new SqliteStore(":memory:");
  await load(store, "register", [
    ...companies,
    statement("v1", "Vessel", "name", "Company Number 7 LLC", "register"),
  ]);
  await load(store, "people", [
    statement("p1", "Person", "name", "Ivan Petrov", "people"),
    statement("p2", "Person", "name", "Иван Петров", "people"),
  ]);
  return store;
}

const query = { schema: "Company", properties: { name: ["Company Number 7 LLC"] } };

describe("IndexAssembly", () => {
  it("indexes the entities taken, a slice at a time", async () => {
    const store = await workspace();
    const datasets = await store.listDatasets();
    const legal = (entity: { schema: string }) => isA(entity.schema, "LegalEntity");
    const assembly = await IndexAssembly.open(store, datasets, legal);
    let slices = 0;
    while (assembly.work(0)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(assembly.work()).toBe(false);
    expect(assembly.finish().size).toBe(302);
    expect(assembly.index.match(query)[0]?.id).toBe("c7");
    await store.close();
  });

  it("keeps the parts it prepared and opens from them next time, finding the same", async () => {
    const store = await workspace();
    const datasets = await store.listDatasets();
    const cold = await IndexAssembly.open(store, datasets);
    const first = cold.finish();
    expect(await cold.keep(store)).toBe(2);
    const reads = vi.spyOn(store, "iterateEntities");
    const warm = (await IndexAssembly.open(store, datasets)).finish();
    expect(reads).not.toHaveBeenCalled();
    expect(warm.entities).toEqual(first.entities);
    for (const q of [query, { schema: "Person", properties: { name: ["Petrov Ivan"] } }]) {
      expect(warm.search(q, { threshold: 0.5 })).toEqual(first.search(q, { threshold: 0.5 }));
    }
    // The same as an index built from the entities read in the same order.
    const entities = [];
    for (const name of ["people", "register"]) {
      for await (const entity of store.iterateEntities({ datasets: [name] })) entities.push(entity);
    }
    const built = await buildMatchIndex(entities);
    expect(warm.search(query, { threshold: 0.5 })).toEqual(built.search(query, { threshold: 0.5 }));
    await store.close();
  });

  it("prepares a dataset again once it is reloaded, and keeps the others' parts", async () => {
    const store = await workspace();
    const cold = await IndexAssembly.open(store, await store.listDatasets());
    cold.finish();
    await cold.keep(store);
    await load(store, "register", [statement("n1", "Company", "name", "Newco LLC", "register")]);
    const reads = vi.spyOn(store, "iterateEntities");
    const again = await IndexAssembly.open(store, await store.listDatasets());
    const index = again.finish();
    expect(reads.mock.calls.map(([q]) => q?.datasets)).toEqual([["register"]]);
    expect(index.entities.map((entity) => entity.id).sort()).toEqual(["n1", "p1", "p2"]);
    expect(await again.keep(store)).toBe(1);
    await store.close();
  });

  it("prepares again, and replaces, parts prepared otherwise or unreadable", async () => {
    const store = await workspace();
    const cold = await IndexAssembly.open(store, await store.listDatasets());
    cold.finish();
    await cold.keep(store);
    const rows = () => store.db.prepare("SELECT COUNT(*) FROM derived").pluck().get();
    const kept = rows();
    const change = (edit: (data: Buffer) => Buffer) => {
      const parts = store.db.prepare("SELECT rowid, data FROM derived").all() as {
        rowid: number;
        data: Buffer;
      }[];
      const update = store.db.prepare("UPDATE derived SET data = ? WHERE rowid = ?");
      for (const { rowid, data } of parts) update.run(edit(data), rowid);
    };
    for (const edit of [
      // Prepared by other code: another mark at the start.
      (data: Buffer) => Buffer.concat([Buffer.of(data[0]! ^ 1), data.subarray(1)]),
      // Prepared as here, but cut short.
      (data: Buffer) => data.subarray(0, 20),
    ]) {
      change(edit);
      const reads = vi.spyOn(store, "iterateEntities");
      const again = await IndexAssembly.open(store, await store.listDatasets());
      expect(again.finish().size).toBe(303);
      expect(reads).toHaveBeenCalledTimes(1);
      reads.mockRestore();
      expect(await again.keep(store)).toBe(2);
      expect(rows()).toBe(kept);
    }
    await store.close();
  });

  it("adds an entity found in two datasets once", async () => {
    const store = await workspace();
    await load(store, "extra", [statement("c7", "Company", "innCode", "7700000037", "extra")]);
    const assembly = await IndexAssembly.open(store, await store.listDatasets());
    const index = assembly.finish();
    expect(index.entities.filter((entity) => entity.id === "c7")).toHaveLength(1);
    expect(index.match(query)[0]).toMatchObject({ id: "c7" });
    expect(await assembly.keep(store)).toBe(3);
    // c7's record folds both datasets: reloading one makes both parts holding it stale.
    await load(store, "extra", []);
    const reads = vi.spyOn(store, "iterateEntities");
    const after = (await IndexAssembly.open(store, await store.listDatasets())).finish();
    expect(reads.mock.calls.map(([q]) => q?.datasets)).toEqual([["extra", "register"]]);
    expect(after.entities.filter((entity) => entity.id === "c7")).toMatchObject([
      { datasets: ["register"] },
    ]);
    await store.close();
  });
});
