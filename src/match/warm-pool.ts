import { availableParallelism } from "node:os";
import type { FoundEntity, InMemoryMatchIndex } from "./match-index.js";
import type { Matcher, MatcherOptions } from "./matcher.js";
import type { Resolver } from "./resolver.js";
import { ScreenPool } from "./screen-pool.js";
import type { MatchQuery } from "./types.js";

/** Batches smaller than this are searched in the caller's thread: at 100 queries the round trips ate the gain (bench/screen-api). */
const MIN_QUERIES = 200;

/**
 * A worker pool for a long-running server, kept loaded with the matcher it is asked about:
 * started on the first large batch, reloaded when the lists change, given the new
 * judgements when they change. Until it holds the caller's matcher (and for small batches)
 * `searchParts` answers undefined and the caller searches in its own thread, which finds the same.
 * @example
 * const pool = new WarmPool(2);
 * for (const part of pool.searchParts(matcher, queries, { limit: 5 }, true) ?? []) await part;
 * await pool.close();
 */
export class WarmPool {
  private pool: ScreenPool | undefined;
  private held: { index: InMemoryMatchIndex; resolver: Resolver } | undefined;
  private loading: Promise<void> | undefined;
  private broken = false;

  constructor(
    readonly size = availableParallelism(),
    readonly minQueries = MIN_QUERIES,
  ) {}

  /** Parts of batches the workers have searched. */
  get searched(): number {
    return this.pool?.searched ?? 0;
  }

  /** Resolves when the update under way (if any) is done. */
  async settled(): Promise<void> {
    await this.loading;
  }

  /** True when the workers hold this matcher's index and judgements. */
  holds(matcher: Matcher): boolean {
    return this.held?.index === matcher.index && this.held.resolver === matcher.resolver;
  }

  /** Resolves once the workers hold the matcher (loading it if needed). */
  async warm(matcher: Matcher): Promise<void> {
    while (!this.broken && !this.holds(matcher)) {
      this.prepare(matcher);
      await this.loading;
    }
  }

  /**
   * What `matcher.match` finds for each query (before judgements collapse clusters), searched
   * by the workers in parallel: one promise per consecutive part of the queries, in order, so
   * the caller can use a part while the next are searched; a part is undefined if a worker
   * failed (the caller searches the rest itself). Undefined for a small batch, or while the
   * workers are not yet loaded with this matcher (loading then starts).
   */
  searchParts(
    matcher: Matcher,
    queries: MatchQuery[],
    options: MatcherOptions,
    explain: boolean,
  ): Promise<FoundEntity[][] | undefined>[] | undefined {
    if (this.broken || this.size < 2 || queries.length < this.minQueries) return undefined;
    if (!this.holds(matcher)) {
      this.prepare(matcher);
      return undefined;
    }
    const datasets = matcher.selectLists(options.datasets);
    // Two parts per worker: each worker has the next one queued when it finishes one.
    const part = Math.ceil(queries.length / (this.size * 2));
    const parts: Promise<FoundEntity[][] | undefined>[] = [];
    for (let at = 0; at < queries.length; at += part) {
      const searched = this.pool!.search(queries.slice(at, at + part), options, datasets, explain);
      parts.push(
        searched.catch(() => {
          this.broken = true; // a worker died: the caller's thread answers from now on
          return undefined;
        }),
      );
    }
    return parts;
  }

  /** Start loading the matcher into the workers unless an update is under way. */
  private prepare(matcher: Matcher): void {
    if (this.loading || this.broken) return;
    this.pool ??= ScreenPool.start(this.size);
    const pool = this.pool;
    const update =
      this.held?.index === matcher.index ? pool.judge(matcher.resolver) : pool.load(matcher);
    this.held = undefined;
    this.loading = update
      .then(
        () => {
          this.held = { index: matcher.index, resolver: matcher.resolver };
        },
        () => {
          this.broken = true;
        },
      )
      .finally(() => {
        this.loading = undefined;
      });
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await this.loading;
    await this.pool?.close();
    this.pool = undefined;
    this.held = undefined;
  }
}
