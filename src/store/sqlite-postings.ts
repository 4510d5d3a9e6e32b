import type Database from "better-sqlite3";
import { NumberedLists, PostingLists } from "./posting-lists.js";
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
  /** References numbered by a packer (no property key). */
  private readonly numbered = new NumberedLists();
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

  /** Name the next values a packer numbered; `restart` numbers from 0 again. */
  name(values: readonly string[], restart: boolean): void {
    if (restart) this.flush();
    this.numbered.name(values, restart);
  }

  /** Fact `fact` states the value a packer numbered `number`. */
  addNumbered(fact: number, number: number): void {
    if (this.numbered.add(fact, number)) this.flush();
  }

  /** Write what is held. */
  flush(): void {
    this.write(this.lists.drain(), this.byProp ? 4 : 3);
    this.write(this.numbered.drain(), 3);
    this.insert.flush();
  }

  private write(rows: Array<number | string>, width: number): void {
    for (let at = 0; at < rows.length; at += width) {
      for (let column = 0; column < width - 2; column++) this.insert.push(rows[at + column]);
      this.insert.push(this.dataset);
      this.insert.push(rows[at + width - 2]);
      this.insert.push(rows[at + width - 1]);
    }
  }
}
