import { close, fdatasync, openSync } from "node:fs";
import type Database from "better-sqlite3";

/** Loads of sources this large are bulk loads (`bulkLoad`). */
export const BULK_BYTES = 8 * 1024 * 1024;

/** True for SQLite's "another connection holds the lock" errors. */
export function isBusy(error: unknown): boolean {
  return /^SQLITE_BUSY/.test((error as { code?: string }).code ?? "");
}

/** Run `work` without waiting for a lock another connection holds: it then throws busy at once. */
export function withoutWaiting<T>(db: Database.Database, work: () => T): T {
  const timeout = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    return work();
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
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
  try {
    const mode = withoutWaiting(db, () => db.pragma("journal_mode = DELETE", { simple: true }));
    if (mode !== "delete") return undefined;
  } catch (error) {
    if (isBusy(error)) return undefined;
    throw error;
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

/**
 * The page cache of a bulk load, in KiB. Smaller than a workspace's own (256 MiB): a load's
 * pages are written once and not read again (its index pages stay, being the ones in use),
 * so past this the pages go to the file as the load goes, not all at its commit.
 */
const BULK_CACHE_KIB = 64 * 1024;
/** How often, in ms, the pages a bulk load wrote are synced to disk off this thread. */
const SYNC_EVERY_MS = 500;

/**
 * Syncs a database file to disk now and then from the thread pool, so that the sync of its
 * commit has only the last pages left: a million customs rows wrote 180 MB, whose sync alone
 * took a quarter of a second at the end. SQLite's own syncs and their order are untouched.
 */
class BackgroundSync {
  private readonly fd: number;
  private readonly timer: NodeJS.Timeout;
  private syncing = false;
  private stopped = false;

  private constructor(fd: number) {
    this.fd = fd;
    this.timer = setInterval(() => this.sync(), SYNC_EVERY_MS).unref();
  }

  /** Start syncing the file; undefined when it cannot be opened (the load goes on without). */
  static start(path: string): BackgroundSync | undefined {
    try {
      return new BackgroundSync(openSync(path, "r"));
    } catch {
      return undefined;
    }
  }

  private sync(): void {
    if (this.syncing) return;
    this.syncing = true;
    // A failed sync here is only a sync not done early: the commit's own sync still runs.
    fdatasync(this.fd, () => {
      this.syncing = false;
      if (this.stopped) close(this.fd, () => {});
    });
  }

  stop(): void {
    clearInterval(this.timer);
    this.stopped = true;
    if (!this.syncing) close(this.fd, () => {});
  }
}

/**
 * Set a connection up for one large load, when it holds the file alone: a rollback journal
 * (`bulkJournal`), a smaller page cache that lets the load's pages out to the file as it goes,
 * and those pages synced to disk in the background. Otherwise the load goes through the WAL
 * as any other. Returns how to put the connection back as it was, or undefined when nothing
 * changed.
 * @example const restore = bulkLoad(db, path); try { load(); } finally { restore?.(); }
 */
export function bulkLoad(db: Database.Database, path: string): (() => void) | undefined {
  const restoreJournal = bulkJournal(db);
  if (!restoreJournal) return undefined;
  const cache = db.pragma("cache_size", { simple: true }) as number;
  db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  const sync = BackgroundSync.start(path);
  return () => {
    sync?.stop();
    db.pragma(`cache_size = ${cache}`);
    restoreJournal();
  };
}
