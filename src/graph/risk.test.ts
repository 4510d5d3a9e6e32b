import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entity, loadEntities } from "../../test/helpers/ftm.js";
import { SqliteStore } from "../store/index.js";
import { buildGraph, scoreEntities } from "./index.js";

const own = (id: string, owner: string, asset: string, percentage: string) =>
  entity("Ownership", id, { owner, asset, percentage });

describe("risk from ownership", () => {
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore(":memory:");
    await loadEntities(store, "registry", "evidence", [
      entity("Company", "above", { name: "Above LLC" }),
      entity("Company", "below", { name: "Below LLC" }),
      own("o1", "listed-a", "above", "30"),
      own("o2", "listed-b", "above", "21"),
      own("o3", "listed-a", "below", "30"),
      own("o4", "listed-b", "below", "19"),
    ]);
    await loadEntities(store, "list", "list", [
      entity("Company", "listed-a", { name: "A", topics: "sanction" }),
      entity("Company", "listed-b", { name: "B", topics: "sanction" }),
    ]);
  });
  afterAll(() => store.close());

  it("blocks at 51% and only notes a listed minority at 49%", async () => {
    const risks = scoreEntities(await buildGraph(store), []);
    expect(risks.filter((r) => ["above", "below"].includes(r.id))).toMatchInlineSnapshot(`
      [
        {
          "id": "above",
          "reasons": [
            {
              "code": "blocked_by_ownership",
              "contribution": 2,
              "count": 1,
              "detail": "OFAC 50% rule: above: 30% (listed-a, sanctioned) + 21% (listed-b, sanctioned) = 51% ≥ 50%: blocked",
              "kind": "ownership",
            },
          ],
          "score": 2,
        },
        {
          "id": "below",
          "reasons": [
            {
              "code": "sanctioned_minority_owner",
              "contribution": 0.3,
              "count": 1,
              "detail": "listed owners hold 49% (< 50%): below: 30% (listed-a, sanctioned) + 19% (listed-b, sanctioned) = 49% < 50%: not blocked",
              "kind": "ownership",
            },
          ],
          "score": 0.3,
        },
      ]
    `);
  });
});
