import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import { entity, loadEntities } from "../../test/helpers/ftm.js";
import { SqliteStore } from "../store/index.js";
import { buildGraph, type Graph, traceSupplyChains } from "./index.js";

const company = (id: string, name: string, extra: Record<string, string> = {}) =>
  entity("Company", id, { name, ...extra });
const ship = (
  id: string,
  sender: string,
  receiver: string,
  date: string,
  hs: string,
  goods: string,
) =>
  entity("EconomicActivity", id, {
    sender,
    receiver,
    date,
    vedCode: hs,
    goodsDescription: goods,
    customsAmount: "1000",
  });

const trade = [
  company("cn-sup", "Shenzhen Sky Tech", { country: "cn" }),
  company("hk-hub", "Eastline Trading HK", { country: "hk" }),
  company("tr-hub", "Bosphorus Dis Ticaret", { country: "tr" }),
  company("kz-trader", "Steppe Textile", { country: "kz" }),
  company("ae-front", "Gulf Aero FZE", {
    country: "ae",
    address: "Office 12, Jebel Ali Free Zone, Dubai",
  }),
  company("ru-end", "Kupol Plant", { country: "ru" }),
  company("ru-shell", "Kupol Supply", {
    country: "ru",
    address: "office 12 jebel ali free zone dubai",
  }),
  entity("Person", "person-x", { name: "Ivan Petrov" }),
  ship("ea-1", "cn-sup", "hk-hub", "2023-01-10", "8806.22", "Quadcopters with thermal cameras"),
  ship("ea-2", "hk-hub", "ru-end", "2023-02-15", "8407.10", "Aircraft piston engines"),
  ship("ea-3", "cn-sup", "kz-trader", "2023-03-01", "6109.10", "Cotton T-shirts"),
  ship("ea-4", "kz-trader", "ru-end", "2023-04-01", "6109.10", "Cotton T-shirts"),
  ship("ea-5", "cn-sup", "tr-hub", "2023-05-01", "8806.22", "UAV"),
  ship("ea-6", "tr-hub", "ru-end", "2023-03-01", "8806.22", "UAV"),
  entity("Payment", "pay-1", {
    payer: "ae-front",
    beneficiary: "cn-sup",
    date: "2023-01-05",
    amount: "50000",
  }),
  entity("Directorship", "dir-1", { director: "person-x", organization: "ae-front" }),
  entity("Directorship", "dir-2", { director: "person-x", organization: "ru-end" }),
  entity("Ownership", "own-1", { owner: "ru-end", asset: "ru-shell", percentage: "100" }),
];
const list = [entity("Sanction", "sanction-1", { entity: "ru-end", program: "RUSSIA-EO14024" })];

describe("trace", () => {
  let store: SqliteStore;
  let graph: Graph;

  beforeAll(async () => {
    store = new SqliteStore(join(tempDir(), "w.db"));
    await loadEntities(store, "trade", "evidence", trade);
    await loadEntities(store, "sanctions", "list", list);
    graph = await buildGraph(store);
  });
  afterAll(() => store.close());

  const summary = async (options: Parameters<typeof traceSupplyChains>[1]) =>
    (await traceSupplyChains(store, options, graph)).paths.map((p) => [
      p.score,
      p.nodes.join(" > "),
    ]);

  it("ranks every chain from the supplier to the sanctioned plant", async () => {
    expect(await summary({ from: "cn-sup", maxDepth: 3 })).toEqual([
      [0.9025, "cn-sup > hk-hub > ru-end"],
      [0.9025, "cn-sup > tr-hub > ru-end"],
      [0.64, "cn-sup > kz-trader > ru-end"],
      [0.56, "cn-sup > ae-front > ru-end"],
      [0.45, "cn-sup > ae-front > person-x > ru-end"],
      [0.38, "cn-sup > ae-front > ru-shell > ru-end"],
    ]);
  });

  it("filters by goods, dates and time order", async () => {
    expect(await summary({ from: "cn-sup", maxDepth: 3, goods: "battlefield" })).toEqual([
      [0.9025, "cn-sup > hk-hub > ru-end"],
      [0.9025, "cn-sup > tr-hub > ru-end"],
    ]);
    expect(await summary({ from: "cn-sup", goods: "88" })).toEqual([
      [0.9025, "cn-sup > tr-hub > ru-end"],
    ]);
    expect(await summary({ from: "cn-sup", goods: "chpl" })).toEqual([]);
    expect(await summary({ from: "cn-sup", maxDepth: 2, timeRespecting: true })).toEqual([
      [0.9025, "cn-sup > hk-hub > ru-end"],
      [0.64, "cn-sup > kz-trader > ru-end"],
      [0.56, "cn-sup > ae-front > ru-end"],
    ]);
    expect(
      await summary({ from: "cn-sup", maxDepth: 2, timeRespecting: true, windowDays: 30 }),
    ).toEqual([[0.56, "cn-sup > ae-front > ru-end"]]);
    expect(
      await summary({ from: "cn-sup", maxDepth: 2, since: "2023-02-01", until: "2023-12-31" }),
    ).toEqual([
      [0.9025, "cn-sup > tr-hub > ru-end"],
      [0.64, "cn-sup > kz-trader > ru-end"],
    ]);
  });
});

