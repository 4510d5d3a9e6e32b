import type Database from "better-sqlite3";
import { NumberedLists, PostingLists, type PostingRow } from "./posting-lists.js";
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
    this.lists = new PostingLists();
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

  /** The value a packer numbered `number`. */
  numberedValue(number: number): string {
    return this.numbered.valueOf(number);
  }

  /** Fact `fact` states the value a packer numbered `number`. */
  addNumbered(fact: number, number: number): void {
    if (this.numbered.add(fact, number)) this.flush();
  }

  /** Write what is held. */
  flush(): void {
    this.lists.drain(this.write);
    this.numbered.drain(this.write);
    this.insert.flush();
  }

  private readonly write: PostingRow = (prop, value, first, facts) => {
    const { insert } = this;
    if (this.byProp) insert.push(prop);
    insert.push(value);
    insert.push(this.dataset);
    insert.push(first);
    insert.push(facts);
  };
}
