import type Database from "better-sqlite3";

/** Loads of sources this large write through a rollback journal when they can (`bulkJournal`). */
export const BULK_BYTES = 8 * 1024 * 1024;

function isBusy(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_BUSY";
}

/**
 * Switch a WAL workspace to a rollback journal for one large load, when this connection is
 * the only one open. The WAL writes every page twice (log, then checkpoint) and its commit
 * copies the whole load; a rollback journal saves only the pages the load changes, and pages
 * appended past the end of the file need no saving at all. The load stays one transaction: a
 * killed process leaves a hot journal that the next open rolls back. Gives up at once, and
 * the load goes through the WAL, when another connection (a `serve`, a reader) holds the file.
 * Returns how to switch back, or undefined when nothing changed.
 * @example const restore = bulkJournal(db); try { load(); } finally { restore?.(); }
 */
export function bulkJournal(db: Database.Database): (() => void) | undefined {
  if (db.memory || db.pragma("journal_mode", { simple: true }) !== "wal") return undefined;
  const timeout = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    if (db.pragma("journal_mode = DELETE", { simple: true }) !== "delete") return undefined;
  } catch (error) {
    if (isBusy(error)) return undefined;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  return () => {
    try {
      db.pragma("journal_mode = WAL");
    } catch (error) {
      // Someone opened the file during the load; the next open puts it back in WAL mode.
      if (!isBusy(error)) throw error;
    }
  };
}
