const EMPTY = -1;
/** The table doubles when it is this full, so probes stay short. */
const LOAD = 0.5;

function grownInt(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

/**
 * Numeric key (a 53-bit hash) -> row ids, in typed arrays: an open-addressing table of keys
 * whose slots point at a chain of rows in insertion order. A Map keyed by a million
 * heap-allocated doubles cost about 0.5 µs per lookup in cache misses, and one small
 * array per key more memory than the index itself.
 */
export class RowMultimap {
  private keys = new Float64Array(1024);
  private heads = new Int32Array(1024).fill(EMPTY);
  private tails = new Int32Array(1024);
  private used = 0;
  private rows: Int32Array = new Int32Array(1024);
  private next: Int32Array = new Int32Array(1024);
  private count = 0;

  /** The slot of `key`, or the empty slot where it belongs. */
  private slot(key: number): number {
    const mask = this.heads.length - 1;
    // Mix the high and low halves: hashes are 53-bit, slots come from the low bits.
    let at = (key ^ (key / 4294967296)) & mask;
    while (this.heads[at] !== EMPTY && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }

  add(key: number, row: number): void {
    if (this.count >= this.rows.length) {
      this.rows = grownInt(this.rows, this.rows.length * 2);
      this.next = grownInt(this.next, this.next.length * 2);
    }
    const entry = this.count++;
    this.rows[entry] = row;
    this.next[entry] = EMPTY;
    const at = this.slot(key);
    if (this.heads[at] === EMPTY) {
      this.keys[at] = key;
      this.heads[at] = entry;
      this.tails[at] = entry;
      if (++this.used > this.heads.length * LOAD) this.rehash();
    } else {
      this.next[this.tails[at]!] = entry;
      this.tails[at] = entry;
    }
  }

  private rehash(): void {
    const { keys, heads, tails } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.heads = new Int32Array(heads.length * 2).fill(EMPTY);
    this.tails = new Int32Array(tails.length * 2);
    for (let old = 0; old < heads.length; old++) {
      if (heads[old] === EMPTY) continue;
      const at = this.slot(keys[old]!);
      this.keys[at] = keys[old]!;
      this.heads[at] = heads[old]!;
      this.tails[at] = tails[old]!;
    }
  }

  /** Call `visit` with every row filed under `key`, in the order they were added. */
  forEach(key: number, visit: (row: number) => void): void {
    for (let entry = this.head(key); entry !== EMPTY; entry = this.next[entry]!) {
      visit(this.rows[entry]!);
    }
  }

  /**
   * The first entry filed under `key` (-1 when none): walk on with `after`, read with `row`,
   * where a callback per row would cost more than the visit.
   * @example for (let e = map.head(7); e >= 0; e = map.after(e)) map.row(e);
   */
  head(key: number): number {
    return this.heads[this.slot(key)]!;
  }

  /** The entry filed after `entry` under the same key, or -1. */
  after(entry: number): number {
    return this.next[entry]!;
  }

  /** The row of an entry. */
  row(entry: number): number {
    return this.rows[entry]!;
  }

  /**
   * The rows filed under `key`.
   * @example map.add(7, 1); map.add(7, 2); map.get(7) // [1, 2]
   */
  get(key: number): number[] {
    const found: number[] = [];
    this.forEach(key, (row) => found.push(row));
    return found;
  }
}
