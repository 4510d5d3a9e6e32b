import { describe, expect, it } from "vitest";
import { batchStatements } from "../../model/index.js";
import { builtinMapping, type TableKind } from "./builtins.js";
import { compileMapping } from "./compile.js";

/** A deterministic pick from `choices`, so the rows mix spellings, gaps and repeats. */
function pick<T>(choices: T[], row: number, salt: number): T {
  return choices[(row * 7919 + salt * 104729) % choices.length]!;
}

const NAMES = [
  "ООО «Вектор»",
  "ооо вектор",
  "  ООО «Вектор» ",
  "Sichuan AEE Technology Co., Ltd.",
  "SICHUAN AEE TECHNOLOGY CO LTD",
  "深圳天空科技有限公司",
  "Иванов Иван",
  "Acme Trading",
  "",
];
const IDS = [
  "1831083343",
  "1027700132195",
  "91440300MA5FUTURE1",
  "5493001KJTIIGC8Y1R12",
  "",
  "x-1",
];
const COUNTRIES = ["Китай", "CN", "China", "КНР", "", "Atlantis"];
const DATES = ["01.02.2024", "2024-03-05", "1 февраля 2024", "2024年2月1日", "", "someday"];
const AMOUNTS = ["1 234 567,89", "1,234.50", "12000", "", "n/a", "51%"];

/** `rows` rows of `columns`, each cell from the choices its column name asks for. */
function rowsOf(columns: string[], rows: number): string[][] {
  return Array.from({ length: rows }, (_, row) =>
    columns.map((column, salt) => {
      if (/inn|bic|account|id$/.test(column)) return pick(IDS, row, salt);
      if (/country|origin|jurisdiction/.test(column)) return pick(COUNTRIES, row, salt);
      if (/date|incorporat/.test(column)) return pick(DATES, row, salt);
      if (/amount|total|price|value|share|quantity/.test(column)) return pick(AMOUNTS, row, salt);
      if (/currency/.test(column)) return pick(["USD", "CNY", ""], row, salt);
      if (/hs|ccd|number|invoice$|reference/.test(column)) return `${8806 + (row % 3)}/${row % 4}`;
      return pick(NAMES, row, salt);
    }),
  );
}

const TABLES: Record<TableKind, string[]> = {
  customs: [
    "date",
    "ccd number",
    "sender",
    "sender inn",
    "sender country",
    "receiver",
    "receiver inn",
    "receiver country",
    "declarant",
    "declarant inn",
    "hs code",
    "goods description",
    "origin country",
    "departure country",
    "destination country",
    "invoice amount",
    "currency",
    "customs value",
  ],
  payments: [
    "payment date",
    "payer",
    "payer inn",
    "payer account",
    "payer bank",
    "payer bic",
    "beneficiary",
    "beneficiary account",
    "beneficiary bank",
    "amount",
    "currency",
    "purpose",
    "reference",
  ],
  registry: ["company", "inn", "ogrn", "jurisdiction", "owner", "owner inn", "share", "director"],
  invoices: ["invoice", "date", "seller", "buyer", "goods", "quantity", "unit price", "currency"],
};

describe("compileMapping", () => {
  // The statements of each built-in, line for line: a faster mapper must state the same.
  it.each(Object.keys(TABLES) as TableKind[])("maps a %s table", (kind) => {
    const columns = TABLES[kind];
    const map = compileMapping(builtinMapping(kind, columns, "t.csv"), columns, {
      dataset: "case",
      source: "f".repeat(64),
      table: "t.csv",
    });
    const lines = rowsOf(columns, 60).flatMap((cells, index) =>
      batchStatements({ facts: map(cells, `row:${index + 2}`) }).map((s) =>
        [s.locator, s.entityId.slice(0, 12), s.schema, s.prop, s.value].join(" | "),
      ),
    );
    expect(lines.join("\n")).toMatchSnapshot();
  });
});

describe("compileMapping party ids", () => {
  it("keeps ids and states values once when a name has more register numbers than are cached", () => {
    const columns = ["date", "ccd number", "receiver", "receiver inn", "hs code"];
    const map = compileMapping(builtinMapping("customs", columns, "t.csv"), columns, {
      dataset: "case",
      source: "f".repeat(64),
      table: "t.csv",
    });
    // One name, 40 numbers (past the 16 cached per name), met twice.
    const rows = Array.from({ length: 80 }, (_, row) => [
      "01.02.2024",
      `ccd-${row}`,
      "Vector LLC",
      String(7700000000 + (row % 40)),
      "8806",
    ]);
    const facts = rows.map((cells, index) => map(cells, `row:${index + 2}`));
    const receivers = facts.map((row) => row.find((fact) => fact.schema === "EconomicActivity"));
    const parties = facts.map((row) => row.filter((fact) => fact.schema !== "EconomicActivity"));
    const idOf = (row: number) =>
      receivers[row]!.values[receivers[row]!.values.indexOf("receiver") + 1];
    expect(parties.slice(0, 40).map((row) => row.length)).toEqual(Array(40).fill(1));
    expect(parties.slice(40).flat()).toEqual([]);
    expect(rows.map((_, row) => idOf(row))).toEqual(rows.map((_, row) => idOf(row % 40)));
    expect(new Set(rows.map((_, row) => idOf(row))).size).toBe(40);
  });
});

describe("compileMapping references", () => {
  it("gives each fact the tokens of the parties it refers to, one per role and spelling", () => {
    const columns = TABLES.customs;
    const map = compileMapping(builtinMapping("customs", columns, "t.csv"), columns, {
      dataset: "case",
      source: "f".repeat(64),
      table: "t.csv",
    });
    const roles = ["sender", "receiver", "declarant"];
    const bySpelling = new Map<string, object>();
    let reused = 0;
    rowsOf(columns, 60).forEach((cells, index) => {
      const fact = map(cells, `row:${index + 2}`).find((f) => f.schema === "EconomicActivity")!;
      const { values } = fact;
      const linked = values.filter((_, at) => at % 2 === 1 && roles.includes(values[at - 1]!));
      // In the order of the values they stand for.
      expect(fact.references?.map((token) => token.id) ?? []).toEqual(linked);
      const spellings = roles
        .map((role) => [
          role,
          cells[columns.indexOf(role)]!,
          cells[columns.indexOf(`${role} inn`)]!,
        ])
        .filter(([, name, inn]) => name!.trim() || inn!.trim())
        .map((key) => key.map((cell) => cell!.trim()).join("|"));
      fact.references?.forEach((token, at) => {
        // A party in a role and spelling met before: the token of the row it was first met in.
        const before = bySpelling.get(spellings[at]!);
        if (before) expect(token).toBe(before);
        reused += before ? 1 : 0;
        bySpelling.set(spellings[at]!, token);
      });
    });
    expect(reused).toBeGreaterThan(60);
  });
});
