import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../../test/helpers/cli.js";
import { batchStatements, foldStatements, type Statement } from "../../model/index.js";
import { probeFile, toSourceInputs } from "../files.js";
import type { SourceFormat } from "../types.js";
import { createTableFormat, tableFormat } from "./format.js";
import { readMapping } from "./mapping.js";

async function readAll(format: SourceFormat, path: string): Promise<Statement[]> {
  const probe = await probeFile(path);
  expect(format.claim([probe])).toEqual([probe]);
  const [file] = await toSourceInputs([probe]);
  const statements: Statement[] = [];
  for await (const batch of format.read([file!], { dataset: "case" }))
    statements.push(...batchStatements(batch));
  return statements;
}

/** Entities by schema and caption, each with its properties and the locators they came from. */
function entitiesOf(statements: Statement[]) {
  const byId = new Map<string, Statement[]>();
  for (const statement of statements) {
    byId.set(statement.entityId, [...(byId.get(statement.entityId) ?? []), statement]);
  }
  const captions = new Map([...byId].map(([id, group]) => [id, foldStatements(group).caption]));
  return [...byId.values()]
    .map((group) => {
      const entity = foldStatements(group);
      const properties = Object.fromEntries(
        Object.entries(entity.properties).map(([prop, values]) => [
          prop,
          values.map((value) => captions.get(value) ?? value),
        ]),
      );
      return {
        schema: entity.schema,
        properties,
        locators: [...new Set(group.map((s) => s.locator))],
      };
    })
    .filter((entity) => entity.schema !== "Table")
    .sort((a, b) =>
      `${a.schema}${a.properties.name}`.localeCompare(`${b.schema}${b.properties.name}`),
    );
}

const russianCustoms =
  "Дата;Номер ДТ;Отправитель;Получатель;ИНН получателя;Код ТН ВЭД;Описание товара;Страна происхождения;Фактурная стоимость;Валюта\n" +
  "01.02.2024;10702070/010224/0001;Sichuan AEE Technology Co., Ltd.;ООО «Вектор»;1831083343;8806219000;БПЛА A140;Китай;1 234 567,89;USD\n" +
  "02.02.2024;10702070/020224/0002;Sichuan AEE Technology Co., Ltd.;ООО «Вектор»;1831083343;8407109000;Двигатель;КНР;12 000,00;CNY\n";

