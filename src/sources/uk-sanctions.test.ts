import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import { sharedData, sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { batchStatements, foldStatements, type Statement } from "../model/index.js";
import { expandPaths, probeFile, toSourceInputs } from "./files.js";
import { describeListReader } from "./list-reader.case.js";
import { ukIdentifierFacts } from "./uk-details.js";
import { ukSanctionsFormat } from "./uk-sanctions.js";

const FOLDER = "uk_sanctions_list_2026-05_derived";

/** Distinct unique_id of subjects.csv, its first column (no field there is quoted). */
const countSubjects = () =>
  new Set(
    readFileSync(sharedPath(FOLDER, "subjects.csv"), "utf8")
      .split("\n")
      .slice(1)
      .filter((line) => line.trim())
      .map((line) => line.split(",")[0]),
  ).size;

async function readFolder(folder: string) {
  const probes = await Promise.all((await expandPaths([folder])).map(probeFile));
  const inputs = await toSourceInputs(ukSanctionsFormat.claim(probes));
  const names = new Map(inputs.map((input) => [input.sha256, input.name]));
  const statements: Statement[] = [];
  for await (const batch of ukSanctionsFormat.read(inputs, { dataset: "gb_sanctions" })) {
    statements.push(...batchStatements(batch));
  }
  return { statements, names };
}

if (sharedData) {
  describeListReader({
    format: ukSanctionsFormat,
    folder: sharedPath(FOLDER),
    prefix: "gb",
    countTargets: countSubjects,
  });
}

describe("ukIdentifierFacts", () => {
  it("reads labelled codes, codes named by the note, and bare values by their type", () => {
    expect([
      ukIdentifierFacts(
        "OGRN: 1247700291200KPP: 770701001INN: 9707028663",
        "business_registration_numbers",
        "",
      ),
      ukIdentifierFacts("780708486042", "national", "Russia INN"),
      ukIdentifierFacts("'06FBO2262", "passport", "Afghanistan passport number P04581926"),
      ukIdentifierFacts("9114555", "imo", ""),
    ]).toEqual([
      [
        { prop: "ogrnCode", value: "1247700291200" },
        { prop: "kppCode", value: "770701001" },
        { prop: "innCode", value: "9707028663" },
      ],
      [{ prop: "innCode", value: "780708486042", country: "ru" }],
      [{ prop: "passportNumber", value: "06FBO2262" }],
      [{ prop: "imoNumber", value: "IMO9114555" }],
    ]);
  });
});

describe.skipIf(skipWithoutShared)("UK sanctions list", () => {
  it("joins a subject's tables into one entity, citing each table's row", async () => {
    const { statements, names } = await readFolder(sharedPath(FOLDER));
    const cite = (id: string) =>
      statements
        .filter((s) => s.entityId === id)
        .map((s) => `${s.prop}=${s.value} @${names.get(s.source)} ${s.locator}`);
    expect(cite("gb-RUS0232")).toEqual([
      "topics=sanction @subjects.csv row:2536",
      "name=Bank Rossiya @subject_names.csv row:8320",
      "alias=Bank of Russia @subject_names.csv row:8321",
      "alias=Russia Bank @subject_names.csv row:8322",
      "innCode=7831000122 @subject_identifiers.csv row:18416",
      "licenseNumber=328 @subject_identifiers.csv row:18417",
      "ogrnCode=1027800000084 @subject_identifiers.csv row:18418",
      "country=ru @subject_countries.csv row:58333",
    ]);
    expect(
      foldStatements(statements.filter((s) => s.entityId === "gb-RUS0232-sanction")).properties,
    ).toEqual({
      entity: ["gb-RUS0232"],
      authority: ["UK Foreign, Commonwealth & Development Office (FCDO)"],
      country: ["gb"],
      program: ["RUS"],
      authorityId: ["14177"],
      listingDate: ["2022-02-22"],
      modifiedAt: ["2025-04-09"],
    });
    expect(foldStatements(statements.filter((s) => s.entityId === "gb-RUS0004"))).toMatchObject({
      schema: "Person",
      properties: {
        name: ["Vladimir Petrovich Kononov"],
        firstName: ["Vladimir"],
        secondName: ["Petrovich"],
        lastName: ["Kononov"],
        alias: ["Volodymyr Petrovych Kononov", "Tsar"],
        birthCountry: ["ua"],
        nationality: ["ua"],
      },
    });
  });

  it("refuses a table whose subjects are not in subjects.csv", async () => {
    const dir = tempDir();
    const subjects = readFileSync(sharedPath(FOLDER, "subjects.csv"), "utf8").split("\n");
    writeFileSync(
      join(dir, "subjects.csv"),
      subjects.filter((line) => !line.startsWith("AFG0001,")).join("\n"),
    );
    writeFileSync(
      join(dir, "subject_names.csv"),
      readFileSync(sharedPath(FOLDER, "subject_names.csv")),
    );
    await expect(readFolder(dir)).rejects.toMatchObject({
      code: "gb_unknown_subject",
      path: "subject_names.csv row:2",
    });
  });
});
