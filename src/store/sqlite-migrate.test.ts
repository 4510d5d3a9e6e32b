import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { propertyType, type Statement } from "../model/index.js";
import { SqliteStore } from "./sqlite.js";
import { sqliteMigrations } from "./sqlite-schema.js";
import type { DatasetLoad, Store } from "./store.js";

const sha = { list: "a".repeat(64), other: "b".repeat(64) };

function at(
  entityId: string,
  schema: string,
  prop: string,
  value: string,
  locator: string,
  source = sha.list,
): Statement {
  return { entityId, schema, prop, value, dataset: "alpha", source, locator };
}

// Two datasets; statements of one entity interleave with others and repeat locators.
const alpha: Statement[] = [
  at("c1", "Company", "name", "Kupol", "row:2"),
  at("c1", "Company", "innCode", "1831083343", "row:2"),
  at("s1", "Sanction", "entity", "c1", "row:2"),
  at("s1", "Sanction", "authority", "OFAC", "row:2"),
  at("c2", "Company", "name", "Vector", "row:3"),
  at("c1", "Company", "alias", "IEMZ Kupol", "row:4"),
  at("o1", "Ownership", "owner", "c2", "row:5", sha.other),
  at("o1", "Ownership", "asset", "c1", "row:5", sha.other),
];
const beta: Statement[] = [
  { ...at("c1", "Company", "registrationNumber", "77", "line:1"), dataset: "beta" },
  { ...at("p1", "Person", "name", "Ivan", "line:2"), dataset: "beta" },
];

function load(name: string): DatasetLoad {
  const sources = [
    { name: "list.csv", sha256: sha.list, size: 10 },
    { name: "other.csv", sha256: sha.other, size: 20 },
  ];
  return { name, title: name, kind: "list", sources };
}

/** A workspace as the layout before fact rows wrote it: one row per statement. */
function writeOldWorkspace(path: string, loads: Array<[DatasetLoad, Statement[]]>): void {
  const db = new Database(path);
  for (const migration of sqliteMigrations.slice(0, 3)) db.exec(migration);
  db.pragma("user_version = 3");
  const insert = db.prepare(
    `INSERT INTO statements (entity_id, schema, prop, prop_type, value, dataset, source, locator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [dataset, statements] of loads) {
    for (const s of statements) {
      const type = propertyType(s.schema, s.prop);
      insert.run(s.entityId, s.schema, s.prop, type, s.value, s.dataset, s.source, s.locator);
    }
    db.prepare(
      `INSERT INTO datasets (name, title, kind, sources, loaded_at, entities, targets, statements)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(dataset.name, dataset.title, "list", JSON.stringify(dataset.sources), "x", 0, 0, 0);
  }
  db.close();
}

/** Everything the Store interface says about statements, for comparing two workspaces. */
async function observe(store: Store) {
  const entities = [];
  for await (const entity of store.iterateEntities()) entities.push(entity);
  const companies = [];
  for await (const entity of store.iterateEntities({ schemata: ["Company"] }))
    companies.push(entity.id);
  return {
    entities,
    companies,
    statements: await Promise.all(["c1", "c2", "o1", "p1"].map((id) => store.getStatements(id))),
    references: await Promise.all(["c1", "c2"].map((id) => store.getReferences(id))),
    row2: await store.getStatementsAt("alpha", sha.list, "row:2"),
    other: await store.getStatementsAt("alpha", sha.other),
    inn: await store.findByValue("innCode", ["1831083343"]),
    registration: await store.findByValue("registrationNumber", ["77"]),
    name: await store.findByValue("name", ["Vector", "Ivan"]),
    bySchema: (await store.stats()).bySchema,
  };
}

describe("migration to fact rows", () => {
  it("converts a workspace of statement rows to what loading the same statements gives", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sanctrace-migrate-"));
    writeOldWorkspace(join(dir, "old.db"), [
      [load("alpha"), alpha],
      [load("beta"), beta],
    ]);
    const migrated = new SqliteStore(join(dir, "old.db"));
    const fresh = new SqliteStore(join(dir, "fresh.db"));
    await fresh.replaceDataset(
      load("alpha"),
      (async function* () {
        yield alpha;
      })(),
    );
    await fresh.replaceDataset(
      load("beta"),
      (async function* () {
        yield beta;
      })(),
    );
    const seen = await observe(migrated);
    expect(seen).toEqual(await observe(fresh));
    expect(seen.statements[0]).toEqual([alpha[0], alpha[1], alpha[5], beta[0]]);
    expect(seen.references[0]!.map((s) => [s.entityId, s.prop])).toEqual([
      ["s1", "entity"],
      ["o1", "asset"],
    ]);
    expect(migrated.db.pragma("user_version", { simple: true })).toBe(sqliteMigrations.length);
    const tables = migrated.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'statements'")
      .all();
    expect(tables).toEqual([]);
    await migrated.replaceDataset(load("alpha"), (async function* () {})());
    expect(await migrated.getStatements("o1")).toEqual([]);
    expect(await migrated.getReferences("c1")).toEqual([]);
    expect(await migrated.getStatements("c1")).toEqual([beta[0]]);
    await migrated.close();
    await fresh.close();
  });
});
