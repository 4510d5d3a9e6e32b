import type { EntityBuilder, Statement } from "../model/index.js";
import type { StatementBatcher } from "./batcher.js";
import { parseRemarks, placeFact, type RemarkFact, refineIdentifier } from "./identifiers.js";
import {
  addOnce,
  readUkRows,
  subjectOf,
  type UkList,
  type UkRow,
  type UkTable,
} from "./uk-files.js";

type RowReader = (list: UkList, entity: EntityBuilder, row: UkRow) => void;

function readDob(list: UkList, entity: EntityBuilder, row: UkRow): void {
  const [year, month, day] = ["year", "month", "day"].map((part) => row.get(part));
  const precision = row.get("precision");
  if (!year || !/^\d{4}$/.test(year)) return;
  const date =
    precision === "exact" && month && day
      ? `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`
      : precision === "month_year" && month
        ? `${year}-${month.padStart(2, "0")}`
        : year;
  const prop = placeFact(entity.schema, "birthDate");
  if (prop) addOnce(list, entity, prop, date, row.row);
}

const DEFAULT_IDENTIFIER: Record<string, string> = {
  passport: "passportNumber",
  national: "idNumber",
  business_registration_numbers: "registrationNumber",
  imo: "imoNumber",
};

const compact = (value: string) => value.replace(/[\s'-]+/g, "");

/**
 * The identifiers of a raw value: labelled ones inside it (`INN: 1 OGRN: 2`), else the value
 * named by the note beside it ("Russia INN"), else the value as its type column says.
 */
export function ukIdentifierFacts(raw: string, type: string, info: string): RemarkFact[] {
  const value = raw.replace(/^'+/, "").trim();
  const labelled = parseRemarks(value);
  if (labelled.length) return labelled;
  const hinted = parseRemarks(`${info} ${value}`).filter(
    (fact) => compact(fact.value) === compact(value),
  );
  if (hinted.length) return hinted.slice(0, 1);
  return value ? [refineIdentifier(DEFAULT_IDENTIFIER[type] ?? "idNumber", value)] : [];
}

function readIdentifier(list: UkList, entity: EntityBuilder, row: UkRow): void {
  const facts = ukIdentifierFacts(
    row.get("raw_value"),
    row.get("identifier_type"),
    row.get("additional_info"),
  );
  for (const fact of facts) {
    const prop = placeFact(entity.schema, fact.prop);
    if (prop) addOnce(list, entity, prop, fact.value, row.row);
  }
}

const COUNTRY_PROPS: Record<string, string[]> = {
  address: ["country"],
  birth: ["birthCountry"],
  nationality: ["nationality", "flag", "country"],
};

function readCountry(list: UkList, entity: EntityBuilder, row: UkRow): void {
  const iso = row.get("iso").toLowerCase();
  if (row.get("iso_available") !== "True" || !/^[a-z]{2}$/.test(iso)) return;
  const candidates = COUNTRY_PROPS[row.get("country_type")] ?? ["country"];
  const prop = candidates.find((candidate) => placeFact(entity.schema, candidate) === candidate);
  if (prop) addOnce(list, entity, prop, iso, row.row);
}

const DETAIL_READERS: Array<[UkTable, RowReader]> = [
  ["dobs", readDob],
  ["identifiers", readIdentifier],
  ["countries", readCountry],
];

/**
 * Statements of the detail tables (dates of birth, identifiers, countries), streamed.
 * @example yield* readUkDetails(list, batcher);
 */
export async function* readUkDetails(
  list: UkList,
  batcher: StatementBatcher,
): AsyncIterable<Statement[]> {
  for (const [table, readRow] of DETAIL_READERS) {
    const file = list.files.get(table);
    if (!file) continue;
    for await (const row of readUkRows(file, table)) {
      const entity = subjectOf(list, table, row);
      readRow(list, entity, row);
      yield* batcher.add(entity.statements);
    }
  }
}
