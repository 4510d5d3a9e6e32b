import type Database from "better-sqlite3";
import { SanctraceError } from "../model/index.js";

/**
 * The strings statements repeat (dataset names, source digests, schemata, properties) as small
 * integer keys in the `atoms` table. Atoms are only ever added, so a key once read stays
 * valid; keys added inside a transaction that rolls back must be forgotten.
 * @example const atoms = new Atoms(db); atoms.keyOf("Company") // 3
 */
export class Atoms {
  private readonly keys = new Map<string, number>();
  private readonly texts = new Map<number, string>();
  private readonly select: Database.Statement<[string], { key: number }>;
  private readonly insert: Database.Statement<[string], { key: number }>;
  private readonly selectAll: Database.Statement<[], { key: number; text: string }>;

  constructor(db: Database.Database) {
    this.select = db.prepare("SELECT key FROM atoms WHERE text = ?");
    this.insert = db.prepare("INSERT INTO atoms (text) VALUES (?) RETURNING key");
    this.selectAll = db.prepare("SELECT key, text FROM atoms");
  }

  /** The key of `text`, added when new (call inside a write transaction). */
  keyOf(text: string): number {
    const known = this.find(text);
    if (known !== undefined) return known;
    const { key } = this.insert.get(text)!;
    this.remember(key, text);
    return key;
  }

  /** The key of `text`, or undefined when no statement uses it. */
  find(text: string): number | undefined {
    const cached = this.keys.get(text);
    if (cached !== undefined) return cached;
    const row = this.select.get(text);
    if (row) this.remember(row.key, text);
    return row?.key;
  }

  /** The text of a key read from the store. */
  textOf(key: number): string {
    let text = this.texts.get(key);
    if (text === undefined) {
      // Another connection added atoms since they were last read.
      for (const row of this.selectAll.all()) this.remember(row.key, row.text);
      text = this.texts.get(key);
      if (text === undefined) {
        throw new SanctraceError("store_corrupt", `atom ${key} is missing`, "atoms");
      }
    }
    return text;
  }

  /** Drop every cached key: those added by a rolled-back transaction no longer exist. */
  forget(): void {
    this.keys.clear();
    this.texts.clear();
  }

  private remember(key: number, text: string): void {
    this.keys.set(text, key);
    this.texts.set(key, text);
  }
}
