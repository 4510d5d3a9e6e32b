import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";
import { writeZip } from "../helpers/zip.js";

const customs = [
  "date,ccd,sender,receiver,receiver_inn,hs code,goods description,amount,currency",
  '2024-03-01,10/1,Aeroscan LLC,ZALA AERO JSC,9715478507,8806,drone,"1,000.00",USD',
  '2024-03-02,10/2,Aeroscan LLC,Bespilotnye Sistemy,,8806,drone,"2,000.00",USD',
  "",
].join("\n");

async function workspaceWithList(dir: string): Promise<string> {
  const db = join(dir, "w.db");
  const list = sharedPath("opensanctions_ftm", "zala_aero_cluster.entities.ftm.json");
  expect((await cli("--db", db, "lists", "load", list)).code).toBe(0);
  return db;
}

describe.skipIf(skipWithoutShared)("ingest", () => {
  it("ingests a customs table, resolves its parties against a list, and exports FtM", async () => {
    const dir = tempDir();
    const db = await workspaceWithList(dir);
    writeFileSync(join(dir, "customs.csv"), customs);
    const run = await cli(
      "--db",
      db,
      "--json",
      "ingest",
      join(dir, "customs.csv"),
      "--dataset",
      "case",
    );
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ dataset: "case", kind: "evidence", parties: 3 });
    expect(
      result.resolutions.map((r: Record<string, unknown>) => [
        r.partyName,
        r.matchName,
        r.match,
        r.decision,
        r.method,
      ]),
    ).toEqual([
      ["Aeroscan LLC", "AEROSCAN", "NK-iE6m5ryPeTAMZozfECVSL7", "linked", "name"],
      ["ZALA AERO JSC", "ZALA AERO JSC", "NK-cPks3aTbes8k4aCerfBAzN", "linked", "identifier"],
      [
        "Bespilotnye Sistemy",
        "Bespilotnye Sistemy LLC",
        "NK-cWSvGMvufNH5KwEV88FwTA",
        "linked",
        "name",
      ],
    ]);
    const exported = jsonLines<{
      id: string;
      schema: string;
      properties: Record<string, string[]>;
    }>((await cli("--db", db, "export", "--format", "ftm", "--dataset", "case")).stdout);
    const similar = exported.find(
      (e) => e.schema === "Similar" && e.properties.match?.[0] === "NK-cPks3aTbes8k4aCerfBAzN",
    );
    expect(similar?.properties).toMatchObject({
      confidenceScore: ["1"],
      criteria: ["decision:linked", "identifier:innCode=9715478507"],
      matcher: ["sanctrace ingest identifier"],
    });
    expect(exported.map((e) => e.schema).sort()).toEqual([
      "Company",
      "Company",
      "EconomicActivity",
      "EconomicActivity",
      "LegalEntity",
      "Similar",
      "Similar",
      "Similar",
      "Table",
    ]);
    const activity = exported.find((e) => e.properties.ccdNumber?.[0] === "10/2")!;
    const view = JSON.parse((await cli("--db", db, "--json", "entity", activity.id)).stdout);
    expect(
      view.statements.map((s: Record<string, string>) => [
        s.prop,
        s.value,
        s.source_name,
        s.locator,
      ]),
    ).toEqual([
      ["date", "2024-03-02", "customs.csv", "row:3"],
      ["ccdNumber", "10/2", "customs.csv", "row:3"],
      ["vedCode", "8806", "customs.csv", "row:3"],
      ["goodsDescription", "drone", "customs.csv", "row:3"],
      ["invoiceAmount", "2000.00 USD", "customs.csv", "row:3"],
      ["sender", activity.properties.sender![0], "customs.csv", "row:3"],
      ["receiver", activity.properties.receiver![0], "customs.csv", "row:3"],
    ]);
  });

  it("exports every entity to a file", async () => {
    const dir = tempDir();
    const db = await workspaceWithList(dir);
    const run = await cli("--db", db, "export", "--out", join(dir, "all.ftm.json"));
    expect(run.stderr).toBe(`91 entities written to ${join(dir, "all.ftm.json")}\n`);
    expect(readFileSync(join(dir, "all.ftm.json"), "utf8").trim().split("\n")).toHaveLength(91);
  });
});

