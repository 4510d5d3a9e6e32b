import type Database from "better-sqlite3";
import { type EntityRecord, foldStatements, propertyType, type Statement } from "../model/index.js";
import { linkingIdentifier } from "./fact-pack.js";
import type { Atoms } from "./sqlite-atoms.js";
import { type FactRow, factStatements } from "./sqlite-fact-rows.js";

/** The statements of fact rows, in row order. */
function statementsOf(rows: Iterable<FactRow>, atoms: Atoms): Statement[] {
  const out: Statement[] = [];
  for (const row of rows) factStatements(row, atoms, out);
  return out;
}

/**
 * Every statement about an entity, in load order; the SQLite backend's `getStatements`.
 * @example selectStatements(db, atoms, "ofac-36").length // 9
 */
export function selectStatements(db: Database.Database, atoms: Atoms, id: string): Statement[] {
  const rows = db.prepare("SELECT * FROM facts WHERE entity_id = ? ORDER BY id").all(id);
  return statementsOf(rows as FactRow[], atoms);
}

/**
 * Statements whose value refers to `id`; the SQLite backend's `getReferences`.
 * @example selectReferences(db, atoms, "ofac-36").map((s) => s.entityId) // ["ofac-36-sanction"]
 */
export function selectReferences(db: Database.Database, atoms: Atoms, id: string): Statement[] {
  const rows = db
    .prepare(
      `SELECT * FROM facts WHERE id IN
         (SELECT j.value FROM reference_postings p, json_each(p.facts) j WHERE p.value = ?)
       ORDER BY id`,
    )
    .all(id) as FactRow[];
  return statementsOf(rows, atoms).filter(
    (statement) =>
      statement.value === id && propertyType(statement.schema, statement.prop) === "entity",
  );
}

/**
 * Statements of a dataset from one source, all or those at one locator; `getStatementsAt`.
 * @example selectStatementsAt(db, atoms, "gb_sanctions", sha256, "row:2")
 */
export function selectStatementsAt(
  db: Database.Database,
  atoms: Atoms,
  place: { dataset: string; source: string; locator?: string | undefined },
): Statement[] {
  const dataset = atoms.find(place.dataset);
  const source = atoms.find(place.source);
  if (dataset === undefined || source === undefined) return [];
  const where = place.locator === undefined ? "" : "AND locator = ?";
  const parameters = place.locator === undefined ? [] : [place.locator];
  const rows = db
    .prepare(`SELECT * FROM facts WHERE dataset = ? AND source = ? ${where} ORDER BY id`)
    .all(dataset, source, ...parameters);
  return statementsOf(rows as FactRow[], atoms);
}

/** Prepared once per connection: ingest looks up an identifier for each of its parties. */
const identifierLookups = new WeakMap<Database.Database, Database.Statement>();

function byIdentifier(db: Database.Database): Database.Statement {
  let statement = identifierLookups.get(db);
  if (!statement) {
    statement = db.prepare(
      `SELECT DISTINCT f.entity_id
       FROM identifier_postings p, json_each(p.facts) j JOIN facts f ON f.id = j.value
       WHERE p.prop = ? AND p.value IN (SELECT value FROM json_each(?)) ORDER BY f.entity_id`,
    );
    identifierLookups.set(db, statement);
  }
  return statement;
}

/**
 * Ids of entities with `prop` equal to one of `values`: through the identifier side table
 * for linking identifiers (`linkingIdentifier`), else by reading every fact.
 * @example selectByValue(db, atoms, "innCode", ["1831083343"]) // ["ru-inn-1831083343"]
 */
export function selectByValue(
  db: Database.Database,
  atoms: Atoms,
  prop: string,
  values: string[],
): string[] {
  const key = atoms.find(prop);
  if (key === undefined || !values.length) return [];
  if (linkingIdentifier(prop)) {
    const rows = byIdentifier(db).all(key, JSON.stringify(values)) as Array<{ entity_id: string }>;
    return rows.map((row) => row.entity_id);
  }
  const wanted = new Set(values);
  const found = new Set<string>();
  for (const row of db.prepare("SELECT entity_id, props FROM facts").iterate()) {
    const { entity_id, props } = row as Pick<FactRow, "entity_id" | "props">;
    const pairs = JSON.parse(props) as Array<number | string>;
    for (let index = 0; index < pairs.length; index += 2) {
      if (pairs[index] === key && wanted.has(pairs[index + 1] as string)) found.add(entity_id);
    }
  }
  return [...found].sort();
}

/**
 * Fold fact rows ordered by entity id into entities, one entity at a time.
 * @example for (const entity of foldFacts(rows, atoms)) entity.caption
 */
export function* foldFacts(rows: Iterable<FactRow>, atoms: Atoms): Generator<EntityRecord> {
  let group: Statement[] = [];
  for (const row of rows) {
    if (group.length && group[0]!.entityId !== row.entity_id) {
      yield foldStatements(group);
      group = [];
    }
    factStatements(row, atoms, group);
  }
  if (group.length) yield foldStatements(group);
}
