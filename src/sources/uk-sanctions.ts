import { EntityBuilder, type Statement } from "../model/index.js";
import { StatementBatcher } from "./batcher.js";
import { isoDates } from "./dates.js";
import { guessEntitySchema } from "./schema-guess.js";
import type { ReadContext, SourceFormat, SourceInput } from "./types.js";
import { readUkDetails } from "./uk-details.js";
import {
  isNew,
  readUkRows,
  sortUkFiles,
  subjectOf,
  type UkList,
  type UkRow,
  ukTable,
} from "./uk-files.js";

const SUBJECT_SCHEMA: Record<string, string> = { individual: "Person", ship: "Vessel" };

/** Names decide between Company and Organization, so they are read before the subjects. */
async function readNames(list: UkList) {
  const names = new Map<string, UkRow[]>();
  const file = list.files.get("names");
  if (!file) return names;
  for await (const rows of readUkRows(file, "names")) {
    for (const row of rows) {
      const id = row.get("unique_id");
      const known = names.get(id);
      if (known) known.push(row);
      else names.set(id, [row]);
    }
  }
  return names;
}

async function* readSubjects(list: UkList, batcher: StatementBatcher) {
  const names = await readNames(list);
  const file = list.files.get("subjects")!;
  for await (const rows of readUkRows(file, "subjects")) {
    for (const row of rows) yield* readSubject(list, row, names, batcher);
  }
  // Names left over belong to no subject: subjectOf refuses the first of them.
  const orphan = [...names.values()].flat().sort((a, b) => a.row - b.row)[0];
  if (orphan) subjectOf(list, "names", orphan);
}

function* readSubject(
  list: UkList,
  row: UkRow,
  names: Map<string, UkRow[]>,
  batcher: StatementBatcher,
): Generator<Statement[]> {
  const context = { dataset: list.dataset, source: list.files.get("subjects")!.sha256 };
  const uniqueId = row.get("unique_id");
  const nameRows = names.get(uniqueId) ?? [];
  const type = row.get("subject_type");
  const schema =
    SUBJECT_SCHEMA[type] ?? guessEntitySchema(nameRows.map((name) => name.get("full_name")));
  list.schemata.set(uniqueId, schema);
  const entity = new EntityBuilder(schema, `gb-${uniqueId}`, context);
  entity.add("topics", "sanction", `row:${row.row}`);
  yield* batcher.add([...entity.statements, ...readSanction(row, context)]);
  for (const name of nameRows) yield* batcher.add(readName(list, name));
  names.delete(uniqueId);
}

function readSanction(row: UkRow, context: { dataset: string; source: string }): Statement[] {
  const uniqueId = row.get("unique_id");
  const locator = `row:${row.row}`;
  const sanction = new EntityBuilder("Sanction", `gb-${uniqueId}-sanction`, context);
  sanction.add("entity", `gb-${uniqueId}`, locator);
  sanction.add("authority", "UK Foreign, Commonwealth & Development Office (FCDO)", locator);
  sanction.add("country", "gb", locator);
  sanction.add("program", uniqueId.replace(/\d+$/, ""), locator);
  sanction.add("unscId", row.get("un_reference_number"), locator);
  sanction.add("authorityId", row.get("ofsi_group_id"), locator);
  for (const date of isoDates(row.get("date_designated")))
    sanction.add("listingDate", date, locator);
  for (const date of isoDates(row.get("last_updated"))) sanction.add("modifiedAt", date, locator);
  return sanction.statements;
}

const NAME_PROP: Record<string, string> = { primary: "name", primary_variation: "alias" };

function readName(list: UkList, row: UkRow): Statement[] {
  const { id, schema } = subjectOf(list, "names", row);
  const source = list.files.get("names")!.sha256;
  const entity = new EntityBuilder(schema, id, { dataset: list.dataset, source });
  const weak = row.get("alias_strength") === "low_quality_aka";
  const prop = weak ? "weakAlias" : (NAME_PROP[row.get("name_type")] ?? "alias");
  const parts: Array<[string, string]> = [[prop, row.get("full_name")]];
  if (prop === "name" && schema === "Person") {
    parts.push(["firstName", row.get("name_1")], ["secondName", row.get("name_2")]);
    for (const part of ["name_3", "name_4", "name_5"]) parts.push(["middleName", row.get(part)]);
    parts.push(["lastName", row.get("name_6")]);
  }
  for (const [key, value] of parts) {
    if (isNew(list, id, key, value)) entity.add(key, value, `row:${row.row}`);
  }
  return entity.statements;
}

async function* readUk(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  const list: UkList = {
    files: sortUkFiles(files),
    dataset: context.dataset,
    schemata: new Map(),
    seen: new Set(),
  };
  const batcher = new StatementBatcher();
  yield* readSubjects(list, batcher);
  yield* readUkDetails(list, batcher);
  yield* batcher.flush();
}

/** UK Sanctions List as five relational CSV tables (subjects, names, dobs, identifiers, countries). */
export const ukSanctionsFormat: SourceFormat = {
  id: "gb-sanctions-csv",
  dataset: "gb_sanctions",
  title: "UK Sanctions List (FCDO)",
  kind: "list",
  claim: (probes) => probes.filter((probe) => ukTable(probe) !== undefined),
  read: readUk,
};
