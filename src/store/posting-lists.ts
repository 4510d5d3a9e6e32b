/** Past these many fact ids or keys held, postings are written out to bound memory. */
const MAX_HELD_FACTS = 4_000_000;
const MAX_HELD_KEYS = 250_000;

/**
 * For each value a load states (an entity id referred to, an identifier), the ascending ids
 * of the facts stating it: what becomes one posting row per value. Pure, so that a worker
 * thread packing facts can collect them as well as the writer.
 * @example const lists = new PostingLists(false); lists.add(17, "ofac-36"); lists.drain()
 */
export class PostingLists {
  private readonly lists = new Map<string, number[]>();
  private held = 0;

  /** `byProp`: keyed by property and value (identifiers), else by value (references). */
  constructor(private readonly byProp: boolean) {}

  /** Fact `fact` states `value` (of property `prop`, for identifiers); true when full. */
  add(fact: number, value: string, prop?: number): boolean {
    const key = this.byProp ? `${prop}:${value}` : value;
    const facts = this.lists.get(key);
    if (!facts) this.lists.set(key, [fact]);
    else if (facts[facts.length - 1] !== fact) facts.push(fact);
    else return false;
    return ++this.held >= MAX_HELD_FACTS || this.lists.size >= MAX_HELD_KEYS;
  }

  /**
   * The rows held, in key order (B-tree inserts then sweep rather than jump), flat: [prop,]
   * value, first fact, fact ids as JSON; then forget them.
   */
  drain(): Array<number | string> {
    const rows: Array<number | string> = [];
    for (const key of [...this.lists.keys()].sort()) {
      const facts = this.lists.get(key)!;
      if (this.byProp) {
        const colon = key.indexOf(":");
        rows.push(Number(key.slice(0, colon)), key.slice(colon + 1));
      } else {
        rows.push(key);
      }
      rows.push(facts[0]!, JSON.stringify(facts));
    }
    this.lists.clear();
    this.held = 0;
    return rows;
  }
}
