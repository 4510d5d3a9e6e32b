import { describe, expect, it } from "vitest";
import { parseAmount, parseDate, parseDateFormat } from "./values.js";

describe("parseDate", () => {
  it.each([
    ["01.02.2024", "2024-02-01"],
    ["2024/02/01", "2024-02-01"],
    ["2024-02-01", "2024-02-01"],
    ["2024-02-01T10:00:00Z", "2024-02-01"],
    ["01/02/2024", "2024-02-01"],
    ["12/31/2024", "2024-12-31"],
    ["31/12/24", "2024-12-31"],
    ["1 February 2024", "2024-02-01"],
    ["01-Feb-2024", "2024-02-01"],
    ["Feb 1, 2024", "2024-02-01"],
    ["1 февраля 2024 г.", "2024-02-01"],
    ["2024年2月1日", "2024-02-01"],
    ["2024-02", "2024-02"],
    ["31.02.2024", undefined],
    ["soon", undefined],
  ])("%s -> %s", (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it("reads month-first when told so", () => {
    expect(parseDate("01/02/2024", "mdy")).toBe("2024-01-02");
  });

  it("reads strptime formats from mappings", () => {
    expect(parseDateFormat("02/01/2024", "%m/%d/%Y")).toBe("2024-02-01");
    expect(parseDateFormat("01.02.24", "%d.%m.%y")).toBe("2024-02-01");
    expect(parseDateFormat("2024-02-01", "%d.%m.%Y")).toBeUndefined();
  });
});

describe("parseAmount", () => {
  it.each([
    ["1 234 567,89", "1234567.89"],
    ["1\u00a0234\u00a0567,89", "1234567.89"],
    ["1,234,567.89", "1234567.89"],
    ["1.234.567,89", "1234567.89"],
    ["1'234'567.89", "1234567.89"],
    ["1234567", "1234567"],
    ["1,234", "1234"],
    ["12,5", "12.5"],
    ["0.75", "0.75"],
    ["USD 1,200.00", "1200.00"],
    ["¥1,200", "1200"],
    ["1 200 руб.", "1200"],
    ["-15,20", "-15.20"],
    ["(300.10)", "-300.10"],
    ["1,23,4", undefined],
    ["n/a", undefined],
  ])("%s -> %s", (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });
});
