import { describe, expect, it } from "vitest";
import { generateCase } from "./generate-case.js";

function innValid(inn: string): boolean {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(inn[index]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}

describe("generateCase", () => {
  it("gives the same case for the same seed and another for another seed", () => {
    expect(generateCase({ seed: 11, size: 30 })).toEqual(generateCase({ seed: 11, size: 30 }));
    expect(generateCase({ seed: 12, size: 30 })).not.toEqual(generateCase({ seed: 11, size: 30 }));
  });

  it("plants a transshipment chain whose rows and parties all exist", () => {
    const demo = generateCase({ seed: 5, size: 50 });
    const keys = new Set(demo.companies.map((company) => company.key));
    const [chain] = demo.findings;
    expect(chain?.scheme).toBe("transshipment-hub");
    const roles = chain!.companies.map((key) => demo.companies.find((c) => c.key === key)?.role);
    expect(roles).toEqual(["manufacturer", "supplier", "intermediary", "end-user"]);
    const shipments = demo.shipments.filter((s) => chain!.shipments.includes(s.key));
    expect(shipments.length).toBe(20);
    expect(new Set(shipments.map((s) => `${s.origin}>${s.departure}>${s.destination}`))).toEqual(
      new Set(["cn>ae>ru"]),
    );
    for (const s of demo.shipments)
      expect([s.sender, s.receiver, s.declarant].every((k) => keys.has(k))).toBe(true);
    for (const p of demo.payments)
      expect([p.payer, p.beneficiary].every((k) => keys.has(k))).toBe(true);
  });

  it("gives every company a distinct name and valid register numbers", () => {
    const demo = generateCase({ seed: 9, size: 200 });
    const names = demo.companies.map((company) => company.latin);
    expect(new Set(names).size).toBe(names.length);
    const inns = demo.companies.flatMap((company) => company.identifiers.innCode ?? []);
    expect(inns.length).toBeGreaterThan(2);
    expect(inns.filter((inn) => !innValid(inn))).toEqual([]);
  });
});
