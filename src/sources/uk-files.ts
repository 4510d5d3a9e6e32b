import { SanctraceError } from "../model/index.js";
import { readCsvChunks } from "./csv-rows.js";
import { headText } from "./files.js";
import type { FileProbe, SourceInput } from "./types.js";

/** The five tables of the UK Sanctions List, known by their header rows. */
export const UK_HEADERS = {
  subjects: "unique_id,subject_type,un_reference_number,ofsi_group_id,date_designated,last_updated",
  names:
    "name_id,unique_id,name_type,alias_strength,full_name,name_6,name_1,name_2,name_3,name_4,name_5",
  dobs: "dob_id,unique_id,year,month,day,precision,parse_issues",
  identifiers: "id,unique_id,ofsi_group_id,raw_value,identifier_type,additional_info",
  countries: "id,unique_id,raw_value,country_type,iso,resolution_method,iso_available",
} as const;

export type UkTable = keyof typeof UK_HEADERS;

/**
 * The table a file holds, from its header row, or undefined.
 * @example ukTable(probe) // "subjects"
 */
export function ukTable(probe: FileProbe): UkTable | undefined {
  const header = headText(probe).split(/\r?\n/, 1)[0]?.trim();
  return (Object.keys(UK_HEADERS) as UkTable[]).find((table) => UK_HEADERS[table] === header);
}

/**
 * The files of a load by table; the subjects table is required.
 * @example sortUkFiles(files).get("names")?.name // "subject_names.csv"
 */
export function sortUkFiles(files: SourceInput[]): Map<UkTable, SourceInput> {
  const byTable = new Map<UkTable, SourceInput>();
  for (const file of files) {
    const table = ukTable(file);
    if (!table)
      throw new SanctraceError("gb_unknown_file", "not a UK sanctions list table", file.name);
    if (byTable.has(table)) {
      throw new SanctraceError(
        "gb_duplicate_file",
        `two ${table} tables (${byTable.get(table)?.name} and ${file.name}); load one list at a time`,
        file.name,
      );
    }
    byTable.set(table, file);
  }
  if (!byTable.has("subjects")) {
    throw new SanctraceError(
      "gb_missing_subjects",
      "the UK list needs subjects.csv (unique_id, subject_type, …) beside its other tables",
      files[0]?.name,
    );
  }
  return byTable;
}

/** A data row as named fields (header row skipped). */
export interface UkRow {
  row: number;
  /** The fields after the first (the row's own id): equal for rows that repeat a fact. */
  readonly content: string;
  get(column: string): string;
}

class UkRecord implements UkRow {
  constructor(
    readonly row: number,
    private readonly values: string[],
    private readonly columns: Map<string, number>,
  ) {}

  get content(): string {
    return this.values.slice(1).join("\u0000");
  }

  get(column: string): string {
    const at = this.columns.get(column);
    return at === undefined ? "" : (this.values[at] ?? "").trim();
  }
}

/**
 * Stream the data rows of a UK table with named access to fields, a chunk at a time.
 * @example for await (const rows of readUkRows(file, "names")) for (const r of rows) r.get("full_name")
 */
export async function* readUkRows(file: SourceInput, table: UkTable): AsyncIterable<UkRow[]> {
  const names = UK_HEADERS[table].split(",");
  const columns = new Map(names.map((name, i) => [name, i]));
  for await (const chunk of readCsvChunks(file, { columns: names.length })) {
    const rows: UkRow[] = [];
    for (const { row, values } of chunk) {
      if (row !== 1) rows.push(new UkRecord(row, values, columns));
    }
    yield rows;
  }
}

export interface UkList {
  files: Map<UkTable, SourceInput>;
  dataset: string;
  /** unique_id -> schema. */
  schemata: Map<string, string>;
  /** `id|prop|value` already stated: the tables repeat rows many times. */
  seen: Set<string>;
}

/**
 * The subject of a row in `table`; unknown subjects mean mixed-up files.
 * @example subjectOf(list, "dobs", row) // { id: "gb-AFG0006", schema: "Person" }
 */
export function subjectOf(list: UkList, table: UkTable, row: UkRow) {
  const uniqueId = row.get("unique_id");
  const schema = list.schemata.get(uniqueId);
  if (!schema) {
    const subjects = list.files.get("subjects")!.name;
    throw new SanctraceError(
      "gb_unknown_subject",
      `subject ${uniqueId} is not in ${subjects}; the tables come from different lists`,
      `${list.files.get(table)!.name} row:${row.row}`,
    );
  }
  return { id: `gb-${uniqueId}`, schema };
}

/**
 * True the first time a subject states `prop` = `value`: the tables repeat rows many times.
 * @example isNew(list, "gb-RUS0232", "innCode", "7831000122") // true, then false
 */
export function isNew(list: UkList, id: string, prop: string, value: string): boolean {
  const key = `${id}|${prop}|${value}`;
  if (!value || list.seen.has(key)) return false;
  list.seen.add(key);
  return true;
}
