import { isA, type Statement } from "../model/index.js";

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

  observe(statements: readonly Statement[]): void {
    for (const statement of statements) {
      if (!KEPT.has(statement.prop) || !this.isParty(statement.schema)) continue;
      let party = this.parties.get(statement.entityId);
      if (!party) {
        party = {
          id: statement.entityId,
          schema: statement.schema,
          properties: {},
          locators: {},
          source: statement.source,
        };
        this.parties.set(statement.entityId, party);
      }
      if (isA(statement.schema, party.schema)) party.schema = statement.schema;
      const values = party.properties[statement.prop];
      if (!values) party.properties[statement.prop] = [statement.value];
      else if (!values.includes(statement.value)) values.push(statement.value);
      party.locators[statement.prop] ??= statement.locator;
    }
  }

  private isParty(schema: string): boolean {
    let known = this.legal.get(schema);
    if (known === undefined) {
      known = isA(schema, "LegalEntity");
      this.legal.set(schema, known);
    }
    return known;
  }

  has(id: string): boolean {
    return this.parties.has(id);
  }

  list(): Party[] {
    return [...this.parties.values()].filter((party) => party.properties.name?.length);
  }
}
