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

/**
 * A workspace as the first fact-row layout wrote it (migration 4): consecutive statements
 * sharing a place packed into one fact, references and identifiers one side row each.
 */
function writeFactWorkspace(path: string, loads: Array<[DatasetLoad, Statement[]]>): void {
  const db = new Database(path);
  for (const migration of sqliteMigrations.slice(0, 4)) db.exec(migration);
  db.pragma("user_version = 4");
  const key = (text: string) =>
    (
      db
        .prepare(
          "INSERT INTO atoms (text) VALUES (?) ON CONFLICT DO UPDATE SET text = text RETURNING key",
        )
        .get(text) as { key: number }
    ).key;
  const insertFact = db.prepare(
    "INSERT INTO facts (entity_id, schema, dataset, source, locator, props) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
  );
  const side = (table: string) =>
    db.prepare(`INSERT OR IGNORE INTO ${table} (fact, prop, value) VALUES (?, ?, ?)`);
  const sides = { entity: side("fact_references"), identifier: side("fact_identifiers") };
  for (const [dataset, statements] of loads) {
    let previous: Statement | undefined;
    let fact: { id: number; pairs: Array<number | string> } | undefined;
    const close = () => {
      if (fact)
        db.prepare("UPDATE facts SET props = ? WHERE id = ?").run(
          JSON.stringify(fact.pairs),
          fact.id,
        );
    };
    for (const s of statements) {
      const same =
        previous &&
        (["entityId", "schema", "source", "locator"] as const).every(
          (field) => previous![field] === s[field],
        );
      if (!same) {
        close();
        const row = insertFact.get(
          s.entityId,
          key(s.schema),
          key(dataset.name),
          key(s.source),
          s.locator,
          "[]",
        ) as { id: number };
        fact = { id: row.id, pairs: [] };
      }
      fact!.pairs.push(key(s.prop), s.value);
      const type = propertyType(s.schema, s.prop);
      if (type === "entity" || type === "identifier")
        sides[type].run(fact!.id, key(s.prop), s.value);
      previous = s;
    }
    close();
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

describe("migration to posting rows", () => {
  it("converts the side rows of a fact-row workspace to what loading the same statements gives", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sanctrace-migrate-"));
    // c1 is referred to twice by o1's fact (asset and a repeated asset): one posting entry.
    const repeated = [...alpha, at("o1", "Ownership", "asset", "c1", "row:5", sha.other)];
    writeFactWorkspace(join(dir, "v4.db"), [
      [load("alpha"), repeated],
      [load("beta"), beta],
    ]);
    const migrated = new SqliteStore(join(dir, "v4.db"));
    const fresh = new SqliteStore(join(dir, "fresh.db"));
    for (const [name, statements] of [
      ["alpha", repeated],
      ["beta", beta],
    ] as const) {
      await fresh.replaceDataset(
        load(name),
        (async function* () {
          yield statements;
        })(),
      );
    }
    const seen = await observe(migrated);
    expect(seen).toEqual(await observe(fresh));
    expect(seen.references[0]!.map((s) => [s.entityId, s.prop])).toEqual([
      ["s1", "entity"],
      ["o1", "asset"],
      ["o1", "asset"],
    ]);
    expect(seen.inn).toEqual(["c1"]);
    const tables = migrated.db
      .prepare(
        "SELECT name FROM sqlite_master WHERE name IN ('fact_references', 'fact_identifiers')",
      )
      .all();
    expect(tables).toEqual([]);
    await migrated.replaceDataset(load("alpha"), (async function* () {})());
    expect(await migrated.getReferences("c1")).toEqual([]);
    expect(await migrated.findByValue("registrationNumber", ["77"])).toEqual(["c1"]);
    await migrated.close();
    await fresh.close();
  });
});
