import { getProperty, getSchema, SanctraceError, sha256 } from "../model/index.js";
import type { MatchQuery } from "./types.js";

/**
 * Check an FtM-shaped query from outside (a JSON line, an API body) and return it cleaned:
 * a known, matchable schema; properties of that schema; values as arrays of non-empty
 * strings (a single string is accepted, as yente does).
 * @example parseQuery({ schema: "Person", properties: { name: "Ivan Petrov" } }, "line:1")
 */
export function parseQuery(raw: unknown, path: string): MatchQuery {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new SanctraceError("query_invalid", "a query must be a JSON object", path);
  }
  const { id, schema, properties } = raw as {
    id?: unknown;
    schema?: unknown;
    properties?: unknown;
  };
  if (typeof schema !== "string") {
    throw new SanctraceError("query_invalid", 'a query needs a string "schema"', path);
  }
  if (!getSchema(schema, path).matchable) {
    throw new SanctraceError(
      "query_schema_not_matchable",
      `schema ${schema} cannot be matched`,
      path,
    );
  }
  if (id !== undefined && id !== null && typeof id !== "string") {
    throw new SanctraceError("query_invalid", '"id" must be a string', path);
  }
  const cleaned = parseProperties(schema, properties ?? {}, path);
  return { ...(typeof id === "string" ? { id } : {}), schema, properties: cleaned };
}

function parseProperties(schema: string, raw: unknown, path: string): Record<string, string[]> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new SanctraceError("query_invalid", '"properties" must be an object', path);
  }
  const properties: Record<string, string[]> = {};
  for (const [prop, value] of Object.entries(raw)) {
    getProperty(schema, prop, path);
    const values = (Array.isArray(value) ? value : [value])
      .filter((item) => item !== null && item !== undefined)
      .map((item) => {
        if (typeof item === "object") {
          throw new SanctraceError("query_invalid", `property ${prop} holds an object`, path);
        }
        return String(item).trim();
      })
      .filter(Boolean);
    if (values.length) properties[prop] = values;
  }
  return properties;
}

/** What the `match` command and simple clients know about a party. */
export interface NameQueryInput {
  name: string;
  schema?: string;
  country?: string;
  birthDate?: string;
  identifier?: string;
}

/**
 * A query from a name and a few facts; a birth date makes it a Person, an identifier goes
 * into `idNumber` (Vessels: `imoNumber`).
 * @example buildNameQuery({ name: "Kupol", country: "ru" })
 * // { schema: "LegalEntity", properties: { name: ["Kupol"], country: ["ru"] } }
 */
export function buildNameQuery(input: NameQueryInput): MatchQuery {
  const schema = input.schema ?? (input.birthDate ? "Person" : "LegalEntity");
  const identifierProp = schema === "Vessel" ? "imoNumber" : "idNumber";
  const raw: Record<string, string | undefined> = {
    name: input.name,
    country: input.country,
    birthDate: input.birthDate,
    [identifierProp]: input.identifier,
  };
  const properties = Object.fromEntries(Object.entries(raw).filter(([, value]) => value));
  return parseQuery({ schema, properties }, "query");
}

/** A stable key for a query across runs: its id, else a digest of its content. */
export function queryKey(query: MatchQuery): string {
  if (query.id) return query.id;
  return `q-${sha256(JSON.stringify([query.schema, Object.entries(query.properties).sort()])).slice(0, 16)}`;
}
