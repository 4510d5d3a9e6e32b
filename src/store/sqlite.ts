import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import {
  type EntityRecord,
  foldStatements,
  isA,
  model,
  propertyType,
  SanctraceError,
  type SourceFile,
  type Statement,
} from "../model/index.js";
import { LoadCounts } from "./load-counts.js";
import * as cases from "./sqlite-cases.js";
import { insertJudgement, selectJudgements } from "./sqlite-judgements.js";
import { sqliteMigrations } from "./sqlite-schema.js";
import type {
  AuditEntry,
  CaseItem,
  CaseRecord,
  DatasetLoad,
  DatasetSummary,
  EntityQuery,
  Judgement,
  ProgressListener,
  Store,
  StoreStats,
} from "./store.js";

interface StatementRow {
  entity_id: string;
  schema: string;
  prop: string;
  value: string;
  dataset: string;
  source: string;
  locator: string;
}

interface DatasetRow {
  name: string;
  title: string;
  kind: DatasetLoad["kind"];
  sources: string;
  loaded_at: string;
  entities: number;
  targets: number;
  statements: number;
}

const YIELD_EVERY = 1000;

/** Fold rows ordered by entity id into entities, one group of rows at a time. */
function* foldRows(rows: Iterable<StatementRow>): Generator<EntityRecord> {
  let group: Statement[] = [];
  for (const row of rows) {
    if (group.length && group[0]!.entityId !== row.entity_id) {
      yield foldStatements(group);
      group = [];
    }
    group.push(toStatement(row));
  }
  if (group.length) yield foldStatements(group);
}

/** Every schema name that is one of `parents` or inherits from one. */
function schemataUnder(parents: string[]): string[] {
  return model
    .getSchemata()
    .map((schema) => schema.name)
    .filter((name) => parents.some((parent) => isA(name, parent)));
}
/** Rows per multi-row INSERT (8 parameters each, well under SQLite's 32766 limit). */
const INSERT_ROWS = 100;

function insertSql(rows: number): string {
  const row = "(?, ?, ?, ?, ?, ?, ?, ?)";
  return `INSERT INTO statements (entity_id, schema, prop, prop_type, value, dataset, source, locator)
    VALUES ${Array.from({ length: rows }, () => row).join(", ")}`;
}

function toStatement(row: StatementRow): Statement {
  return {
    entityId: row.entity_id,
    schema: row.schema,
    prop: row.prop,
    value: row.value,
    dataset: row.dataset,
    source: row.source,
    locator: row.locator,
  };
}

function toSummary(row: DatasetRow): DatasetSummary {
  return {
    name: row.name,
    title: row.title,
    kind: row.kind,
    sources: JSON.parse(row.sources) as SourceFile[],
    loadedAt: row.loaded_at,
    entities: row.entities,
    targets: row.targets,
    statements: row.statements,
  };
}

/** Cache of FtM property types, looked up once per (schema, prop). */
function createTypeCache(): (schema: string, prop: string) => string {
  const cache = new Map<string, string>();
  return (schema, prop) => {
    const key = `${schema}.${prop}`;
    let type = cache.get(key);
    if (type === undefined) {
      type = propertyType(schema, prop);
      cache.set(key, type);
    }
    return type;
  };
}

const identifierProps = new Map<string, boolean>();

/** True when `prop` is an identifier (innCode, leiCode ...) in the schemata that have it. */
function isIdentifierProp(prop: string): boolean {
  let known = identifierProps.get(prop);
  if (known === undefined) {
    const schema = Object.values(model.schemata).find((s) => s?.getProperties().has(prop));
    known = schema?.getProperties().get(prop)?.type.name === "identifier";
    identifierProps.set(prop, known);
  }
  return known;
}

