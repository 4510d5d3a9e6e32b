import { type EntityRecord, SanctraceError } from "../model/index.js";
import type { DatasetSummary, Store } from "../store/index.js";
import { mergeRecords } from "./canonical.js";
import { loadResolver } from "./judge.js";
import { IndexAssembly } from "./kept-index.js";
import type { InMemoryMatchIndex } from "./match-index.js";
import type { Resolver } from "./resolver.js";
import type { MatchHit, MatchOptions, MatchQuery } from "./types.js";

const DEFAULT_CUTOFF = 0.5;

export interface MatcherOptions {
  threshold?: number;
  limit?: number;
  /** Lowest score returned at all (default 0.5): weaker candidates are noise. */
  cutoff?: number;
  /** List names to match against; undefined or `["default"]` means every loaded list. */
  datasets?: string[];
}

/** A hit with judgements applied: its id is the canonical id, its entity the merged one. */
export interface ResolvedHit extends MatchHit {
  referents: string[];
}

/**
 * What the index is asked for one query: twice the limit (clusters collapse afterwards),
 * without the query itself and candidates judged apart from it. Worker threads call this
 * with their own copy of the resolver, so they search exactly as the matcher does.
 * @example index.search(query, searchOptions(query, resolver, { limit: 5 }, undefined))
 */
export function searchOptions(
  query: MatchQuery,
  resolver: Resolver,
  options: MatcherOptions,
  datasets: string[] | undefined,
  explain = true,
): MatchOptions {
  const queryId = query.id;
  const exclude = (candidate: string) =>
    candidate === queryId || (queryId !== undefined && resolver.areApart(queryId, candidate));
  return {
    threshold: options.threshold ?? 0.7,
    limit: (options.limit ?? 5) * 2,
    exclude,
    explain,
    ...(datasets ? { datasets } : {}),
  };
}

/**
 * The list index plus the judgement resolver: what `match`, `screen` and the API query.
 * @example const matcher = await openMatcher(store); await matcher.match(query);
 */
export class Matcher {
  constructor(
    readonly store: Store,
    readonly index: InMemoryMatchIndex,
    readonly resolver: Resolver,
    readonly lists: DatasetSummary[],
  ) {}

  /** Ranked hits for one query; negatively judged pairs are hidden, clusters collapsed. */
  async match(query: MatchQuery, options: MatcherOptions = {}): Promise<ResolvedHit[]> {
    const datasets = this.selectLists(options.datasets);
    const hits = this.index.match(query, searchOptions(query, this.resolver, options, datasets));
    return this.resolveHits(hits, options);
  }

  /** The index's hits above the cutoff with clusters collapsed, at most `limit`. */
  async resolveHits(hits: MatchHit[], options: MatcherOptions = {}): Promise<ResolvedHit[]> {
    const cutoff = options.cutoff ?? DEFAULT_CUTOFF;
    const kept = hits.filter((hit) => hit.score >= cutoff);
    return (await this.collapse(kept)).slice(0, options.limit ?? 5);
  }

  /** Refuse to screen when no list is loaded: every result would be empty. */
  requireLists(): this {
    if (!this.lists.length) {
      throw new SanctraceError(
        "no_lists_loaded",
        "no sanctions list is loaded; run `sanctrace lists load PATH` or `sanctrace lists update`",
      );
    }
    return this;
  }

  /** Validate list names; undefined means all. */
  selectLists(datasets: string[] | undefined): string[] | undefined {
    if (!datasets?.length || (datasets.length === 1 && datasets[0] === "default")) return undefined;
    for (const name of datasets) {
      if (!this.lists.some((list) => list.name === name)) {
        const known = this.lists.map((list) => list.name).join(", ") || "none";
        throw new SanctraceError(
          "dataset_not_found",
          `no list named "${name}" is loaded (loaded: ${known})`,
          name,
        );
      }
    }
    return datasets;
  }

  private async collapse(hits: MatchHit[]): Promise<ResolvedHit[]> {
    const seen = new Set<string>();
    const resolved: ResolvedHit[] = [];
    for (const hit of hits) {
      const canonicalId = this.resolver.canonicalId(hit.id);
      if (seen.has(canonicalId)) continue;
      seen.add(canonicalId);
      const referents = this.resolver.referents(hit.id);
      const entity =
        referents.length > 1 ? await this.mergedEntity(canonicalId, referents) : hit.entity;
      const { caption, schema, datasets } = entity;
      resolved.push({ ...hit, id: canonicalId, caption, schema, datasets, entity, referents });
    }
    return resolved;
  }

  private async mergedEntity(id: string, referents: string[]): Promise<EntityRecord> {
    const records: EntityRecord[] = [];
    for (const referent of referents) {
      const record = await this.store.getEntity(referent);
      if (record) records.push(record);
    }
    return mergeRecords(id, records);
  }
}

/**
 * Open the index over every loaded list (from the parts the workspace keeps, preparing and
 * keeping those it lacks) and the resolver over every judgement.
 * @example const matcher = await openMatcher(store);
 */
export async function openMatcher(store: Store): Promise<Matcher> {
  const lists = (await store.listDatasets()).filter((dataset) => dataset.kind === "list");
  const assembly = await IndexAssembly.open(store, lists);
  const index = assembly.finish();
  await assembly.keep(store);
  return new Matcher(store, index, await loadResolver(store), lists);
}
