import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parse } from "csv-parse";
import { getSchema, SanctraceError, sha256 } from "../model/index.js";
import type { Store } from "../store/index.js";
import { readJsonLines } from "./json-lines.js";
import { parseQuery } from "./query.js";
import type { ScreenInput } from "./screen.js";
import type { MatchQuery } from "./types.js";

/** CSV headers that name something other than an FtM property of the same name. */
const CSV_ALIASES: Record<string, string> = {
  birth_date: "birthDate",
  dob: "birthDate",
  date_of_birth: "birthDate",
  incorporation_date: "incorporationDate",
  id_number: "idNumber",
  registration_number: "registrationNumber",
  tax_number: "taxNumber",
  inn: "innCode",
  ogrn: "ogrnCode",
  lei: "leiCode",
  imo: "imoNumber",
  alias: "alias",
};

/** The file's name and digest, which identify it across screening runs. */
export async function describeInput(path: string): Promise<ScreenInput> {
  try {
    return { name: basename(path), sha256: sha256(await readFile(path)) };
  } catch {
    throw new SanctraceError("source_not_found", "no such file", path);
  }
}

async function* readQueryLines(path: string): AsyncIterable<MatchQuery> {
  for await (const { value, where } of readJsonLines(path)) yield parseQuery(value, where);
}

function camelCase(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return CSV_ALIASES[key] ?? key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** One CSV row to a query: `id` and `schema` columns are special, others are properties. */
function rowQuery(row: Record<string, string>, where: string): MatchQuery {
  const schema = row.schema?.trim() || (row.birthDate ? "Person" : "LegalEntity");
  const properties: Record<string, string[]> = {};
  const known = getSchema(schema, where).getProperties();
  for (const [column, value] of Object.entries(row)) {
    if (column === "id" || column === "schema" || !value.trim()) continue;
    if (!known.has(column)) {
      throw new SanctraceError(
        "csv_unknown_column",
        `column "${column}" is not a property of ${schema}`,
        where,
      );
    }
    properties[column] = [value];
  }
  return parseQuery({ ...(row.id ? { id: row.id } : {}), schema, properties }, where);
}

async function* readCsv(path: string): AsyncIterable<MatchQuery> {
  const parser = createReadStream(path).pipe(
    parse({
      columns: (headers: string[]) => headers.map(camelCase),
      bom: true,
      skip_empty_lines: true,
    }),
  );
  let number = 1;
  try {
    for await (const row of parser) {
      number++;
      yield rowQuery(row as Record<string, string>, `${basename(path)} row:${number}`);
    }
  } catch (error) {
    if (error instanceof SanctraceError) throw error;
    throw new SanctraceError(
      "csv_malformed",
      (error as Error).message,
      `${basename(path)} row:${number}`,
    );
  }
}

/**
 * Read screening queries from FtM JSON lines (`.jsonl`, `.json`) or a CSV with a header row
 * (`name`, `schema`, `country`, `birth_date`, ... columns).
 * @example for await (const query of readQueryFile("parties.csv")) console.log(query);
 */
export function readQueryFile(path: string): AsyncIterable<MatchQuery> {
  return /\.csv$/i.test(path) ? readCsv(path) : readQueryLines(path);
}

/**
 * Every matchable entity of the workspace's evidence (non-list) datasets, as queries.
 * @example await screenEntities(store, workspaceQueries(store), { matcher });
 */
export async function* workspaceQueries(store: Store): AsyncIterable<MatchQuery> {
  for await (const entity of store.iterateEntities({ kind: "evidence" })) {
    if (!getSchema(entity.schema).matchable) continue;
    yield { id: entity.id, schema: entity.schema, properties: entity.properties };
  }
}
