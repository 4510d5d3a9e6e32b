import { describe, expect, it } from "vitest";
import type { Batch, Fact, Statement } from "../model/index.js";
import type { DatasetLoad, Judgement, Store } from "./store.js";

const source = { name: "list.csv", sha256: "a".repeat(64), size: 10 };

function load(name: string): DatasetLoad {
  return { name, title: name.toUpperCase(), kind: "list", sources: [source] };
}

function statement(
  entityId: string,
  prop: string,
  value: string,
  dataset = "alpha",
  schema = prop === "entity" || prop === "authority" ? "Sanction" : "Company",
): Statement {
  return { entityId, schema, prop, value, dataset, source: source.sha256, locator: "row:1" };
}

async function* batches(...groups: Statement[][]): AsyncIterable<Statement[]> {
  yield* groups;
}

async function* mixed(...groups: Batch[]): AsyncIterable<Batch> {
  yield* groups;
}

function fact(entityId: string, schema: string, values: string[], locator = "row:2"): Fact {
  return { entityId, schema, values, dataset: "alpha", source: source.sha256, locator };
}

async function* failing(statements: Statement[]): AsyncIterable<Statement[]> {
  yield statements;
  throw new Error("reader broke halfway");
}

/**
 * The contract every `Store` backend must keep; each backend's test calls this with a
 * factory that returns a fresh, empty store.
 */
