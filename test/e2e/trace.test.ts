import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/model/index.js";
import { cli, tempDir } from "../helpers/cli.js";
import { entity, ftmLines } from "../helpers/ftm.js";

const trade = ftmLines([
  entity("Company", "cn-sky", { name: "深圳天空科技有限公司", country: "cn" }),
  entity("Company", "hk-east", { name: "Eastline Trading Ltd", country: "hk" }),
  entity("Company", "ru-kupol", { name: "АО Купол", country: "ru" }),
  entity("Company", "ru-holding", { name: "Kupol Holding", country: "ru" }),
  entity("EconomicActivity", "gtd-1", {
    sender: "cn-sky",
    receiver: "hk-east",
    date: "2023-03-01",
    vedCode: "8806 22 00 00",
    goodsDescription: "无人机 多旋翼",
  }),
  entity("EconomicActivity", "gtd-2", {
    sender: "hk-east",
    receiver: "ru-kupol",
    date: "2023-04-11",
    vedCode: "8806220000",
    goodsDescription: "квадрокоптеры",
  }),
  entity("Ownership", "own-1", { owner: "ru-holding", asset: "ru-kupol", percentage: "60" }),
  entity("Ownership", "own-2", { owner: "ofac-almaz", asset: "ru-holding", percentage: "90" }),
]);
const sanctions = ftmLines([
  entity("Company", "ofac-almaz", { name: "Almaz-Antey" }),
  entity("Sanction", "ofac-almaz-sanction", { entity: "ofac-almaz", program: "RUSSIA-EO14024" }),
  entity("Sanction", "ofac-kupol-sanction", { entity: "ru-kupol", program: "RUSSIA-EO14024" }),
]);

describe("trace and ownership from the command line", () => {
  const dir = tempDir();
  const db = join(dir, "w.db");

  beforeAll(async () => {
    writeFileSync(join(dir, "trade.ftm.json"), trade);
    writeFileSync(join(dir, "sanctions.ftm.json"), sanctions);
    for (const name of ["trade", "sanctions"]) {
      const load = await cli(
        "--db",
        db,
        "lists",
        "load",
        join(dir, `${name}.ftm.json`),
        "--dataset",
        name,
      );
      expect(load.code).toBe(0);
    }
  });

  it("traces the drone chain to the sanctioned plant with its evidence", async () => {
    const run = await cli(
      "--db",
      db,
      "--json",
      "trace",
      "--from-country",
      "CN",
      "--to-sanctioned",
      "--goods",
      "battlefield",
      "--time-respecting",
    );
    expect(run.code).toBe(0);
    const source = sha256(trade);
    const { paths } = JSON.parse(run.stdout) as { paths: Array<Record<string, unknown>> };
    expect(paths.map((p) => [p.score, p.nodes])).toEqual([
      [0.9025, ["cn-sky", "hk-east", "ru-kupol"]],
    ]);
    expect((paths[0]!.edges as unknown[]).map((e) => JSON.stringify(e))).toEqual(
      [
        {
          source: "cn-sky",
          target: "hk-east",
          schema: "EconomicActivity",
          id: "gtd-1",
          date: "2023-03-01",
          line: 5,
          hs: "8806.22.00.00",
          text: "无人机 多旋翼",
        },
        {
          source: "hk-east",
          target: "ru-kupol",
          schema: "EconomicActivity",
          id: "gtd-2",
          date: "2023-04-11",
          line: 6,
          hs: "8806.22.00.00",
          text: "квадрокоптеры",
        },
      ].map(({ line, hs, text, ...edge }) =>
        JSON.stringify({
          ...edge,
          goods: [{ hs, chpl_tier: null, description: text, categories: ["uav"] }],
          evidence: [{ dataset: "trade", source, locator: `line:${line}` }],
          weight: 0.95,
        }),
      ),
    );
  });

  it("says when no chain matches and refuses unknown ids", async () => {
    const none = await cli("--db", db, "trace", "--from", "cn-sky", "--goods", "4.B");
    expect([none.code, none.stdout]).toEqual([0, "no chain found\n"]);
    const unknown = await cli("--db", db, "trace", "--from", "nobody");
    expect([unknown.code, unknown.stderr]).toEqual([
      1,
      'error [trace_unknown_entity] --from: no entity "nobody" in the graph; check the id with `sanctrace entity`\n',
    ]);
    const both = await cli(
      "--db",
      db,
      "trace",
      "--from",
      "cn-sky",
      "--to",
      "ru-kupol",
      "--to-sanctioned",
    );
    expect(both.stderr).toBe(
      "error [trace_conflicting_options] --to: give --to or --to-sanctioned, not both\n",
    );
    const badGoods = await cli("--db", db, "trace", "--from", "cn-sky", "--goods", "drones");
    expect(badGoods.stderr).toContain("error [goods_filter_invalid] --goods:");
  });

  it("applies the 50% rule through the holding", async () => {
    const run = await cli("--db", db, "--json", "ownership", "ru-kupol");
    const report = JSON.parse(run.stdout);
    expect({
      aggregate: report.aggregate_sanctioned_percentage,
      blocked: report.blocked_by_ownership,
      owners: report.owners.map(
        (o: { id: string; effective_percentage: number; sanctioned: boolean; chain: string[] }) => [
          o.id,
          o.effective_percentage,
          o.sanctioned,
          o.chain,
        ],
      ),
      eu: report.eu_uk.owned_or_controlled,
    }).toEqual({
      aggregate: 60,
      blocked: true,
      owners: [
        ["ru-holding", 60, false, ["ru-holding", "ru-kupol"]],
        ["ofac-almaz", 54, true, ["ofac-almaz", "ru-holding", "ru-kupol"]],
      ],
      eu: true,
    });
  });

  it("classifies goods", async () => {
    const run = await cli(
      "--json",
      "goods",
      "classify",
      "Двигатель DLE-60 для БПЛА",
      "--hs",
      "8407.10",
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      categories: [
        { category: "uav", keywords: ["бпла"] },
        { category: "engines", keywords: ["двигатель", "dle", "HS 840710"] },
      ],
      battlefield: true,
    });
  });
});
