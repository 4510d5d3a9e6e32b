import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { SanctraceError, startWorker } from "../model/index.js";
import { snapshotIndex } from "./index-snapshot.js";
import type { FoundEntity } from "./match-index.js";
import type { Matcher, MatcherOptions } from "./matcher.js";
import type { Resolver } from "./resolver.js";
import type { WorkerReply, WorkerRequest } from "./screen-worker.js";
import type { MatchQuery } from "./types.js";

/** Batches a worker may hold at once: one running, one waiting, so it never idles. */
const DEPTH = 2;

interface PoolWorker {
  thread: Worker;
  busy: number;
}

/**
 * Worker threads that each hold a copy of the matcher's index (restored from a snapshot,
 * not rebuilt) and search batches of queries in parallel.
 * @example
 * const pool = ScreenPool.start(2); await pool.load(matcher);
 * const found = await pool.search(queries, { limit: 5 }, undefined); await pool.close();
 */
export class ScreenPool {
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>();
  private batches = 0;

  private constructor(private readonly workers: PoolWorker[]) {}

  /** Spawn `size` workers (default: one per core); they load their modules meanwhile. */
  static start(size = availableParallelism()): ScreenPool {
    const workers = Array.from({ length: size }, () => ({
      thread: startWorker(import.meta.url, "screen-worker"),
      busy: 0,
    }));
    const pool = new ScreenPool(workers);
    for (const worker of workers) {
      worker.thread.on("message", (reply: WorkerReply) => pool.receive(worker, reply));
      worker.thread.on("error", (error) => pool.fail(error));
    }
    return pool;
  }

  /** Send every worker the index snapshot and the judgements; resolves when all are ready. */
  async load(matcher: Matcher): Promise<void> {
    const snapshot = snapshotIndex(matcher.index);
    const judgements = matcher.resolver.effective();
    await this.broadcast({ type: "load", snapshot, judgements });
  }

  /** Give every worker the matcher's judgements (the index they hold stays). */
  async judge(resolver: Resolver): Promise<void> {
    await this.broadcast({ type: "judge", judgements: resolver.effective() });
  }

  private async broadcast(request: WorkerRequest): Promise<void> {
    const replies = await Promise.all(this.workers.map((worker) => this.send(worker, -1, request)));
    const failed = replies.find((reply) => reply.type === "failed");
    if (failed?.type === "failed") throw new SanctraceError("screen_worker_failed", failed.message);
  }

  /** Worker threads in the pool. */
  get size(): number {
    return this.workers.length;
  }

  /** Batches sent to the workers so far. */
  get searched(): number {
    return this.batches;
  }

  /** True when a worker can take another batch without queueing behind two. */
  get idle(): boolean {
    return this.workers.some((worker) => worker.busy < DEPTH);
  }

  /**
   * What the matcher's index finds for each query, computed on the least busy worker; with
   * `explain`, each feature's contribution and detail too (as `matcher.match` has them).
   */
  async search(
    queries: MatchQuery[],
    options: MatcherOptions,
    datasets: string[] | undefined,
    explain = false,
  ): Promise<FoundEntity[][]> {
    const worker = this.workers.reduce((best, next) => (next.busy < best.busy ? next : best));
    const batch = this.batches++;
    const request: WorkerRequest = { type: "search", batch, queries, options, datasets, explain };
    const reply = await this.send(worker, batch, request);
    if (reply.type === "failed") throw new SanctraceError("screen_worker_failed", reply.message);
    return reply.type === "found" ? reply.found : [];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private send(worker: PoolWorker, batch: number, request: WorkerRequest): Promise<WorkerReply> {
    worker.busy++;
    const key = batch < 0 ? -1 - this.workers.indexOf(worker) : batch;
    const reply = new Promise<WorkerReply>((resolve) => this.waiting.set(key, resolve));
    worker.thread.postMessage(request);
    return reply;
  }

  private receive(worker: PoolWorker, reply: WorkerReply): void {
    worker.busy--;
    const key = reply.type === "ready" ? -1 - this.workers.indexOf(worker) : reply.batch;
    this.waiting.get(key)?.(reply);
    this.waiting.delete(key);
  }

  private fail(error: Error): void {
    const reply: WorkerReply = { type: "failed", batch: -1, message: error.message };
    for (const resolve of this.waiting.values()) resolve(reply);
    this.waiting.clear();
  }
}
