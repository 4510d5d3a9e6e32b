import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { isoDates } from "./dates.js";
import { parseRemarks, refineIdentifier } from "./identifiers.js";

const parsed = new Map<string, string[][]>();

/** The rows of a shared CSV whose column `column` is `key` (OFAC: ent_num; UK: row id). */
function sharedRows(file: string, column: number, key: string, encoding: BufferEncoding) {
  let rows = parsed.get(file);
  if (!rows) {
    const text = readFileSync(sharedPath(file), encoding).replace(/\x1a\s*$/, "");
    rows = parse(text, { relax_column_count: true }) as string[][];
    parsed.set(file, rows);
  }
  return rows.filter((row) => row[column] === key);
}

const ofacRemarks = (entNum: string) =>
  sharedRows("ofac_sdn_2023-12-28/sdn.csv", 0, entNum, "latin1")[0]![11]!;

describe("parseRemarks on formats named in the issue", () => {
  it("splits glued Russian codes", () => {
    expect(parseRemarks("INN: 7700000000OGRN: 1000000000000")).toEqual([
      { prop: "innCode", value: "7700000000" },
      { prop: "ogrnCode", value: "1000000000000" },
    ]);
  });

  it("reads dash-separated codes", () => {
    expect(parseRemarks("OGRN – 1027700285612; INN – 7713226814; KPP - 770701001")).toEqual([
      { prop: "ogrnCode", value: "1027700285612" },
      { prop: "innCode", value: "7713226814" },
      { prop: "kppCode", value: "770701001" },
    ]);
  });

  it("leaves words that only look like codes alone", () => {
    expect(parseRemarks("Holiday Inn; INNOVATION CENTRE; arabic BIC text")).toEqual([]);
  });
});

describe.skipIf(skipWithoutShared)("parseRemarks on real list rows", () => {
  it("reads the Kupol plant (OFAC 46431)", () => {
    expect(parseRemarks(ofacRemarks("46431"))).toEqual([
      { prop: "website", value: "www.kupol.ru" },
      { prop: "incorporationDate", value: "2002-04-23" },
      { prop: "incorporationDate", value: "1957" },
      { prop: "innCode", value: "1831083343", country: "ru" },
      { prop: "okpoCode", value: "07502963", country: "ru" },
      { prop: "ogrnCode", value: "1021801143374", country: "ru" },
    ]);
  });

  it("reads a company with a link (OFAC 41921)", () => {
    expect(parseRemarks(ofacRemarks("41921"))).toEqual([
      { prop: "incorporationDate", value: "2016" },
      { prop: "innCode", value: "9701058069", country: "ru" },
      { prop: "ogrnCode", value: "5167746431694", country: "ru" },
      { prop: "linkedTo", value: "NEXIGN JOINT STOCK COMPANY" },
    ]);
  });

  it("reads a person (OFAC 21164)", () => {
    expect(parseRemarks(ofacRemarks("21164"))).toEqual([
      { prop: "birthDate", value: "1968-12-22" },
      { prop: "birthPlace", value: "Moscow, Russia" },
      { prop: "birthPlace", value: "St. Petersburg, Russia" },
      { prop: "nationality", value: "ru" },
      { prop: "gender", value: "male" },
      { prop: "passportNumber", value: "643267034", country: "ru" },
      { prop: "innCode", value: "773600308808", country: "ru" },
      { prop: "linkedTo", value: "AO ABR MANAGEMENT" },
    ]);
  });

  it("reads a vessel (OFAC 4243)", () => {
    expect(parseRemarks(ofacRemarks("4243"))).toEqual([
      { prop: "imoNumber", value: "IMO7406784" },
      { prop: "previousName", value: "ANA I" },
      { prop: "previousName", value: "SAND SWAN" },
    ]);
  });

  it("reads glued codes in the UK list (GAC0072, RUS1501)", () => {
    const file = "uk_sanctions_list_2026-05_derived/subject_identifiers.csv";
    const raw = (id: string) => sharedRows(file, 0, id, "utf8")[0]![3]!;
    expect(parseRemarks(raw("21335"))).toEqual([
      { prop: "ogrnCode", value: "1247700291200" },
      { prop: "kppCode", value: "770701001" },
      { prop: "innCode", value: "9707028663" },
    ]);
    expect(parseRemarks(raw("45623"))).toEqual([{ prop: "ogrnCode", value: "321547600026521" }]);
    expect(parseRemarks(raw("45624"))).toEqual([{ prop: "taxNumber", value: "041104686952" }]);
  });

  it("reads SWIFT codes in UN comments", () => {
    const xml = readFileSync(sharedPath("un_sc_consolidated_2026-02-27/consolidated.xml"), "utf8");
    const comment = /<COMMENTS1>(SWIFT: DCBKKPPY[^<]*)<\/COMMENTS1>/.exec(xml)![1]!;
    expect(parseRemarks(comment)).toEqual([{ prop: "swiftBic", value: "DCBKKPPY" }]);
  });
});

describe("refineIdentifier", () => {
  it("uses country and shape to pick the property", () => {
    expect([
      refineIdentifier("taxNumber", "7710140679", "ru"),
      refineIdentifier("taxNumber", "7710140679", "ua"),
      refineIdentifier("registrationNumber", "1027700285612", "ru"),
      refineIdentifier("idNumber", "IMO 5532651"),
      refineIdentifier("leiCode", "12345"),
      refineIdentifier("swiftBic", "044525225"),
    ]).toEqual([
      { prop: "innCode", value: "7710140679" },
      { prop: "taxNumber", value: "7710140679" },
      { prop: "ogrnCode", value: "1027700285612" },
      { prop: "imoNumber", value: "IMO5532651" },
      { prop: "registrationNumber", value: "12345" },
      { prop: "bikCode", value: "044525225" },
    ]);
  });
});

describe("isoDates", () => {
  it("reads the date forms of the lists", () => {
    expect(
      isoDates("26 Sep 1946 to 07 Dec 1946; circa 1960; Apr 2002; 2002-04-23; 5/3/1970"),
    ).toEqual(["1946-09-26", "1946-12-07", "1960", "2002-04", "2002-04-23", "1970-03-05"]);
  });
});
