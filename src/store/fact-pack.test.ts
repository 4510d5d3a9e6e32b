import { describe, expect, it } from "vitest";
import type { Fact, ReferenceToken } from "../model/index.js";
import {
  FactPacker,
  linkingIdentifier,
  modelProperties,
  postingSide,
  unpackColumn,
} from "./fact-pack.js";

const keys = Object.fromEntries(modelProperties().map((name, index) => [name, index + 1]));
const source = "a".repeat(64);

function fact(entityId: string, schema: string, values: string[], locator: string): Fact {
  return { entityId, schema, values, dataset: "case", source, locator };
}

describe("FactPacker", () => {
  it("packs facts into columns, numbering them on from the last pack", () => {
    const packer = new FactPacker({ keys, firstId: 41 });
    packer.pack([fact("p1", "Company", ["name", "Kupol"], "row:2")]);
    const packed = packer.pack([
      fact("p2", "Company", ["name", "Vector", "innCode", "7700000001"], "row:3"),
      fact("s1", "Sanction", ["entity", "p2", "authority", "OFAC", "unscId", "KPi.033"], "row:4"),
    ]);
    expect(packed.firstId).toBe(42);
    expect(unpackColumn(packed.entityIds, 2)).toEqual(["p2", "s1"]);
    expect(unpackColumn(packed.locators, 2)).toEqual(["row:3", "row:4"]);
    expect(unpackColumn(packed.props, 2).map((props) => JSON.parse(props))).toEqual([
      [keys.name, "Vector", keys.innCode, "7700000001"],
      [keys.entity, "p2", keys.authority, "OFAC", keys.unscId, "KPi.033"],
    ]);
    expect([...packed.schemas].map((at) => packed.schemata[at])).toEqual(["Company", "Sanction"]);
    expect([...packed.references]).toEqual([1, 0]);
    expect(packed.referenceValues).toEqual(["p2"]);
    // A sanction's UN id identifies no party: only the INN goes to the identifier side table.
    expect([...packed.identifiers]).toEqual([0, keys.innCode]);
    expect(JSON.parse(packed.identifierValues)).toEqual(["7700000001"]);
    expect(packed.targets).toEqual(["p2"]);
    expect(packed.statements).toBe(5);
  });

  it("numbers each id referred to once, restarting at a pack past the limit", () => {
    const packer = new FactPacker({ keys, firstId: 1 }, 3);
    const owns = (id: string, ...assets: string[]) =>
      assets.map((asset, at) =>
        fact(`${id}-${at}`, "Ownership", ["owner", id, "asset", asset], "row:2"),
      );
    const first = packer.pack(owns("o1", "a1", "a2"));
    expect([[...first.references], first.referenceValues, first.restartReferences]).toEqual([
      [0, 0, 0, 1, 1, 0, 1, 2],
      ["o1", "a1", "a2"],
      false,
    ]);
    const second = packer.pack(owns("o1", "a3"));
    expect([[...second.references], second.referenceValues, second.restartReferences]).toEqual([
      [0, 0, 0, 1],
      ["o1", "a3"],
      true,
    ]);
    const third = packer.pack(owns("o1", "a3"));
    expect([[...third.references], third.referenceValues, third.restartReferences]).toEqual([
      [0, 0, 0, 1],
      [],
      false,
    ]);
  });

  it("keeps a NUL inside values, and refuses one in an id or locator", () => {
    const packer = new FactPacker({ keys, firstId: 1 });
    const packed = packer.pack([fact("p1", "Company", ["name", "A\u0000B"], "row:2")]);
    expect(JSON.parse(unpackColumn(packed.props, 1)[0]!)).toEqual([keys.name, "A\u0000B"]);
    expect(() =>
      packer.pack([fact("p2", "Company", ["name", "C"], "sheet:a\u0000 row:2")]),
    ).toThrow(expect.objectContaining({ code: "store_nul_character" }));
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
    const first = packer.pack([owns([owner, a1], "a1"), owns([owner, a2], "a2")]);
    expect([[...first.references], first.referenceValues]).toEqual([
      [0, 0, 0, 1, 1, 0, 1, 2],
      ["o1", "a1", "a2"],
    ]);
    // A token that is not the value's (a column mapped to a reference) is passed over.
    const second = packer.pack([owns([a1], "a1"), owns([asset("elsewhere"), owner], "a2")]);
    expect([[...second.references], second.referenceValues, second.restartReferences]).toEqual([
      [0, 0, 0, 1, 1, 0, 1, 2],
      ["o1", "a1", "a2"],
      true,
    ]);
    // Another packer numbers afresh, whatever the tokens carry from this one.
    const other = new FactPacker({ keys, firstId: 1 }).pack([owns([owner, a2], "a2")]);
    expect([[...other.references], other.referenceValues]).toEqual([
      [0, 0, 0, 1],
      ["o1", "a2"],
    ]);
  });

  it("writes props JSON as JSON.stringify does, escapes included", () => {
    const values = ['ООО "Ромашка"', "a\\b", "tab\there\nline", "\u0001\u001f", "", "😀 ok"];
    values.push("lone \ud800 high", "lone \udc00 low", "plain 中文 text", "\u2028\u007f");
    const packer = new FactPacker({ keys, firstId: 1 });
    const packed = packer.pack([
      fact(
        "p1",
        "Company",
        values.flatMap((value) => ["name", value]),
        "row:2",
      ),
      fact("p2", "Company", [], "row:3"),
    ]);
    const pairs = values.flatMap((value) => [keys.name, value]);
    expect(unpackColumn(packed.props, 2)).toEqual([JSON.stringify(pairs), "[]"]);
  });

  it("escapes a value that recurs at its place, and an id each time it is referred to", () => {
    const packer = new FactPacker({ keys, firstId: 1 });
    const facts = [
      fact("p1", "Company", ["name", 'A "B"', "country", "ru"], "row:2"),
      fact("p2", "Company", ["name", 'A "B"', "country", "ru"], "row:3"),
      fact("p3", "Company", ["name", "plain", "country", "ru"], "row:4"),
      fact("o1", "Ownership", ["owner", 'id "1"', "asset", "p1"], "row:5"),
      fact("o2", "Ownership", ["owner", 'id "1"', "asset", "p1"], "row:6"),
    ];
    const packs = [packer.pack(facts.slice(0, 4)), packer.pack(facts.slice(4))];
    const props = packs.flatMap((packed) =>
      unpackColumn(packed.props, packed.schemas.length).map((json) => JSON.parse(json)),
    );
    expect(props).toEqual(
      facts.map(({ values }) =>
        values.map((value, at) => (at % 2 ? value : keys[value as keyof typeof keys])),
      ),
    );
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
