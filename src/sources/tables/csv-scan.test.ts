import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SanctraceError } from "../../model/index.js";
import { TableScanner } from "./csv-scan.js";

const problem = (code: string, message: string, record: number) =>
  new SanctraceError(code, message, `t.csv row:${record}`);

/** Scan `text` cut into chunks at `cuts` (byte offsets). */
function scan(text: string, cuts: number[] = [], maxRecord = 1 << 20): string[][] {
  const bytes = Buffer.from(text);
  const records: string[][] = [];
  const scanner = new TableScanner(",", maxRecord, problem);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.write(bytes.subarray(from, Math.max(from, cut)), (cells) => records.push(cells));
    from = Math.max(from, cut);
  }
  scanner.write(bytes.subarray(from), (cells) => records.push(cells));
  scanner.end((cells) => records.push(cells));
  return records;
}

describe("TableScanner", () => {
  it("reads quotes, escaped quotes, delimiters and line ends inside quotes, CRLF and a BOM", () => {
    expect(scan('\uFEFFa,"b, ""c""",d\r\n"multi\nline",,"" \nlast,"Ж"')).toEqual([
      ["a", 'b, "c"', "d"],
      ["multi\nline", "", '"" '],
      ["last", "Ж"],
    ]);
  });

  it("gives the same records as csv-parse, however the input is cut into chunks", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zЖ中 .-]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n Ж]{0,6}$/).map((text) => `"${text.replaceAll('"', '""')}"`),
    );
    const record = fc.array(cell, { minLength: 2, maxLength: 4 }).map((cells) => cells.join(","));
    const table = fc.tuple(
      fc.array(record, { minLength: 1, maxLength: 6 }),
      fc.constantFrom("\n", "\r\n"),
    );
    fc.assert(
      fc.property(table, fc.array(fc.nat(200), { maxLength: 5 }), ([records, end], cuts) => {
        const text = records.join(end) + end;
        const expected = parse(text, { relax_column_count: true, relax_quotes: true });
        expect(scan(text, cuts)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a quote left open to the end and a record past the size bound, with its row", () => {
    expect(() => scan('a,b\nc,"d\n')).toThrow(
      expect.objectContaining({ code: "csv_quote_not_closed", path: "t.csv row:2" }),
    );
    expect(() => scan(`a,b\nc,"${"x".repeat(100)}\n`, [20, 40, 60, 80], 32)).toThrow(
      expect.objectContaining({ code: "csv_record_too_large", path: "t.csv row:2" }),
    );
  });
});
