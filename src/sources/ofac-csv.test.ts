import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import { sharedData, sharedPath, skipWithoutShared } from "../../test/helpers/shared.js";
import { batchStatements, foldStatements, type Statement } from "../model/index.js";
import { expandPaths, probeFile, toSourceInputs } from "./files.js";
import { describeListReader } from "./list-reader.case.js";
import { ofacConsFormat, ofacSdnFormat } from "./ofac-csv.js";
import type { SourceFormat } from "./types.js";

/** Primary records of an OFAC file: lines that open with an ent_num (no field spans lines). */
const countPrimary = (file: string) =>
  readFileSync(sharedPath(file), "latin1")
    .split("\n")
    .filter((line) => /^\d+,/.test(line)).length;

const read = new Map<string, ReturnType<typeof readFolderOnce>>();

/** Statements of a folder and the names of their source files, read once per test file. */
function readFolder(format: SourceFormat, folder: string) {
  const key = `${format.id}:${folder}`;
  if (!read.has(key)) read.set(key, readFolderOnce(format, folder));
  return read.get(key)!;
}

async function readFolderOnce(format: SourceFormat, folder: string) {
  const probes = await Promise.all((await expandPaths([folder])).map(probeFile));
  const inputs = await toSourceInputs(format.claim(probes));
  const names = new Map(inputs.map((input) => [input.sha256, input.name]));
  const statements: Statement[] = [];
  for await (const batch of format.read(inputs, { dataset: format.dataset }))
    statements.push(...batchStatements(batch));
  return { statements, names };
}

if (sharedData) {
  const cases: Array<[SourceFormat, string, string, string]> = [
    [ofacSdnFormat, "ofac_fixture_17", "ofac", "sdn.csv"],
    [ofacSdnFormat, "ofac_sdn_2023-12-28", "ofac", "sdn.csv"],
    [ofacSdnFormat, "ofac_sdn_2024-05-03", "ofac", "sdn.csv"],
    [ofacConsFormat, "ofac_consolidated_nonsdn_2025-12", "ofac-cons", "cons_prim.csv"],
  ];
  for (const [format, folder, prefix, primary] of cases) {
    describeListReader({
      format,
      folder: sharedPath(folder),
      prefix,
      countTargets: () => countPrimary(`${folder}/${primary}`),
    });
  }
}

describe.skipIf(skipWithoutShared)("OFAC SDN entries", () => {
  it("counts the 13,821 entries of the 2023-12-28 snapshot", () => {
    expect(countPrimary("ofac_sdn_2023-12-28/sdn.csv")).toBe(13821);
  });

  it("continues remarks in sdn_comments.csv, citing the row each value came from", async () => {
    const { statements, names } = await readFolder(ofacSdnFormat, sharedPath("ofac_fixture_17"));
    const suex = statements.filter((s) => s.entityId === "ofac-33151");
    const cited = suex
      .filter((s) => s.prop !== "notes")
      .map((s) => `${s.prop}=${s.value} @${names.get(s.source)} ${s.locator}`);
    expect(cited).toEqual([
      "name=SUEX OTC, S.R.O. @sdn.csv row:9",
      "topics=sanction @sdn.csv row:9",
      "website=suex.io @sdn.csv row:9",
      "incorporationDate=2018-09-25 @sdn_comments.csv row:1",
      "registrationNumber=07486049 @sdn_comments.csv row:1",
      "leiCode=5299007NTWCC3U23WM81 @sdn_comments.csv row:1",
      "weakAlias=SUCCESSFUL EXCHANGE @sdn_comments.csv row:1",
      "address=Presnenskaya Embankment, 12, Federation East Tower, Floor 31, Suite Q, Moscow 123317, Russia @add.csv row:18",
      "country=ru @add.csv row:18",
      "address=Skorepka 1058/8 Stare Mesto, Prague 110 00, Czech Republic @add.csv row:19",
      "country=cz @add.csv row:19",
    ]);
  });

  it("reads vessels, aircraft and persons with their own fields", async () => {
    const { statements } = await readFolder(ofacSdnFormat, sharedPath("ofac_fixture_17"));
    const fold = (id: string) => {
      const { properties, schema } = foldStatements(statements.filter((s) => s.entityId === id));
      const { notes: _notes, ...rest } = properties;
      return { schema, ...rest };
    };
    expect([fold("ofac-47371"), fold("ofac-48727"), fold("ofac-29702")]).toEqual([
      {
        schema: "Vessel",
        name: ["NS LEADER"],
        topics: ["sanction"],
        callSign: ["A8LU7"],
        type: ["Crude Oil Tanker"],
        flag: ["ga"],
        imoNumber: ["IMO9339301"],
        mmsi: ["636013272"],
      },
      {
        schema: "Airplane",
        name: ["EP-PUS"],
        topics: ["sanction"],
        buildDate: ["1992"],
        model: ["Ilyushin IL-76TD"],
        serialNumber: ["1023409321"],
      },
      {
        schema: "Person",
        name: ["LIFSHITS, Artem Mikhaylovich"],
        topics: ["sanction"],
        lastName: ["LIFSHITS"],
        firstName: ["Artem Mikhaylovich"],
        birthDate: ["1992-12-26"],
        nationality: ["ru"],
        email: ["mycryptodeals@yandex.ru", "artemlv@hotmail.com"],
        gender: ["male"],
        phone: ["79110354982"],
        passportNumber: ["719032284"],
        address: ["Primorsky Prospect 159, Saint Petersburg 197374, Russia"],
        country: ["ru"],
      },
    ]);
  });

  it("links entries named after 'Linked To:' and vessel owners; sanctions each entry under its programs", async () => {
    const { statements } = await readFolder(ofacSdnFormat, sharedPath("ofac_sdn_2023-12-28"));
    const byId = (id: string) => foldStatements(statements.filter((s) => s.entityId === id));
    expect(byId("ofac-41921-link-ofac-42037")).toMatchObject({
      schema: "UnknownLink",
      properties: { subject: ["ofac-41921"], object: ["ofac-42037"], role: ["Linked To"] },
    });
    expect(byId("ofac-42037").properties.name).toEqual(["NEXIGN JOINT STOCK COMPANY"]);
    expect([byId("ofac-15904").properties.owner, byId("ofac-4238").properties.owner]).toEqual([
      ["ofac-15117"],
      ["ofac-4238-owner"],
    ]);
    expect(byId("ofac-15117").properties.alias).toContain("NITC");
    expect(byId("ofac-4238-owner")).toMatchObject({
      schema: "LegalEntity",
      properties: { name: ["Samir de Navegacion S.A."] },
    });
    expect(byId("ofac-18310-sanction").properties).toEqual({
      entity: ["ofac-18310"],
      authority: ["Office of Foreign Assets Control"],
      country: ["us"],
      program: ["UKRAINE-EO13661", "RUSSIA-EO14024"],
    });
  });
});

