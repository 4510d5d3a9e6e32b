import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import {
  type Batch,
  batchSize,
  type EntityRecord,
  foldStatements,
  isA,
  model,
  SanctraceError,
  type SourceFile,
  type Statement,
} from "../model/index.js";
import { type FactPacking, isPackedBatch, type PackedBatch } from "./fact-pack.js";
import { Atoms } from "./sqlite-atoms.js";
import * as cases from "./sqlite-cases.js";
import { deleteDerivedFrom, insertDerived, selectDerived } from "./sqlite-derived.js";
import type { FactRow } from "./sqlite-fact-rows.js";
import { FactWriter } from "./sqlite-facts.js";
import { BULK_BYTES, bulkLoad } from "./sqlite-journal.js";
import { insertJudgement, selectJudgements } from "./sqlite-judgements.js";
import {
  foldFacts,
  selectByValue,
  selectReferences,
  selectStatements,
  selectStatementsAt,
} from "./sqlite-queries.js";
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

/** Every schema name that is one of `parents` or inherits from one. */
function schemataUnder(parents: string[]): string[] {
  return model
    .getSchemata()
    .map((schema) => schema.name)
    .filter((name) => parents.some((parent) => isA(name, parent)));
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

/** Page size of new workspaces. */
const PAGE_SIZE = 16_384;

/** Open (and migrate) a SQLite workspace file in WAL mode. */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // A new workspace gets 16 KiB pages (an existing one keeps its own): bulk loads write a
    // quarter of the pages, B-trees are shallower.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma("journal_mode = WAL");
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      // A large load holds the file alone (`bulkJournal`) until it commits.
      throw new SanctraceError(
        "store_busy",
        "the workspace is locked by a large load in progress; try again when it ends",
        path,
      );
    }
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
  private readonly atoms: Atoms;
  /** The writer of the load in progress, if any. */
  private writer: FactWriter | undefined;

  /** `deferIndexesAfter`: facts past which a load rebuilds the indexes at its end (`FactIndexes`). */
  constructor(
    readonly path: string,
    private readonly options: { deferIndexesAfter?: number } = {},
  ) {
    this.db = openDatabase(path);
    this.atoms = new Atoms(this.db);
  }

  async replaceDataset(
    load: DatasetLoad,
    batches: AsyncIterable<Batch | PackedBatch>,
    onProgress?: ProgressListener,
  ): Promise<DatasetSummary> {
    const db = this.db;
    const bytes = load.sources.reduce((sum, source) => sum + source.size, 0);
    const restore = bytes >= BULK_BYTES ? bulkLoad(db, this.path) : undefined;
    db.exec("BEGIN IMMEDIATE");
    try {
      this.deleteDataset(load.name);
      const writer = new FactWriter(db, this.atoms, load.name, this.options.deferIndexesAfter);
      this.writer = writer;
      let done = 0;
      for await (const batch of batches) {
        writer.add(batch);
        done += isPackedBatch(batch) ? batch.packed.statements : batchSize(batch);
        onProgress?.(done);
      }
      writer.finish();
      const summary = this.summarize(load, writer);
      this.recordDataset(summary);
      db.exec("COMMIT");
      return summary;
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK");
      this.atoms.forget();
      throw error;
    } finally {
      this.writer = undefined;
      restore?.();
    }
  }

  async factPacking(): Promise<FactPacking> {
    if (!this.writer) {
      throw new SanctraceError("store_no_load", "facts are packed for a load in progress");
    }
    return this.writer.packing();
  }

  /** Before a query during a load: what the load wrote is visible, through indexes. */
  private settle(): Database.Database {
    this.writer?.settle();
    return this.db;
  }

  private recordDataset(summary: DatasetSummary): void {
    const upsertSource = this.db.prepare(
      "INSERT OR REPLACE INTO sources (sha256, name, size) VALUES (?, ?, ?)",
    );
    for (const source of summary.sources) upsertSource.run(source.sha256, source.name, source.size);
    this.db
      .prepare(
        `INSERT OR REPLACE INTO datasets
         (name, title, kind, sources, loaded_at, entities, targets, statements)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        summary.name,
        summary.title,
        summary.kind,
        JSON.stringify(summary.sources),
        summary.loadedAt,
        summary.entities,
        summary.targets,
        summary.statements,
      );
  }

  /** Delete the facts of a dataset, their side rows and what was derived from them (inside a transaction). */
  private deleteDataset(name: string): void {
    deleteDerivedFrom(this.db, name);
    const key = this.atoms.find(name);
    if (key === undefined) return;
    for (const table of ["reference_postings", "identifier_postings"]) {
      this.db.prepare(`DELETE FROM ${table} WHERE dataset = ?`).run(key);
    }
    this.db.prepare("DELETE FROM facts WHERE dataset = ?").run(key);
  }

  /** The time of a load: now, or just after the last load's when that is not earlier. */
  private loadTime(): string {
    const last = this.db.prepare("SELECT last_load FROM clock").pluck().get() as string;
    const now = Date.now();
    // A time written by hand (an old workspace's) may not parse: then now.
    const after = Date.parse(last) + 1;
    const at = new Date(Number.isNaN(after) ? now : Math.max(after, now)).toISOString();
    this.db.prepare("UPDATE clock SET last_load = ?").run(at);
    return at;
  }

  private summarize(load: DatasetLoad, writer: FactWriter): DatasetSummary {
    return {
      ...load,
      loadedAt: this.loadTime(),
      entities: writer.entities(),
      targets: writer.counts.targets,
      statements: writer.counts.statements,
    };
  }

  async getDerived(kind: string, key: string): Promise<Uint8Array[] | undefined> {
    return selectDerived(this.db, kind, key);
  }

  async putDerived(
    kind: string,
    key: string,
    derivedFrom: Record<string, string>,
    parts: Uint8Array[],
  ): Promise<boolean> {
    return insertDerived(this.db, kind, key, derivedFrom, parts);
  }

  async dropDataset(name: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.deleteDataset(name);
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
    return selectStatements(this.settle(), this.atoms, entityId);
  }

  async getEntity(entityId: string): Promise<EntityRecord | undefined> {
    const statements = await this.getStatements(entityId);
    return statements.length ? foldStatements(statements) : undefined;
  }

  async getReferences(entityId: string): Promise<Statement[]> {
    return selectReferences(this.settle(), this.atoms, entityId);
  }

  async getStatementsAt(dataset: string, source: string, locator?: string): Promise<Statement[]> {
    return selectStatementsAt(this.settle(), this.atoms, { dataset, source, locator });
  }

  async findByValue(prop: string, values: string[]): Promise<string[]> {
    return selectByValue(this.settle(), this.atoms, prop, values);
  }

  async *iterateEntities(query: EntityQuery = {}): AsyncIterable<EntityRecord> {
    const datasets = this.keysOf(await this.selectDatasets(query));
    if (!datasets.length) return;
    const marks = (values: number[]) => values.map(() => "?").join(",");
    const schemata = query.schemata ? this.keysOf(schemataUnder(query.schemata)) : undefined;
    if (schemata && !schemata.length) return;
    const schemaFilter = schemata
      ? `AND entity_id IN (SELECT entity_id FROM facts WHERE schema IN (${marks(schemata)}))`
      : "";
    // One streaming pass on a reader connection of its own, so callers may use the store
    // while they consume the iterator (WAL gives the reader a stable snapshot).
    // An in-memory database has no second connection: read it whole (it is small).
    const memory = this.path === ":memory:" || this.path === "";
    const reader = memory ? this.settle() : new Database(this.path, { readonly: true });
    try {
      const select = reader.prepare(
        `SELECT * FROM facts
         WHERE entity_id IN (SELECT entity_id FROM facts WHERE dataset IN (${marks(datasets)}))
         ${schemaFilter}
         ORDER BY entity_id, id`,
      );
      const parameters = [...datasets, ...(schemata ?? [])];
      const rows = (
        memory ? select.all(...parameters) : select.iterate(...parameters)
      ) as Iterable<FactRow>;
      let count = 0;
      for (const entity of foldFacts(rows, this.atoms)) {
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

  /** Atom keys of the texts that have one. */
  private keysOf(texts: string[]): number[] {
    return texts.map((text) => this.atoms.find(text)).filter((key) => key !== undefined);
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
    // Each dataset counted its statements as it loaded; fact rows hold several each.
    const totals = this.settle()
      .prepare(
        `SELECT (SELECT COUNT(*) FROM datasets) AS datasets,
                (SELECT COALESCE(SUM(statements), 0) FROM datasets) AS statements,
                (SELECT COUNT(DISTINCT entity_id) FROM facts) AS entities,
                (SELECT COUNT(*) FROM sources) AS sources`,
      )
      .get() as Omit<StoreStats, "bySchema">;
    const rows = this.db
      .prepare("SELECT schema, COUNT(DISTINCT entity_id) AS n FROM facts GROUP BY schema")
      .all() as Array<{ schema: number; n: number }>;
    const bySchema = rows
      .map((row): [string, number] => [this.atoms.textOf(row.schema), row.n])
      .sort(([left], [right]) => (left < right ? -1 : 1));
    return { ...totals, bySchema: Object.fromEntries(bySchema) };
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