describe("a traced chain", () => {
  it("carries goods, dates, evidence and reasons on every edge", async () => {
    const store = new SqliteStore(join(tempDir(), "w.db"));
    const source = await loadEntities(store, "trade", "evidence", [
      company("ae-front", "Gulf Aero FZE", { address: "Office 12, Jebel Ali Free Zone, Dubai" }),
      company("ru-shell", "Kupol Supply", { address: "office 12 jebel ali free zone dubai" }),
      ship("ea-1", "cn-sup", "ae-front", "2023-01-10", "8542.31", "микросхемы STM32"),
      entity("Ownership", "own-1", { owner: "ru-end", asset: "ru-shell", percentage: "100" }),
    ]);
    const listSource = await loadEntities(store, "sanctions", "list", [
      entity("Sanction", "sanction-1", { entity: "ru-end" }),
    ]);
    const result = await traceSupplyChains(store, { from: "cn-sup", goods: "1" });
    await store.close();
    expect(listSource).not.toBe(source);
    expect(JSON.parse(JSON.stringify(result).replaceAll(source, "SHA"))).toMatchInlineSnapshot(`
      {
        "captions": {
          "ae-front": "Gulf Aero FZE",
          "cn-sup": "cn-sup",
          "ru-end": "ru-end",
          "ru-shell": "Kupol Supply",
        },
        "expanded": 4,
        "paths": [
          {
            "edges": [
              {
                "amount": 1000,
                "date": "2023-01-10",
                "evidence": [
                  {
                    "dataset": "trade",
                    "locator": "line:3",
                    "source": "SHA",
                  },
                ],
                "goods": [
                  {
                    "categories": [
                      "integrated_circuits",
                    ],
                    "chpl_tier": "1",
                    "description": "микросхемы STM32",
                    "hs": "8542.31",
                  },
                ],
                "id": "ea-1",
                "schema": "EconomicActivity",
                "source": "cn-sup",
                "target": "ae-front",
                "weight": 0.95,
              },
              {
                "date": null,
                "evidence": [
                  {
                    "dataset": "trade",
                    "locator": "line:1",
                    "source": "SHA",
                  },
                  {
                    "dataset": "trade",
                    "locator": "line:2",
                    "source": "SHA",
                  },
                ],
                "goods": [],
                "id": "SharedAddress:office 12 jebel ali free zone dubai",
                "schema": "SharedAddress",
                "source": "ae-front",
                "target": "ru-shell",
                "weight": 0.5,
              },
              {
                "date": null,
                "evidence": [
                  {
                    "dataset": "trade",
                    "locator": "line:4",
                    "source": "SHA",
                  },
                ],
                "goods": [],
                "id": "own-1",
                "percentage": 100,
                "schema": "Ownership",
                "source": "ru-end",
                "target": "ru-shell",
                "weight": 0.95,
              },
            ],
            "nodes": [
              "cn-sup",
              "ae-front",
              "ru-shell",
              "ru-end",
            ],
            "reasons": [
              "ends at sanctioned ru-end (sanction-1)",
              "EconomicActivity cn-sup -> Gulf Aero FZE on 2023-01-10: HS 8542.31, CHPL tier 1, integrated_circuits [weight 0.95]",
              "SharedAddress Gulf Aero FZE -> Kupol Supply sharing "office 12 jebel ali free zone dubai" [weight 0.5]",
              "Ownership ru-end -> Kupol Supply (100%) [weight 0.95]",
              "score 0.4513 = 0.95 × 0.5 × 0.95",
            ],
            "score": 0.4513,
          },
        ],
        "truncated": false,
      }
    `);
  });
});

describe("a trace after an analyst's judgement", () => {
  it("follows a positive merge into the list entry and stops after a negative", async () => {
    const store = new SqliteStore(join(tempDir(), "w.db"));
    await loadEntities(store, "trade", "evidence", [
      company("cn-sup", "Shenzhen Sky Tech", { country: "cn" }),
      company("hk-hub", "Eastline Trading HK", { country: "hk" }),
      company("ru-buyer", "AO Kupol", { country: "ru" }),
      ship("ea-1", "cn-sup", "hk-hub", "2023-01-10", "8806.22", "UAV"),
      ship("ea-2", "hk-hub", "ru-buyer", "2023-02-15", "8806.22", "UAV"),
    ]);
    await loadEntities(store, "sanctions", "list", [
      company("ofac-kupol", "Kupol Izhevsk Electromechanical Plant", { country: "ru" }),
      entity("Sanction", "sanction-1", { entity: "ofac-kupol" }),
    ]);
    const chains = async () =>
      (await traceSupplyChains(store, { from: "cn-sup", toSanctioned: true })).paths.map((p) =>
        p.nodes.join(" > "),
      );
    expect(await chains()).toEqual([]);
    await store.appendJudgement({
      left: "ru-buyer",
      right: "ofac-kupol",
      judgement: "positive",
      note: "same INN",
      user: "analyst",
    });
    expect(await chains()).toEqual(["cn-sup > hk-hub > ofac-kupol"]);
    const unmerged = await buildGraph(store, { judgements: false });
    expect(
      (await traceSupplyChains(store, { from: "cn-sup", toSanctioned: true }, unmerged)).paths,
    ).toEqual([]);
    await store.appendJudgement({
      left: "ru-buyer",
      right: "ofac-kupol",
      judgement: "negative",
      note: "different plant",
      user: "analyst",
    });
    expect(await chains()).toEqual([]);
    await store.close();
  });
});
