import { describe, expect, it } from "vitest";
import type { Fact, ReferenceToken } from "../model/index.js";
import {
  FactPacker,
  linkingIdentifier,
  modelProperties,
  type PackedFacts,
  postingSide,
  referenceNumber,
  unpackColumn,
} from "./fact-pack.js";

const keys = Object.fromEntries(modelProperties().map((name, index) => [name, index + 1]));
const source = "a".repeat(64);

function fact(entityId: string, schema: string, values: string[], locator: string): Fact {
  return { entityId, schema, values, dataset: "case", source, locator };
}

/** Per reference value: the index of its fact in the pack and the number of the id it names. */
function references(packed: PackedFacts): number[] {
  if (packed.form === "json") return [...packed.references];
  const found: number[] = [];
  let at = 0;
  packed.sizes.forEach((size, index) => {
    for (const end = at + size; at < end; at++) {
      const length = packed.lengths[at]!;
      if (length < 0) found.push(index, referenceNumber(length));
    }
  });
  return found;
}

describe("FactPacker", () => {
  it("lays facts out in columns, numbering them on from the last pack", () => {
    const packer = new FactPacker({ keys, firstId: 41 });
    packer.pack([fact("p1", "Company", ["name", "Kupol"], "row:2")]);
    const packed = packer.pack([
      fact("p2", "Company", ["name", "Vector", "innCode", "7700000001"], "row:3"),
      fact("s1", "Sanction", ["entity", "p2", "authority", "OFAC", "unscId", "KPi.033"], "row:4"),
      fact("p3", "Company", [], "row:5"),
    ]);
    if (packed.form !== "columns") throw new Error("columns are packed by default");
    expect(packed.firstId).toBe(42);
    expect(unpackColumn(packed.entityIds, 3)).toEqual(["p2", "s1", "p3"]);
    expect(unpackColumn(packed.locators, 3)).toEqual(["row:3", "row:4", "row:5"]);
    expect(packed.statements).toBe(5);
    expect([...packed.schemas].map((at) => packed.schemata[at])).toEqual([
      "Company",
      "Sanction",
      "Company",
    ]);
    expect([...packed.sizes]).toEqual([2, 3, 0]);
    expect([...packed.keys]).toEqual([
      keys.name,
      keys.innCode,
      keys.entity,
      keys.authority,
      keys.unscId,
    ]);
    // The reference to p2 is its number (0), the other values their lengths in `values`.
    expect([...packed.lengths]).toEqual([6, 10, referenceNumber(0), 4, 7]);
    expect(packed.values).toBe("Vector7700000001OFACKPi.033");
    expect([...packed.escaped]).toEqual([]);
    expect(packed.referenceValues).toEqual(["p2"]);
  });

  it("writes props JSON, noting references, identifiers and targets, when it packs JSON", () => {
    const packer = new FactPacker({ keys, firstId: 41 });
    packer.pack([fact("p1", "Company", ["name", "Kupol"], "row:2")]);
    const packed = packer.pack(
      [
        fact("p2", "Company", ["name", 'ООО "Вектор"', "innCode", "7700000001"], "row:3"),
        fact("s1", "Sanction", ["entity", "p2", "authority", "OFAC", "unscId", "KPi.033"], "row:4"),
        fact("p3", "Company", [], "row:5"),
      ],
      "json",
    );
    if (packed.form !== "json") throw new Error("a JSON pack was asked for");
    expect(packed.firstId).toBe(42);
    expect(unpackColumn(packed.entityIds, 3)).toEqual(["p2", "s1", "p3"]);
    expect(unpackColumn(packed.props, 3)).toEqual([
      JSON.stringify([keys.name, 'ООО "Вектор"', keys.innCode, "7700000001"]),
      JSON.stringify([keys.entity, "p2", keys.authority, "OFAC", keys.unscId, "KPi.033"]),
      "[]",
    ]);
    expect([...packed.references]).toEqual([1, 0]);
    expect(packed.referenceValues).toEqual(["p2"]);
    // A sanction's UN id identifies no party: only the INN goes to the identifier side table.
    expect([...packed.identifiers]).toEqual([0, keys.innCode]);
    expect(JSON.parse(packed.identifierValues)).toEqual(["7700000001"]);
    expect(packed.targets).toEqual(["p2"]);
    expect(packed.statements).toBe(5);
  });

  describe.each(["columns", "json"] as const)("in %s packs", (form) => {
    it("numbers each id referred to once, restarting at a pack past the limit", () => {
      const packer = new FactPacker({ keys, firstId: 1 }, 3);
      const owns = (id: string, ...assets: string[]) =>
        assets.map((asset, at) =>
          fact(`${id}-${at}`, "Ownership", ["owner", id, "asset", asset], "row:2"),
        );
      const first = packer.pack(owns("o1", "a1", "a2"), form);
      expect([references(first), first.referenceValues, first.restartReferences]).toEqual([
        [0, 0, 0, 1, 1, 0, 1, 2],
        ["o1", "a1", "a2"],
        false,
      ]);
      const second = packer.pack(owns("o1", "a3"), form);
      expect([references(second), second.referenceValues, second.restartReferences]).toEqual([
        [0, 0, 0, 1],
        ["o1", "a3"],
        true,
      ]);
      const third = packer.pack(owns("o1", "a3"), form);
      expect([references(third), third.referenceValues, third.restartReferences]).toEqual([
        [0, 0, 0, 1],
        [],
        false,
      ]);
    });

    it("numbers an id once per round by the token standing for it, in any packer", () => {
      const owner: ReferenceToken = { id: "o1", number: -1, round: -1 };
      const asset = (id: string): ReferenceToken => ({ id, number: -1, round: -1 });
      const [a1, a2] = [asset("a1"), asset("a2")];
      const owns = (tokens: ReferenceToken[], ...ids: string[]) => ({
        ...fact(`own-${ids.join("-")}`, "Ownership", ["owner", "o1", "asset", ids[0]!], "row:2"),
        references: tokens,
      });
      const packer = new FactPacker({ keys, firstId: 1 }, 3);
      const first = packer.pack([owns([owner, a1], "a1"), owns([owner, a2], "a2")], form);
      expect([references(first), first.referenceValues]).toEqual([
        [0, 0, 0, 1, 1, 0, 1, 2],
        ["o1", "a1", "a2"],
      ]);
      // A token that is not the value's (a column mapped to a reference) is passed over.
      const second = packer.pack([owns([a1], "a1"), owns([asset("elsewhere"), owner], "a2")], form);
      expect([references(second), second.referenceValues, second.restartReferences]).toEqual([
        [0, 0, 0, 1, 1, 0, 1, 2],
        ["o1", "a1", "a2"],
        true,
      ]);
      // Another packer numbers afresh, whatever the tokens carry from this one.
      const other = new FactPacker({ keys, firstId: 1 }).pack([owns([owner, a2], "a2")], form);
      expect([references(other), other.referenceValues]).toEqual([
        [0, 0, 0, 1],
        ["o1", "a2"],
      ]);
    });
  });

  it("keeps a NUL inside values, and refuses one in an id or locator", () => {
    const packer = new FactPacker({ keys, firstId: 1 });
    const packed = packer.pack([fact("p1", "Company", ["name", "A\u0000B", "name", "C"], "row:2")]);
    if (packed.form !== "columns") throw new Error("columns are packed by default");
    // Values stand as in JSON: the NUL escaped (and noted), no longer a NUL.
    expect([packed.values, [...packed.lengths], [...packed.escaped]]).toEqual([
      "A\\u0000BC",
      [8, 1],
      [0],
    ]);
    expect(() =>
      packer.pack([fact("p2", "Company", ["name", "C"], "sheet:a\u0000 row:2")]),
    ).toThrow(expect.objectContaining({ code: "store_nul_character" }));
  });

  it("refuses a property the schema lacks", () => {
    const packer = new FactPacker({ keys, firstId: 1 });
    expect(() => packer.pack([fact("p1", "Company", ["colour", "red"], "row:2")])).toThrow(
      expect.objectContaining({ code: "ftm_unknown_property" }),
    );
  });
});

describe("linkingIdentifier", () => {
  it("holds the identifiers of matchable schemata, not those of records never matched", () => {
    for (const prop of ["innCode", "ogrnCode", "imoNumber", "leiCode", "registrationNumber"]) {
      expect(linkingIdentifier(prop)).toBe(true);
    }
    for (const prop of ["ccdNumber", "vedCode", "unscId", "caseNumber", "name"]) {
      expect(linkingIdentifier(prop)).toBe(false);
    }
    expect(postingSide("EconomicActivity", "ccdNumber")).toBeUndefined();
    expect(postingSide("Company", "innCode")).toBe("identifiers");
  });
});
