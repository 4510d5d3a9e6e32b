import { type Batch, type Fact, isA, isFactBatch } from "../model/index.js";

/** Identifier properties that, equal on both sides, say two parties are the same. */
export const LINKING_IDENTIFIERS = [
  "innCode",
  "ogrnCode",
  "leiCode",
  "uscCode",
  "registrationNumber",
  "swiftBic",
] as const;

const KEPT = new Set<string>(["name", "alias", "country", "jurisdiction", ...LINKING_IDENTIFIERS]);

/** What ingest remembers of one party to resolve it once the file is read. */
export interface Party {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  /** Locator of the first value of each property, as evidence for a link. */
  locators: Record<string, string>;
  source: string;
}

/**
 * Collects the parties (companies, people, organizations) of a statement stream, keeping only
 * what resolution needs, so memory grows with parties, not with rows.
 * @example const parties = new PartyCollector(); parties.observe(batch); parties.list();
 */
export class PartyCollector {
  private readonly parties = new Map<string, Party>();
  private readonly legal = new Map<string, boolean>();
  /** Ids of the parties that appeared or gained a value since `takeChanged`. */
  private changed = new Set<string>();

  observe(batch: Batch): void {
    if (!isFactBatch(batch)) {
      for (const { prop, value, ...fact } of batch) this.observeValue(fact, prop, value);
      return;
    }
    for (const fact of batch.facts) {
      if (!this.isParty(fact.schema)) continue;
      const { values } = fact;
      for (let at = 0; at < values.length; at += 2)
        this.observeValue(fact, values[at]!, values[at + 1]!);
    }
  }

  private observeValue(fact: Omit<Fact, "values">, prop: string, value: string): void {
    if (!KEPT.has(prop) || !this.isParty(fact.schema)) return;
    const party = this.partyOf(fact);
    if (fact.schema !== party.schema && isA(fact.schema, party.schema)) {
      party.schema = fact.schema;
      this.changed.add(party.id);
    }
    const values = party.properties[prop];
    if (values?.includes(value)) return;
    if (!values) party.properties[prop] = [value];
    else values.push(value);
    party.locators[prop] ??= fact.locator;
    this.changed.add(party.id);
  }

  private partyOf(fact: Omit<Fact, "values">): Party {
    let party = this.parties.get(fact.entityId);
    if (!party) {
      party = {
        id: fact.entityId,
        schema: fact.schema,
        properties: {},
        locators: {},
        source: fact.source,
      };
      this.parties.set(fact.entityId, party);
      this.changed.add(party.id);
    }
    return party;
  }

  private isParty(schema: string): boolean {
    let known = this.legal.get(schema);
    if (known === undefined) {
      known = isA(schema, "LegalEntity");
      this.legal.set(schema, known);
    }
    return known;
  }

  /** Parties another collector gathered (a worker thread's), as if observed here. */
  merge(parties: readonly Party[]): void {
    for (const party of parties) {
      for (const [prop, values] of Object.entries(party.properties)) {
        const locator = party.locators[prop] ?? "";
        const fact = { ...party, entityId: party.id, dataset: "", locator };
        for (const value of values) this.observeValue(fact, prop, value);
      }
    }
  }

  /**
   * The parties that appeared or gained a value (or a narrower schema) since the last call:
   * what to hand to another collector as the rows come, or to resolve again.
   * @example parties.observe(batch); thread.post(parties.takeChanged());
   */
  takeChanged(): Party[] {
    if (!this.changed.size) return [];
    const changed = [...this.changed].map((id) => this.parties.get(id)!);
    this.changed = new Set();
    return changed;
  }

  has(id: string): boolean {
    return this.parties.has(id);
  }

  list(): Party[] {
    return [...this.parties.values()].filter((party) => party.properties.name?.length);
  }
}
