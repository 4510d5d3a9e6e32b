import { describe, expect, it } from "vitest";
import { generateWorld, worldEntities } from "./index.js";

describe("generateWorld", () => {
  const world = generateWorld({ seed: 21, size: 400 });

  it("gives the same world for the same seed", () => {
    expect(generateWorld({ seed: 21, size: 400 })).toEqual(world);
  });

  it("writes ground truth whose parties, rows and controls all exist", () => {
    const companies = new Set(world.companies.map((c) => c.key));
    const rows = new Set([...world.shipments, ...world.payments].map((r) => r.key));
    for (const finding of world.findings) {
      const parties = [
        ...finding.companies,
        ...(finding.hidden ?? []),
        ...(finding.controls ?? []),
      ];
      expect(parties.filter((key) => !companies.has(key))).toEqual([]);
      expect([...finding.shipments, ...finding.payments].filter((key) => !rows.has(key))).toEqual(
        [],
      );
      expect((finding.hidden ?? []).filter((key) => !finding.companies.includes(key))).toEqual([]);
      expect((finding.controls ?? []).filter((key) => finding.companies.includes(key))).toEqual([]);
    }
  });

  it("plants ownership just above and just below 50%", () => {
    const byKey = new Map(world.companies.map((c) => [c.key, c]));
    const listedShare = (key: string): number =>
      byKey
        .get(key)!
        .owners.filter((o) => o.company && byKey.get(o.company)?.listed)
        .reduce((sum, o) => sum + o.share, 0);
    const shares = world.findings
      .filter((f) => f.scheme.startsWith("ownership"))
      .map((f) => [
        f.scheme,
        Math.max(...[...(f.hidden ?? []), ...(f.controls ?? []), ...f.companies].map(listedShare)),
      ]);
    expect(new Set(shares.map(([scheme, share]) => `${scheme}:${share}`))).toEqual(
      new Set(["ownership-above-50:51", "ownership-above-50:52", "ownership-below-50:49"]),
    );
  });

  it("lists the listed companies with their listing day, and nothing else", () => {
    const { lists } = worldEntities(world);
    const listed = world.companies.filter((c) => c.listed).map((c) => c.key);
    expect(lists.filter((e) => e.schema === "Company").map((e) => e.id)).toEqual(listed);
    expect(
      lists
        .filter((e) => e.schema === "Sanction")
        .every((e) => e.properties.listingDate?.length === 1),
    ).toBe(true);
  });
});
