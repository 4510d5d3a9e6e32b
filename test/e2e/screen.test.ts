import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

interface ScreenLine {
  query: { id?: string };
  results: Array<{ id: string; match: boolean }>;
}

function writeLines(path: string, values: object[]): string {
  writeFileSync(path, values.map((value) => JSON.stringify(value)).join("\n"));
  return path;
}

/** `query id -> matching ids` of a screen's output. */
function hitsOf(output: string): Record<string, string[]> {
  return Object.fromEntries(
    jsonLines<ScreenLine>(output)
      .map(
        (line) =>
          [line.query.id ?? "", line.results.filter((r) => r.match).map((r) => r.id)] as const,
      )
      .filter(([, ids]) => ids.length),
  );
}

describe("match, screen and compare on small lists", () => {
  const dir = tempDir();
  const db = join(dir, "w.db");
  const list = (entities: object[]) => writeLines(join(dir, "watch.ftm.json"), entities);
  const kupol = {
    id: "w-1",
    schema: "Company",
    properties: { name: ["Kupol JSC"], country: ["ru"] },
  };
  const petrov = {
    id: "w-2",
    schema: "Person",
    properties: { name: ["Ivan Petrov"], birthDate: ["1970-03-01"] },
  };

  it("matches one name and prints the screen shape with --json", async () => {
    const empty = await cli("--db", db, "match", "Kupol");
    expect(empty.stderr).toBe(
      "error [no_lists_loaded] no sanctions list is loaded; run `sanctrace lists load PATH` or `sanctrace lists update`\n",
    );
    await cli("--db", db, "lists", "load", list([kupol, petrov]));
    const run = await cli("--db", db, "--json", "match", "АО Купол", "--country", "ru");
    expect(JSON.parse(run.stdout)).toMatchInlineSnapshot(`
      {
        "query": {
          "properties": {
            "country": [
              "ru",
            ],
            "name": [
              "АО Купол",
            ],
          },
          "schema": "LegalEntity",
        },
        "results": [
          {
            "caption": "Kupol JSC",
            "datasets": [
              "watch",
            ],
            "features": {
              "name_similarity": 1,
            },
            "id": "w-1",
            "match": true,
            "schema": "Company",
            "score": 1,
          },
        ],
      }
    `);
    const table = await cli("--db", db, "match", "Petrov Ivan", "--birth-date", "1970-03-01");
    expect(table.stdout).toMatchInlineSnapshot(`
      "score  match  id   schema  caption      datasets
      1.000  yes    w-2  Person  Ivan Petrov  watch
      "
    `);
    const bad = await cli("--db", db, "match", "x", "--threshold", "7");
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'error [option_invalid] --threshold expects a number from 0 to 1, got "7"\n',
    ]);
  });

  it("screens a file, audits the run and reports only new hits after a list update", async () => {
    const input = writeLines(join(dir, "parties.jsonl"), [
      { id: "p-1", schema: "Company", properties: { name: ["Kupol"] } },
      { id: "p-2", schema: "Person", properties: { name: ["Petrov, Ivan"] } },
      { id: "p-3", schema: "Company", properties: { name: ["Alabuga Special Economic Zone"] } },
    ]);
    const out = join(dir, "first.jsonl");
    const first = await cli("--db", db, "screen", "--input", input, "--out", out);
    expect(first.stdout).toMatch(
      /^screened 3 queries against watch: 2 hits for 2 queries, 2 new since no earlier run \(run [0-9a-f-]{36}\)\n$/,
    );
    expect(hitsOf(readFileSync(out, "utf8"))).toEqual({ "p-1": ["w-1"], "p-2": ["w-2"] });
    const alabuga = {
      id: "w-3",
      schema: "Company",
      properties: { name: ["Alabuga SEZ", "Alabuga Special Economic Zone"] },
    };
    await cli("--db", db, "lists", "load", list([kupol, petrov, alabuga]));
    const update = await cli("--db", db, "screen", "--input", input, "--new-only");
    expect(hitsOf(update.stdout)).toEqual({ "p-3": ["w-3"] });
    const history = jsonLines<{ counts: object; previous_run: string | null; runId: string }>(
      (await cli("--db", db, "--json", "screen", "--history")).stdout,
    );
    expect(history.map((run) => run.counts)).toEqual([
      { queries: 3, matched_queries: 3, hits: 3, new_hits: 1 },
      { queries: 3, matched_queries: 2, hits: 2, new_hits: 2 },
    ]);
    expect(history[0]!.previous_run).toBe(history[1]!.runId);
  });

  it("reads CSV queries and refuses unknown columns with the row", async () => {
    const csv = join(dir, "parties.csv");
    writeFileSync(
      csv,
      "id,name,schema,birth_date\nc-1,Ivan Petrov,Person,1970-03-01\nc-2,Kupol,Company,\n",
    );
    const run = await cli("--db", db, "screen", "--input", csv);
    expect(hitsOf(run.stdout)).toEqual({ "c-1": ["w-2"], "c-2": ["w-1"] });
    writeFileSync(csv, "name,colour\nKupol,red\n");
    const bad = await cli("--db", db, "screen", "--input", csv);
    expect(bad.stderr).toBe(
      'error [csv_unknown_column] parties.csv row:2: column "colour" is not a property of LegalEntity\n',
    );
  });

  it("compares pairs", async () => {
    const pairs = writeLines(join(dir, "pairs.jsonl"), [
      {
        a: { schema: "Company", properties: { name: ["OOO Kupol"] } },
        b: { schema: "Company", properties: { name: ["Kupol LLC"] } },
      },
      {
        a: { schema: "Person", properties: { name: ["Ivan Petrov"] } },
        b: { schema: "Company", properties: { name: ["Ivan Petrov"] } },
      },
    ]);
    const run = await cli("compare", "--input", pairs);
    expect(jsonLines(run.stdout)).toMatchInlineSnapshot(`
      [
        {
          "features": {
            "name_similarity": 1,
          },
          "match": true,
          "score": 1,
        },
        {
          "features": {
            "name_similarity": 1,
            "schema_mismatch": 1,
          },
          "match": false,
          "score": 0,
        },
      ]
    `);
    writeFileSync(pairs, '{"a": {"schema": "Company", "properties": {}}}\n');
    const bad = await cli("compare", "--input", pairs);
    expect(bad.stderr).toBe(
      'error [compare_invalid] pairs.jsonl line:1: each line needs "a" and "b" entities\n',
    );
  });
});

