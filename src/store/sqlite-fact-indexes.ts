import type Database from "better-sqlite3";

/** The indexes on `facts` as migration 4 created them. */
const FACT_INDEXES = [
  ["facts_entity", "CREATE INDEX facts_entity ON facts (entity_id)"],
  ["facts_dataset", "CREATE INDEX facts_dataset ON facts (dataset)"],
] as const;

/**
 * Below this many facts a load keeps the indexes. Inserted as the load goes, index entries
 * cost a little more CPU than one rebuild at the end, but in ingest that CPU is spent while
 * the writer waits for its table thread, and the rebuild would be spent after it, alone. The
 * load's own entries cluster (its ids share a prefix), so its inserts touch few index pages
 * at a time: those stay in the page cache (64 MiB in a bulk load, `bulkLoad`) while the rest
 * of a million entries (~70 MB of index) go to the file, and inserts do not thrash it.
 */
const DEFER_AFTER = 2_000_000;

/**
 * Defers the `facts` indexes of a load that outgrows what the table held before it (and
 * `deferAfter` facts). Entries inserted row by row land all over B-trees larger than the page
 * cache; past that point it is cheaper to drop the indexes and build them again by one sort
 * when the load ends. Both steps are inside the load's transaction, so a failed or killed load
 * leaves them as they were.
 * @example const indexes = new FactIndexes(db); indexes.written(250_000); indexes.restore();
 */
export class FactIndexes {
  private dropped = false;
  /** Once something read the table mid-load, the indexes stay. */
  private kept = false;
  private readonly threshold: number;

  constructor(
    private readonly db: Database.Database,
    deferAfter = DEFER_AFTER,
  ) {
    // Fact ids are dense, so their span is a cheap estimate of the rows already stored.
    const span = db.prepare("SELECT MAX(id) - MIN(id) + 1 AS rows FROM facts").get() as {
      rows: number | null;
    };
    this.threshold = Math.max(deferAfter, span.rows ?? 0);
  }

  /** The load has written `count` facts so far. */
  written(count: number): void {
    if (this.dropped || this.kept || count < this.threshold) return;
    for (const [name] of FACT_INDEXES) this.db.exec(`DROP INDEX ${name}`);
    this.dropped = true;
  }

  /**
   * Build the dropped indexes again: after the last fact, or before a query in the middle of
   * the load (which would otherwise scan the table); `keep` them from then on.
   */
  restore(keep = false): void {
    this.kept ||= keep;
    if (!this.dropped) return;
    for (const [, create] of FACT_INDEXES) this.db.exec(create);
    this.dropped = false;
  }
}
