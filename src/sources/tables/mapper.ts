import {
  detach,
  type Fact,
  makeId,
  type ReferenceToken,
  SanctraceError,
} from "../../model/index.js";
import { converterFor } from "./convert.js";
import type { EntitySpec, MappingSpec, PropertySpec, QuerySpec } from "./mapping.js";

/** Turns one table row into facts, pushed to `out` (a new array by default). */
export type RowMapper = (cells: string[], locator: string, out?: Fact[]) => Fact[];

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

/** A property's getter and the cells it reads; `column` when it reads one cell as it is. */
interface CompiledGetter {
  get: Getter;
  columns: number[];
  column?: number;
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
  const single = !spec.columns && split === undefined;
  return { get, columns: indexes, ...(single ? { column: indexes[0]! } : {}) };
}

/** Whitespace a template's text must have collapsed: runs, ends, other than a space. */
const LOOSE_SPACE = /\s\s|^\s|\s$|[^\S ]/;

function compileTemplate(template: string, find: (column: string) => number): CompiledGetter {
  const parts = template.split(/\{\{\s*(.+?)\s*\}\}/);
  const indexes = parts.map((part, position) => (position % 2 ? find(part) : -1));
  const get: Getter = (cells) => {
    let filled = false;
    let text = "";
    for (let position = 0; position < parts.length; position++) {
      if (position % 2 === 0) {
        text += parts[position]!;
        continue;
      }
      const value = cells[indexes[position]!]?.trim() ?? "";
      if (value) filled = true;
      text += value;
    }
    if (!filled) return [];
    return [LOOSE_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text];
  };
  return { get, columns: indexes.filter((index) => index >= 0) };
}

interface CompiledProperty {
  prop: string;
  get: Getter;
  /** The one cell read as it is (trimmed), for most properties; -1 otherwise. */
  column: number;
  convert: (value: string) => string | undefined;
  entity: string | undefined;
  /** Position of `entity` among the query's entities (-1: none of them). */
  target: number;
  required: boolean;
  identifier: boolean;
}

/**
 * An entity's id under its key cells (`id`; the entry stands for the entity in the facts that
 * refer to it), and the cells and links last stated under them.
 */
interface Keyed extends ReferenceToken {
  last: string[] | undefined;
}

interface CompiledEntity {
  name: string;
  spec: EntitySpec;
  /** The id of a row's entity keyed by its row (a declaration, a payment). */
  rowId: ((cells: string[], locator: string) => string) | undefined;
  /** The id of a row's entity keyed by its cells, cached by their raw text. */
  keyed: (cells: string[]) => Keyed;
  properties: CompiledProperty[];
  /**
   * Every cell its values are read from but its key cells: a row with the cached id of the
   * same key cells has those, trimmed, and values are read trimmed.
   */
  columns: number[];
  /** Referenced by another entity of the query, so it recurs across rows. */
  repeats: boolean;
}

/** Ids by their raw key cells: parties recur across rows, and normalizing and hashing cost. */
const ID_CACHE_SIZE = 100_000;

/** Ids of one entity per row: the file's id and the row number, no hash per row. */
function rowIds(fileId: string) {
  return (_cells: string[], locator: string) =>
    /^row:\d+$/.test(locator) ? `${fileId}-${locator.slice(4)}` : makeId(fileId, locator);
}

/** Entries under one first key cell, at most: a name has few register numbers. */
const ENTRIES_PER_CELL = 16;

/** The cell at `index`, trimmed. */
const trimmedCell = (cells: string[], index: number) => cells[index]?.trim() ?? "";

/** A cached id: its key cells after the first, trimmed, and the next entry of its first cell. */
interface KeyedEntry extends Keyed {
  rest: string[];
  next: KeyedEntry | undefined;
}

/** True when the entry's key cells after the first are those of the row. */
function sameRest(entry: KeyedEntry, cells: string[], indexes: number[]): boolean {
  for (let at = 1; at < indexes.length; at++) {
    if (entry.rest[at - 1] !== trimmedCell(cells, indexes[at]!)) return false;
  }
  return true;
}

/**
 * Ids by their key cells, cached: looked up by the first key cell alone (one hash per row,
 * no joined key), the others compared along a chain of the entries under it, the newest first
 * (each lookup is a few dependent loads from memory, and those, not the hash, are its cost).
 * Bounded: cleared past `ID_CACHE_SIZE` entries; a chain is cut at `ENTRIES_PER_CELL`.
 */
function compileKeyed(dataset: string, literal: string, indexes: number[]) {
  const cache = new Map<string, KeyedEntry>();
  let size = 0;
  const add = (cells: string[], first: string, head: KeyedEntry | undefined): Keyed => {
    if (size++ >= ID_CACHE_SIZE) {
      cache.clear();
      size = 1;
      head = undefined;
    }
    // Empty keys drop out, so a party named with and without an empty id column is one.
    const values = indexes.map((index) => normalizeKey(trimmedCell(cells, index))).filter(Boolean);
    const entry: KeyedEntry = {
      id: values.length ? makeId(dataset, literal, ...values) : undefined,
      last: undefined,
      number: -1,
      round: -1,
      // Kept across rows: copies, not the chunk the cells were cut from.
      rest: indexes.slice(1).map((index) => detach(trimmedCell(cells, index))),
      next: head,
    };
    cache.set(detach(first), entry);
    let tail = entry;
    for (let kept = 1; kept < ENTRIES_PER_CELL && tail.next; kept++) tail = tail.next;
    tail.next = undefined;
    return entry;
  };
  return (cells: string[]): Keyed => {
    const first = trimmedCell(cells, indexes[0]!);
    const head = cache.get(first);
    for (let entry = head; entry; entry = entry.next) {
      if (sameRest(entry, cells, indexes)) return entry;
    }
    return add(cells, first, head);
  };
}

function compileId(
  name: string,
  spec: EntitySpec,
  find: (c: string) => number,
  context: MapContext,
): Pick<CompiledEntity, "rowId" | "keyed"> & { keyColumns: number[] } {
  const { dataset, source } = context;
  const literal = spec.keyLiteral ?? name;
  if (spec.keyRow) {
    const none: Keyed = { id: undefined, last: undefined, number: -1, round: -1 };
    return { rowId: rowIds(makeId(dataset, literal, source)), keyed: () => none, keyColumns: [] };
  }
  const indexes = spec.idColumn ? [find(spec.idColumn)] : spec.keys.map((column) => find(column));
  return { rowId: undefined, keyed: compileKeyed(dataset, literal, indexes), keyColumns: indexes };
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
    column: getters[at]!.column ?? -1,
    convert: converterFor(spec.schema, prop, property.format),
    entity: property.entity,
    target: -1,
    required: Boolean(property.required),
    identifier: Boolean(property.identifier),
  }));
  const { keyColumns, ...id } = compileId(name, spec, (c) => find(c, `${where}.keys`), context);
  const read = new Set(getters.flatMap((getter) => getter.columns));
  const columns = [...read].filter((column) => !keyColumns.includes(column));
  return { name, spec, ...id, properties, columns, repeats: false };
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
  return tests.length ? (cells: string[]) => tests.every((test) => test(cells)) : undefined;
}

export {
  type CompiledEntity,
  type CompiledProperty,
  columnFinder,
  compileEntity,
  compileFilter,
  type Keyed,
  type MapContext,
};
