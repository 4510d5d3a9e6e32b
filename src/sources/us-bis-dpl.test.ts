import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { foldAll, readStatements, writeInput } from "../../test/helpers/read-format.js";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { describeListReader } from "./list-reader.case.js";
import { dplId, usBisDplFormat } from "./us-bis-dpl.js";

const HEADER =
  '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"';
const ROWS = [
  '"ALI M HIJAZI"\t""\t"GENEVA"\t""\t"CH"\t""\t"09/01/1981"\t""\t"Y"\t"2000-04-05"\t""\t"46 F.R. 44803 9/8/81"',
  '"ALI M HIJAZI"\t"185 SEPTEMBER STREET"\t"TRIPOLI"\t""\t"LY"\t""\t"09/01/1981"\t""\t"Y"\t"2000-04-05"\t""\t"46 F.R. 44803 9/8/81"',
  '"AL NASER AIRLINES"\t"P.O. BOX 28360"\t"DUBAI"\t""\t"AE"\t""\t"05/13/2022"\t"11/09/2022"\t"Y"\t"2022-05-18"\t"TDO RENEWAL"\t"87 F.R. 30173 5/18/2022"',
];

describe("BIS Denied Persons List reader", () => {
  it("keys a denial by name and order date, merging its address rows", async () => {
    const file = await writeInput("dpl.txt", [HEADER, ...ROWS, ""].join("\n"));
    const entities = foldAll(await readStatements(usBisDplFormat, [file]));
    const person = dplId("ALI M HIJAZI", "09/01/1981");
    const airline = dplId("AL NASER  AIRLINES", "05/13/2022");
    expect(
      Object.fromEntries([...entities].map(([id, e]) => [id, [e.schema, e.properties]])),
    ).toEqual({
      [person]: [
        "Person",
        {
          name: ["ALI M HIJAZI"],
          address: ["GENEVA, CH", "185 SEPTEMBER STREET, TRIPOLI, LY"],
          country: ["ch", "ly"],
          topics: ["export.control"],
        },
      ],
      [`${person}-sanction`]: [
        "Sanction",
        {
          entity: [person],
          authority: ["Bureau of Industry and Security"],
          program: ["Denied Persons List"],
          startDate: ["1981-09-01"],
          listingDate: ["1981-09-01"],
          provisions: ["Standard denial order"],
          reason: ["Federal Register: 46 F.R. 44803 9/8/81"],
        },
      ],
      [airline]: [
        "Company",
        {
          name: ["AL NASER AIRLINES"],
          address: ["P.O. BOX 28360, DUBAI, AE"],
          country: ["ae"],
          topics: ["export.control"],
        },
      ],
      [`${airline}-sanction`]: [
        "Sanction",
        {
          entity: [airline],
          authority: ["Bureau of Industry and Security"],
          program: ["Denied Persons List"],
          startDate: ["2022-05-13"],
          endDate: ["2022-11-09"],
          listingDate: ["2022-05-13"],
          provisions: ["Standard denial order"],
          reason: ["Federal Register: 87 F.R. 30173 5/18/2022"],
        },
      ],
    });
  });

  it("claims the DPL by its header and nothing else", async () => {
    const dpl = await writeInput("anything.csv", `${HEADER}\n`);
    const other = await writeInput("dpl.txt", "Name\tAddress\n");
    expect(usBisDplFormat.claim([dpl, other])).toEqual([dpl]);
  });
});

describe.skipIf(skipWithoutShared)("DPL reader contract", () => {
  describeListReader({
    format: usBisDplFormat,
    folder: sharedPath("us_bis_trade", "dpl_2022-09.txt"),
    prefix: "us-bis-dpl",
    // A denial is a name under an order; the file repeats it once per address.
    countTargets: () =>
      new Set(
        readFileSync(sharedPath("us_bis_trade", "dpl_2022-09.txt"), "utf8")
          .split("\n")
          .slice(1)
          .filter((line) => line.trim())
          .map((line) => line.split("\t").map((cell) => cell.replace(/^"|"$/g, "")))
          .map((cells) => `${cells[0]!.replace(/\s+/g, " ").trim()}|${cells[6]}`),
      ).size,
  });
});
