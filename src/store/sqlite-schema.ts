/**
 * Schema migrations for the SQLite workspace, applied in order; `PRAGMA user_version` records
 * how many have run. Append new ones, never edit old ones.
 */
export const sqliteMigrations: readonly string[] = [
  `CREATE TABLE statements (
     id INTEGER PRIMARY KEY,
     entity_id TEXT NOT NULL,
     schema TEXT NOT NULL,
     prop TEXT NOT NULL,
     prop_type TEXT NOT NULL,
     value TEXT NOT NULL,
     dataset TEXT NOT NULL,
     source TEXT NOT NULL,
     locator TEXT NOT NULL
   );
   CREATE INDEX statements_entity ON statements (entity_id);
   CREATE INDEX statements_dataset ON statements (dataset);
   CREATE INDEX statements_reference ON statements (value) WHERE prop_type = 'entity';
   CREATE INDEX statements_identifier ON statements (prop, value) WHERE prop_type = 'identifier';
   CREATE TABLE datasets (
     name TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     kind TEXT NOT NULL,
     sources TEXT NOT NULL,
     loaded_at TEXT NOT NULL,
     entities INTEGER NOT NULL,
     targets INTEGER NOT NULL,
     statements INTEGER NOT NULL
   );
   CREATE TABLE sources (
     sha256 TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     size INTEGER NOT NULL
   );
   CREATE TABLE audit (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     at TEXT NOT NULL,
     user TEXT NOT NULL,
     detail TEXT NOT NULL
   );
   CREATE INDEX audit_kind ON audit (kind, at);`,
  `CREATE TABLE judgements (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     left_id TEXT NOT NULL,
     right_id TEXT NOT NULL,
     judgement TEXT NOT NULL CHECK (judgement IN ('positive', 'negative', 'unsure')),
     note TEXT NOT NULL,
     user TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX judgements_left ON judgements (left_id);
   CREATE INDEX judgements_right ON judgements (right_id);`,
];
