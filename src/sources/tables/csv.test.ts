import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/helpers/cli.js";
import { probeFile, toSourceInputs } from "../files.js";
import { openCsv } from "./csv.js";
import type { TableRow } from "./table.js";

async function readTable(bytes: Buffer, options: { encoding?: string } = {}) {
  const path = join(tempDir(), "t.csv");
  writeFileSync(path, bytes);
  const [file] = await toSourceInputs([await probeFile(path)]);
  const table = openCsv(file!, options);
  const rows: TableRow[] = [];
  for await (const batch of table.rows) rows.push(...batch);
  return { columns: table.columns, encoding: table.encoding, rows };
}

// An empty line and a cell over two lines: each record is one spreadsheet row.
const text =
  "отправитель;получатель;товар\r\nООО «Вектор»;深圳天空科技有限公司;БПЛА\r\n\r\n" +
  'ИП Иванов;"Двигатель\r\nA140";КНР\r\n';
const rows = [
  { row: 2, cells: ["ООО «Вектор»", "深圳天空科技有限公司", "БПЛА"] },
  { row: 4, cells: ["ИП Иванов", "Двигатель\r\nA140", "КНР"] },
];

describe("openCsv", () => {
  it.each([
    ["utf8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["utf16le", iconv.encode(text, "utf16le", { addBOM: true })],
    ["utf16be", iconv.encode(text, "utf16be")],
    ["gb18030", iconv.encode(text, "gb18030")],
  ])("reads %s with spreadsheet row numbers", async (encoding, bytes) => {
    expect(await readTable(bytes, { encoding })).toEqual({
      columns: ["отправитель", "получатель", "товар"],
      encoding,
      rows,
    });
  });

  const cyrillic = 'получатель;товар\nООО Вектор;БПЛА\n\nИП Иванов;"Двигатель\nA140"\n';
  const cyrillicRows = [
    { row: 2, cells: ["ООО Вектор", "БПЛА"] },
    { row: 4, cells: ["ИП Иванов", "Двигатель\nA140"] },
  ];
  it.each([
    ["win1251", cyrillic, cyrillicRows],
    ["koi8r", cyrillic, cyrillicRows],
    [
      "big5",
      '寄件人;貨物\n台北公司;無人機\n\n高雄公司;"引擎\nA140"\n',
      [
        { row: 2, cells: ["台北公司", "無人機"] },
        { row: 4, cells: ["高雄公司", "引擎\nA140"] },
      ],
    ],
  ])("reads %s", async (encoding, local, expected) => {
    expect((await readTable(iconv.encode(local, encoding), { encoding })).rows).toEqual(expected);
  });

  it("refuses bytes invalid in UTF-8, with the row they are in", async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `a${i},b`);
    const bytes = Buffer.concat([Buffer.from(`x,y\n${lines.join("\n")}\n`), Buffer.from([0xff])]);
    await expect(readTable(bytes)).rejects.toMatchObject({
      code: "encoding_invalid",
      path: "t.csv row:30002",
    });
  });
});
