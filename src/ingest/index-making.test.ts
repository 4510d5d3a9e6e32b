import { describe, expect, it } from "vitest";
import type { Statement } from "../model/index.js";
import { SqliteStore } from "../store/index.js";
import { IndexMaking } from "./index-making.js";

function statement(
  entityId: string,
  schema: string,
  prop: string,
  value: string,
  dataset: string,
): Statement {
  return { entityId, schema, prop, value, dataset, source: "s".repeat(64), locator: "row:1" };
}

async function load(store: SqliteStore, dataset: string, statements: Statement[]): Promise<void> {
  const summary = { name: dataset, title: dataset, kind: "list" as const, sources: [] };
  await store.replaceDataset(
    summary,
    (async function* () {
      yield statements;
    })(),
  );
}

describe("IndexMaking", () => {
  it("indexes the legal entities of the other datasets, a slice at a time", async () => {
    const store = new SqliteStore(":memory:");
    const companies = Array.from({ length: 300 }, (_, n) =>
      statement(`c${n}`, "Company", "name", `Company Number ${n} LLC`, "register"),
    );
    await load(store, "register", [
      ...companies,
      statement("v1", "Vessel", "name", "Company Number 7 LLC", "register"),
    ]);
    await load(store, "case", [statement("p1", "Company", "name", "Company Number 7 LLC", "case")]);
    const making = await IndexMaking.read(store, "case");
    let slices = 0;
    while (making.work(0)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(making.work()).toBe(false);
    expect(making.finish().size).toBe(300);
    const hits = making.index.match({
      schema: "Company",
      properties: { name: ["Company Number 7 LLC"] },
    });
    expect(hits[0]?.id).toBe("c7");
    await store.close();
  });
});
