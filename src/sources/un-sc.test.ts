import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileInput, foldAll, readStatements, writeInput } from "../../test/helpers/read-format.js";
import { sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { probeFile } from "./files.js";
import { describeListReader } from "./list-reader.case.js";
import { unScFormat } from "./un-sc.js";

const SAMPLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>42</DATAID>
      <FIRST_NAME>IVAN</FIRST_NAME>
      <SECOND_NAME>PETROV</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.099</REFERENCE_NUMBER>
      <LISTED_ON>2017-08-05</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>Иван Петров</NAME_ORIGINAL_SCRIPT>
      <COMMENTS1>Director of Korea Example Shipping (KPe.077).</COMMENTS1>
      <GENDER>Male</GENDER>
      <NATIONALITY><VALUE>Russian Federation</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ivan Petrof</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Vanya</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><CITY>Vladivostok</CITY><COUNTRY>Russian Federation</COUNTRY></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>745123456</NUMBER></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>77</DATAID>
      <FIRST_NAME>KOREA EXAMPLE SHIPPING CO ; KESC</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.077</REFERENCE_NUMBER>
      <LISTED_ON>2018-03-30</LISTED_ON>
      <COMMENTS1>Registered owner of a tanker. IMO number: 5571322.</COMMENTS1>
      <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>OLD SHIPPING</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
`;

describe("UN Security Council reader", () => {
  it("claims the consolidated list by its content, not its name", async () => {
    const list = await writeInput("whatever.txt", SAMPLE);
    const other = await writeInput("consolidated.xml", "<data-set><record/></data-set>");
    expect(unScFormat.claim([list, other])).toEqual([list]);
  });

  it("turns individuals and entities into FtM entities with sanctions and xpaths", async () => {
    const statements = await readStatements(unScFormat, [await writeInput("un.xml", SAMPLE)]);
    const entities = foldAll(statements);
    expect(
      Object.fromEntries([...entities].map(([id, e]) => [id, [e.schema, e.properties]])),
    ).toEqual({
      "unsc-42": [
        "Person",
        {
          name: ["IVAN PETROV"],
          firstName: ["IVAN"],
          secondName: ["PETROV"],
          alias: ["Иван Петров", "Ivan Petrof"],
          notes: ["Director of Korea Example Shipping (KPe.077)."],
          weakAlias: ["Vanya"],
          topics: ["sanction"],
          address: ["Vladivostok, Russian Federation"],
          country: ["ru"],
          gender: ["male"],
          nationality: ["ru"],
          birthDate: ["1960", "1961", "1962"],
          passportNumber: ["745123456"],
        },
      ],
      "unsc-42-sanction": [
        "Sanction",
        {
          entity: ["unsc-42"],
          authority: ["United Nations Security Council"],
          program: ["DPRK"],
          listingDate: ["2017-08-05"],
          authorityId: ["KPi.099"],
          unscId: ["KPi.099"],
        },
      ],
      "unsc-77": [
        "Organization",
        {
          name: ["KOREA EXAMPLE SHIPPING CO"],
          alias: ["KESC"],
          notes: ["Registered owner of a tanker. IMO number: 5571322."],
          imoNumber: ["IMO5571322"],
          topics: ["sanction"],
          previousName: ["OLD SHIPPING"],
        },
      ],
      "unsc-77-sanction": [
        "Sanction",
        {
          entity: ["unsc-77"],
          authority: ["United Nations Security Council"],
          program: ["DPRK"],
          listingDate: ["2018-03-30"],
          authorityId: ["KPe.077"],
          unscId: ["KPe.077"],
        },
      ],
      "unsc-42-cites-unsc-77": [
        "UnknownLink",
        {
          subject: ["unsc-42"],
          object: ["unsc-77"],
          role: ["cited in the UN remarks as KPe.077"],
        },
      ],
    });
    const alias = statements.find((s) => s.value === "Vanya");
    expect(alias?.locator).toBe(
      "xpath:/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[1]/INDIVIDUAL_ALIAS[2]",
    );
  });

  it.skipIf(skipWithoutShared)("reads every record of the real list", async () => {
    const path = sharedPath("un_sc_consolidated_2026-02-27", "consolidated.xml");
    expect(unScFormat.claim([await probeFile(path)])).toHaveLength(1);
    const entities = foldAll(await readStatements(unScFormat, [await fileInput(path)]));
    const text = readFileSync(path, "utf8");
    const individuals = text.match(/<INDIVIDUAL>/g)?.length ?? 0;
    const organizations = text.match(/<ENTITY>/g)?.length ?? 0;
    const schemas = [...entities.values()].map((entity) => entity.schema);
    expect(schemas.filter((schema) => schema === "Person")).toHaveLength(individuals);
    expect(schemas.filter((schema) => schema === "Organization")).toHaveLength(organizations);
    expect(schemas.filter((schema) => schema === "Sanction")).toHaveLength(
      individuals + organizations,
    );
    // The 12th individual, as the locator example names it.
    const twelfth = /<INDIVIDUAL>\s*<DATAID>(\d+)</g;
    const ids = [...text.matchAll(twelfth)].map((match) => match[1]);
    const statements = await readStatements(unScFormat, [await fileInput(path)]);
    const name = statements.find((s) => s.entityId === `unsc-${ids[11]}` && s.prop === "name");
    expect(name?.locator).toBe("xpath:/CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[12]/FIRST_NAME");
  });
});

describe.skipIf(skipWithoutShared)("UN reader contract", () => {
  describeListReader({
    format: unScFormat,
    folder: sharedPath("un_sc_consolidated_2026-02-27"),
    prefix: "unsc",
    locator: /^xpath:\/CONSOLIDATED_LIST\/(INDIVIDUALS\/INDIVIDUAL|ENTITIES\/ENTITY)\[\d+\]/,
    countTargets: () => {
      const text = readFileSync(
        sharedPath("un_sc_consolidated_2026-02-27", "consolidated.xml"),
        "utf8",
      );
      return (text.match(/<INDIVIDUAL>/g)?.length ?? 0) + (text.match(/<ENTITY>/g)?.length ?? 0);
    },
  });
});
