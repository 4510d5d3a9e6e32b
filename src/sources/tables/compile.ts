import { detach, type Fact, type ReferenceToken } from "../../model/index.js";
import { hasLegalForm, identifierProps } from "./convert.js";
import {
  type CompiledEntity,
  columnFinder,
  compileEntity,
  compileFilter,
  type Keyed,
  type MapContext,
  type RowMapper,
} from "./mapper.js";
import type { MappingSpec } from "./mapping.js";

const COMPANY_IDENTIFIERS = new Set(["ogrnCode", "uscCode", "leiCode"]);

/**
 * Push an entity's values to `values` as prop, value, prop, value ...; false when a required
 * one is missing (the entity is dropped). Links are the ids of the query's other entities;
 * the entries they are keyed by go to `references` (see `Fact.references`).
 */
function collectValues(
  entity: CompiledEntity,
  cells: string[],
  links: Links,
  values: string[],
  references?: ReferenceToken[],
): boolean {
  for (const property of entity.properties) {
    if (property.entity) {
      const target = links.ids[property.target];
      if (target) {
        values.push(property.prop, target);
        const keyed = links.keys[property.target]!;
        // An entity keyed by its row has no entry of its own to stand for it.
        if (keyed.id === target) references?.push(keyed);
      } else if (property.required) return false;
      continue;
    }
    if (property.column >= 0) {
      const text = cells[property.column]?.trim();
      if (text) pushValue(property, text, values);
      else if (property.required) return false;
      continue;
    }
    const raw = property.get(cells);
    if (!raw.length && property.required) return false;
    for (const text of raw) pushValue(property, text, values);
  }
  return true;
}

function pushValue(property: CompiledEntity["properties"][number], text: string, out: string[]) {
  const value = property.convert(text);
  if (value === undefined) return;
  if (!property.identifier) out.push(property.prop, value);
  else for (const prop of identifierProps(value)) out.push(prop, value);
}

/** Built-in parties: a legal form in the name or a company register number makes a Company. */
function classify(entity: CompiledEntity, values: string[]): string {
  const schema = entity.spec.schema;
  if (!entity.spec.classify || schema !== "LegalEntity") return schema;
  for (let at = 0; at < values.length; at += 2) {
    const prop = values[at]!;
    if (COMPANY_IDENTIFIERS.has(prop) || (prop === "name" && hasLegalForm(values[at + 1]!))) {
      return "Company";
    }
  }
  return schema;
}

/** True when the entity's cells and links are those of `before`, value for value. */
function sameRaw(
  before: string[],
  entity: CompiledEntity,
  cells: string[],
  ids: Array<string | undefined>,
): boolean {
  let at = 0;
  for (const column of entity.columns) if (before[at++] !== (cells[column] ?? "")) return false;
  for (const property of entity.properties) {
    if (property.entity && before[at++] !== (ids[property.target] ?? "")) return false;
  }
  return true;
}

/** The entity's cells and links, copied: they are kept across rows. */
function rawOf(entity: CompiledEntity, cells: string[], ids: Array<string | undefined>) {
  const raw = entity.columns.map((column) => detach(cells[column] ?? ""));
  for (const property of entity.properties) {
    if (property.entity) raw.push(ids[property.target] ?? "");
  }
  return raw;
}

/** The ids of the row's entities, by their place in the query, and the entries of those keyed. */
interface Links {
  ids: Array<string | undefined>;
  keys: Keyed[];
}

/** Where the facts of a row go, and what is remembered across rows. */
interface RowState {
  out: Fact[];
  locator: string;
  /** Values already stated per entity id (recurring entities only). */
  stated: Map<string, Set<string>>;
}

/**
 * State a recurring entity's (a party's) values, each once: nothing when its cells and
 * links are those last stated under its key cells (no hashing), else the values not yet
 * stated for its id. False when a required value is missing.
 */
