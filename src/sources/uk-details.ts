import { EntityBuilder, type Statement } from "../model/index.js";
import type { StatementBatcher } from "./batcher.js";
import { parseRemarks, placeFact, type RemarkFact, refineIdentifier } from "./identifiers.js";
import { isNew, readUkRows, subjectOf, type UkList, type UkRow, type UkTable } from "./uk-files.js";

/** The `[prop, value]` pairs a detail row states about a subject of `schema`. */
type RowReader = (schema: string, row: UkRow) => Array<[string, string]>;

function readDob(schema: string, row: UkRow): Array<[string, string]> {
  const [year, month, day] = ["year", "month", "day"].map((part) => row.get(part));
  const precision = row.get("precision");
  if (!year || !/^\d{4}$/.test(year)) return [];
  const date =
    precision === "exact" && month && day
      ? `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`
      : precision === "month_year" && month
        ? `${year}-${month.padStart(2, "0")}`
        : year;
  const prop = placeFact(schema, "birthDate");
  return prop ? [[prop, date]] : [];
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
 * @example ukIdentifierFacts("780708486042", "national", "Russia INN")
 * // [{ prop: "innCode", value: "780708486042", country: "ru" }]
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

// The tables repeat identifier rows many times; parse each distinct one once.
const identifierCache = new Map<string, RemarkFact[]>();

function readIdentifier(schema: string, row: UkRow): Array<[string, string]> {
  const [raw, type, info] = ["raw_value", "identifier_type", "additional_info"].map((column) =>
    row.get(column),
  );
  const key = `${raw}\u0000${type}\u0000${info}`;
  let facts = identifierCache.get(key);
  if (!facts) {
    facts = ukIdentifierFacts(raw!, type!, info!);
    if (identifierCache.size > 100_000) identifierCache.clear();
    identifierCache.set(key, facts);
  }
  return facts.flatMap((fact): Array<[string, string]> => {
    const prop = placeFact(schema, fact.prop);
    return prop ? [[prop, fact.value]] : [];
  });
}

const COUNTRY_PROPS: Record<string, string[]> = {
  address: ["country"],
  birth: ["birthCountry"],
  nationality: ["nationality", "flag", "country"],
};

function readCountry(schema: string, row: UkRow): Array<[string, string]> {
  const iso = row.get("iso").toLowerCase();
  if (row.get("iso_available") !== "True" || !/^[a-z]{2}$/.test(iso)) return [];
  const candidates = COUNTRY_PROPS[row.get("country_type")] ?? ["country"];
  const prop = candidates.find((candidate) => placeFact(schema, candidate) === candidate);
  return prop ? [[prop, iso]] : [];
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
    // Most rows repeat an earlier one but for their own id: they state nothing new.
    const seenRows = new Set<string>();
    for await (const rows of readUkRows(file, table)) {
      for (const row of rows) {
        const content = row.content;
        if (seenRows.has(content)) continue;
        seenRows.add(content);
        yield* batcher.add(readDetail(list, table, row, readRow));
      }
    }
  }
}

function readDetail(list: UkList, table: UkTable, row: UkRow, readRow: RowReader): Statement[] {
  const { id, schema } = subjectOf(list, table, row);
  const fresh = readRow(schema, row).filter(([prop, value]) => isNew(list, id, prop, value));
  if (!fresh.length) return [];
  const entity = new EntityBuilder(schema, id, {
    dataset: list.dataset,
    source: list.files.get(table)!.sha256,
  });
  for (const [prop, value] of fresh) entity.add(prop, value, `row:${row.row}`);
  return entity.statements;
}
