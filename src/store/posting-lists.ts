/**
 * Past these many entries (`PostingLists`) or fact ids (`NumberedLists`) held, rows are written.
 * Fact ids are written in rounds of half a million so that what is left for the end of a load
 * is short: a million customs rows refer to their parties three million times, and writing
 * them at once after the last row took 0.2 s.
 */
const MAX_HELD_ENTRIES = 1_000_000;
const MAX_HELD_FACTS = 500_000;
/** Past these many values numbered, a `FactPacker` numbers from 0 again (bounds both threads). */
export const MAX_NUMBERED_VALUES = 250_000;

/** One posting row: property key (0 for references), value, first fact, the facts as JSON. */
export type PostingRow = (prop: number, value: string, first: number, facts: string) => void;

/** Ascending fact ids as their JSON array; most values are stated by one fact. */
const factsJson = (ids: number[]) => (ids.length === 1 ? `[${ids[0]}]` : JSON.stringify(ids));

/**
 * For each value a load states (an entity id referred to, an identifier), the ascending ids
 * of the facts stating it: what becomes one posting row per value (`Postings` writes them).
 * Held as flat entries, grouped by one sort when drained: a million declaration numbers, each
 * stated once, cost no map of a million keys.
 * @example const lists = new PostingLists(); lists.add(17, "ofac-36"); lists.drain(write)
 */
export class PostingLists {
  private props: number[] = [];
  private values: string[] = [];
  private facts: number[] = [];

  /** Fact `fact` states `value` (of property `prop`, for identifiers); true when full. */
  add(fact: number, value: string, prop = 0): boolean {
    this.props.push(prop);
    this.values.push(value);
    return this.facts.push(fact) >= MAX_HELD_ENTRIES;
  }

  /**
   * The rows held, in key order (B-tree inserts then sweep rather than jump), each given to
   * `row`; then forget them.
   */
  drain(row: PostingRow): void {
    const { props, values, facts } = this;
    const order = this.sorted();
    for (let at = 0; at < order.length; ) {
      const first = order[at]!;
      const ids = [facts[first]!];
      for (at++; at < order.length; at++) {
        const next = order[at]!;
        if (props[next] !== props[first] || values[next] !== values[first]) break;
        if (facts[next] !== ids[ids.length - 1]) ids.push(facts[next]!);
      }
      row(props[first]!, values[first]!, ids[0]!, factsJson(ids));
    }
    this.props = [];
    this.values = [];
    this.facts = [];
  }

  /** Entry indexes by property, value, then as added (facts ascend as they are added). */
  private sorted(): number[] {
    const { props, values } = this;
    const order = Array.from({ length: values.length }, (_, at) => at);
    return order.sort((a, b) => {
      if (props[a] !== props[b]) return props[a]! - props[b]!;
      const left = values[a]!;
      const right = values[b]!;
      return left < right ? -1 : left > right ? 1 : a - b;
    });
  }
}

/**
 * Posting lists of referenced values a `FactPacker` numbered in its own thread (`PackedFacts`
 * `referenceValues`): the writer appends fact ids by number and hashes no string. Memory is
 * bounded as in `PostingLists`; the packer restarts its numbering past `MAX_NUMBERED_VALUES`.
 * @example const lists = new NumberedLists(); lists.name(["ofac-36"], false); lists.add(17, 0); lists.drain(write)
 */
export class NumberedLists {
  private values: string[] = [];
  /**
   * Per value number: the fact ids stating it since the last drain, if any. One entry per
   * value named, `undefined` when none: an array with holes (or of many holes, which V8 keeps
   * as a dictionary) changes shape as it fills, and code reading it is optimized again each time.
   */
  private lists: Array<number[] | undefined> = [];
  private held = 0;

  /** Values numbered from the end of those named so far, or from 0 when `restart` (drain first). */
  name(values: readonly string[], restart: boolean): void {
    if (restart) {
      if (this.held) throw new Error("numbering restarted with posting lists held");
      this.values = [];
      this.lists = [];
    }
    for (const value of values) {
      this.values.push(value);
      this.lists.push(undefined);
    }
  }

  /** The value named `number`. */
  valueOf(number: number): string {
    return this.values[number]!;
  }

  /** Fact `fact` states value number `number`; true when full. */
  add(fact: number, number: number): boolean {
    const facts = this.lists[number];
    if (!facts) this.lists[number] = [fact];
    else if (facts[facts.length - 1] !== fact) facts.push(fact);
    else return false;
    return ++this.held >= MAX_HELD_FACTS;
  }

  /** The rows held, in value order, given to `row` as `PostingLists.drain` gives them (prop 0). */
  drain(row: PostingRow): void {
    // A load settles before each query it makes (ingest resolving parties): most drains find
    // nothing held, and must not walk every value named to see it.
    if (!this.held) return;
    const { values, lists } = this;
    const held: number[] = [];
    for (let number = 0; number < lists.length; number++) if (lists[number]) held.push(number);
    held.sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
    for (const number of held) {
      const facts = lists[number]!;
      row(0, values[number]!, facts[0]!, factsJson(facts));
      lists[number] = undefined;
    }
    this.held = 0;
  }
}
