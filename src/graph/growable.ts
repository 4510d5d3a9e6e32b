type TypedArray = Int32Array | Uint8Array | Float64Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/**
 * An append-only typed array that doubles when full, so builders hold millions of edges
 * without boxing numbers.
 * @example const dates = new Growable(Int32Array); dates.push(19000); dates.toArray();
 */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly create: TypedArrayConstructor<T>,
    capacity = 1024,
  ) {
    this.data = new create(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** Make room for `capacity` values up front (bulk builders know their size). */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.grow(capacity);
  }

  private grow(capacity: number): void {
    const next = new this.create(capacity);
    next.set(this.data);
    this.data = next;
  }

  /** The values pushed, trimmed to length (a copy only when there is slack). */
  toArray(): T {
    return this.length === this.data.length ? this.data : (this.data.slice(0, this.length) as T);
  }
}
