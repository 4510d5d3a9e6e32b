import type { AuditEntry, Store } from "../store/index.js";
import type { Matcher, ResolvedHit } from "./matcher.js";
import { queryKey } from "./query.js";
import { type SearchThreads, searchInOrder } from "./screen-batch.js";
import type { ScreenPool } from "./screen-pool.js";
import type { MatchQuery } from "./types.js";

/** One ranked result of a screening, as printed in `screen` output. */
export interface ScreenHit {
  id: string;
  caption: string;
  schema: string;
  score: number;
  match: boolean;
  datasets: string[];
  features: Record<string, number>;
}

/** One line of `screen` output. */
export interface ScreenResult {
  query: MatchQuery;
  results: ScreenHit[];
}

/** The file (or the workspace) screened; runs over the same input are compared. */
export interface ScreenInput {
  name: string;
  sha256: string;
}

export interface ScreenOptions {
  matcher: Matcher;
  threshold?: number;
  limit?: number;
  datasets?: string[];
  input?: ScreenInput;
  /** Report only hits that the previous run over the same input did not report. */
  newOnly?: boolean;
  user?: string;
  /**
   * Threads to search in, this one included, once screening here takes longer than
   * `workersAfterMs` (default 1 s; 1: this thread only), or a loaded pool to search beside
   * this thread; results are the same either way.
   */
  workers?: number;
  workersAfterMs?: number;
  pool?: ScreenPool;
  onResult?: (result: ScreenResult) => void | Promise<void>;
}

/** What an audited screening run recorded. */
export interface ScreenRun {
  runId: string;
  at: string;
  input: ScreenInput;
  lists: Array<{ dataset: string; sha256: string[]; loaded_at: string }>;
  parameters: { threshold: number; limit: number; datasets: string[]; new_only: boolean };
  counts: { queries: number; matched_queries: number; hits: number; new_hits: number };
  previous_run: string | null;
}

const WORKSPACE: ScreenInput = { name: "workspace", sha256: "" };

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** The `screen` output shape of a hit. */
export function toScreenHit(hit: ResolvedHit): ScreenHit {
  const features = Object.fromEntries(
    Object.entries(hit.features).map(([name, value]) => [name, round(value)]),
  );
  const { id, caption, schema, match, datasets } = hit;
  return { id, caption, schema, score: round(hit.score), match, datasets, features };
}

function sameInput(entry: AuditEntry, input: ScreenInput): boolean {
  const recorded = entry.detail.input as ScreenInput | undefined;
  return recorded?.name === input.name && recorded.sha256 === input.sha256;
}

/** The hits (`queryKey\tid`) of the latest run over the same input, and its id. */
async function previousHits(store: Store, input: ScreenInput) {
  const previous = (await store.listAudit("screen", 1000)).find((entry) => sameInput(entry, input));
  const hits = (previous?.detail.hits as string[] | undefined) ?? [];
  return { id: previous?.id ?? null, hits: new Set(hits) };
}

/**
 * Screen queries against the loaded lists, stream one result per query to `onResult`, and
 * record the run in the audit log (list versions, parameters, counts, the hits reported).
 * @example
 * const run = await screenEntities(store, readQueryFile("parties.csv"), { matcher, onResult });
 */
export async function screenEntities(
  store: Store,
  queries: Iterable<MatchQuery> | AsyncIterable<MatchQuery>,
  options: ScreenOptions,
): Promise<ScreenRun> {
  const matcher = options.matcher.requireLists();
  const input = options.input ?? WORKSPACE;
  const parameters = {
    threshold: options.threshold ?? 0.7,
    limit: options.limit ?? 5,
    datasets: options.datasets ?? ["default"],
    new_only: Boolean(options.newOnly),
  };
  const lists = matcher.lists
    .filter(
      (list) =>
        !matcher.selectLists(parameters.datasets) || parameters.datasets.includes(list.name),
    )
    .map((list) => ({
      dataset: list.name,
      sha256: list.sources.map((s) => s.sha256),
      loaded_at: list.loadedAt,
    }));
  const previous = await previousHits(store, input);
  const hits: string[] = [];
  const counts = { queries: 0, matched_queries: 0, hits: 0, new_hits: 0 };
  const threads: SearchThreads = { workers: options.workers ?? 1 };
  if (options.workersAfterMs !== undefined) threads.workersAfterMs = options.workersAfterMs;
  if (options.pool) threads.pool = options.pool;
  const searched = searchInOrder(matcher, queries, parameters, threads);
  for await (const [query, found] of searched) {
    counts.queries++;
    const ranked = found.map((entity) => matcher.index.hitOf(entity));
    let results = (await matcher.resolveHits(ranked, parameters)).map(toScreenHit);
    const matched = results.filter((hit) => hit.match);
    // The key (a digest of the query) only names hits: most queries have none.
    const key = matched.length ? queryKey(query) : "";
    const fresh = matched.filter((hit) => !previous.hits.has(`${key}\t${hit.id}`));
    hits.push(...matched.map((hit) => `${key}\t${hit.id}`));
    counts.matched_queries += matched.length ? 1 : 0;
    counts.hits += matched.length;
    counts.new_hits += fresh.length;
    if (options.newOnly) {
      if (!fresh.length) continue;
      results = fresh;
    }
    await options.onResult?.({ query, results });
  }
  const detail = { input, lists, parameters, counts, previous_run: previous.id, hits };
  const entry = await store.appendAudit({
    kind: "screen",
    user: options.user ?? "analyst",
    detail,
  });
  return {
    runId: entry.id,
    at: entry.at,
    input,
    lists,
    parameters,
    counts,
    previous_run: previous.id,
  };
}

/** Past screening runs, newest first, without their hit lists. */
export async function listScreenRuns(store: Store, limit = 100): Promise<ScreenRun[]> {
  const entries = await store.listAudit("screen", limit);
  return entries.map((entry) => {
    const { hits: _hits, ...detail } = entry.detail;
    return { runId: entry.id, at: entry.at, ...(detail as Omit<ScreenRun, "runId" | "at">) };
  });
}
