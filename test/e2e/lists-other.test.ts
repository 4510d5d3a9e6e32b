import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

interface DatasetLine {
  dataset: string;
  targets: number;
  loaded_at?: string;
}

const withoutLoadTime = (text: string) =>
  jsonLines<DatasetLine>(text).map(({ loaded_at: _loadedAt, ...rest }) => rest);

/** Records of a CSV file, parsed on their own (not by the reader under test). */
const records = (path: string) =>
  parse(readFileSync(sharedPath(path)), { relax_column_count: true }) as string[][];

/** Independent counts of list subjects, one per folder. */
const TARGETS: Array<[string, string, () => number]> = [
  ["ofac_fixture_17", "us_ofac_sdn", () => records("ofac_fixture_17/sdn.csv").length],
  [
    "ofac_sdn_2024-05-03",
    "us_ofac_sdn",
    () => records("ofac_sdn_2024-05-03/sdn.csv").filter((row) => row.length === 12).length,
  ],
  [
    "ofac_consolidated_nonsdn_2025-12",
    "us_ofac_cons",
    () =>
      records("ofac_consolidated_nonsdn_2025-12/cons_prim.csv").filter((r) => r.length === 12)
        .length,
  ],
  [
    "uk_sanctions_list_2026-05_derived",
    "gb_sanctions",
    () =>
      new Set(
        records("uk_sanctions_list_2026-05_derived/subjects.csv")
          .slice(1)
          .map((r) => r[0]),
      ).size,
  ],
  [
    "eu_fsf_2022-09-13_derived",
    "eu_fsf",
    () => records("eu_fsf_2022-09-13_derived/merged_dataset.csv").length - 1,
  ],
];

describe.skipIf(skipWithoutShared)("sanctrace lists load on the other list folders", () => {
  it.each(TARGETS)(
    "loads %s as %s with one target per subject, twice alike",
    async (folder, dataset, count) => {
      const db = join(tempDir(), "w.db");
      const load = await cli("--db", db, "--json", "lists", "load", sharedPath(folder));
      expect(load.stderr).toBe("");
      const lists = (await cli("--db", db, "--json", "lists")).stdout;
      expect(jsonLines<DatasetLine>(lists)).toMatchObject([{ dataset, targets: count() }]);
      await cli("--db", db, "--json", "lists", "load", sharedPath(folder));
      expect(withoutLoadTime((await cli("--db", db, "--json", "lists")).stdout)).toEqual(
        withoutLoadTime(lists),
      );
    },
    300_000,
  );

  it("shows a UK subject with statements from each of its tables", async () => {
    const db = join(tempDir(), "w.db");
    await cli("--db", db, "lists", "load", sharedPath("uk_sanctions_list_2026-05_derived"));
    const shown = JSON.parse((await cli("--db", db, "--json", "entity", "gb-RUS0232")).stdout) as {
      properties: Record<string, string[]>;
      statements: Array<{ source_name: string }>;
    };
    expect(shown.properties).toMatchObject({
      innCode: ["7831000122"],
      ogrnCode: ["1027800000084"],
    });
    expect(new Set(shown.statements.map((s) => s.source_name))).toEqual(
      new Set([
        "subjects.csv",
        "subject_names.csv",
        "subject_identifiers.csv",
        "subject_countries.csv",
      ]),
    );
  }, 300_000);
});
