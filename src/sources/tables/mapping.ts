import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type * as Yaml from "yaml";
import { getProperty, getSchema, requireCommonJs, SanctraceError } from "../../model/index.js";

/** How one property gets its values (FtM mapping format). */
export interface PropertySpec {
  column?: string;
  columns?: string[];
  literal?: string;
  literals?: string[];
  /** Join the values of `columns` with this string into one value. */
  join?: string;
  /** Split each value on this string into several values. */
  split?: string;
  /** strptime-style date format (`%d.%m.%Y`). */
  format?: string;
  /** Aleph-style `{{column}}` template; empty when every column named is empty. */
  template?: string;
  /** Name of another entity of the same query: the value is its id. */
  entity?: string;
  required?: boolean;
  /** Built-ins only: route an identifier to innCode/ogrnCode/uscCode/leiCode by its shape. */
  identifier?: boolean;
}

/** One entity made from each row (FtM mapping format). */
export interface EntitySpec {
  schema: string;
  /** Columns whose values make the id (hashed with the dataset); empty values skip the entity. */
  keys: string[];
  keyLiteral?: string;
  idColumn?: string;
  properties: Record<string, PropertySpec>;
  /** Built-ins only: narrow the schema from the entity's name (legal forms -> Company). */
  classify?: boolean;
  /** Built-ins only: one entity per row (a declaration, a payment), its id from file and row. */
  keyRow?: boolean;
}

export interface QuerySpec {
  entities: Record<string, EntitySpec>;
  filters: Record<string, string[]>;
  filtersNot: Record<string, string[]>;
}

export interface MappingSpec {
  /** Where the mapping came from, for error messages: a file name or `--as customs`. */
  origin: string;
  queries: QuerySpec[];
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function asFilters(value: unknown): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [column, wanted] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    filters[column] = asList(wanted);
  }
  return filters;
}

function readProperty(raw: unknown, where: string): PropertySpec {
  if (typeof raw === "string") return { column: raw };
  if (typeof raw !== "object" || raw === null) {
    throw new SanctraceError(
      "mapping_invalid",
      "a property needs column, columns, literal, template or entity",
      where,
    );
  }
  const spec = raw as Record<string, unknown>;
  const property: PropertySpec = {};
  if (spec.column !== undefined) property.column = String(spec.column);
  if (spec.columns !== undefined) property.columns = asList(spec.columns);
  if (spec.literal !== undefined) property.literal = String(spec.literal);
  if (spec.literals !== undefined) property.literals = asList(spec.literals);
  if (spec.join !== undefined) property.join = String(spec.join);
  if (spec.split !== undefined) property.split = String(spec.split);
  if (spec.format !== undefined) property.format = String(spec.format);
  if (spec.entity !== undefined) property.entity = String(spec.entity);
  if (spec.template !== undefined) property.template = String(spec.template);
  if (spec.required !== undefined) property.required = Boolean(spec.required);
  const sources = ["column", "columns", "literal", "literals", "entity", "template"].filter(
    (key) => spec[key] !== undefined,
  );
  if (!sources.length) {
    throw new SanctraceError(
      "mapping_invalid",
      "a property needs column, columns, literal, template or entity",
      where,
    );
  }
  return property;
}

function readEntity(name: string, raw: unknown, where: string): EntitySpec {
  const spec = (raw ?? {}) as Record<string, unknown>;
  if (typeof spec.schema !== "string") {
    throw new SanctraceError("mapping_invalid", `entity "${name}" needs a schema`, where);
  }
  const schema = getSchema(spec.schema, where).name;
  const properties: Record<string, PropertySpec> = {};
  for (const [prop, value] of Object.entries((spec.properties ?? {}) as Record<string, unknown>)) {
    getProperty(schema, prop, `${where}.properties.${prop}`);
    properties[prop] = readProperty(value, `${where}.properties.${prop}`);
  }
  const entity: EntitySpec = { schema, keys: asList(spec.keys ?? spec.key), properties };
  if (spec.key_literal !== undefined) entity.keyLiteral = String(spec.key_literal);
  if (spec.id_column !== undefined) entity.idColumn = String(spec.id_column);
  if (!entity.keys.length && !entity.idColumn) {
    throw new SanctraceError("mapping_invalid", `entity "${name}" needs keys or id_column`, where);
  }
  return entity;
}

function readQuery(raw: unknown, where: string): QuerySpec {
  const query = (raw ?? {}) as Record<string, unknown>;
  const entities: Record<string, EntitySpec> = {};
  for (const [name, spec] of Object.entries((query.entities ?? {}) as Record<string, unknown>)) {
    entities[name] = readEntity(name, spec, `${where} entities.${name}`);
  }
  if (!Object.keys(entities).length) {
    throw new SanctraceError("mapping_invalid", "a query needs at least one entity", where);
  }
  return {
    entities,
    filters: asFilters(query.filters),
    filtersNot: asFilters(query.filters_not),
  };
}

/**
 * Read an FtM mapping (as used by `ftm map` and Aleph): `{name: {queries: [...]}}`,
 * `{queries: [...]}` or a single query `{entities: ...}`.
 * @example readMapping(yamlText, "customs.yml").queries[0].entities.sender.schema // "Company"
 */
export function readMapping(text: string, origin: string): MappingSpec {
  // Required when a mapping is read: the built-ins need no YAML, and an ingest loads its
  // modules in two threads.
  const yaml = requireCommonJs("yaml") as typeof Yaml;
  let document: unknown;
  try {
    document = yaml.parse(text);
  } catch (error) {
    throw new SanctraceError(
      "mapping_invalid",
      `not valid YAML: ${(error as Error).message}`,
      origin,
    );
  }
  let root = (document ?? {}) as Record<string, unknown>;
  if (!root.queries && !root.query && !root.entities) {
    const [first] = Object.values(root);
    root = (first ?? {}) as Record<string, unknown>;
  }
  const rawQueries = root.queries ?? (root.query ? [root.query] : root.entities ? [root] : []);
  const queries = asArray(rawQueries).map((query, index) =>
    readQuery(query, `${origin} queries.${index}`),
  );
  if (!queries.length) {
    throw new SanctraceError("mapping_invalid", "no queries with entities found", origin);
  }
  return { origin, queries };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Read a mapping YAML file. */
export async function loadMapping(path: string): Promise<MappingSpec> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new SanctraceError("mapping_not_found", "cannot read the mapping file", path);
  }
  return readMapping(text, basename(path));
}
