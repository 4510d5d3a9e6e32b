/**
 * Numeric key -> row ids, storing a lone row as a bare number: most keys have one row, and
 * a million one-element arrays would cost more than the index itself.
 */
export class RowMultimap {
  private readonly rows = new Map<number, number | number[]>();

  add(key: number, row: number): void {
    const found = this.rows.get(key);
    if (found === undefined) this.rows.set(key, row);
    else if (typeof found === "number") this.rows.set(key, [found, row]);
    else found.push(row);
  }

  /** Call `visit` with every row filed under `key`, without building an array. */
  forEach(key: number, visit: (row: number) => void): void {
    const found = this.rows.get(key);
    if (found === undefined) return;
    if (typeof found === "number") visit(found);
    else for (const row of found) visit(row);
  }

  /**
   * The rows filed under `key`.
   * @example map.add(7, 1); map.add(7, 2); map.get(7) // [1, 2]
   */
  get(key: number): readonly number[] {
    const found = this.rows.get(key);
    if (found === undefined) return [];
    return typeof found === "number" ? [found] : found;
  }
}
