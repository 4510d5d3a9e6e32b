/** A candidate whose every name row is compared (it shares an identifier with the query). */
const ALL_ROWS = -2;
/** The end of a candidate's list of rows. */
const NO_ROW = -1;

function grownInt(array: Int32Array, size: number): Int32Array {
  return array.length >= size ? array : new Int32Array(Math.max(size, array.length * 2, 1024));
}

/**
 * One query's candidate entities, with the rows worth comparing and the best bound of each,
 * in arrays reused from query to query (stamped) rather than a map of sets: a frequent word
 * can make every entity of a series a candidate (Receiver 1 LLC … Receiver 20000 LLC), and
 * allocating per candidate then cost more than the search. `next` takes them best bound
 * first from a heap, so that a search stopping after a few pays for those few.
 * @example set.reset(entities, rows); set.addRow(entity, row, 0.8); set.order(); set.next()
 */
export class CandidateSet {
  private stamp = 0;
  private entityStamp: Int32Array = new Int32Array(0);
  private bounds = new Float64Array(0);
  private head = new Int32Array(0);
  private rowStamp: Int32Array = new Int32Array(0);
  private rowNext = new Int32Array(0);
  private heap = new Int32Array(0);
  private size = 0;

  /** Empty the set for an index of `entities` entities and `rows` name rows. */
  reset(entities: number, rows: number): void {
    if (this.entityStamp.length < entities) {
      this.entityStamp = grownInt(this.entityStamp, entities);
      this.bounds = new Float64Array(this.entityStamp.length);
      this.head = new Int32Array(this.entityStamp.length);
      this.heap = new Int32Array(this.entityStamp.length);
      this.stamp = 0;
    }
    if (this.rowStamp.length < rows) {
      this.rowStamp = grownInt(this.rowStamp, rows);
      this.rowNext = new Int32Array(this.rowStamp.length);
      this.stamp = 0;
    }
    // Stamps are numbers of queries: cleared once they would overflow.
    if (this.stamp >= 0x7fffffff) this.stamp = 0;
    if (this.stamp === 0) {
      this.entityStamp.fill(0);
      this.rowStamp.fill(0);
    }
    this.stamp++;
    this.size = 0;
  }

  /** Add one row of a candidate with its bound; the candidate keeps its best bound. */
  addRow(entity: number, row: number, bound: number): void {
    if (this.entityStamp[entity] !== this.stamp) {
      this.take(entity, bound, row);
      this.rowStamp[row] = this.stamp;
      this.rowNext[row] = NO_ROW;
      return;
    }
    if (bound > this.bounds[entity]!) this.bounds[entity] = bound;
    if (this.head[entity] === ALL_ROWS || this.rowStamp[row] === this.stamp) return;
    this.rowStamp[row] = this.stamp;
    this.rowNext[row] = this.head[entity]!;
    this.head[entity] = row;
  }

  /** Add a candidate all of whose rows are compared, with this bound. */
  addEntity(entity: number, bound: number): void {
    if (this.entityStamp[entity] !== this.stamp) this.take(entity, bound, ALL_ROWS);
    else {
      this.bounds[entity] = bound;
      this.head[entity] = ALL_ROWS;
    }
  }

  private take(entity: number, bound: number, head: number): void {
    this.entityStamp[entity] = this.stamp;
    this.bounds[entity] = bound;
    this.head[entity] = head;
    this.heap[this.size++] = entity;
  }

  /** A candidate's bound. */
  bound(entity: number): number {
    return this.bounds[entity]!;
  }

  /** The rows of a candidate to compare; undefined for all of them. */
  rows(entity: number): Set<number> | undefined {
    if (this.head[entity] === ALL_ROWS) return undefined;
    const rows = new Set<number>();
    for (let row = this.head[entity]!; row !== NO_ROW; row = this.rowNext[row]!) rows.add(row);
    return rows;
  }

  /** Order the candidates added so far for `next`. */
  order(): void {
    for (let at = (this.size >> 1) - 1; at >= 0; at--) this.sink(at);
  }

  /** The candidate with the best bound not yet taken (the lower entity first on a tie); -1 when none is left. */
  next(): number {
    if (!this.size) return -1;
    const best = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    this.sink(0);
    return best;
  }

  private before(a: number, b: number): boolean {
    const left = this.bounds[a]!;
    const right = this.bounds[b]!;
    return left > right || (left === right && a < b);
  }

  private sink(from: number): void {
    const heap = this.heap;
    const size = this.size;
    let at = from;
    const entity = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(heap[child + 1]!, heap[child]!)) child++;
      if (!this.before(heap[child]!, entity)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = entity;
  }
}
