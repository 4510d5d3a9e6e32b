import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SanctraceError } from "../../model/index.js";
import { TableScanner } from "./csv-scan.js";

const problem = (code: string, message: string, record: number) =>
  new SanctraceError(code, message, `t.csv row:${record}`);

/** Scan `text` cut into chunks at `cuts` (character offsets). */
function scan(text: string, cuts: number[] = [], maxRecord = 1 << 20): string[][] {
  const records: string[][] = [];
  const scanner = new TableScanner(",", maxRecord, problem);
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...scanner.write(text.slice(from, Math.max(from, cut))));
    from = Math.max(from, cut);
  }
  records.push(...scanner.write(text.slice(from)));
  records.push(...scanner.end());
  return records;
}

describe("TableScanner", () => {
  it("reads quotes, escaped quotes, delimiters and line ends inside quotes, CRLF mixed with LF", () => {
    expect(scan('a,"b, ""c""",d\r\n"multi\nline",,""\n\nlast,"Ж"')).toEqual([
      ["a", 'b, "c"', "d"],
      ["multi\nline", "", ""],
      [""],
      ["last", "Ж"],
    ]);
  });

  it("reads lines ended by a lone CR, and keeps empty lines as records", () => {
    expect(scan('a,b\r\r"c\rd",e\r', [4, 9])).toEqual([["a", "b"], [""], ["c\rd", "e"]]);
  });

  it("keeps stray quotes as written: in an unquoted cell, and after a closing quote", () => {
    const text = 'x,"ACME" Ltd,z\r\nq,"r"\r\n"s"t\r\n"u",ООО "Ромашка"\r\n';
    const expected = [["x", '"ACME" Ltd', "z"], ["q", "r"], ['"s"t'], ["u", 'ООО "Ромашка"']];
    for (const cut of [0, 3, 5, 8, 12, 20, 25, 27]) expect(scan(text, [cut])).toEqual(expected);
    // Papa Parse drops spaces between a closing quote and the delimiter or line end.
    expect(scan('"a" ,"b"  \n')).toEqual([["a", "b"]]);
  });

  it("gives the same records as csv-parse, however the input is cut into chunks", () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zЖ中 .-]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n Ж]{0,6}$/).map((text) => `"${text.replaceAll('"', '""')}"`),
      fc.stringMatching(/^[a-zЖ]{1,4}$/).map((text) => `"${text}"${text}`),
    );
    const record = fc.oneof(
      fc.array(cell, { minLength: 2, maxLength: 4 }).map((cells) => cells.join(",")),
      fc.constant(""),
    );
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
      { numRuns: 500 },
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