/** Open (and migrate) a SQLite workspace file in WAL mode. */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma("journal_mode = WAL");
  } catch (error) {
    throw new SanctraceError("store_open_failed", `cannot open workspace: ${String(error)}`, path);
  }
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = MEMORY");
  const version = db.pragma("user_version", { simple: true }) as number;
  for (let index = version; index < sqliteMigrations.length; index++) {
    db.transaction(() => {
      db.exec(sqliteMigrations[index]!);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }
  return db;
}

/**
 * The embedded SQLite store (better-sqlite3, WAL).
 * @example const store = new SqliteStore("./sanctrace.db");
 */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly typeOf = createTypeCache();
  private readonly inserts: { wide: Database.Statement; narrow: Database.Statement };

  constructor(readonly path: string) {
    this.db = openDatabase(path);
    // Prepared once per store: preparing a 100-row INSERT per batch would cost as much as it saves.
    this.inserts = {
      wide: this.db.prepare(insertSql(INSERT_ROWS)),
      narrow: this.db.prepare(insertSql(1)),
    };
  }

  async replaceDataset(
    load: DatasetLoad,
    batches: AsyncIterable<Statement[]>,
    onProgress?: ProgressListener,
  ): Promise<DatasetSummary> {
    const db = this.db;
    const counts = new LoadCounts();
    const insertBatch = (batch: Statement[]) => {
      for (const s of batch) {
        if (s.dataset !== load.name) {
          throw new SanctraceError(
            "store_dataset_mismatch",
            `statement for dataset ${s.dataset} in a load of ${load.name}`,
            s.entityId,
          );
        }
      }
      this.insertStatements(batch);
      counts.add(batch);
    };
    db.exec("BEGIN IMMEDIATE");
    try {
      db.prepare("DELETE FROM statements WHERE dataset = ?").run(load.name);
      let done = 0;
      for await (const batch of batches) {
        insertBatch(batch);
        done += batch.length;
        onProgress?.(done);
      }
      const summary = this.summarize(load, counts);
      const upsertSource = db.prepare(
        "INSERT OR REPLACE INTO sources (sha256, name, size) VALUES (?, ?, ?)",
      );
      for (const source of load.sources) upsertSource.run(source.sha256, source.name, source.size);
      db.prepare(
        `INSERT OR REPLACE INTO datasets
         (name, title, kind, sources, loaded_at, entities, targets, statements)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        summary.name,
        summary.title,
        summary.kind,
        JSON.stringify(summary.sources),
        summary.loadedAt,
        summary.entities,
        summary.targets,
        summary.statements,
      );
      db.exec("COMMIT");
      return summary;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      throw error;
    }
  }

  /**
   * Insert statements `INSERT_ROWS` rows per SQL statement: binding one row per call costs
   * more than SQLite's own work for rows this small.
   */
  private insertStatements(batch: Statement[]): void {
    const { wide, narrow } = this.inserts;
    const values: string[] = new Array(INSERT_ROWS * 8);
    let index = 0;
    for (; index + INSERT_ROWS <= batch.length; index += INSERT_ROWS) {
      for (let row = 0; row < INSERT_ROWS; row++)
        this.bindRow(values, row * 8, batch[index + row]!);
      wide.run(values);
    }
    for (; index < batch.length; index++) narrow.run(this.bindRow([], 0, batch[index]!));
  }

  private bindRow(values: string[], at: number, s: Statement): string[] {
    values[at] = s.entityId;
    values[at + 1] = s.schema;
    values[at + 2] = s.prop;
    values[at + 3] = this.typeOf(s.schema, s.prop);
    values[at + 4] = s.value;
    values[at + 5] = s.dataset;
    values[at + 6] = s.source;
    values[at + 7] = s.locator;
    return values;
  }

  private summarize(load: DatasetLoad, counts: LoadCounts): DatasetSummary {
    return {
      ...load,
      loadedAt: new Date().toISOString(),
      entities: counts.entities,
      targets: counts.targets,
      statements: counts.statements,
    };
  }

  async dropDataset(name: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.db.prepare("DELETE FROM statements WHERE dataset = ?").run(name);
      return this.db.prepare("DELETE FROM datasets WHERE name = ?").run(name).changes > 0;
    })();
  }

  async listDatasets(): Promise<DatasetSummary[]> {
    const rows = this.db.prepare("SELECT * FROM datasets ORDER BY name").all() as DatasetRow[];
    return rows.map(toSummary);
  }

  async getDataset(name: string): Promise<DatasetSummary | undefined> {
    const row = this.db.prepare("SELECT * FROM datasets WHERE name = ?").get(name) as
      | DatasetRow
      | undefined;
    return row && toSummary(row);
  }

  async getStatements(entityId: string): Promise<Statement[]> {
    const rows = this.db
      .prepare("SELECT * FROM statements WHERE entity_id = ? ORDER BY id")
      .all(entityId) as StatementRow[];
    return rows.map(toStatement);
  }

  async getEntity(entityId: string): Promise<EntityRecord | undefined> {
    const statements = await this.getStatements(entityId);
    return statements.length ? foldStatements(statements) : undefined;
  }

  async getReferences(entityId: string): Promise<Statement[]> {
    const rows = this.db
      .prepare("SELECT * FROM statements WHERE prop_type = 'entity' AND value = ? ORDER BY id")
      .all(entityId) as StatementRow[];
    return rows.map(toStatement);
  }

  async getStatementsAt(dataset: string, source: string, locator?: string): Promise<Statement[]> {
    const rows = (
      locator === undefined
        ? this.db
            .prepare("SELECT * FROM statements WHERE dataset = ? AND source = ? ORDER BY id")
            .all(dataset, source)
        : this.db
            .prepare(
              "SELECT * FROM statements WHERE dataset = ? AND source = ? AND locator = ? ORDER BY id",
            )
            .all(dataset, source, locator)
    ) as StatementRow[];
    return rows.map(toStatement);
  }

  async findByValue(prop: string, values: string[]): Promise<string[]> {
    if (!values.length) return [];
    const marks = values.map(() => "?").join(",");
    // The partial identifier index serves only queries that repeat its condition.
    const typed = isIdentifierProp(prop) ? "prop_type = 'identifier' AND " : "";
    const rows = this.db
      .prepare(
        `SELECT DISTINCT entity_id FROM statements WHERE ${typed}prop = ? AND value IN (${marks})
         ORDER BY entity_id`,
      )
      .all(prop, ...values) as Array<{ entity_id: string }>;
    return rows.map((row) => row.entity_id);
  }

  async *iterateEntities(query: EntityQuery = {}): AsyncIterable<EntityRecord> {
    const datasets = await this.selectDatasets(query);
    if (!datasets.length) return;
    const marks = (values: string[]) => values.map(() => "?").join(",");
    const schemata = query.schemata ? schemataUnder(query.schemata) : undefined;
    const schemaFilter = schemata
      ? `AND entity_id IN (SELECT entity_id FROM statements WHERE schema IN (${marks(schemata)}))`
      : "";
    // One streaming pass on a reader connection of its own, so callers may use the store
    // while they consume the iterator (WAL gives the reader a stable snapshot).
    // An in-memory database has no second connection: read it whole (it is small).
    const memory = this.path === ":memory:" || this.path === "";
    const reader = memory ? this.db : new Database(this.path, { readonly: true });
    try {
      const select = reader.prepare(
        `SELECT * FROM statements
         WHERE entity_id IN (SELECT entity_id FROM statements WHERE dataset IN (${marks(datasets)}))
         ${schemaFilter}
         ORDER BY entity_id, id`,
      );
      const parameters = [...datasets, ...(schemata ?? [])];
      const rows = (
        memory ? select.all(...parameters) : select.iterate(...parameters)
      ) as Iterable<StatementRow>;
      let count = 0;
      for (const entity of foldRows(rows)) {
        if (!query.schemata || query.schemata.some((schema) => isA(entity.schema, schema))) {
          yield entity;
        }
        // Give the event loop a turn now and then, so a server stays responsive.
        if (++count % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      if (!memory) reader.close();
    }
  }

  private async selectDatasets(query: EntityQuery): Promise<string[]> {
    const all = await this.listDatasets();
    return all
      .filter((dataset) => !query.kind || dataset.kind === query.kind)
      .filter((dataset) => !query.datasets || query.datasets.includes(dataset.name))
      .map((dataset) => dataset.name);
  }

  async getSource(sha256: string): Promise<SourceFile | undefined> {
    return this.db.prepare("SELECT * FROM sources WHERE sha256 = ?").get(sha256) as
      | SourceFile
      | undefined;
  }

  async stats(): Promise<StoreStats> {
    const totals = this.db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM datasets) AS datasets,
                (SELECT COUNT(*) FROM statements) AS statements,
                (SELECT COUNT(DISTINCT entity_id) FROM statements) AS entities,
                (SELECT COUNT(*) FROM sources) AS sources`,
      )
      .get() as Omit<StoreStats, "bySchema">;
    const rows = this.db
      .prepare(
        `SELECT schema, COUNT(DISTINCT entity_id) AS n FROM statements
         GROUP BY schema ORDER BY schema`,
      )
      .all() as Array<{ schema: string; n: number }>;
    return { ...totals, bySchema: Object.fromEntries(rows.map((row) => [row.schema, row.n])) };
  }

  async appendAudit(entry: Omit<AuditEntry, "id" | "at"> & { at?: string }): Promise<AuditEntry> {
    const full: AuditEntry = {
      id: randomUUID(),
      at: entry.at ?? new Date().toISOString(),
      kind: entry.kind,
      user: entry.user,
      detail: entry.detail,
    };
    this.db
      .prepare("INSERT INTO audit (id, kind, at, user, detail) VALUES (?, ?, ?, ?, ?)")
      .run(full.id, full.kind, full.at, full.user, JSON.stringify(full.detail));
    return full;
  }

  async listAudit(kind?: string, limit = 100): Promise<AuditEntry[]> {
    const rows = (
      kind
        ? this.db
            .prepare("SELECT * FROM audit WHERE kind = ? ORDER BY at DESC, rowid DESC LIMIT ?")
            .all(kind, limit)
        : this.db.prepare("SELECT * FROM audit ORDER BY at DESC, rowid DESC LIMIT ?").all(limit)
    ) as Array<Omit<AuditEntry, "detail"> & { detail: string }>;
    return rows.map((row) => ({
      ...row,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }

  async saveCase(name: string, title?: string): Promise<CaseRecord> {
    return cases.saveCase(this.db, name, title);
  }

  async addCaseItem(name: string, item: Omit<CaseItem, "addedAt">): Promise<CaseRecord> {
    return cases.addCaseItem(this.db, name, item);
  }

  async removeCaseItem(name: string, item: Pick<CaseItem, "kind" | "ids">): Promise<CaseRecord> {
    return cases.removeCaseItem(this.db, name, item);
  }

  async getCase(name: string): Promise<CaseRecord | undefined> {
    return cases.readCase(this.db, name);
  }

  async listCases(): Promise<CaseRecord[]> {
    return cases.listCases(this.db);
  }

  async appendJudgement(entry: Omit<Judgement, "id" | "at"> & { at?: string }): Promise<Judgement> {
    return insertJudgement(this.db, entry);
  }

  async listJudgements(entityId?: string): Promise<Judgement[]> {
    return selectJudgements(this.db, entityId);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
