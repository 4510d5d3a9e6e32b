import type Database from "better-sqlite3";
import { BulkInsert } from "./sqlite-bulk.js";

/**
 * The side tables a load writes besides its facts: entity references (`getReferences`) and
 * identifiers (`findByValue`, keyed by property too).
 */
export type PostingTable = "reference_postings" | "identifier_postings";

/** Past these many fact ids or keys held, postings are written out to bound memory. */
const MAX_HELD_FACTS = 4_000_000;
const MAX_HELD_KEYS = 250_000;

/**
 * Collects, for each value a load states (an entity id referred to, an identifier), the
 * ascending ids of the facts stating it, and writes one row per value: a million customs
 * rows pointing at ten thousand parties become ten thousand rows, not three million. A key
 * seen again after a flush gets a row of its own (rows are keyed by their first fact).
 * @example const refs = new Postings(db, "reference_postings", 4); refs.add("ofac-36", 17); refs.flush();
 */
export class Postings {
  private readonly lists = new Map<string, number[]>();
  private held = 0;
  private readonly insert: BulkInsert;
  private readonly byProp: boolean;

  constructor(
    db: Database.Database,
    table: PostingTable,
    private readonly dataset: number,
  ) {
    this.byProp = table === "identifier_postings";
    const key = this.byProp ? ["prop", "value"] : ["value"];
    this.insert = new BulkInsert(db, table, [...key, "dataset", "first_fact", "facts"]);
  }

  /** Fact `fact` states `value` (of property `prop`, for identifiers). */
  add(fact: number, value: string, prop?: number): void {
    const key = this.byProp ? `${prop}:${value}` : value;
    const facts = this.lists.get(key);
    if (!facts) this.lists.set(key, [fact]);
    else if (facts[facts.length - 1] !== fact) facts.push(fact);
    else return;
    if (++this.held >= MAX_HELD_FACTS || this.lists.size >= MAX_HELD_KEYS) this.flush();
  }

  /** Write what is held, in key order (B-tree inserts then sweep rather than jump). */
  flush(): void {
    const keys = [...this.lists.keys()].sort();
    for (const key of keys) {
      const facts = this.lists.get(key)!;
      if (this.byProp) {
        const colon = key.indexOf(":");
        this.insert.push(Number(key.slice(0, colon)));
        this.insert.push(key.slice(colon + 1));
      } else {
        this.insert.push(key);
      }
      this.insert.push(this.dataset);
      this.insert.push(facts[0]);
      this.insert.push(JSON.stringify(facts));
    }
    this.insert.flush();
    this.lists.clear();
    this.held = 0;
  }
}
