import type { Statement } from "../../model/index.js";
import { hasLegalForm, identifierProps } from "./convert.js";
import {
  type CompiledEntity,
  columnFinder,
  compileEntity,
  compileFilter,
  type MapContext,
  type RowMapper,
} from "./mapper.js";
import type { MappingSpec } from "./mapping.js";
import { detach } from "./table.js";

type Values = Array<[prop: string, value: string]>;

const COMPANY_IDENTIFIERS = new Set(["ogrnCode", "uscCode", "leiCode"]);

function entityValues(entity: CompiledEntity, cells: string[], ids: Map<string, string>) {
  const values: Values = [];
  for (const property of entity.properties) {
    if (property.entity) {
      const target = ids.get(property.entity);
      if (target) values.push([property.prop, target]);
      else if (property.required) return undefined;
      continue;
    }
    const raw = property.get(cells);
    if (!raw.length && property.required) return undefined;
    for (const text of raw) {
      const value = property.convert(text);
      if (value === undefined) continue;
      if (!property.identifier) values.push([property.prop, value]);
      else for (const prop of identifierProps(value)) values.push([prop, value]);
    }
  }
  return values;
}

/** Built-in parties: a legal form in the name or a company register number makes a Company. */
function classify(entity: CompiledEntity, values: Values): string {
  const schema = entity.spec.schema;
  if (!entity.spec.classify || schema !== "LegalEntity") return schema;
  const company = values.some(
    ([prop, value]) => COMPANY_IDENTIFIERS.has(prop) || (prop === "name" && hasLegalForm(value)),
  );
  return company ? "Company" : schema;
}

function statedValues(seen: Map<string, Set<string>>, entityId: string): Set<string> {
  let stated = seen.get(entityId);
  if (!stated) {
    stated = new Set();
    seen.set(entityId, stated);
  }
  return stated;
}

/** True when the entity's cells and links are those of `before`, value for value. */
function sameRaw(before: string[], entity: CompiledEntity, cells: string[], ids: Links): boolean {
  let at = 0;
  for (const column of entity.columns) if (before[at++] !== (cells[column] ?? "")) return false;
  for (const property of entity.properties) {
    if (property.entity && before[at++] !== (ids.get(property.entity) ?? "")) return false;
  }
  return true;
}

function rawOf(entity: CompiledEntity, cells: string[], ids: Links): string[] {
  const raw = entity.columns.map((column) => detach(cells[column] ?? ""));
  for (const property of entity.properties) {
    if (property.entity) raw.push(ids.get(property.entity) ?? "");
  }
  return raw;
}

type Links = Map<string, string>;
type Mapped = [entity: CompiledEntity, id: string, values: Values];

/**
 * The values of a recurring entity (a party), unless its cells are those it had the last
 * time: a party met again in the same words states nothing new. Comparing with the last
 * cells (no hashing) is enough, as stated values are deduplicated after this.
 */
function recurringValues(
  entity: CompiledEntity,
  entityId: string,
  cells: string[],
  ids: Links,
  last: Map<CompiledEntity, Map<string, string[]>>,
): Values | undefined {
  let ofEntity = last.get(entity);
  if (!ofEntity) {
    ofEntity = new Map();
    last.set(entity, ofEntity);
  }
  const before = ofEntity.get(entityId);
  if (before && sameRaw(before, entity, cells, ids)) return [];
  const values = entityValues(entity, cells, ids);
  // Only a row that mapped is remembered; a dropped one is dropped again next time.
  if (values) ofEntity.set(entityId, rawOf(entity, cells, ids));
  return values;
}

/**
 * Compile a mapping against a table's columns into a function from a row to statements.
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
  const queries = mapping.queries.map((query) => {
    const entities = Object.entries(query.entities).map(([name, spec]) =>
      compileEntity(name, spec, find, context),
    );
    for (const entity of entities) {
      entity.repeats = entities.some((other) =>
        other.properties.some((property) => property.entity === entity.name),
      );
    }
    return { entities, filter: compileFilter(query, find) };
  });
  const seen = new Map<string, Set<string>>();
  const mapped = new Map<CompiledEntity, Map<string, string[]>>();
  const { dataset, source } = context;
  return (cells, locator) => {
    const statements: Statement[] = [];
    for (const query of queries) {
      if (!query.filter(cells)) continue;
      const ids = new Map<string, string>();
      for (const entity of query.entities) {
        const id = entity.id(cells, locator);
        if (id) ids.set(entity.name, id);
      }
      const rows: Mapped[] = [];
      for (const entity of query.entities) {
        const id = ids.get(entity.name);
        const values = !id
          ? undefined
          : entity.repeats
            ? recurringValues(entity, id, cells, ids, mapped)
            : entityValues(entity, cells, ids);
        if (id && values) rows.push([entity, id, values]);
        else ids.delete(entity.name);
      }
      for (const [entity, entityId, values] of rows) {
        const schema = classify(entity, values);
        const stated = entity.repeats && values.length ? statedValues(seen, entityId) : undefined;
        for (const [prop, value] of values) {
          if (stated) {
            const key = `${schema}\u0000${prop}\u0000${value}`;
            if (stated.has(key)) continue;
            stated.add(detach(key));
          }
          // A party's values are kept until it is resolved, the chunks they came from not.
          const kept = entity.repeats ? detach(value) : value;
          statements.push({ entityId, schema, prop, value: kept, dataset, source, locator });
        }
      }
    }
    return statements;
  };
}
