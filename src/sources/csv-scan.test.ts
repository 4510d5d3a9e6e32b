import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvScanner, CsvSyntaxError } from "./csv-scan.js";

/** Scan `text` cut into pieces at `cuts`, as the file reader hands it over. */
function scanInPieces(text: string, cuts: number[], delimiter = ","): string[][] {
  const scanner = new CsvScanner(delimiter);
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...scanner.push(text.slice(from, cut), false));
    from = Math.max(from, cut);
  }
  records.push(...scanner.push(text.slice(from), true));
  return records;
}

function reference(text: string, delimiter = ","): string[][] {
  return parse(text, { skip_empty_lines: true, relax_column_count: true, delimiter });
}

const cell = fc.oneof(
  fc.stringMatching(/^[a-z ;-]{0,6}$/),
  fc.stringMatching(/^[a-z ,"\n;]{0,6}$/).map((text) => `"${text.replaceAll('"', '""')}"`),
);
// One line ending per file, as csv-parse detects it from the first; some lines stay empty.
const csvText = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
    fc.constantFrom("\n", "\r\n"),
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  )
  .map(([records, end, blank]) =>
    records.map((record, index) => record.join(",") + end + (blank[index] ? end : "")).join(""),
  );

describe("CsvScanner", () => {
  it("reads what csv-parse reads, however the input is cut", () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(120), { maxLength: 6 }), (text, cuts) => {
        expect(scanInPieces(text, cuts)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it("reads a last record without a line break, and a trailing empty field", () => {
    expect(scanInPieces('a,"b"\r\n1,', [3, 8])).toEqual([
      ["a", "b"],
      ["1", ""],
    ]);
    expect(scanInPieces("x;y\n\n", [], ";")).toEqual([["x", "y"]]);
  });

  it.each([
    ['1,"a",b\n2,"b"c",d\n', "csv_bad_quote", 1],
    ['1,a\n2,b"c,d\n', "csv_bad_quote", 1],
    ['1,"a"\n2,"cut her', "csv_unclosed_quote", 1],
  ])("refuses %j with %s at record %i", (text, code, record) => {
    const error = (() => {
      try {
        scanInPieces(text, [5]);
      } catch (caught) {
        return caught as CsvSyntaxError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect([error?.code, error?.record]).toEqual([code, record]);
  });
});
