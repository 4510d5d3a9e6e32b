import { describe, expect, it } from "vitest";
import { buildMatchIndex } from "../match/index.js";
import type { EntityRecord } from "../model/index.js";
import type { Party } from "./parties.js";
import { EarlyNames } from "./resolve.js";

function company(id: string, name: string): EntityRecord {
  return {
    id,
    schema: "Company",
    caption: name,
    datasets: ["register"],
    properties: { name: [name] },
  } as EntityRecord;
}

function party(id: string, ...names: string[]): Party {
  return {
    id,
    schema: "Company",
    properties: { name: names },
    locators: { name: "row:2" },
    source: "s",
  };
}

const register = [
  company("kupol", "Kupol JSC"),
  company("kupol-ltd", "Kupol Ltd"),
  company("vector", "Vector LLC"),
];

describe("EarlyNames", () => {
  it("keeps a match found ahead while none of its hits is excluded, and matches a changed party again", async () => {
    const index = await buildMatchIndex(register);
    const early = new EarlyNames(index, () => false);
    const kupol = party("p1", "Kupol JSC");
    expect(early.work()).toBe(false);
    early.queue([kupol, party("p2")]);
    expect(early.work(1000)).toBe(true);
    const found = early.take(kupol, () => false);
    expect(found?.map((hit) => hit.match)).toEqual(["kupol"]);
    expect(found?.[0]).toMatchObject({ party: "p1", decision: "linked", locator: "row:2" });
    // Linked by an identifier at the end: the hits found ahead no longer stand.
    expect(early.take(kupol, (id) => id === "kupol")).toBeUndefined();
    expect(early.take(party("p2"), () => false)).toBeUndefined();
    kupol.properties.name!.push("Vector LLC");
    early.queue([kupol]);
    expect(early.take(kupol, () => false)).toBeUndefined();
    early.work(1000);
    expect(early.take(kupol, () => false)?.map((hit) => hit.match)).toContain("vector");
  });
});