describe("ingest refuses bad input and keeps the store as it was", () => {
  async function setUp() {
    const dir = tempDir();
    const db = join(dir, "w.db");
    writeFileSync(join(dir, "good.csv"), customs);
    expect((await cli("--db", db, "ingest", join(dir, "good.csv"), "--dataset", "case")).code).toBe(
      0,
    );
    const before = (await cli("--db", db, "--json", "lists")).stdout;
    return { dir, db, before };
  }

  async function expectRefused(db: string, before: string, args: string[], error: RegExp) {
    const run = await cli("--db", db, "ingest", ...args, "--dataset", "case");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(error);
    expect((await cli("--db", db, "--json", "lists")).stdout).toBe(before);
  }

  it("bytes invalid in the encoding given", async () => {
    const { dir, db, before } = await setUp();
    const path = join(dir, "cp1251.csv");
    const rows = Array.from({ length: 50 }, (_, i) => `ООО «Вектор ${i}»,1831083343,ИП Иванов`);
    writeFileSync(
      path,
      iconv.encode(["отправитель,инн получателя,получатель", ...rows].join("\n"), "win1251"),
    );
    await expectRefused(
      db,
      before,
      [path, "--as", "customs", "--encoding", "utf-8"],
      /^error \[encoding_invalid\] cp1251\.csv row:1: bytes that are not valid utf8/,
    );
  });

  it("a runaway quote, stopped at a bounded record size", async () => {
    const { dir, db, before } = await setUp();
    const path = join(dir, "runaway.csv");
    writeFileSync(path, `${customs}2024-03-03,10/3,"Acme ${"x".repeat(3 * 1024 * 1024)}\n`);
    await expectRefused(db, before, [path], /^error \[csv_record_too_large\] runaway\.csv row:4: /);
  });

  it("a mapping naming a missing column", async () => {
    const { dir, db, before } = await setUp();
    writeFileSync(
      join(dir, "map.yml"),
      "entities:\n  seller:\n    schema: Company\n    keys: [vendor]\n    properties:\n      name: {column: vendor}\n",
    );
    await expectRefused(
      db,
      before,
      [join(dir, "good.csv"), "--mapping", join(dir, "map.yml")],
      /^error \[mapping_missing_column\] map\.yml entities\.seller\.properties\.name: column "vendor" is not in good\.csv/,
    );
  });

  it("a broken XLSX", async () => {
    const { dir, db, before } = await setUp();
    const path = join(dir, "broken.xlsx");
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    );
    await expectRefused(
      db,
      before,
      [path, "--as", "customs"],
      /^error \[zip_broken\] broken\.xlsx: not a readable zip file/,
    );
  });

  it("a zip bomb in an XLSX, refused from its directory before inflating", async () => {
    const { dir, db, before } = await setUp();
    const path = join(dir, "bomb.xlsx");
    writeZip(path, {
      "[Content_Types].xml": Buffer.from("<Types/>"),
      "xl/workbook.xml": Buffer.from("<workbook/>"),
      "xl/worksheets/sheet1.xml": Buffer.alloc(64 * 1024 * 1024, 0x20),
    });
    await expectRefused(
      db,
      before,
      [path],
      /^error \[zip_bomb\] bomb\.xlsx entry:xl\/worksheets\/sheet1\.xml: entry xl\/worksheets\/sheet1\.xml would inflate \d+x to 67108864 bytes \(limit 200x\); refused before inflating/,
    );
  });

  it("a file in no evidence format", async () => {
    const { dir, db, before } = await setUp();
    writeFileSync(join(dir, "blob.bin"), Buffer.from([0, 1, 2, 3, 255, 254]));
    await expectRefused(
      db,
      before,
      [join(dir, "blob.bin")],
      /^error \[source_unknown_format\] .*blob\.bin: not evidence sanctrace reads/,
    );
  });
});
