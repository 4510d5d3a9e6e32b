import { RowMultimap } from "./row-multimap.js";

/** Word counts from here on share one bucket (and are checked row by row). */
const BUCKETS = 64;

/** The key of a joined-name hash and a word count: the hash's low six bits give way to the count. */
function bucketKey(hash: number, words: number): number {
  return hash - (hash % BUCKETS) + Math.min(words, BUCKETS - 1);
}

/**
 * Name rows by a hash of the whole name joined (its skeleton or sound), filed apart by word
 * count: a joined-name hit only counts when the word counts differ, and a sound key that
 * drops digits (Receiver 1 LLC ... Receiver 20000 LLC) would otherwise list every row that
 * has as many words as the query, only to skip them.
 */
export class JoinedRows {
  private readonly rows = new RowMultimap();
  /** The word counts filed so far, one bucket each. */
  private readonly counts: number[] = [];

  add(hash: number, words: number, row: number): void {
    const bucket = Math.min(words, BUCKETS - 1);
    if (!this.counts.includes(bucket)) this.counts.push(bucket);
    this.rows.add(bucketKey(hash, words), row);
  }

  /**
   * Call `visit` with the rows under `hash` whose word count may differ from `words` (and
   * every row when a single word is joined); a shared hash bucket may add a stranger, never
   * miss a row.
   * @example rows.add(h, 2, 7); rows.forEachOtherCount(h, 1, visit) // visit(7)
   */
  forEachOtherCount(hash: number, words: number, visit: (row: number) => void): void {
    for (const bucket of this.counts) {
      if (bucket === words && words > 1 && bucket < BUCKETS - 1) continue;
      this.rows.forEach(bucketKey(hash, bucket), visit);
    }
  }
}
