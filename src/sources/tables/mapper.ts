import { makeId, SanctraceError, type Statement } from "../../model/index.js";
import { converterFor } from "./convert.js";
import type { EntitySpec, MappingSpec, PropertySpec, QuerySpec } from "./mapping.js";
import { detach } from "./table.js";

/** Turns one table row into statements. */
export type RowMapper = (cells: string[], locator: string) => Statement[];

interface MapContext {
  dataset: string;
  source: string;
  /** The table file, for error messages. */
  table: string;
}

type Getter = (cells: string[]) => string[];

/** Ids are stable across spellings of the same key: case, spacing and punctuation ignored. */
export function normalizeKey(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function columnFinder(columns: string[], mapping: MappingSpec, table: string) {
  const index = new Map<string, number>();
  columns.forEach((name, position) => {
    if (!index.has(name)) index.set(name, position);
    const loose = name.trim().toLowerCase();
    if (!index.has(loose)) index.set(loose, position);
  });
  return (column: string, where: string): number => {
    const found = index.get(column) ?? index.get(column.trim().toLowerCase());
    if (found === undefined) {
      throw new SanctraceError(
        "mapping_missing_column",
        `column "${column}" is not in ${table} (its columns: ${columns.join(", ")})`,
        `${mapping.origin} ${where}`,
      );
    }
    return found;
  };
}

function cellsOf(cells: string[], indexes: number[]): string[] {
  const values: string[] = [];
  for (const index of indexes) {
    const value = cells[index]?.trim();
    if (value) values.push(value);
  }
  return values;
}

/** A property's getter and the cells it reads. */
interface CompiledGetter {
  get: Getter;
  columns: number[];
}

function compileGetter(spec: PropertySpec, find: (column: string) => number): CompiledGetter {
  if (spec.literal !== undefined || spec.literals) {
    const literals = spec.literals ?? [spec.literal!];
    return { get: () => literals, columns: [] };
  }
  if (spec.template !== undefined) return compileTemplate(spec.template, find);
  const indexes = spec.columns ? spec.columns.map((column) => find(column)) : [find(spec.column!)];
  const { join, split } = spec;
  const get: Getter = (cells) => {
    let values = cellsOf(cells, indexes);
    if (join !== undefined && values.length) values = [values.join(join)];
    if (split !== undefined) values = values.flatMap((value) => value.split(split));
    return values;
  };
  return { get, columns: indexes };
}

function compileTemplate(template: string, find: (column: string) => number): CompiledGetter {
  const parts = template.split(/\{\{\s*(.+?)\s*\}\}/);
  const indexes = parts.map((part, position) => (position % 2 ? find(part) : -1));
  const get: Getter = (cells) => {
    let filled = false;
    const text = parts
      .map((part, position) => {
        if (position % 2 === 0) return part;
        const value = cells[indexes[position]!]?.trim() ?? "";
        if (value) filled = true;
        return value;
      })
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    return filled ? [text] : [];
  };
  return { get, columns: indexes.filter((index) => index >= 0) };
}

interface CompiledProperty {
  prop: string;
  get: Getter;
  convert: (value: string) => string | undefined;
  entity: string | undefined;
  required: boolean;
  identifier: boolean;
}

interface CompiledEntity {
  name: string;
  spec: EntitySpec;
  id: (cells: string[], locator: string) => string | undefined;
  properties: CompiledProperty[];
  /** Every cell its values are read from. */
  columns: number[];
  /** Referenced by another entity of the query, so it recurs across rows. */
  repeats: boolean;
}

/** Ids by their raw key cells: parties recur across rows, and normalizing and hashing cost. */
const ID_CACHE_SIZE = 100_000;

function cachedIds(compute: (raw: string[]) => string | undefined) {
  const ids = new Map<string, string | undefined>();
  return (raw: string[]): string | undefined => {
    const key = raw.join("\u001f");
    if (ids.has(key)) return ids.get(key);
    const id = compute(raw);
    if (ids.size >= ID_CACHE_SIZE) ids.clear();
    ids.set(detach(key), id);
    return id;
  };
}

/** Ids of one entity per row: the file's id and the row number, no hash per row. */
function rowIds(fileId: string) {
  return (_cells: string[], locator: string) =>
    /^row:\d+$/.test(locator) ? `${fileId}-${locator.slice(4)}` : makeId(fileId, locator);
}

function compileId(
  name: string,
  spec: EntitySpec,
  find: (c: string) => number,
  context: MapContext,
) {
  const { dataset, source } = context;
  const literal = spec.keyLiteral ?? name;
  if (spec.keyRow) return rowIds(makeId(dataset, literal, source));
  const indexes = spec.idColumn ? [find(spec.idColumn)] : spec.keys.map((column) => find(column));
  const idOf = cachedIds((raw) => {
    // Empty keys drop out, so a party named with and without an empty id column is one.
    const values = raw.map((value) => normalizeKey(value)).filter(Boolean);
    if (!values.length) return undefined;
    return makeId(dataset, literal, ...values);
  });
  return (cells: string[]) => idOf(indexes.map((index) => cells[index]?.trim() ?? ""));
}

function compileEntity(
  name: string,
  spec: EntitySpec,
  find: (column: string, where: string) => number,
  context: MapContext,
): CompiledEntity {
  const where = `entities.${name}`;
  const entries = Object.entries(spec.properties);
  const getters = entries.map(([prop, property]) =>
    property.entity
      ? { get: () => [], columns: [] }
      : compileGetter(property, (c) => find(c, `${where}.properties.${prop}`)),
  );
  const properties = entries.map(([prop, property], at) => ({
    prop,
    get: getters[at]!.get,
    convert: converterFor(spec.schema, prop, property.format),
    entity: property.entity,
    required: Boolean(property.required),
    identifier: Boolean(property.identifier),
  }));
  const id = compileId(name, spec, (c) => find(c, `${where}.keys`), context);
  const columns = getters.flatMap((getter) => getter.columns);
  return { name, spec, id, properties, columns, repeats: false };
}

function compileFilter(query: QuerySpec, find: (column: string, where: string) => number) {
  const tests = [
    ...Object.entries(query.filters).map(([column, values]) => {
      const index = find(column, `filters.${column}`);
      return (cells: string[]) => values.includes(cells[index]?.trim() ?? "");
    }),
    ...Object.entries(query.filtersNot).map(([column, values]) => {
      const index = find(column, `filters_not.${column}`);
      return (cells: string[]) => !values.includes(cells[index]?.trim() ?? "");
    }),
  ];
  return (cells: string[]) => tests.every((test) => test(cells));
}

export { type CompiledEntity, columnFinder, compileEntity, compileFilter, type MapContext };
