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
  `CREATE TABLE cases (
     name TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE case_items (
     seq INTEGER PRIMARY KEY,
     case_name TEXT NOT NULL REFERENCES cases (name) ON DELETE CASCADE,
     kind TEXT NOT NULL CHECK (kind IN ('entity', 'path')),
     ids TEXT NOT NULL,
     note TEXT NOT NULL,
     added_at TEXT NOT NULL,
     UNIQUE (case_name, kind, ids)
   );`,
  // Statements sharing entity, schema, dataset, source and locator become one fact row with
  // interned keys; references and identifiers get side tables keyed by fact (a dataset's side
  // rows are found by its facts). Each old statement becomes a fact of its own (same id, same
  // order); reloading a dataset packs it.
  `CREATE TABLE atoms (
     key INTEGER PRIMARY KEY,
     text TEXT NOT NULL UNIQUE
   );
   CREATE TABLE facts (
     id INTEGER PRIMARY KEY,
     entity_id TEXT NOT NULL,
     schema INTEGER NOT NULL,
     dataset INTEGER NOT NULL,
     source INTEGER NOT NULL,
     locator TEXT NOT NULL,
     props TEXT NOT NULL
   );
   CREATE TABLE fact_references (
     fact INTEGER NOT NULL,
     prop INTEGER NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (fact, prop, value)
   ) WITHOUT ROWID;
   CREATE TABLE fact_identifiers (
     fact INTEGER NOT NULL,
     prop INTEGER NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (fact, prop, value)
   ) WITHOUT ROWID;
   INSERT INTO atoms (text)
     SELECT dataset FROM statements UNION SELECT source FROM statements
     UNION SELECT schema FROM statements UNION SELECT prop FROM statements;
   INSERT INTO facts (id, entity_id, schema, dataset, source, locator, props)
     SELECT s.id, s.entity_id, k_schema.key, k_dataset.key, k_source.key, s.locator,
            json_array(k_prop.key, s.value)
     FROM statements s
     JOIN atoms k_schema ON k_schema.text = s.schema
     JOIN atoms k_dataset ON k_dataset.text = s.dataset
     JOIN atoms k_source ON k_source.text = s.source
     JOIN atoms k_prop ON k_prop.text = s.prop
     ORDER BY s.id;
   INSERT OR IGNORE INTO fact_references (fact, prop, value)
     SELECT s.id, k.key, s.value FROM statements s JOIN atoms k ON k.text = s.prop
     WHERE s.prop_type = 'entity' ORDER BY s.id;
   INSERT OR IGNORE INTO fact_identifiers (fact, prop, value)
     SELECT s.id, k.key, s.value FROM statements s JOIN atoms k ON k.text = s.prop
     WHERE s.prop_type = 'identifier' ORDER BY s.id;
   DROP TABLE statements;
   CREATE INDEX facts_entity ON facts (entity_id);
   CREATE INDEX facts_dataset ON facts (dataset);
   CREATE INDEX fact_references_value ON fact_references (value);
   CREATE INDEX fact_identifiers_value ON fact_identifiers (prop, value);`,
  // References and identifiers become posting rows: one per value per dataset, holding the
  // ascending ids of the facts that state it (a million customs rows pointing at ten thousand
  // parties write ten thousand rows, not three million index entries); a reload deletes its
  // rows by dataset. Rows are keyed by their first fact, so a load may write a value twice.
  `CREATE TABLE reference_postings (
     value TEXT NOT NULL,
     dataset INTEGER NOT NULL,
     first_fact INTEGER NOT NULL,
     facts TEXT NOT NULL,
     PRIMARY KEY (value, dataset, first_fact)
   ) WITHOUT ROWID;
   CREATE INDEX reference_postings_dataset ON reference_postings (dataset);
   CREATE TABLE identifier_postings (
     prop INTEGER NOT NULL,
     value TEXT NOT NULL,
     dataset INTEGER NOT NULL,
     first_fact INTEGER NOT NULL,
     facts TEXT NOT NULL,
     PRIMARY KEY (prop, value, dataset, first_fact)
   ) WITHOUT ROWID;
   CREATE INDEX identifier_postings_dataset ON identifier_postings (dataset);
   INSERT INTO reference_postings (value, dataset, first_fact, facts)
     SELECT value, dataset, MIN(fact), json_group_array(fact ORDER BY fact)
     FROM (SELECT DISTINCT r.value, f.dataset, r.fact
           FROM fact_references r JOIN facts f ON f.id = r.fact)
     GROUP BY value, dataset;
   INSERT INTO identifier_postings (prop, value, dataset, first_fact, facts)
     SELECT prop, value, dataset, MIN(fact), json_group_array(fact ORDER BY fact)
     FROM (SELECT DISTINCT i.prop, i.value, f.dataset, i.fact
           FROM fact_identifiers i JOIN facts f ON f.id = i.fact)
     GROUP BY prop, value, dataset;
   DROP TABLE fact_references;
   DROP TABLE fact_identifiers;`,
  // Data derived from datasets (a prepared candidate index), kept beside them in parts: valid
  // while every dataset it was derived from is as it was loaded then (`derived_from`, JSON
  // name -> loaded_at); a load or drop of one of them deletes it. So that `loaded_at` tells
  // loads apart, no two loads of a workspace get the same: `clock` holds the last one given.
  `CREATE TABLE clock (last_load TEXT NOT NULL);
   INSERT INTO clock (last_load) SELECT COALESCE(MAX(loaded_at), '') FROM datasets;
   CREATE TABLE derived (
     kind TEXT NOT NULL,
     key TEXT NOT NULL,
     part INTEGER NOT NULL,
     derived_from TEXT NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (kind, key, part)
   );`,
];