describe("tables format", () => {
  it("reads a Windows-1251 customs table with Russian columns, parties stated once", async () => {
    const path = join(tempDir(), "customs.csv");
    writeFileSync(path, iconv.encode(russianCustoms, "win1251"));
    expect(entitiesOf(await readAll(tableFormat, path))).toEqual([
      {
        schema: "Company",
        properties: { name: ["Sichuan AEE Technology Co., Ltd."] },
        locators: ["row:2"],
      },
      {
        schema: "Company",
        properties: { name: ["ООО «Вектор»"], innCode: ["1831083343"] },
        locators: ["row:2"],
      },
      {
        schema: "EconomicActivity",
        properties: {
          date: ["2024-02-01"],
          ccdNumber: ["10702070/010224/0001"],
          vedCode: ["8806219000"],
          goodsDescription: ["БПЛА A140"],
          originCountry: ["cn"],
          invoiceAmount: ["1234567.89 USD"],
          sender: ["Sichuan AEE Technology Co., Ltd."],
          receiver: ["ООО «Вектор»"],
        },
        locators: ["row:2"],
      },
      {
        schema: "EconomicActivity",
        properties: {
          date: ["2024-02-02"],
          ccdNumber: ["10702070/020224/0002"],
          vedCode: ["8407109000"],
          goodsDescription: ["Двигатель"],
          originCountry: ["cn"],
          invoiceAmount: ["12000.00 CNY"],
          sender: ["Sichuan AEE Technology Co., Ltd."],
          receiver: ["ООО «Вектор»"],
        },
        locators: ["row:3"],
      },
    ]);
  });

  it("gives the same ids on every read, one declaration per row even when rows repeat", async () => {
    const path = join(tempDir(), "repeated.csv");
    const row = "2024-03-01,10/1,Acme Co. Ltd.,Beta LLC,8806\n";
    writeFileSync(path, `date,ccd,sender,receiver,hs code\n${row}${row}`);
    const first = await readAll(createTableFormat({ kind: "customs" }), path);
    expect(await readAll(createTableFormat({ kind: "customs" }), path)).toEqual(first);
    const declarations = first.filter((s) => s.prop === "ccdNumber");
    expect(declarations.map((s) => s.locator)).toEqual(["row:2", "row:3"]);
    expect(new Set(declarations.map((s) => s.entityId)).size).toBe(2);
    // The parties recur: each of their values is stated once, at the first row.
    expect(first.filter((s) => s.prop === "name").map((s) => [s.value, s.locator])).toEqual([
      ["Acme Co. Ltd.", "row:2"],
      ["Beta LLC", "row:2"],
    ]);
  });

  it("reads an XLSX registry with owners and directors", async () => {
    const path = join(tempDir(), "registry.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("companies");
    sheet.addRow([
      "公司名称",
      "统一社会信用代码",
      "国家",
      "成立日期",
      "股东",
      "持股比例",
      "法定代表人",
    ]);
    sheet.addRow([
      "湖南浩天翼航空科技有限公司",
      "91430100MA4L12345Y",
      "中国",
      new Date(Date.UTC(2016, 4, 3)),
      "Li Wei",
      "51%",
      "Li Wei",
    ]);
    await workbook.xlsx.writeFile(path);
    expect(entitiesOf(await readAll(createTableFormat({ kind: "registry" }), path))).toEqual([
      {
        schema: "Company",
        properties: {
          name: ["湖南浩天翼航空科技有限公司"],
          uscCode: ["91430100MA4L12345Y"],
          jurisdiction: ["cn"],
          incorporationDate: ["2016-05-03"],
          registrationNumber: ["91430100MA4L12345Y"],
        },
        locators: ["row:2"],
      },
      {
        schema: "Directorship",
        properties: { director: ["Li Wei"], organization: ["湖南浩天翼航空科技有限公司"] },
        locators: ["row:2"],
      },
      {
        schema: "Ownership",
        properties: {
          owner: ["Li Wei"],
          asset: ["湖南浩天翼航空科技有限公司"],
          percentage: ["51"],
        },
        locators: ["row:2"],
      },
      // Owner and director by the same name are one party.
      { schema: "Person", properties: { name: ["Li Wei"] }, locators: ["row:2"] },
    ]);
  });

  it("maps a table with an FtM mapping file (column, columns+join, literal, format, entity)", async () => {
    const path = join(tempDir(), "wires.tsv");
    writeFileSync(
      path,
      "when\tfrom\tto\tsum\tcity\tstreet\n02/01/2024\tAcme Ltd\tBeta LLC\t1,200.50\tDubai\tSheikh Zayed Rd\n",
    );
    const mapping = readMapping(
      `wires:
  queries:
    - entities:
        payer:
          schema: Company
          keys: [from]
          properties:
            name: {column: from}
            address: {columns: [street, city], join: ", "}
            country: {literal: ae}
        payee:
          schema: Company
          keys: [to]
          properties:
            name: {column: to}
        wire:
          schema: Payment
          keys: [when, from, to, sum]
          properties:
            date: {column: when, format: "%m/%d/%Y"}
            amount: {column: sum}
            payer: {entity: payer}
            beneficiary: {entity: payee}
`,
      "wires.yml",
    );
    expect(entitiesOf(await readAll(createTableFormat({ mapping }), path))).toEqual([
      {
        schema: "Company",
        properties: { name: ["Acme Ltd"], address: ["Sheikh Zayed Rd, Dubai"], country: ["ae"] },
        locators: ["row:2"],
      },
      { schema: "Company", properties: { name: ["Beta LLC"] }, locators: ["row:2"] },
      {
        schema: "Payment",
        properties: {
          date: ["2024-02-01"],
          amount: ["1200.50"],
          payer: ["Acme Ltd"],
          beneficiary: ["Beta LLC"],
        },
        locators: ["row:2"],
      },
    ]);
  });

  it("refuses a mapping naming a column the table lacks, naming the mapping and the column", async () => {
    const path = join(tempDir(), "wires.csv");
    writeFileSync(path, "from,to\nAcme,Beta\n");
    const mapping = readMapping(
      "entities:\n  payer:\n    schema: Company\n    keys: [from]\n    properties:\n      name: {column: payer_name}\n",
      "wires.yml",
    );
    await expect(readAll(createTableFormat({ mapping }), path)).rejects.toMatchObject({
      code: "mapping_missing_column",
      path: "wires.yml entities.payer.properties.name",
      message:
        'wires.yml entities.payer.properties.name: column "payer_name" is not in wires.csv (its columns: from, to)',
    });
  });
});
