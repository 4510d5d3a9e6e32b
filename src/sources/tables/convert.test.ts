import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { converterFor } from "./convert.js";
import { parseAmount } from "./values.js";

/** The amount-with-unit reading as one regular expression: the reference. */
function referenceAmount(value: string): string {
  const match = /^(.*?)\s*([A-Z]{3}|%)$/.exec(value);
  const [number, unit] = match ? [match[1]!, match[2] === "%" ? "" : match[2]!] : [value, ""];
  const amount = parseAmount(number);
  if (amount === undefined) return value;
  return unit ? `${amount} ${unit}` : amount;
}

describe("converterFor an amount with a unit", () => {
  it("reads `1 234,50 USD` and `51%`", () => {
    const convert = converterFor("EconomicActivity", "invoiceAmount");
    expect(["1 234,50 USD", "51 %", "1,234.50", "12 eur"].map(convert)).toEqual([
      "1234.50 USD",
      "51",
      "1234.50",
      "12 eur",
    ]);
  });

  it("reads what the regular expression reads", () => {
    const convert = converterFor("EconomicActivity", "invoiceAmount");
    const text = fc.stringMatching(/^[0-9 ,.%A-Zа-я\n\t\u00a0-]{0,12}$/);
    fc.assert(
      fc.property(text, (value) => {
        expect(convert(value)).toBe(referenceAmount(value));
      }),
      { numRuns: 5000 },
    );
  });
});
