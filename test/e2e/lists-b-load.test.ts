import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

interface DatasetLine {
  dataset: string;
  entities: number;
  targets: number;
  statements: number;
  loaded_at: string;
}

const read = (...parts: string[]) => readFileSync(sharedPath(...parts), "utf8");

/** List subjects counted straight from the files, without the readers. */
function expectedTargets(): Record<string, number> {
  const un = read("un_sc_consolidated_2026-02-27", "consolidated.xml");
  const sema = read("canada_sema_2020-04", "sema-lmes.xml");
  const dpl = read("us_bis_trade", "dpl_2022-09.txt")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split("\t").map((cell) => cell.replace(/^"|"$/g, "")));
  // A DPL denial is a name under an order; its rows repeat it per address.
  const denials = new Set(
    dpl.map((cells) => `${cells[0]!.replace(/\s+/g, " ").trim()}|${cells[6]}`),
  );
  const csl = ["csl_sample_2019.csv", "csl_sample_2025.csv"].flatMap(
    (file) => parse(read("us_bis_trade", file), { columns: true }) as Array<Record<string, string>>,
  );
  // CSL parties: the row id when given, else list + name + start date (rows per address).
  const parties = new Set(
    csl.map(
      (row) =>
        row._id || row.entity_number || `${row.source}|${row.name?.trim()}|${row.start_date}`,
    ),
  );
  const rule = read("us_bis_trade", "federal_register_2023-03929_entity_list_additions.xml");
  const ruleNames = new Set([...rule.matchAll(/<ENT>\s*([^<]+?), a\.k\.a\./g)].map((m) => m[1]));
  return {
    un_sc_sanctions:
      (un.match(/<INDIVIDUAL>/g)?.length ?? 0) + (un.match(/<ENTITY>/g)?.length ?? 0),
    ca_sema: sema.match(/<record>/g)?.length ?? 0,
    us_bis_dpl: denials.size,
    us_trade_csl: parties.size,
    us_bis_entity_list: ruleNames.size,
  };
}

const FOLDERS = ["un_sc_consolidated_2026-02-27", "canada_sema_2020-04", "us_bis_trade"];

async function loadAll(db: string): Promise<DatasetLine[]> {
  const run = await cli(
    "--db",
    db,
    "--json",
    "lists",
    "load",
    ...FOLDERS.map((f) => sharedPath(f)),
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return jsonLines<DatasetLine>(run.stdout);
}

describe.skipIf(skipWithoutShared)("loading the UN, Canada and US list folders", () => {
  it("counts as many targets as the files list, and reloads byte-identically", async () => {
    const db = join(tempDir(), "w.db");
    const first = await loadAll(db);
    const targets = Object.fromEntries(first.map((line) => [line.dataset, line.targets]));
    expect(targets).toEqual(expectedTargets());
    expect(targets.un_sc_sanctions).toBe(1003);
    expect(targets.us_bis_entity_list).toBe(10);

    const ids = ["unsc-6908046", "ca-sema-russia-1-94", "us-trade-csl-52291"];
    const show = async () =>
      Promise.all(ids.map(async (id) => (await cli("--db", db, "--json", "entity", id)).stdout));
    const shownBefore = await show();
    const counts = (lines: DatasetLine[]) => lines.map(({ loaded_at: _, ...rest }) => rest);
    const second = await loadAll(db);
    expect(counts(second)).toEqual(counts(first));
    expect(await show()).toEqual(shownBefore);
  });

  it("gives every value of a UN entity a locator into the file", async () => {
    const db = join(tempDir(), "w.db");
    await cli("--db", db, "lists", "load", sharedPath("un_sc_consolidated_2026-02-27"));
    const view = JSON.parse((await cli("--db", db, "--json", "entity", "unsc-6908670")).stdout) as {
      schema: string;
      properties: Record<string, string[]>;
      statements: Array<{ prop: string; locator: string; dataset: string }>;
    };
    expect(view.schema).toBe("Organization");
    expect(view.properties.name).toEqual(["CHONMYONG SHIPPING CO"]);
    expect(view.properties.imoNumber).toEqual(["IMO5571322"]);
    // Its position among the file's ENTITY elements, found without the reader.
    const records = read("un_sc_consolidated_2026-02-27", "consolidated.xml").split("<ENTITY>");
    const position = records.findIndex((record) => record.includes("<DATAID>6908670</DATAID>"));
    const subject = view.statements.filter((statement) => statement.prop !== "entity");
    expect(subject.length).toBeGreaterThan(5);
    for (const statement of subject) {
      expect(statement.locator).toMatch(
        new RegExp(`^xpath:/CONSOLIDATED_LIST/ENTITIES/ENTITY\\[${position}\\](/|$)`),
      );
    }
  });

  it("refuses a DOCTYPE in a list folder and keeps the store as it was", async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    await cli("--db", db, "lists", "load", sharedPath("canada_sema_2020-04"));
    const before = (await cli("--db", db, "--json", "lists")).stdout;
    const evil = join(dir, "consolidated.xml");
    const text = read("un_sc_consolidated_2026-02-27", "consolidated.xml");
    writeFileSync(
      evil,
      text.replace(
        "<CONSOLIDATED_LIST",
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST',
      ),
    );
    const run = await cli("--db", db, "lists", "load", evil);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "error [xml_doctype_refused] consolidated.xml line:2: XML with a DOCTYPE or entity declarations is refused before expansion (billion laughs, external entities); official lists have none: fetch the file again\n",
    );
    expect((await cli("--db", db, "--json", "lists")).stdout).toBe(before);
  });

  it("refuses a truncated DPL and keeps the store as it was", async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    await cli("--db", db, "lists", "load", sharedPath("us_bis_trade", "dpl_2022-09.txt"));
    const before = (await cli("--db", db, "--json", "lists")).stdout;
    const cut = join(dir, "dpl.txt");
    const text = read("us_bis_trade", "dpl_2022-09.txt");
    writeFileSync(cut, text.slice(0, text.indexOf('"AARON ABRAHAM VILLA"') + 40));
    const run = await cli("--db", db, "lists", "load", cut);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[csv_unclosed_quote\] dpl\.txt row:3: /);
    expect((await cli("--db", db, "--json", "lists")).stdout).toBe(before);
  });
});
