/**
 * The textbook statements table that store benchmarks measure against: one row per statement,
 * four indexes, one INSERT each — the layout sanctrace's fact rows replaced.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

const TEXTBOOK_TABLE = `CREATE TABLE statements (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, schema TEXT NOT NULL, prop TEXT NOT NULL,
    prop_type TEXT NOT NULL, value TEXT NOT NULL, dataset TEXT NOT NULL, source TEXT NOT NULL,
    locator TEXT NOT NULL);
  CREATE INDEX statements_entity ON statements (entity_id);
  CREATE INDEX statements_dataset ON statements (dataset);
  CREATE INDEX statements_reference ON statements (value) WHERE prop_type = 'entity';
  CREATE INDEX statements_identifier ON statements (prop, value) WHERE prop_type = 'identifier';`;

export interface TextbookTable {
  db: Database.Database;
  insert: Database.Statement;
  /** Close the database and delete its folder. */
  dispose(): void;
}

/**
 * A fresh textbook table in a temp folder (WAL, synchronous NORMAL, as the store runs).
 * @example const { insert, dispose } = openTextbookTable("bare"); insert.run(...); dispose();
 */
export function openTextbookTable(name: string): TextbookTable {
  const dir = mkdtempSync(join(tmpdir(), `sanctrace-bench-${name}-`));
  const db = new Database(join(dir, `${name}.db`));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(TEXTBOOK_TABLE);
  const insert = db.prepare(
    `INSERT INTO statements (entity_id, schema, prop, prop_type, value, dataset, source, locator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    db,
    insert,
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
