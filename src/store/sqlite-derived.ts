import type Database from "better-sqlite3";
import { isBusy, withoutWaiting } from "./sqlite-journal.js";

/**
 * Derived data (`Store.getDerived`, `putDerived`) in the `derived` table: one row per part,
 * each with the datasets it was derived from and their `loaded_at` (JSON).
 */

/** The parts kept for `kind` and `key`, if every dataset they were derived from is unchanged. */
export function selectDerived(
  db: Database.Database,
  kind: string,
  key: string,
): Uint8Array[] | undefined {
  const rows = db
    .prepare("SELECT derived_from, data FROM derived WHERE kind = ? AND key = ? ORDER BY part")
    .all(kind, key) as Array<{ derived_from: string; data: Buffer }>;
  if (!rows[0] || !unchanged(db, JSON.parse(rows[0].derived_from))) return undefined;
  return rows.map((row) => row.data);
}

/** True when each dataset is loaded with the `loaded_at` given. */
function unchanged(db: Database.Database, derivedFrom: Record<string, string>): boolean {
  const loadedAt = db.prepare("SELECT loaded_at FROM datasets WHERE name = ?").pluck();
  return Object.entries(derivedFrom).every(([name, at]) => loadedAt.get(name) === at);
}

/** Replace the parts of `kind` and `key`, unless a dataset they come from changed meanwhile. */
export function insertDerived(
  db: Database.Database,
  kind: string,
  key: string,
  derivedFrom: Record<string, string>,
  parts: Uint8Array[],
): boolean {
  const keep = db.transaction(() => {
    if (!unchanged(db, derivedFrom)) return false;
    db.prepare("DELETE FROM derived WHERE kind = ? AND key = ?").run(kind, key);
    const insert = db.prepare(
      "INSERT INTO derived (kind, key, part, derived_from, data) VALUES (?, ?, ?, ?, ?)",
    );
    const from = JSON.stringify(derivedFrom);
    for (const [part, data] of parts.entries()) insert.run(kind, key, part, from, data);
    return true;
  });
  try {
    return withoutWaiting(db, () => keep.immediate());
  } catch (error) {
    // A read-only workspace, or one another connection is writing to (a load), still answers:
    // it only keeps nothing this time.
    if (isBusy(error) || /^SQLITE_READONLY/.test((error as { code?: string }).code ?? "")) {
      return false;
    }
    throw error;
  }
}

/** Delete what was derived from a dataset (inside the transaction that changes it). */
export function deleteDerivedFrom(db: Database.Database, dataset: string): void {
  db.prepare(
    `DELETE FROM derived WHERE EXISTS
       (SELECT 1 FROM json_each(derived.derived_from) WHERE json_each.key = ?)`,
  ).run(dataset);
}