export function describeStoreContract(name: string, createStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    it("assembles an entity from its statements with provenance", async () => {
      const store = await createStore();
      await store.replaceDataset(
        load("alpha"),
        batches([statement("c1", "name", "Kupol"), statement("c1", "innCode", "1831083343")]),
      );
      expect(await store.getEntity("c1")).toEqual({
        id: "c1",
        schema: "Company",
        caption: "Kupol",
        properties: { name: ["Kupol"], innCode: ["1831083343"] },
        datasets: ["alpha"],
      });
      const statements = await store.getStatements("c1");
      expect(statements.map((s) => [s.prop, s.locator, s.source])).toEqual([
        ["name", "row:1", source.sha256],
        ["innCode", "row:1", source.sha256],
      ]);
      await store.close();
    });

    it("counts entities, statements and sanctioned targets", async () => {
      const store = await createStore();
      const summary = await store.replaceDataset(
        load("alpha"),
        batches(
          [statement("c1", "name", "Kupol"), statement("c2", "name", "Vector")],
          [statement("s1", "entity", "c1"), statement("s1", "authority", "OFAC")],
        ),
      );
      expect(summary).toMatchObject({ name: "alpha", entities: 3, targets: 1, statements: 4 });
      expect((await store.getReferences("c1")).map((s) => s.entityId)).toEqual(["s1"]);
      await store.close();
    });

    it("stores facts (a table's rows) as the statements they pack, counted and linked", async () => {
      const store = await createStore();
      const summary = await store.replaceDataset(
        load("alpha"),
        mixed(
          { facts: [fact("c1", "Company", ["name", "Kupol", "innCode", "1831083343"])] },
          [statement("c2", "name", "Vector")],
          { facts: [fact("s1", "Sanction", ["entity", "c1", "authority", "OFAC"], "row:3")] },
          [statement("d1", "ccdNumber", "10702070/010324/0000001", "alpha", "EconomicActivity")],
        ),
      );
      expect(summary).toMatchObject({ entities: 4, targets: 1, statements: 6 });
      expect((await store.getStatements("c1")).map((s) => [s.prop, s.value, s.locator])).toEqual([
        ["name", "Kupol", "row:2"],
        ["innCode", "1831083343", "row:2"],
      ]);
      expect((await store.getReferences("c1")).map((s) => [s.entityId, s.locator])).toEqual([
        ["s1", "row:3"],
      ]);
      expect(await store.findByValue("innCode", ["1831083343"])).toEqual(["c1"]);
      // A declaration number is no linking identifier: found by reading the facts.
      expect(await store.findByValue("ccdNumber", ["10702070/010324/0000001", "x"])).toEqual([
        "d1",
      ]);
      await store.close();
    });

    it("replaces only the reloaded dataset", async () => {
      const store = await createStore();
      await store.replaceDataset(load("alpha"), batches([statement("c1", "name", "Old")]));
      await store.replaceDataset(load("beta"), batches([statement("c9", "name", "Other", "beta")]));
      await store.replaceDataset(load("alpha"), batches([statement("c2", "name", "New")]));
      expect(await store.getEntity("c1")).toBeUndefined();
      expect((await store.getEntity("c2"))?.caption).toBe("New");
      expect((await store.getEntity("c9"))?.caption).toBe("Other");
      expect((await store.listDatasets()).map((d) => [d.name, d.entities])).toEqual([
        ["alpha", 1],
        ["beta", 1],
      ]);
      await store.close();
    });

    it("leaves the store as it was when a load fails halfway", async () => {
      const store = await createStore();
      await store.replaceDataset(load("alpha"), batches([statement("c1", "name", "Kept")]));
      const before = await store.listDatasets();
      await expect(
        store.replaceDataset(load("alpha"), failing([statement("c2", "name", "Lost")])),
      ).rejects.toThrow("reader broke halfway");
      expect(await store.listDatasets()).toEqual(before);
      expect((await store.getEntity("c1"))?.caption).toBe("Kept");
      expect(await store.getEntity("c2")).toBeUndefined();
      await store.close();
    });

    it("refuses a statement of another dataset and keeps the store as it was", async () => {
      const store = await createStore();
      await store.replaceDataset(load("alpha"), batches([statement("c1", "name", "Kept")]));
      await expect(
        store.replaceDataset(
          load("alpha"),
          batches([statement("c2", "name", "New"), statement("c3", "name", "Other", "beta")]),
        ),
      ).rejects.toMatchObject({ code: "store_dataset_mismatch", path: "c3" });
      expect(await store.getStatements("c1")).toEqual([statement("c1", "name", "Kept")]);
      expect(await store.getEntity("c2")).toBeUndefined();
      await store.close();
    });

    it("streams entities in id order, filtered by schema and dataset", async () => {
      const store = await createStore();
      const many = Array.from({ length: 2500 }, (_, i) =>
        statement(`c${String(i).padStart(5, "0")}`, "name", `N${i}`),
      );
      await store.replaceDataset(load("alpha"), batches(many, [statement("s1", "entity", "c1")]));
      const ids: string[] = [];
      for await (const entity of store.iterateEntities({ schemata: ["Company"] })) {
        ids.push(entity.id);
      }
      expect(ids).toHaveLength(2500);
      expect(ids[0]).toBe("c00000");
      expect([...ids].sort()).toEqual(ids);
      const none: string[] = [];
      for await (const entity of store.iterateEntities({ datasets: ["nope"] }))
        none.push(entity.id);
      expect(none).toEqual([]);
      await store.close();
    });

    it("finds the statements made at one place in a source", async () => {
      const store = await createStore();
      const at = (entityId: string, prop: string, value: string, locator: string) => ({
        ...statement(entityId, prop, value),
        locator,
      });
      await store.replaceDataset(
        load("alpha"),
        batches([
          at("c1", "name", "Kupol", "row:2"),
          at("c1", "innCode", "1831083343", "row:2"),
          at("c2", "name", "Vector", "row:3"),
        ]),
      );
      const row = await store.getStatementsAt("alpha", source.sha256, "row:2");
      expect(row.map((s) => [s.entityId, s.prop, s.value])).toEqual([
        ["c1", "name", "Kupol"],
        ["c1", "innCode", "1831083343"],
      ]);
      expect(await store.getStatementsAt("alpha", source.sha256)).toHaveLength(3);
      expect(await store.getStatementsAt("beta", source.sha256)).toEqual([]);
      await store.close();
    });

    it("finds entities by identifier value", async () => {
      const store = await createStore();
      await store.replaceDataset(
        load("alpha"),
        batches([statement("c1", "innCode", "1831083343"), statement("c2", "innCode", "77")]),
      );
      expect(await store.findByValue("innCode", ["1831083343", "0"])).toEqual(["c1"]);
      await store.close();
    });

    it("keeps an append-only audit log", async () => {
      const store = await createStore();
      await store.appendAudit({ kind: "load", user: "ana", detail: { dataset: "alpha" } });
      await store.appendAudit({ kind: "screen", user: "ana", detail: { hits: 3 } });
      const screens = await store.listAudit("screen");
      expect(screens.map((entry) => [entry.kind, entry.user, entry.detail])).toEqual([
        ["screen", "ana", { hits: 3 }],
      ]);
      expect(await store.listAudit()).toHaveLength(2);
      await store.close();
    });

    it("keeps cases of entities and paths, each item once", async () => {
      const store = await createStore();
      await store.saveCase("kupol", "Kupol drones");
      await store.addCaseItem("kupol", { kind: "entity", ids: ["c1"], note: "plant" });
      await store.addCaseItem("kupol", { kind: "path", ids: ["c2", "c1"], note: "" });
      await store.addCaseItem("kupol", { kind: "entity", ids: ["c1"], note: "again" });
      await store.addCaseItem("other case", { kind: "entity", ids: ["c9"], note: "" });
      const found = await store.getCase("kupol");
      expect(found).toMatchObject({ name: "kupol", title: "Kupol drones" });
      expect(found?.items.map((item) => [item.kind, item.ids, item.note])).toEqual([
        ["entity", ["c1"], "plant"],
        ["path", ["c2", "c1"], ""],
      ]);
      const after = await store.removeCaseItem("kupol", { kind: "entity", ids: ["c1"] });
      expect(after.items.map((item) => item.ids)).toEqual([["c2", "c1"]]);
      await store.saveCase("kupol");
      expect((await store.getCase("kupol"))?.title).toBe("Kupol drones");
      expect((await store.listCases()).map((c) => [c.name, c.title, c.items.length])).toEqual([
        ["kupol", "Kupol drones", 1],
        ["other case", "other case", 1],
      ]);
      await expect(store.saveCase("<script>")).rejects.toMatchObject({ code: "case_bad_name" });
      await store.close();
    });

    it("keeps derived data while the datasets it came from stay as loaded", async (context) => {
      const store = await createStore();
      if (!store.getDerived || !store.putDerived) {
        await store.close();
        return context.skip("this backend keeps no derived data");
      }
      const alpha = await store.replaceDataset(
        load("alpha"),
        batches([statement("c1", "name", "K")]),
      );
      const beta = await store.replaceDataset(
        load("beta"),
        batches([statement("c9", "name", "O", "beta")]),
      );
      const parts = [Uint8Array.of(1, 2), Uint8Array.of(3)];
      const from = { alpha: alpha.loadedAt, beta: beta.loadedAt };
      expect(await store.getDerived("index", "both")).toBeUndefined();
      expect(await store.putDerived("index", "both", from, parts)).toBe(true);
      expect(await store.putDerived("index", "beta", { beta: beta.loadedAt }, [parts[1]!])).toBe(
        true,
      );
      expect((await store.getDerived("index", "both"))?.map((part) => [...part])).toEqual([
        [1, 2],
        [3],
      ]);
      // Loading alpha again makes what came from it stale; what came from beta alone stays.
      const again = await store.replaceDataset(
        load("alpha"),
        batches([statement("c2", "name", "N")]),
      );
      expect(await store.getDerived("index", "both")).toBeUndefined();
      expect((await store.getDerived("index", "beta"))?.map((part) => [...part])).toEqual([[3]]);
      // Derived from the load before: refused, nothing kept.
      expect(await store.putDerived("index", "both", from, parts)).toBe(false);
      expect(await store.getDerived("index", "both")).toBeUndefined();
      expect(
        await store.putDerived("index", "both", { ...from, alpha: again.loadedAt }, parts),
      ).toBe(true);
      await store.dropDataset("beta");
      expect(await store.getDerived("index", "both")).toBeUndefined();
      expect(await store.getDerived("index", "beta")).toBeUndefined();
      await store.close();
    });

    it("keeps append-only judgements that survive reloading the lists", async () => {
      const store = await createStore();
      await store.replaceDataset(load("alpha"), batches([statement("c1", "name", "Kupol")]));
      const first = await store.appendJudgement({
        left: "c1",
        right: "c2",
        judgement: "positive",
        note: "same INN",
        user: "ana",
        at: "2026-01-01T00:00:00.000Z",
      });
      await store.appendJudgement({
        left: "c3",
        right: "c1",
        judgement: "negative",
        note: "",
        user: "ben",
        at: "2026-01-01T00:00:00.000Z",
      });
      await store.appendJudgement({
        left: "c4",
        right: "c5",
        judgement: "unsure",
        note: "",
        user: "ana",
      });
      await store.replaceDataset(load("alpha"), batches([statement("c1", "name", "Kupol")]));
      expect(first).toEqual({
        id: expect.any(String),
        left: "c1",
        right: "c2",
        judgement: "positive",
        note: "same INN",
        user: "ana",
        at: "2026-01-01T00:00:00.000Z",
      });
      const shown = (judgements: Judgement[]) =>
        judgements.map((j) => [j.left, j.right, j.judgement, j.user]);
      expect(shown(await store.listJudgements("c1"))).toEqual([
        ["c1", "c2", "positive", "ana"],
        ["c3", "c1", "negative", "ben"],
      ]);
      expect(shown(await store.listJudgements())).toHaveLength(3);
      expect(await store.listJudgements("c9")).toEqual([]);
      await store.close();
    });
  });
}
