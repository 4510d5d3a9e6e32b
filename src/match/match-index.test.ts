import { describe, expect, it } from "vitest";
import type { EntityRecord } from "../model/index.js";
import { buildMatchIndex } from "./match-index.js";

function entity(
  id: string,
  schema: string,
  properties: Record<string, string[]>,
  dataset = "list",
): EntityRecord {
  return { id, schema, caption: properties.name?.[0] ?? id, properties, datasets: [dataset] };
}

const entities = [
  entity("putin", "Person", {
    name: ["Vladimir Vladimirovich Putin"],
    alias: ["Путин Владимир"],
    birthDate: ["1952-10-07"],
  }),
  entity("putina", "Person", { name: ["Lyudmila Putina"] }),
  entity(
    "kupol",
    "Company",
    { name: ["АО «ИЭМЗ «Купол»"], alias: ["IEMZ Kupol JSC"], innCode: ["1831083343"] },
    "other",
  ),
  entity("kupol-llc", "Company", { name: ["Kupol LLC"] }),
  entity("vessel", "Vessel", { name: ["Yevgeny Primakov"], imoNumber: ["9321483"] }),
];

const summary = (hits: { id: string; score: number; match: boolean }[]) =>
  hits.map(({ id, score, match }) => ({ id, score, match }));

describe("buildMatchIndex", () => {
  it("finds a person across scripts, word order and a dropped patronymic", async () => {
    const index = await buildMatchIndex(entities);
    expect(index.size).toBe(5);
    expect(
      summary(index.match({ schema: "Person", properties: { name: ["Putin Vladimir"] } })),
    ).toEqual([{ id: "putin", score: 1, match: true }]);
    expect(
      summary(
        index.match({
          schema: "Person",
          properties: { name: ["Владимир Путин"], birthDate: ["1952"] },
        }),
      ),
    ).toEqual([{ id: "putin", score: 1, match: true }]);
  });

  it("finds companies by name and by identifier, and filters by schema, dataset and exclusion", async () => {
    const index = await buildMatchIndex(entities);
    const kupol = { schema: "Company", properties: { name: ["Kupol"] } };
    // IEMZ Kupol JSC scores 0.4545: its bound (an extra word costs an organization 1.5) is below 0.7.
    expect(summary(index.match(kupol))).toEqual([{ id: "kupol-llc", score: 1, match: true }]);
    expect(summary(index.match(kupol, { datasets: ["other"], threshold: 0.4 }))).toEqual([
      { id: "kupol", score: 0.4545, match: true },
    ]);
    expect(summary(index.match(kupol, { exclude: (id) => id === "kupol" }))).toEqual([
      { id: "kupol-llc", score: 1, match: true },
    ]);
    const byInn = {
      schema: "Company",
      properties: { name: ["Izhevsk plant"], innCode: ["1831083343"] },
    };
    expect(summary(index.match(byInn))).toEqual([{ id: "kupol", score: 0.6, match: false }]);
    // A different INN costs 0.25: Kupol LLC (name 1) is still found, Kupol JSC (0.4545) not.
    const otherInn = {
      schema: "Company",
      properties: { name: ["Kupol"], innCode: ["1831000000"] },
    };
    expect(summary(index.match(otherInn, { threshold: 0.2 }))).toEqual([
      { id: "kupol-llc", score: 1, match: true },
      { id: "kupol", score: 0.2045, match: true },
    ]);
    expect(summary(index.match(otherInn, { threshold: 0.3 }))).toEqual([
      { id: "kupol-llc", score: 1, match: true },
    ]);
    const vessel = { schema: "Vessel", properties: { name: ["Evgeniy Primakov"] } };
    expect(summary(index.match(vessel, { limit: 1 }))).toEqual([
      { id: "vessel", score: 0.9871, match: true },
    ]);
  });

  it("indexes entities added after the build", async () => {
    const index = await buildMatchIndex([]);
    index.add(entities[1]!);
    expect(
      summary(index.match({ schema: "Person", properties: { name: ["Ludmila Putina"] } })),
    ).toEqual([{ id: "putina", score: 0.9846, match: true }]);
  });
});
