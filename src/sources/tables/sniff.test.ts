import { describe, expect, it } from "vitest";
import { sniffLayout } from "./sniff.js";

describe("sniffLayout", () => {
  it("finds a semicolon table with a Russian header", () => {
    const text =
      "Дата;Отправитель;Сумма\n01.02.2024;ООО «Вектор»;1 234,50\n02.02.2024;АО «Купол»;10,00\n";
    expect(sniffLayout(text)).toEqual({
      delimiter: ";",
      headerIndex: 0,
      hasHeader: true,
      columns: ["Дата", "Отправитель", "Сумма"],
    });
  });

  it("prefers the delimiter that splits rows consistently over commas inside quotes", () => {
    const text = 'name\tamount\n"Acme, Inc."\t1,200.00\n"Foo Co., Ltd."\t3,000\n';
    expect(sniffLayout(text)?.delimiter).toBe("\t");
  });

  it("skips title lines above the header", () => {
    const text =
      "Customs export 2024\n\ndate,ccd,sender\n2024-01-01,1/2/3,Acme\n2024-01-02,1/2/4,Beta\n";
    expect(sniffLayout(text)).toMatchObject({ headerIndex: 2, columns: ["date", "ccd", "sender"] });
  });

  it("names columns when there is no header", () => {
    const text = "Acme,2024-01-01,100\nBeta,2024-01-02,200\n";
    expect(sniffLayout(text)).toMatchObject({
      hasHeader: false,
      columns: ["column_1", "column_2", "column_3"],
    });
  });

  it("reads the records before a quoted cell that the sample cuts off", () => {
    // A file's first bytes may end inside a quoted cell holding a line break (an address).
    const text =
      'name,address\nAcme,"1 Main St"\nBeta,"2 Side St\nFloor 3"\nGamma,"3 Long Rd\nUnit';
    expect(sniffLayout(text)).toEqual({
      delimiter: ",",
      headerIndex: 0,
      hasHeader: true,
      columns: ["name", "address"],
    });
  });

  it("finds nothing in prose", () => {
    expect(sniffLayout("Just one line of prose without separators\n")).toBeUndefined();
  });
});
