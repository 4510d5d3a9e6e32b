import type { FeatureContribution, MatchIndex } from "../match/index.js";
import { makeId, type Statement } from "../model/index.js";
import type { Store } from "../store/index.js";
import { LINKING_IDENTIFIERS, type Party } from "./parties.js";

/** Score at or above which a name match links a party to a known entity. */
export const LINK_SCORE = 0.9;
/** Score at or above which a name match is kept as a candidate for review. */
export const REVIEW_SCORE = 0.7;

export type Decision = "linked" | "review";

/** One resolution of an ingested party against an entity the workspace already knew. */
export interface Resolution {
  party: string;
  partyName: string;
  match: string;
  matchName: string;
  score: number;
  decision: Decision;
  /** `identifier` (equal register numbers) or `name` (the matcher). */
  method: "identifier" | "name";
  criteria: string[];
  locator: string;
}

async function byIdentifier(store: Store, party: Party, own: (id: string) => boolean) {
  const found: Array<Omit<Resolution, "partyName" | "matchName">> = [];
  for (const prop of LINKING_IDENTIFIERS) {
    for (const value of party.properties[prop] ?? []) {
      for (const match of await store.findByValue(prop, [value])) {
        if (own(match) || found.some((f) => f.match === match)) continue;
        const criteria = [`decision:linked`, `identifier:${prop}=${value}`];
        const locator = party.locators[prop] ?? "";
        found.push({
          party: party.id,
          match,
          score: 1,
          decision: "linked",
          method: "identifier",
          criteria,
          locator,
        });
      }
    }
  }
  return found;
}

function describeFeatures(explanation: FeatureContribution[]): string[] {
  return explanation
    .filter((feature) => feature.contribution !== 0)
    .map((feature) => `${feature.name}=${feature.value.toFixed(2)}×${feature.weight}`);
}

type NameResolution = Omit<Resolution, "partyName">;

function byName(index: MatchIndex, party: Party, skip: (id: string) => boolean): NameResolution[] {
  const hits = index.match(
    { id: party.id, schema: party.schema, properties: party.properties },
    { threshold: REVIEW_SCORE, limit: 3, exclude: skip },
  );
  return hits
    .filter((hit) => hit.score >= REVIEW_SCORE)
    .map((hit) => {
      const decision: Decision = hit.score >= LINK_SCORE ? "linked" : "review";
      return {
        party: party.id,
        match: hit.id,
        matchName: hit.caption,
        score: Math.round(hit.score * 1000) / 1000,
        decision,
        method: "name" as const,
        criteria: [`decision:${decision}`, ...describeFeatures(hit.explanation)],
        locator: party.locators.name ?? "",
      };
    });
}

/**
 * Name matches of parties worked out ahead, while a load waits for its rows, so that little
 * is left to match once they are all in. A party that changes is matched again; a match
 * found ahead stands only while none of its hits is excluded at the end (then the best hits
 * of the end are exactly those found ahead: exclusions only grow).
 * @example const early = new EarlyNames(index, own); early.queue(parties.takeChanged()); early.work();
 */
export class EarlyNames {
  private readonly found = new Map<string, NameResolution[]>();
  private pending: Party[] = [];

  constructor(
    private readonly index: MatchIndex,
    private readonly own: (id: string) => boolean,
  ) {}

  /** Parties that appeared or changed: matched (again) when there is time. */
  queue(parties: readonly Party[]): void {
    for (const party of parties) {
      this.found.delete(party.id);
      this.pending.push(party);
    }
  }

  /**
   * Match queued parties for about `ms` milliseconds (one at least); false when none was
   * queued, or when the index is empty (a fresh workspace: nothing to match them against).
   */
  work(ms = 2): boolean {
    if (!this.index.size) this.pending = [];
    if (!this.pending.length) return false;
    const end = performance.now() + ms;
    do {
      const party = this.pending.pop()!;
      if (this.found.has(party.id) || !party.properties.name?.length) continue;
      this.found.set(party.id, byName(this.index, party, this.own));
    } while (this.pending.length && performance.now() < end);
    return true;
  }

  /** What `party` was found to match ahead, if it still stands with `skip` excluded. */
  take(party: Party, skip: (id: string) => boolean): NameResolution[] | undefined {
    const found = this.found.get(party.id);
    return found?.some((hit) => skip(hit.match)) ? undefined : found;
  }
}

/**
 * Resolve ingested parties against the workspace: equal register numbers (INN, OGRN, LEI,
 * USCC, registration number) link outright; otherwise the matcher's name score links at
 * 0.9 and leaves 0.7–0.9 as a candidate for review. Nothing is merged. Name matches worked
 * out `early` are taken where they still stand.
 * @example const resolutions = await resolveParties(store, index, parties, (id) => ours.has(id));
 */
export async function resolveParties(
  store: Store,
  index: MatchIndex | undefined,
  parties: Party[],
  own: (id: string) => boolean,
  early?: EarlyNames,
): Promise<Resolution[]> {
  const names = new Map<string, string>();
  const resolutions: Resolution[] = [];
  for (const party of parties) {
    const partyName = party.properties.name?.[0] ?? party.id;
    const exact = await byIdentifier(store, party, own);
    for (const link of exact) {
      if (!names.has(link.match))
        names.set(link.match, (await store.getEntity(link.match))?.caption ?? link.match);
      resolutions.push({ ...link, partyName, matchName: names.get(link.match)! });
    }
    if (!index) continue;
    const linked = new Set(exact.map((link) => link.match));
    const skip = (id: string) => own(id) || linked.has(id);
    for (const hit of early?.take(party, skip) ?? byName(index, party, skip)) {
      resolutions.push({ ...hit, partyName });
    }
  }
  return resolutions;
}

/**
 * A resolution as an FtM `Similar` entity: `candidate` is the ingested party, `match` the
 * known entity, `confidenceScore` the score, `criteria` the decision (`decision:linked` or
 * `decision:review`) and the evidence (`identifier:innCode=…` or the matcher's features),
 * `matcher` how it was found. Located at the row that gave the evidence.
 * @example similarStatements(resolution, "customs", sha)[0].schema // "Similar"
 */
export function similarStatements(
  resolution: Resolution,
  dataset: string,
  source: string,
): Statement[] {
  const entityId = makeId(dataset, "similar", resolution.party, resolution.match);
  const values: Array<[string, string]> = [
    ["candidate", resolution.party],
    ["match", resolution.match],
    ["confidenceScore", String(resolution.score)],
    ["matcher", `sanctrace ingest ${resolution.method}`],
    ...resolution.criteria.map((criterion): [string, string] => ["criteria", criterion]),
  ];
  return values.map(([prop, value]) => ({
    entityId,
    schema: "Similar",
    prop,
    value,
    dataset,
    source,
    locator: resolution.locator,
  }));
}
