import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { scorePair } from "./score.js";

describe.skipIf(skipWithoutShared)("Cyrillic-Latin pairs from RuPEP", () => {
  it("scores every one of the 14,825 pairs at or above 0.7", () => {
    const file = readFileSync(sharedPath("name_matching", "rupep_names_ru_en.csv"));
    const rows = parse(file, { columns: true }) as { name_ru: string; name_en: string }[];
    const missed = rows
      .map((row) => ({
        ...row,
        score: scorePair(
          { schema: "Person", properties: { name: [row.name_ru] } },
          { schema: "Person", properties: { name: [row.name_en] } },
        ).score,
      }))
      .filter((row) => row.score < 0.7);
    expect(rows.length).toBe(14_825);
    expect(missed).toEqual([]);
  });
});
