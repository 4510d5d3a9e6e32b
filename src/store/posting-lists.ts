/** Past these many fact ids or keys held, postings are written out to bound memory. */
const MAX_HELD_FACTS = 4_000_000;
const MAX_HELD_KEYS = 250_000;
/** Past these many values numbered, a `FactPacker` numbers from 0 again (bounds both threads). */
export const MAX_NUMBERED_VALUES = 250_000;

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

/**
 * Posting lists of referenced values a `FactPacker` numbered in its own thread (`PackedFacts`
 * `referenceValues`): the writer appends fact ids by number and hashes no string. Memory is
 * bounded as in `PostingLists`; the packer restarts its numbering past `MAX_NUMBERED_VALUES`.
 * @example const lists = new NumberedLists(); lists.name(["ofac-36"], false); lists.add(17, 0); lists.drain()
 */
export class NumberedLists {
  private values: string[] = [];
  /** Per value number: the fact ids stating it since the last drain, if any. */
  private lists: Array<number[] | undefined> = [];
  private held = 0;

  /** Values numbered from the end of those named so far, or from 0 when `restart` (drain first). */
  name(values: readonly string[], restart: boolean): void {
    if (restart) {
      if (this.held) throw new Error("numbering restarted with posting lists held");
      this.values = [];
      this.lists = [];
    }
    for (const value of values) this.values.push(value);
  }

  /** Fact `fact` states value number `number`; true when full. */
  add(fact: number, number: number): boolean {
    const facts = this.lists[number];
    if (!facts) this.lists[number] = [fact];
    else if (facts[facts.length - 1] !== fact) facts.push(fact);
    else return false;
    return ++this.held >= MAX_HELD_FACTS;
  }

  /** The rows held, in value order, flat as `PostingLists.drain` gives them; then forget them. */
  drain(): Array<number | string> {
    const { values, lists } = this;
    const held: number[] = [];
    for (let number = 0; number < lists.length; number++) if (lists[number]) held.push(number);
    held.sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
    const rows: Array<number | string> = [];
    for (const number of held) {
      const facts = lists[number]!;
      const json = facts.length === 1 ? `[${facts[0]}]` : JSON.stringify(facts);
      rows.push(values[number]!, facts[0]!, json);
    }
    this.lists = [];
    this.held = 0;
    return rows;
  }
}
