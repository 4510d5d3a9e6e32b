import { type EntityBuilder, makeId, type Statement, slugId } from "../model/index.js";
import { StatementBatcher } from "./batcher.js";
import { countryCode } from "./country-names.js";
import { parseCslIds } from "./csl-ids.js";
import { CslLinks } from "./csl-links.js";
import { type CsvRecord, readCsvTable } from "./csv-table.js";
import { headText } from "./files.js";
import { addFacts, hasProperty, parseRemarks, refineIdentifier } from "./identifiers.js";
import { isoDate, looksLikeOrganization, sanctionOf, startEntity } from "./list-entry.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";

function isCsl(probe: FileProbe): boolean {
  const first = headText(probe).split(/\r?\n/, 1)[0] ?? "";
  return /^(_id,)?source,entity_number,type,programs,name,/.test(first);
}

/**
 * Stable ids: the 2025 layout's `_id` (OFAC rows use their ent_num there), else the 2019
 * layout's `entity_number`, else a hash of list, name and start date.
 * @example cslId({ _id: "52291" }) // "us-trade-csl-52291"
 */
export function cslId(values: Record<string, string>): string {
  const key = values._id || values.entity_number;
  if (key) return slugId("us-trade-csl", key);
  return makeId("us-trade-csl", values.source, values.name?.trim(), values.start_date);
}

function schemaOf(values: Record<string, string>): string {
  if (values.type === "Individual") return "Person";
  if (values.type === "Vessel") return "Vessel";
  const name = values.name ?? "";
  if (looksLikeOrganization(name)) return "Company";
  // Untyped rows of the person-only lists (DPL, ITAR debarred) are people.
  if (!values.type && /\((DPL|DTC)\)/.test(values.source ?? "")) return "Person";
  return "LegalEntity";
}

/** Add a value only when the schema has the property (a Person has no `imoNumber`). */
function addKnown(entity: EntityBuilder, prop: string, value: string | undefined, at: string) {
  if (hasProperty(entity.schema, prop)) entity.add(prop, value, at);
}

function addPlaces(entity: EntityBuilder, values: Record<string, string>, at: string): void {
  for (const address of (values.addresses ?? "").split(";")) {
    entity.add("address", address, at);
    entity.add("country", countryCode(/,\s*([A-Z]{2})\s*$/.exec(address)?.[1]), at);
  }
  for (const country of `${values.citizenships ?? ""};${values.nationalities ?? ""}`.split(";")) {
    addKnown(entity, "nationality", countryCode(country.trim()), at);
  }
  for (const date of (values.dates_of_birth ?? "").split(";")) {
    addKnown(entity, "birthDate", isoDate(date), at);
  }
  addKnown(entity, "birthPlace", values.places_of_birth, at);
}

function addVessel(entity: EntityBuilder, values: Record<string, string>, at: string): void {
  addKnown(entity, "callSign", values.call_sign, at);
  addKnown(entity, "type", values.vessel_type, at);
  addKnown(entity, "tonnage", values.gross_tonnage, at);
  addKnown(entity, "grossRegisteredTonnage", values.gross_registered_tonnage, at);
  addKnown(entity, "flag", countryCode(values.vessel_flag), at);
}

/**
 * One CSL row: the listed party with names, places, identifiers, and its Sanction; "Linked To"
 * remarks are noted in `links` and resolved once the files are read.
 * @example readCslRow({ values: { _id: "52291", name: "RIM, Ryong Nam", … }, row: 6 }, file, context)
 */
export function readCslRow(
  { values, row }: CsvRecord,
  file: SourceInput,
  context: ReadContext,
  links = new CslLinks(),
) {
  const at = `row:${row}`;
  const entity = startEntity(schemaOf(values), cslId(values), file, context);
  entity.add("name", values.name, at);
  for (const alias of (values.alt_names ?? "").split(";")) entity.add("alias", alias, at);
  addKnown(entity, "title", values.title, at);
  addPlaces(entity, values, at);
  addVessel(entity, values, at);
  const ids = parseCslIds(values.ids).map((id) => ({
    ...refineIdentifier(id.prop, id.value, id.country),
    ...(id.country ? { country: id.country } : {}),
  }));
  addFacts(entity, ids, at);
  entity.add("notes", values.remarks, at);
  const names = [values.name ?? "", ...(values.alt_names ?? "").split(";")];
  links.note(entity.id, names, values.remarks, at, file);
  if (values.remarks) addFacts(entity, parseRemarks(values.remarks), at);
  entity.add("sourceUrl", values.source_information_url, at);
  entity.add(
    "topics",
    /Entity List|End User|Unverified|Denied|Debarred/.test(values.source ?? "")
      ? "export.control"
      : "sanction",
    at,
  );
  const [list, authority] = (values.source ?? "").split(" - ");
  const sanction = sanctionOf(
    entity,
    {
      authority: authority?.trim() ?? "US Government",
      program: values.programs || list?.trim(),
      startDate: isoDate(values.start_date),
      endDate: isoDate(values.end_date),
      listingDate: isoDate(values.start_date),
      authorityId: values.entity_number || undefined,
      provisions: values.license_requirement || undefined,
      reason: values.license_policy || undefined,
      sourceUrl: values.source_list_url || undefined,
    },
    file,
    context,
    at,
  );
  return [...entity.statements, ...sanction];
}

async function* readCsl(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  const batcher = new StatementBatcher();
  const links = new CslLinks();
  for (const file of files) {
    for await (const row of readCsvTable(file, { onBytes: context.onBytes })) {
      yield* batcher.add(readCslRow(row, file, context, links));
    }
  }
  yield* batcher.add(links.links(context));
  yield* batcher.flush();
}

/** The trade.gov Consolidated Screening List CSV (2019 and 2025 column layouts). */
export const usTradeCslFormat: SourceFormat = {
  id: "us-trade-csl",
  dataset: "us_trade_csl",
  title: "US Consolidated Screening List (trade.gov)",
  kind: "list",
  claim: (probes) => probes.filter(isCsl),
  read: readCsl,
};