describe.skipIf(skipWithoutShared)("OFAC consolidated list", () => {
  it("dates the Sanction from a listing date in the continued remarks", async () => {
    const { statements, names } = await readFolder(
      ofacConsFormat,
      sharedPath("ofac_consolidated_nonsdn_2025-12"),
    );
    const cited = statements
      .filter((s) => s.entityId === "ofac-cons-17016-sanction")
      .map((s) => `${s.prop}=${s.value} @${names.get(s.source)} ${s.locator}`);
    expect(cited).toEqual([
      "listingDate=2022-02-24 @cons_comments.csv row:2",
      "entity=ofac-cons-17016 @cons_prim.csv row:83",
      "authority=Office of Foreign Assets Control @cons_prim.csv row:83",
      "country=us @cons_prim.csv row:83",
      "program=UKRAINE-EO13662 @cons_prim.csv row:83",
      "program=RUSSIA-EO14024 @cons_prim.csv row:83",
    ]);
  });
});

describe.skipIf(skipWithoutShared)("OFAC file sets that do not belong together", () => {
  async function errorOfFolder(files: Record<string, string>) {
    const dir = tempDir();
    for (const [name, from] of Object.entries(files))
      copyFileSync(sharedPath(from), join(dir, name));
    try {
      await readFolder(ofacSdnFormat, dir);
    } catch (error) {
      const { code, path } = error as { code: string; path: string };
      return { code, path };
    }
    return undefined;
  }

  it("refuses aliases of another publication, naming the file and row", async () => {
    const error = await errorOfFolder({
      "sdn.csv": "ofac_fixture_17/sdn.csv",
      "alt.csv": "ofac_sdn_2023-12-28/alt.csv",
    });
    expect(error).toEqual({ code: "ofac_unknown_entity", path: "alt.csv row:1" });
  });

  it("refuses two primary files", async () => {
    const error = await errorOfFolder({
      "sdn.csv": "ofac_fixture_17/sdn.csv",
      "sdn-copy.csv": "ofac_fixture_17/sdn.csv",
    });
    expect(error).toEqual({ code: "ofac_duplicate_file", path: "sdn.csv" });
  });

  it("refuses addresses without their primary file", async () => {
    const error = await errorOfFolder({ "add.csv": "ofac_fixture_17/add.csv" });
    expect(error).toEqual({ code: "ofac_missing_primary", path: "add.csv" });
  });

  it("refuses an entry listed twice", async () => {
    const dir = tempDir();
    const sdn = readFileSync(sharedPath("ofac_fixture_17/sdn.csv"), "utf8");
    writeFileSync(join(dir, "sdn.csv"), sdn + sdn.split("\r\n")[0]!);
    await expect(readFolder(ofacSdnFormat, dir)).rejects.toMatchObject({
      code: "ofac_duplicate_entity",
      path: "sdn.csv row:18",
    });
  });
});
