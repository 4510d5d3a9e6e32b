import {
  type BuilderContext,
  EntityBuilder,
  SanctraceError,
  type Statement,
} from "../model/index.js";
import { StatementBatcher } from "./batcher.js";
import { countryCode } from "./countries.js";
import { readCsvRows } from "./csv-rows.js";
import { isoDates } from "./dates.js";
import { type EuAlias, parseNameAliases, quotedStrings } from "./eu-names.js";
import { headText } from "./files.js";
import { addFacts, parseRemarks } from "./identifiers.js";
import { guessEntitySchema } from "./schema-guess.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "./types.js";

// The merge is an R export: a blank row-number column, then the FSF columns.
const HEADER_START = '"","Entity_logical_id...2","Subject_type"';
const REQUIRED = ["Entity_logical_id...2", "Subject_type", "Naal_wholename", "logicalId", "type"];

/** A row's fields by column name; R writes `NA` for empty. */
type EuField = (column: string) => string | undefined;

function fieldReader(header: string[]): (values: string[]) => EuField {
  const index = new Map(header.map((name, i) => [name, i]));
  return (values) => (column) => {
    const value = values[index.get(column) ?? -1]?.trim();
    return value && value !== "NA" ? value : undefined;
  };
}

function checkHeader(header: string[], file: SourceInput): void {
  const missing = REQUIRED.find((column) => !header.includes(column));
  if (missing) {
    throw new SanctraceError(
      "eu_missing_column",
      `no column "${missing}" in the header`,
      `${file.name} row:1`,
    );
  }
}

/** The logical id of the designation; the one row without any falls back to its row label. */
function euId(field: EuField): string {
  return `eu-fsf-${field("Entity_logical_id...2") ?? field("logicalId") ?? `row-${field("") ?? "0"}`}`;
}

function euSchema(field: EuField, names: string[], remark: string): string {
  const type = field("Subject_type") ?? field("subjectType.classificationCode");
  if (type === "P" || (!type && /Date of Birth/i.test(remark))) return "Person";
  return guessEntitySchema(names);
}

function addAliases(entity: EntityBuilder, aliases: EuAlias[], locator: string): void {
  const name = entity.statements.find((statement) => statement.prop === "name")?.value;
  aliases.forEach((alias, i) => {
    const primary = name ? alias.wholeName === name : i === 0;
    const prop = primary ? "name" : alias.strong ? "alias" : "weakAlias";
    entity.add(prop, alias.wholeName, locator);
    if (entity.schema !== "Person") return;
    entity.add("title", alias.title, locator).add("position", alias.function, locator);
    entity.add(
      "gender",
      alias.gender === "M" ? "male" : alias.gender === "F" ? "female" : undefined,
      locator,
    );
    if (prop !== "name") return;
    entity.add("firstName", alias.firstName, locator).add("middleName", alias.middleName, locator);
    entity.add("lastName", alias.lastName, locator);
  });
}

function readEuRow(field: EuField, row: number, context: BuilderContext): Statement[] {
  const locator = `row:${row}`;
  // The travel-ban remark repeats the FSF one when both lists hold the person.
  const remark = (field("Entity_remark") ?? field("remark") ?? "").replace(/\\[rn]/g, "\n");
  const aliases = parseNameAliases(field("nameAlias") ?? "");
  const name = field("Naal_wholename") ?? field("nameAlias.wholeName") ?? quotedStrings(remark)[0];
  const facts = parseRemarks(remark);
  const schema = euSchema(field, [name ?? "", ...aliases.map((a) => a.wholeName)], remark);
  const entity = new EntityBuilder(schema, euId(field), context);
  entity
    .add("name", name, locator)
    .add("topics", "sanction", locator)
    .add("notes", remark, locator);
  addAliases(entity, aliases, locator);
  if (schema === "Person") {
    entity.add("position", field("Naal_function") ?? field("nameAlias.function"), locator);
    for (const date of isoDates(field("birthdate.year") ?? ""))
      entity.add("birthDate", date, locator);
    const citizenship = field("citizenship.countryDescription");
    entity.add("nationality", citizenship && countryCode(citizenship), locator);
  }
  addFacts(entity, facts, locator);
  return [...entity.statements, ...readEuSanction(field, entity.id, remark, locator, context)];
}

function readEuSanction(
  field: EuField,
  id: string,
  remark: string,
  locator: string,
  context: BuilderContext,
) {
  const sanction = new EntityBuilder("Sanction", `${id}-sanction`, context);
  sanction
    .add("entity", id, locator)
    .add("authority", "European Union", locator)
    .add("country", "eu", locator);
  sanction.add("program", field("Programme") ?? field("Naal_programme"), locator);
  sanction
    .add("authorityId", field("EU_ref_num"), locator)
    .add("provisions", field("type"), locator);
  sanction.add("sourceUrl", field("Leba_url") ?? field("regulation.publicationUrl"), locator);
  sanction.add("description", field("Leba_numtitle") ?? field("regulation.numberTitle"), locator);
  const listed = field("Leba_publication_date") ?? /Date of listing:\s*([\d-]+)/.exec(remark)?.[1];
  for (const date of isoDates(listed ?? "")) sanction.add("listingDate", date, locator);
  return sanction.statements;
}

async function* readEu(files: SourceInput[], context: ReadContext): AsyncIterable<Statement[]> {
  const batcher = new StatementBatcher();
  for (const file of files) {
    const builderContext = { dataset: context.dataset, source: file.sha256 };
    let header: string[] = [];
    let fields = fieldReader(header);
    for await (const { row, values } of readCsvRows(file)) {
      if (row === 1) {
        header = values;
        checkHeader(header, file);
        fields = fieldReader(header);
        continue;
      }
      if (values.length !== header.length) {
        throw new SanctraceError(
          "csv_column_count",
          `expected ${header.length} columns, found ${values.length}`,
          `${file.name} row:${row}`,
        );
      }
      yield* batcher.add(readEuRow(fields(values), row, builderContext));
    }
  }
  yield* batcher.flush();
}

/** EU Financial Sanctions Files merged with the travel-ban list, one row per designation. */
export const euFsfFormat: SourceFormat = {
  id: "eu-fsf-merged-csv",
  dataset: "eu_fsf",
  title: "EU Financial Sanctions Files (FSF)",
  kind: "list",
  claim: (probes: FileProbe[]) =>
    probes.filter((probe) => headText(probe).startsWith(HEADER_START)),
  read: readEu,
};
