import type Database from "better-sqlite3";

/** Rows per multi-row INSERT: binding one row per call costs more than SQLite's own work. */
const INSERT_ROWS = 100;

/**
 * Buffers rows of one table and writes them `INSERT_ROWS` at a time.
 * @example const insert = new BulkInsert(db, "atoms", ["text"]); insert.push("x"); insert.flush();
 */
export class BulkInsert {
  private readonly wide: Database.Statement;
  private readonly narrow: Database.Statement;
  private readonly values: unknown[] = [];

  constructor(
    db: Database.Database,
    table: string,
    private readonly columns: string[],
  ) {
    const row = `(${columns.map(() => "?").join(", ")})`;
    const sql = (rows: number) =>
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${Array(rows).fill(row).join(", ")}`;
    this.wide = db.prepare(sql(INSERT_ROWS));
    this.narrow = db.prepare(sql(1));
  }

  /** Add the next column value; a row is complete after one value per column. */
  push(value: unknown): void {
    this.values.push(value);
    if (this.values.length === INSERT_ROWS * this.columns.length) {
      // As arguments, not one array: better-sqlite3 reads an array's elements one API call
      // each (a fifth of binding 100 rows of facts).
      this.wide.run(...this.values);
      this.values.length = 0;
    }
  }

  /** Write the rows still buffered. */
  flush(): void {
    const width = this.columns.length;
    for (let at = 0; at < this.values.length; at += width) {
      this.narrow.run(this.values.slice(at, at + width));
    }
    this.values.length = 0;
  }
}
