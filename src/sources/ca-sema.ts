import { type Statement, slugId } from "../model/index.js";
import { countryCode } from "./country-names.js";
import { headText } from "./files.js";
import {
  isoDates,
  looksLikeOrganization,
  sanctionOf,
  splitNames,
  startEntity,
} from "./list-entry.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";
import { childText, readXmlRecords, type XmlNode, xmlRootName } from "./xml-records.js";

const RECORDS = new Set(["record"]);

function isSemaList(probe: FileProbe): boolean {
  const head = headText(probe);
  return xmlRootName(head) === "data-set" && /<record>\s*<Country>/.test(head);
}

/**
 * The short regime key of a `Country` field: the acronym in brackets when there is one
 * (`… (JVCFOR) / …` -> `jvcfor`), else the English name before ` / `.
 * @example regimeKey("Russia / Russie") // "russia"
 */
export function regimeKey(country: string): string {
  const acronym = /\(([A-Z]{3,})\)/.exec(country)?.[1];
  return (acronym ?? country.split("/")[0]!).trim().toLowerCase();
}

/**
 * A SEMA record has no id of its own; regime, schedule and item identify it in the list:
 * `ca-sema-russia-1-part-2-27`.
 */
export function semaId(record: XmlNode): string {
  const regime = regimeKey(childText(record, "Country") ?? "");
  const schedule = childText(record, "Schedule") ?? "na";
  return slugId("ca-sema", `${regime}-${schedule}-${childText(record, "Item") ?? ""}`)
    .toLowerCase()
    .replace(/-+/g, "-");
}

function schemaOf(record: XmlNode): string {
  const name = childText(record, "Entity") ?? childText(record, "EntityOrShip");
  if (!name) return "Person";
  // Newer files merge ships into EntityOrShip; a ship is named with an IMO number there.
  if (/\bIMO\b/.test(name)) return "Vessel";
  return looksLikeOrganization(name) ? "Company" : "LegalEntity";
}

/**
 * One `<record>`: a Person (LastName/GivenName) or an entity, and its Sanction.
 * @example readSemaRecord(record, file, { dataset: "ca_sema" }) // [{ entityId: "ca-sema-russia-1-94", prop: "name", … }, …]
 */
export function readSemaRecord(record: XmlNode, file: SourceInput, context: ReadContext) {
  const entity = startEntity(schemaOf(record), semaId(record), file, context);
  const at = (tag: string) => `xpath:${record.xpath}/${tag}`;
  const given = childText(record, "GivenName");
  const last = childText(record, "LastName");
  if (entity.schema === "Person") {
    entity.add("name", [given, last].filter(Boolean).join(" "), at("LastName"));
    entity.add("firstName", given, at("GivenName"));
    entity.add("lastName", last, at("LastName"));
    entity.add("title", childText(record, "Title"), at("Title"));
    for (const date of isoDates(childText(record, "DateOfBirth"))) {
      entity.add("birthDate", date, at("DateOfBirth"));
    }
  } else {
    const name = childText(record, "Entity") ?? childText(record, "EntityOrShip");
    entity.add("name", name, at(childText(record, "Entity") ? "Entity" : "EntityOrShip"));
  }
  for (const alias of splitNames(childText(record, "Aliases"))) {
    entity.add("alias", alias, at("Aliases"));
  }
  const regime = childText(record, "Country") ?? "";
  entity.add("topics", "sanction", at("Country"));
  const schedule = childText(record, "Schedule");
  const item = childText(record, "Item");
  const sanction = sanctionOf(
    entity,
    {
      authority: "Global Affairs Canada",
      // The regime's country, not the subject's: Canada lists Russians under Ukraine too.
      country: countryCode(regime),
      program: regime.split(" / ")[0]!.replace(/\s+/g, " ").trim(),
      provisions: schedule ? `Schedule ${schedule}, item ${item ?? "?"}` : undefined,
      listingDate: childText(record, "DateOfListing"),
    },
    file,
    context,
    `xpath:${record.xpath}`,
  );
  return [...entity.statements, ...sanction];
}

async function* readSema(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  for (const file of files) {
    for await (const records of readXmlRecords(file, RECORDS, { onBytes: context.onBytes })) {
      yield records.flatMap((record) => readSemaRecord(record, file, context));
    }
  }
}

/** Canada's consolidated Special Economic Measures Act list (`sema-lmes.xml`). */
export const caSemaFormat: SourceFormat = {
  id: "ca-sema",
  dataset: "ca_sema",
  title: "Canada Consolidated Autonomous Sanctions List (SEMA)",
  kind: "list",
  claim: (probes) => probes.filter(isSemaList),
  read: readSema,
};
