import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

interface DatasetLine {
  dataset: string;
  targets: number;
  loaded_at?: string;
}

const withoutLoadTime = (text: string) =>
  jsonLines<DatasetLine>(text).map(({ loaded_at: _loadedAt, ...rest }) => rest);

/** Entries of an OFAC primary file: lines opening with an ent_num. */
const countEntries = (path: string) =>
  readFileSync(path, "latin1")
    .split("\n")
    .filter((line) => /^\d+,/.test(line)).length;

describe.skipIf(skipWithoutShared)("sanctrace lists load on the OFAC SDN list", () => {
  const db = join(tempDir(), "w.db");
  const folder = () => sharedPath("ofac_sdn_2023-12-28");
  let first: { lists: string; kupol: string };

  beforeAll(async () => {
    const load = await cli("--db", db, "--json", "lists", "load", folder());
    expect(load.stderr).toBe("");
    first = {
      lists: (await cli("--db", db, "--json", "lists")).stdout,
      kupol: (await cli("--db", db, "--json", "entity", "ofac-46431")).stdout,
    };
  }, 300_000);

  it("counts one target per entry of sdn.csv", () => {
    const [summary] = jsonLines<DatasetLine>(first.lists);
    expect(countEntries(join(folder(), "sdn.csv"))).toBe(13821);
    expect(summary).toMatchObject({
      dataset: "us_ofac_sdn",
      targets: countEntries(join(folder(), "sdn.csv")),
    });
  });

  it("shows the Kupol plant with its INN and OGRN, every value with its row", () => {
    const kupol = JSON.parse(first.kupol) as {
      schema: string;
      properties: Record<string, string[]>;
      statements: Array<{ prop: string; value: string; source: string; locator: string }>;
    };
    expect(kupol.schema).toBe("Company");
    expect(kupol.properties).toMatchObject({
      name: ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"],
      innCode: ["1831083343"],
      ogrnCode: ["1021801143374"],
      country: ["ru"],
    });
    const cited = (prop: string) =>
      kupol.statements.filter((s) => s.prop === prop).map((s) => [s.value, s.locator]);
    expect([cited("innCode"), cited("ogrnCode")]).toEqual([
      [["1831083343", "row:13484"]],
      [["1021801143374", "row:13484"]],
    ]);
    for (const statement of kupol.statements) {
      expect(statement.source).toMatch(/^[0-9a-f]{64}$/);
      expect(statement.locator).toMatch(/^row:\d+$/);
    }
  });

  it("loads the same files twice to the same counts and entities", async () => {
    const again = await cli("--db", db, "--json", "lists", "load", folder());
    expect(again.code).toBe(0);
    expect(withoutLoadTime((await cli("--db", db, "--json", "lists")).stdout)).toEqual(
      withoutLoadTime(first.lists),
    );
    expect((await cli("--db", db, "--json", "entity", "ofac-46431")).stdout).toBe(first.kupol);
  }, 300_000);

  const spoil: Record<string, (dir: string) => void> = {
    "a file cut inside a field": (dir) => {
      const sdn = readFileSync(join(dir, "sdn.csv"), "utf8");
      writeFileSync(join(dir, "sdn.csv"), `${sdn}99999,"CUT SHO`);
    },
    "invalid UTF-8": (dir) => {
      const alt = readFileSync(join(dir, "alt.csv"));
      const at = alt.indexOf("\n") + 10;
      const bad = Buffer.concat([alt.subarray(0, at), Buffer.from([0xff]), alt.subarray(at)]);
      writeFileSync(join(dir, "alt.csv"), bad);
    },
    "aliases from another publication": (dir) => {
      copyFileSync(join(folder(), "alt.csv"), join(dir, "alt.csv"));
    },
  };

  it.each([
    ["a file cut inside a field", "csv_unclosed_quote", "sdn.csv row:18"],
    ["invalid UTF-8", "encoding_invalid_utf8", "alt.csv row:2"],
    ["aliases from another publication", "ofac_unknown_entity", "alt.csv row:1"],
  ])("refuses %s, naming the file and row, and keeps the store", async (what, code, path) => {
    const dir = tempDir();
    for (const name of ["sdn.csv", "add.csv", "alt.csv"]) {
      copyFileSync(sharedPath("ofac_fixture_17", name), join(dir, name));
    }
    spoil[what]!(dir);
    const run = await cli("--db", db, "lists", "load", dir);
    expect(run.code).toBe(1);
    expect(run.stderr.startsWith(`error [${code}] ${path}: `)).toBe(true);
    const lists = (await cli("--db", db, "--json", "lists")).stdout;
    expect(withoutLoadTime(lists)).toEqual(withoutLoadTime(first.lists));
  });
});