function stateRecurring(
  entity: CompiledEntity,
  keyed: Keyed,
  cells: string[],
  links: Links,
  row: RowState,
  context: MapContext,
): boolean {
  const { ids } = links;
  if (keyed.last && sameRaw(keyed.last, entity, cells, ids)) return true;
  const values: string[] = [];
  if (!collectValues(entity, cells, links, values)) return false;
  // Only a row that mapped is remembered; a dropped one is dropped again next time.
  keyed.last = rawOf(entity, cells, ids);
  const entityId = keyed.id!;
  const schema = classify(entity, values);
  let stated = row.stated.get(entityId);
  if (!stated) {
    stated = new Set();
    row.stated.set(entityId, stated);
  }
  const fresh: string[] = [];
  for (let at = 0; at < values.length; at += 2) {
    const prop = values[at]!;
    // A party's values are kept until it is resolved, the chunks they came from not.
    const value = detach(values[at + 1]!);
    const key = `${schema}\u0000${prop}\u0000${value}`;
    if (stated.has(key)) continue;
    stated.add(key);
    fresh.push(prop, value);
  }
  if (fresh.length) pushFact(row, context, entityId, schema, fresh);
  return true;
}

function pushFact(
  row: RowState,
  context: MapContext,
  entityId: string,
  schema: string,
  values: string[],
  references?: ReferenceToken[],
): void {
  const { dataset, source } = context;
  const fact: Fact = { entityId, schema, dataset, source, locator: row.locator, values };
  if (references?.length) fact.references = references;
  row.out.push(fact);
}

/** State an entity of this row alone (a declaration, a payment). */
function stateOnce(
  entity: CompiledEntity,
  entityId: string,
  cells: string[],
  links: Links,
  row: RowState,
  context: MapContext,
): boolean {
  const values: string[] = [];
  const references: ReferenceToken[] = [];
  if (!collectValues(entity, cells, links, values, references)) return false;
  if (values.length) {
    pushFact(row, context, entityId, classify(entity, values), values, references);
  }
  return true;
}

function compileQuery(
  query: MappingSpec["queries"][number],
  find: ReturnType<typeof columnFinder>,
  context: MapContext,
) {
  const entities = Object.entries(query.entities).map(([name, spec]) =>
    compileEntity(name, spec, find, context),
  );
  const names = entities.map((entity) => entity.name);
  for (const entity of entities) {
    // An entity of one row (a declaration) never recurs, even when another refers to it.
    entity.repeats =
      !entity.rowId &&
      entities.some((other) =>
        other.properties.some((property) => property.entity === entity.name),
      );
    for (const property of entity.properties) {
      if (property.entity) property.target = names.indexOf(property.entity);
    }
  }
  // Ids and keys of the row being mapped, reused row after row.
  const links: Links = { ids: [], keys: [] };
  return { entities, filter: compileFilter(query, find), links };
}

/**
 * Compile a mapping against a table's columns into a function from a row to facts (one per
 * entity the row states something about).
 * Entities referenced by others (parties, accounts) recur across rows; each of their values
 * is stated once, at the first row that gives it. Refuses columns the table lacks with
 * `mapping_missing_column`, naming the mapping and the column.
 * @example const map = compileMapping(spec, ["sender", "date"], context); map(cells, "row:2");
 */
export function compileMapping(
  mapping: MappingSpec,
  columns: string[],
  context: MapContext,
): RowMapper {
  const find = columnFinder(columns, mapping, context.table);
  const queries = mapping.queries.map((query) => compileQuery(query, find, context));
  const stated = new Map<string, Set<string>>();
  return (cells, locator, out = []) => {
    const row: RowState = { out, locator, stated };
    for (const { entities, filter, links } of queries) {
      const { ids, keys } = links;
      if (filter && !filter(cells)) continue;
      for (let at = 0; at < entities.length; at++) {
        const entity = entities[at]!;
        keys[at] = entity.keyed(cells);
        ids[at] = entity.rowId ? entity.rowId(cells, locator) : keys[at]!.id;
      }
      for (let at = 0; at < entities.length; at++) {
        const entity = entities[at]!;
        const id = ids[at];
        const kept =
          id !== undefined &&
          (entity.repeats
            ? stateRecurring(entity, keys[at]!, cells, links, row, context)
            : stateOnce(entity, id, cells, links, row, context));
        if (!kept) ids[at] = undefined;
      }
    }
    return out;
  };
}
