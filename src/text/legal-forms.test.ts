import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildLegalFormTable } from "../../scripts/generate-legal-forms.js";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import {
  legalFormClass,
  normalizedLegalFormClass,
  splitLegalForms,
  symbolGroups,
} from "./legal-forms.js";
import { nameTokens } from "./normalize.js";
import { numberValue } from "./numbers.js";

describe("legalFormClass", () => {
  it("gives one class to a legal form in any script, abbreviated or spelled out", () => {
    const forms = [
      "OOO",
      "ООО",
      "LLC",
      "Limited Liability Company",
      "Obshchestvo s Ogranichennoy Otvetstvennostyu",
      "Общество с ограниченной ответственностью",
      "AO",
      "JSC",
      "PAO",
      "OAO",
      "ZAO",
      "Co., Ltd.",
      "有限公司",
      "GmbH",
      "Kupol",
    ];
    expect(Object.fromEntries(forms.map((form) => [form, legalFormClass(form)]))).toEqual({
      OOO: "LLC",
      ООО: "LLC",
      LLC: "LLC",
      "Limited Liability Company": "LLC",
      "Obshchestvo s Ogranichennoy Otvetstvennostyu": "LLC",
      "Общество с ограниченной ответственностью": "LLC",
      AO: "JSC",
      JSC: "JSC",
      PAO: "JSC",
      OAO: "JSC",
      ZAO: "JSC",
      "Co., Ltd.": "LLC",
      有限公司: "LLC",
      GmbH: "LLC",
      Kupol: undefined,
    });
  });
});

describe("normalizedLegalFormClass", () => {
  it("classes the tokens of normalized names as legalFormClass classes them raw", () => {
    const names = ["Shenzhen Sky Tech Co., Ltd.", "ООО «Купол»", "АО Вектор", "Alpha GmbH", "JSC"];
    const tokens = names.flatMap((name) => nameTokens(name));
    const classes = tokens.map((token) => normalizedLegalFormClass(token));
    expect(classes.filter(Boolean)).toEqual(["LLC", "LLC", "JSC", "LLC", "JSC"]);
    expect(classes).toEqual(tokens.map((token) => legalFormClass(token)));
  });

  it("does not normalize what it is given", () => {
    expect(normalizedLegalFormClass("OOO")).toBeUndefined();
    expect(legalFormClass("OOO")).toBe("LLC");
  });
});

describe("splitLegalForms", () => {
  it("takes legal forms off both ends of a name and leaves the middle alone", () => {
    const names = [
      "JSC TACTICAL MISSILES CORPORATION",
      "TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY",
      "Bowne Global Solutions II Denmark A/S",
      "ООО «Купол»",
      "LLC",
    ];
    expect(names.map((name) => splitLegalForms(nameTokens(name)))).toEqual([
      { tokens: ["tactical", "missiles", "corporation"], forms: ["JSC"] },
      { tokens: ["tactical", "missiles", "corporation"], forms: ["JSC"] },
      { tokens: ["bowne", "global", "solutions", "ii", "denmark"], forms: ["JSC"] },
      { tokens: ["kupol"], forms: ["LLC"] },
      { tokens: ["llc"], forms: [] },
    ]);
  });
});

describe("symbolGroups and numberValue", () => {
  it("groups organization words across languages", () => {
    expect(
      ["company", "kompaniya", "компания", "bob", "kupol"].map((word) =>
        symbolGroups(nameTokens(word)[0]!),
      ),
    ).toEqual([
      ["org_symbols:co"],
      ["org_symbols:co"],
      ["org_symbols:co"],
      ["person_nick:bob"],
      [],
    ]);
  });

  it("reads digits, ordinals, number words and roman numerals", () => {
    expect(["3", "three", "1st", "first", "xiii", "iv", "v", "kupol"].map(numberValue)).toEqual([
      3,
      3,
      1,
      1,
      13,
      4,
      undefined,
      undefined,
    ]);
  });
});

describe.skipIf(skipWithoutShared)("legal-forms.data.json", () => {
  it("is what scripts/generate-legal-forms.ts makes of the rigour YAML files", () => {
    const committed = JSON.parse(
      readFileSync(new URL("./legal-forms.data.json", import.meta.url), "utf8"),
    );
    const regenerated = JSON.parse(buildLegalFormTable(sharedPath("legal_forms")));
    expect(committed).toEqual(regenerated);
  });
});
