import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { foldAll, readStatements, writeInput } from "../../test/helpers/read-format.js";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { caSemaFormat, regimeKey } from "./ca-sema.js";
import { describeListReader } from "./list-reader.case.js";

const SAMPLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<data-set xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
	<record>
		<Country>Russia / Russie</Country>
		<LastName>AKIMOV</LastName>
		<GivenName>Andrey Igorevich</GivenName>
		<Aliases> Andrei , Andrej Akimov</Aliases>
		<DateOfBirth>1972-08-10 or 1972-08-11</DateOfBirth>
		<Schedule>1, Part 2</Schedule>
		<Item>94</Item>
	</record>
	<record>
		<Country>Burma / Birmanie</Country>
		<Entity>Htoo Group of Companies</Entity>
		<Aliases>Htoo Trading Company Limited, Htoo Wood Products Pte. Limited</Aliases>
		<Schedule>1</Schedule>
		<Item>8</Item>
	</record>
</data-set>
`;

describe("Canada SEMA reader", () => {
  it("keys regimes by acronym or English name", () => {
    expect(regimeKey("Russia / Russie")).toBe("russia");
    expect(
      regimeKey(
        "Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR) / Règlement (RJVDEC)",
      ),
    ).toBe("jvcfor");
  });

  it("reads people and entities with aliases, birth dates and the regime's sanction", async () => {
    const statements = await readStatements(caSemaFormat, [await writeInput("sema.xml", SAMPLE)]);
    const entities = foldAll(statements);
    expect(
      Object.fromEntries([...entities].map(([id, e]) => [id, [e.schema, e.properties]])),
    ).toEqual({
      "ca-sema-russia-1-part-2-94": [
        "Person",
        {
          name: ["Andrey Igorevich AKIMOV"],
          firstName: ["Andrey Igorevich"],
          lastName: ["AKIMOV"],
          birthDate: ["1972-08-10", "1972-08-11"],
          alias: ["Andrei", "Andrej Akimov"],
          topics: ["sanction"],
        },
      ],
      "ca-sema-russia-1-part-2-94-sanction": [
        "Sanction",
        {
          entity: ["ca-sema-russia-1-part-2-94"],
          authority: ["Global Affairs Canada"],
          country: ["ru"],
          program: ["Russia"],
          provisions: ["Schedule 1, Part 2, item 94"],
        },
      ],
      "ca-sema-burma-1-8": [
        "Company",
        {
          name: ["Htoo Group of Companies"],
          alias: ["Htoo Trading Company Limited", "Htoo Wood Products Pte. Limited"],
          topics: ["sanction"],
        },
      ],
      "ca-sema-burma-1-8-sanction": [
        "Sanction",
        {
          entity: ["ca-sema-burma-1-8"],
          authority: ["Global Affairs Canada"],
          country: ["mm"],
          program: ["Burma"],
          provisions: ["Schedule 1, item 8"],
        },
      ],
    });
    expect(statements.find((s) => s.prop === "lastName")?.locator).toBe(
      "xpath:/data-set/record[1]/LastName",
    );
  });
});

describe.skipIf(skipWithoutShared)("Canada reader contract", () => {
  describeListReader({
    format: caSemaFormat,
    folder: sharedPath("canada_sema_2020-04"),
    prefix: "ca-sema",
    locator: /^xpath:\/data-set\/record\[\d+\]/,
    countTargets: () =>
      readFileSync(sharedPath("canada_sema_2020-04", "sema-lmes.xml"), "utf8").match(/<record>/g)
        ?.length ?? 0,
  });
});
