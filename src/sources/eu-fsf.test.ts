import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import { sharedData, sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { batchStatements, foldStatements, type Statement } from "../model/index.js";
import { euFsfFormat } from "./eu-fsf.js";
import { parseNameAliases, quotedStrings } from "./eu-names.js";
import { expandPaths, probeFile, toSourceInputs } from "./files.js";
import { describeListReader } from "./list-reader.case.js";

const FILE = "eu_fsf_2022-09-13_derived/merged_dataset.csv";

/** One designation per data row of the merge. */
const countDesignations = () =>
  (parse(readFileSync(sharedPath(FILE)), { relax_column_count: true }) as string[][]).length - 1;

async function readFolder(folder: string) {
  const probes = await Promise.all((await expandPaths([folder])).map(probeFile));
  const inputs = await toSourceInputs(euFsfFormat.claim(probes));
  const statements: Statement[] = [];
  for await (const batch of euFsfFormat.read(inputs, { dataset: "eu_fsf" }))
    statements.push(...batchStatements(batch));
  return statements;
}

if (sharedData) {
  describeListReader({
    format: euFsfFormat,
    folder: sharedPath("eu_fsf_2022-09-13_derived"),
    prefix: "eu-fsf",
    countTargets: countDesignations,
  });
}

describe("EU name columns", () => {
  it("parses the Python-printed alias list and quoted remarks", () => {
    expect(
      parseNameAliases(
        "[{'logicalId': '1190', 'firstName': 'Abdul Rahman', 'lastName': 'Yasin', 'wholeName': 'Abdul Rahman Yasin', 'gender': 'M', 'strong': '1'}, {'wholeName': \"Mu'min\", 'strong': '0'}]",
      ),
    ).toEqual([
      {
        logicalId: "1190",
        firstName: "Abdul Rahman",
        lastName: "Yasin",
        wholeName: "Abdul Rahman Yasin",
        gender: "M",
        strong: true,
      },
      { wholeName: "Mu'min", strong: false },
    ]);
    expect(quotedStrings("['Abdulqader AL-BAGHDADI', 'Title: Dr']")).toEqual([
      "Abdulqader AL-BAGHDADI",
      "Title: Dr",
    ]);
  });
});

describe.skipIf(skipWithoutShared)("EU FSF merged list", () => {
  it("reads a designation with its aliases and its Sanction", async () => {
    const statements = await readFolder(sharedPath("eu_fsf_2022-09-13_derived"));
    const fold = (id: string) => foldStatements(statements.filter((s) => s.entityId === id));
    expect(fold("eu-fsf-506")).toMatchObject({
      schema: "Person",
      properties: {
        name: ["Abd al-Hadi al-Iraqi"],
        alias: [
          "Abu Abdallah",
          "Abdal Al-Hadi Al-Iraqi",
          "Nashwan Abd Al-Razzaq Abd Al-Baqi",
          "Abu Ayub",
          "Abd al-Muhayman",
          "Abd al-Hadi al-Ansari",
          "Abdul Hadi al-Taweel",
          "Abdul Hadi Arif Ali",
          "Omar Uthman Mohammed",
        ],
        birthDate: ["1961"],
      },
    });
    expect(fold("eu-fsf-506-sanction").properties).toEqual({
      entity: ["eu-fsf-506"],
      authority: ["European Union"],
      country: ["eu"],
      program: ["TAQA"],
      authorityId: ["EU.3204.81"],
      provisions: ["both travel and financial sanction"],
      sourceUrl: [
        "http://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:32016R0013&from=EN",
      ],
      description: ["2016/13 (OJ L4/10)"],
      listingDate: ["2016-01-07"],
    });
    expect(
      new Set(statements.filter((s) => s.entityId === "eu-fsf-506").map((s) => s.locator)),
    ).toEqual(new Set(["row:80"]));
  });

  it("refuses a row cut short, naming its row", async () => {
    const dir = tempDir();
    const lines = readFileSync(sharedPath(FILE), "utf8").split("\r\n");
    writeFileSync(
      join(dir, "merged_dataset.csv"),
      [...lines.slice(0, 5), lines[5]!.slice(0, 80)].join("\r\n"),
    );
    await expect(readFolder(dir)).rejects.toMatchObject({
      code: "csv_unclosed_quote",
      path: "merged_dataset.csv row:6",
    });
  });
});
