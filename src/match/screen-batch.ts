import type { FoundEntity } from "./match-index.js";
import { type Matcher, type MatcherOptions, searchOptions } from "./matcher.js";
import { ScreenPool } from "./screen-pool.js";
import type { MatchQuery } from "./types.js";

/** Queries per batch sent to a worker: enough to make a message cheap beside the work. */
const BATCH = 256;
/**
 * Workers start once screening here has taken this long: starting one (modules, index
 * snapshot, cold caches) costs about 0.7 s of CPU, which inputs shorter than about twice
 * that never repay.
 */
const WORKERS_AFTER_MS = 1000;

type Searched = [MatchQuery[], FoundEntity[][]];

async function* batches<T>(items: Iterable<T> | AsyncIterable<T>, size: number) {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Let worker replies in: the local search runs on the event loop's thread. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Where to search: a loaded pool, or how many threads (this one included) if the input is long. */
export interface SearchThreads {
  /** Threads that search, this one included: `workers - 1` worker threads are started. */
  workers?: number;
  /** Start the workers once searching here has taken this long (default 1 s). */
  workersAfterMs?: number;
  pool?: ScreenPool;
}

/**
 * Search every query in input order: in a given loaded pool, or in `workers - 1` new worker
 * threads when `workers > 1` and the input takes longer than `workersAfterMs` (the batches
 * until then, and while the workers start, are searched here). This thread keeps searching
 * too: a batch that finds every worker with one queued is searched here rather than waited
 * for, so one worker fewer starts (each costs its module load, snapshot and cold caches) and
 * no core idles. Each worker restores the matcher's index from a snapshot and searches
 * exactly as `matcher.match` does, so results do not depend on where a query ran.
 * @example for await (const [query, found] of searchInOrder(matcher, queries, {}, { workers: 2 })) {}
 */
export async function* searchInOrder(
  matcher: Matcher,
  queries: Iterable<MatchQuery> | AsyncIterable<MatchQuery>,
  options: MatcherOptions,
  threads: SearchThreads = {},
): AsyncGenerator<[MatchQuery, FoundEntity[]]> {
  const workers = threads.workers ?? 1;
  const datasets = matcher.selectLists(options.datasets);
  const searchHere = (batch: MatchQuery[]): Searched => [
    batch,
    batch.map((query) =>
      matcher.index.search(query, searchOptions(query, matcher.resolver, options, datasets, false)),
    ),
  ];
  let pool = threads.pool;
  let loaded: Promise<boolean> | undefined;
  let ready = pool !== undefined;
  const pending: Promise<Searched>[] = [];
  const window = workers * 2 + 2;
  const started = performance.now();
  const startAfter = threads.workersAfterMs ?? WORKERS_AFTER_MS;
  try {
    for await (const batch of batches(queries, BATCH)) {
      if (workers > 1 && !pool && performance.now() - started > startAfter) {
        pool = ScreenPool.start(workers - 1);
        loaded = pool.load(matcher).then(() => (ready = true));
        loaded.catch(() => {}); // raised by the race below while batches are still searched here
      }
      if (pool && ready && pool.idle) {
        pending.push(pool.search(batch, options, datasets).then((found) => [batch, found]));
      } else if (pool && ready) {
        // Every worker has a batch queued: search this one here, then let their replies in.
        pending.push(Promise.resolve(searchHere(batch)));
        await yieldToEventLoop();
      } else {
        pending.push(Promise.resolve(searchHere(batch)));
        if (loaded) await Promise.race([loaded, yieldToEventLoop()]);
      }
      while (pending.length > window) yield* unpack(await pending.shift()!);
    }
    while (pending.length) yield* unpack(await pending.shift()!);
  } finally {
    if (pool !== threads.pool) await pool?.close();
  }
}

function* unpack([queries, found]: Searched): Generator<[MatchQuery, FoundEntity[]]> {
  for (let i = 0; i < queries.length; i++) yield [queries[i]!, found[i]!];
}
