import type Database from "better-sqlite3";
import { PostingLists } from "./posting-lists.js";
import { BulkInsert } from "./sqlite-bulk.js";

/**
 * The side tables a load writes besides its facts: entity references (`getReferences`) and
 * identifiers (`findByValue`, keyed by property too).
 */
export type PostingTable = "reference_postings" | "identifier_postings";

/**
 * Writes, for each value a load states, one row with the ids of the facts stating it: a
 * million customs rows pointing at ten thousand parties become ten thousand rows, not three
 * million. A key seen again after a flush gets a row of its own (rows are keyed by their
 * first fact).
 * @example const refs = new Postings(db, "reference_postings", 4); refs.add(17, "ofac-36"); refs.flush();
 */
export class Postings {
  private readonly lists: PostingLists;
  private readonly insert: BulkInsert;
  private readonly byProp: boolean;

  constructor(
    db: Database.Database,
    table: PostingTable,
    private readonly dataset: number,
  ) {
    this.byProp = table === "identifier_postings";
    this.lists = new PostingLists(this.byProp);
    const key = this.byProp ? ["prop", "value"] : ["value"];
    this.insert = new BulkInsert(db, table, [...key, "dataset", "first_fact", "facts"]);
  }

  /** Fact `fact` states `value` (of property `prop`, for identifiers). */
  add(fact: number, value: string, prop?: number): void {
    if (this.lists.add(fact, value, prop)) this.flush();
  }

  /** Write what is held. */
  flush(): void {
    const rows = this.lists.drain();
    const width = this.byProp ? 4 : 3;
    for (let at = 0; at < rows.length; at += width) {
      for (let column = 0; column < width - 2; column++) this.insert.push(rows[at + column]);
      this.insert.push(this.dataset);
      this.insert.push(rows[at + width - 2]);
      this.insert.push(rows[at + width - 1]);
    }
    this.insert.flush();
  }
}
