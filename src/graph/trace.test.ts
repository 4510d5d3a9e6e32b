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
  let tradeSource: string;

  beforeAll(async () => {
    store = new SqliteStore(join(tempDir(), "w.db"));
    tradeSource = await loadEntities(store, "trade", "evidence", trade);
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
