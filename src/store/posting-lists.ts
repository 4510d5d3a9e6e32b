/** Past these many fact ids or keys held, postings are written out to bound memory. */
const MAX_HELD_FACTS = 4_000_000;
const MAX_HELD_KEYS = 250_000;

/**
 * For each value a load states (an entity id referred to, an identifier), the ascending ids
 * of the facts stating it: what becomes one posting row per value (`Postings` writes them).
 * @example const lists = new PostingLists(false); lists.add(17, "ofac-36"); lists.drain()
 */
export class PostingLists {
  /** By property key (0 for references), then value: fact ids. */
  private readonly lists = new Map<number, Map<string, number[]>>();
  private held = 0;
  private keys = 0;

  /** `byProp`: keyed by property and value (identifiers), else by value (references). */
  constructor(private readonly byProp: boolean) {}

  /** Fact `fact` states `value` (of property `prop`, for identifiers); true when full. */
  add(fact: number, value: string, prop = 0): boolean {
    let values = this.lists.get(prop);
    if (!values) {
      values = new Map();
      this.lists.set(prop, values);
    }
    const facts = values.get(value);
    if (!facts) {
      values.set(value, [fact]);
      this.keys++;
    } else if (facts[facts.length - 1] !== fact) facts.push(fact);
    else return false;
    return ++this.held >= MAX_HELD_FACTS || this.keys >= MAX_HELD_KEYS;
  }

  /**
   * The rows held, in key order (B-tree inserts then sweep rather than jump), flat: [prop,]
   * value, first fact, fact ids as JSON; then forget them.
   */
  drain(): Array<number | string> {
    const rows: Array<number | string> = [];
    for (const prop of [...this.lists.keys()].sort((a, b) => a - b)) {
      const values = this.lists.get(prop)!;
      for (const value of [...values.keys()].sort()) {
        const facts = values.get(value)!;
        if (this.byProp) rows.push(prop);
        const json = facts.length === 1 ? `[${facts[0]}]` : JSON.stringify(facts);
        rows.push(value, facts[0]!, json);
      }
    }
    this.lists.clear();
    this.held = 0;
    this.keys = 0;
    return rows;
  }
}
