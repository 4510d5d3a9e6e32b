import { describe, expect, it } from "vitest";
import { foldAll, readStatements, writeInput } from "../../test/helpers/read-format.js";
import { parseCslIds } from "./csl-ids.js";
import { usTradeCslFormat } from "./us-trade-csl.js";

const HEADER_2025 =
  "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";
const HEADER_2019 = HEADER_2025.slice("_id,".length);

describe("parseCslIds", () => {
  it("reads both the 2025 (type first) and 2019 (number first) layouts", () => {
    expect(
      parseCslIds(
        "Passport, U00242309, TR; Gender, Male; Secondary sanctions risk:, Ukraine-/Russia-Related Sanctions Regulations",
      ),
    ).toEqual([
      { prop: "passportNumber", value: "U00242309", country: "tr" },
      { prop: "gender", value: "male" },
    ]);
    expect(
      parseCslIds("US, 80-0890696, Tax ID No.; IMO 8898831, Vessel Registration Identification"),
    ).toEqual([
      { prop: "taxNumber", value: "80-0890696", country: "us" },
      { prop: "imoNumber", value: "8898831" },
    ]);
  });
});

describe("trade.gov CSL reader", () => {
  it("reads parties with identifiers, places and their list's sanction", async () => {
    const csv = [
      HEADER_2025,
      '"52291","Specially Designated Nationals (SDN) - Treasury Department","52291","Individual","NPWMD","RIM, Ryong Nam","","Shenyang, CN; Pyongyang, KP","","","","","","","","","","","","","","https://sanctionslist.ofac.treas.gov/Home/SdnList","","","1978-12-05","KP","","https://home.treasury.gov/sdn","Passport, 836238033, KP; Gender, Male"',
      '"x1","Entity List (EL) - Bureau of Industry and Security","","","","Rosneft Trading S.A.","","Geneva, CH","","2020-02-18","","","For all items subject to the EAR.","Presumption of denial.","","","","","","","","https://www.bis.doc.gov/el","Rosneft Trading; RTSA","","","","","https://www.bis.doc.gov/el","Public Registration Number, 1027739108649, RU; SWIFT/BIC, RUDVRUMM"',
      "",
    ].join("\n");
    const entities = foldAll(
      await readStatements(usTradeCslFormat, [await writeInput("consolidated.csv", csv)]),
    );
    const view = Object.fromEntries([...entities].map(([id, e]) => [id, [e.schema, e.properties]]));
    expect(view).toEqual({
      "us-trade-csl-52291": [
        "Person",
        {
          name: ["RIM, Ryong Nam"],
          address: ["Shenyang, CN", "Pyongyang, KP"],
          country: ["cn", "kp"],
          nationality: ["kp"],
          birthDate: ["1978-12-05"],
          passportNumber: ["836238033"],
          gender: ["male"],
          sourceUrl: ["https://home.treasury.gov/sdn"],
          topics: ["sanction"],
        },
      ],
      "us-trade-csl-52291-sanction": [
        "Sanction",
        {
          entity: ["us-trade-csl-52291"],
          authority: ["Treasury Department"],
          program: ["NPWMD"],
          authorityId: ["52291"],
          sourceUrl: ["https://sanctionslist.ofac.treas.gov/Home/SdnList"],
        },
      ],
      "us-trade-csl-x1": [
        "Company",
        {
          name: ["Rosneft Trading S.A."],
          alias: ["Rosneft Trading", "RTSA"],
          address: ["Geneva, CH"],
          country: ["ch"],
          ogrnCode: ["1027739108649"],
          swiftBic: ["RUDVRUMM"],
          sourceUrl: ["https://www.bis.doc.gov/el"],
          topics: ["export.control"],
        },
      ],
      "us-trade-csl-x1-sanction": [
        "Sanction",
        {
          entity: ["us-trade-csl-x1"],
          authority: ["Bureau of Industry and Security"],
          program: ["Entity List (EL)"],
          startDate: ["2020-02-18"],
          listingDate: ["2020-02-18"],
          provisions: ["For all items subject to the EAR."],
          reason: ["Presumption of denial."],
          sourceUrl: ["https://www.bis.doc.gov/el"],
        },
      ],
    });
  });

  it("merges 2019 rows of one party listed per address under one id", async () => {
    const row = (address: string) =>
      `Entity List (EL) - Bureau of Industry and Security,,,,Gunther Migeotte,,"${address}",75 FR 36516,2010-06-28,,,,,,,,,,,,,,,,,,,`;
    const csv = [HEADER_2019, row("Cape Town, ZA"), row("Fredrikstad, NO"), ""].join("\n");
    const entities = foldAll(
      await readStatements(usTradeCslFormat, [await writeInput("csl.csv", csv)]),
    );
    expect([...entities.values()].map((e) => [e.schema, e.properties.address])).toEqual([
      ["LegalEntity", ["Cape Town, ZA", "Fredrikstad, NO"]],
      ["Sanction", undefined],
    ]);
  });

  it("links a party to another named in its Linked To remark", async () => {
    const row = (number: string, name: string, remarks: string) =>
      `Specially Designated Nationals (SDN) - Treasury Department,${number},Vessel,DPRK4,${name},,,,,,,,,,,,,,,"${remarks}",,,,,,,,`;
    const csv = [
      HEADER_2019,
      row("23156", "7-28", "(Linked To: YUSONG SHIPPING CO)"),
      row("17016", "YUSONG SHIPPING CO", ""),
      row("23157", "8-29", "(Linked To: NOT ON THIS LIST LTD)"),
      "",
    ].join("\n");
    const entities = foldAll(
      await readStatements(usTradeCslFormat, [await writeInput("csl.csv", csv)]),
    );
    const links = [...entities.values()].filter((entity) => entity.schema === "UnknownLink");
    expect(links.map((link) => [link.id, link.properties])).toEqual([
      [
        "us-trade-csl-23156-linked-us-trade-csl-17016",
        { subject: ["us-trade-csl-23156"], object: ["us-trade-csl-17016"], role: ["Linked To"] },
      ],
    ]);
  });
});