describe.skipIf(skipWithoutShared)("screening across an OFAC list update", () => {
  it("reports the designations added between 2023-12-28 and 2024-05-03", {
    timeout: 240_000,
  }, async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    const input = join(dir, "parties.csv");
    writeFileSync(
      input,
      [
        "id,name,schema,country",
        'p1,"Chongqing Zongshen Aero Engine Manufacturing Co., Ltd.",Company,cn',
        "p2,Joint Stock Company Militech,Company,ru",
        "p3,Vladimir Viktorovich Khromov,Person,ru",
        "p4,OOO Bitriver Rus,Company,ru",
        "p5,Laserchips FZCO,Company,ae",
        "p6,Acme Bicycle Repair Ltd,Company,gb",
      ].join("\n"),
    );
    await cli("--db", db, "lists", "load", sharedPath("ofac_sdn_2023-12-28"));
    const before = hitsOf((await cli("--db", db, "screen", "--input", input)).stdout);
    await cli("--db", db, "lists", "load", sharedPath("ofac_sdn_2024-05-03"));
    const fresh = hitsOf((await cli("--db", db, "screen", "--input", input, "--new-only")).stdout);
    const after = hitsOf((await cli("--db", db, "screen", "--input", input)).stdout);
    expect(before).toMatchObject({ p4: ["ofac-36458"], p5: ["ofac-46724"] });
    expect(fresh).toMatchObject({
      p1: expect.arrayContaining(["ofac-48810"]),
      p2: expect.arrayContaining(["ofac-48608"]),
      p3: expect.arrayContaining(["ofac-47782"]),
    });
    // What --new-only printed is exactly the full run's hits minus those of the run before it.
    const expected = Object.fromEntries(
      Object.entries(after)
        .map(([query, ids]) => [query, ids.filter((id) => !before[query]?.includes(id))] as const)
        .filter(([, ids]) => ids.length),
    );
    expect(fresh).toEqual(expected);
    expect(fresh.p5).toBeUndefined();
  });
});
