import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import { type CsvRow, readCsvRows } from "./csv-rows.js";
import { probeFile } from "./files.js";

async function rowsOf(content: string | Buffer, columns?: number): Promise<CsvRow[]> {
  const path = join(tempDir(), "list.csv");
  writeFileSync(path, content);
  const file = { ...(await probeFile(path)), sha256: "0".repeat(64) };
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(file, columns === undefined ? {} : { columns }))
    rows.push(row);
  return rows;
}

async function errorOf(content: string | Buffer, columns?: number) {
  try {
    await rowsOf(content, columns);
  } catch (error) {
    const { code, path } = error as { code: string; path: string };
    return { code, path };
  }
  return undefined;
}

describe("readCsvRows", () => {
  it("numbers records as rows, quoted line breaks included, and skips a DOS end-of-file byte", async () => {
    const text = '1,"a",-0- \r\n2,"multi\r\nline",x\r\n3,"c",y\r\n\x1a';
    expect(await rowsOf(text, 3)).toEqual([
      { row: 1, values: ["1", "a", "-0- "] },
      { row: 2, values: ["2", "multi\r\nline", "x"] },
      { row: 3, values: ["3", "c", "y"] },
    ]);
  });

  it("refuses a stray quote with the row", async () => {
    expect(await errorOf('1,"a",b\n2,"b"c",d\n')).toEqual({
      code: "csv_bad_quote",
      path: "list.csv row:2",
    });
  });

  it("refuses a file cut inside a quoted field", async () => {
    expect(await errorOf('1,"a",b\n2,"b",c\n3,"cut her')).toEqual({
      code: "csv_unclosed_quote",
      path: "list.csv row:3",
    });
  });

  it("refuses a file cut between fields", async () => {
    expect(await errorOf('1,"a",b\n2,"b",c\n3,"c"', 3)).toEqual({
      code: "csv_column_count",
      path: "list.csv row:3",
    });
  });

  it("refuses invalid UTF-8 with the row", async () => {
    const bytes = Buffer.concat([
      Buffer.from('1,"a",b\n2,"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('",c\n'),
    ]);
    expect(await errorOf(bytes)).toEqual({ code: "encoding_invalid_utf8", path: "list.csv row:2" });
  });
});
