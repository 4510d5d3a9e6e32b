import type { Worker } from "node:worker_threads";
import { SanctraceError, startWorker } from "../model/index.js";
import type { FileProbe, TableFormatOptions } from "../sources/index.js";
import type { FactPacking, PackedBatch } from "../store/index.js";
import type { Party, PartyCollector } from "./parties.js";

/** What the table worker reads (`TableThread.begin`): it hashes the files first. */
export interface TableWorkerData {
  files: FileProbe[];
  options: TableFormatOptions;
  dataset: string;
  /** Collect the parties for resolution. */
  collect: boolean;
}

/**
 * What the table worker is sent: what to read, the packing once the load has begun
 * (`Store.factPacking`), then `taken` for each batch the writer took, saying whether the
 * writer has work of its own waiting (parties to match ahead): then the worker writes the
 * props JSON of its packs itself.
 */
export type TableWorkerRequest =
  | { type: "begin"; data: TableWorkerData }
  | { type: "packing"; packing: FactPacking }
  | { type: "taken"; busy: boolean };

/**
 * What the table worker posts: the files' sha256 digests, in order, once it has hashed them;
 * then with each batch, the parties new or changed since the last.
 */
export type TableWorkerMessage =
  | { type: "hashed"; sha256: string[] }
  | { type: "batch"; batch: PackedBatch; parties: Party[] }
  | { type: "done"; parties: Party[] }
  | { type: "error"; error: { code?: string; path?: string | undefined; message: string } };

/** The error a worker reported, as the one it caught (code and place kept). */
function reviveError(error: { code?: string; path?: string | undefined; message: string }): Error {
  if (!error.code) return new Error(`table reader thread failed: ${error.message}`);
  const prefix = error.path ? `${error.path}: ` : "";
  const message = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  return new SanctraceError(error.code, message, error.path);
}

/**
 * Tables read in a worker thread: parsing, mapping and packing run beside the thread that
 * writes, which receives batches ready to insert (`PackedBatch`). Same facts, same order, as
 * reading them in this thread. Started before the load begins, the thread loads its code,
 * hashes the files and reads the first rows meanwhile; it packs once `read` hands it the
 * load's packing, and stays at most a few batches ahead of the writer, so memory stays bounded.
 * @example const thread = new TableThread(); const sha256 = await thread.begin(data); for await (const batch of thread.read(packing, parties)) writer.add(batch);
 */
export class TableThread {
  private readonly worker: Worker;
  private readonly inbox: Array<Exclude<TableWorkerMessage, { type: "hashed" }>> = [];
  private wake: (() => void) | undefined;
  /** Whether `idle` had work the last time the writer waited for a batch. */
  private busy = false;
  private giveHashes!: (sha256: string[]) => void;
  private failHashes!: (error: Error) => void;
  /** The files' digests, once the thread has hashed them (`begin`). */
  private readonly hashed = new Promise<string[]>((resolve, reject) => {
    this.giveHashes = resolve;
    this.failHashes = reject;
  });

  /** Start the thread: it loads its code until `begin` tells it what to read. */
  constructor() {
    this.worker = startWorker(import.meta.url, "table-worker");
    // A failure before `begin` is awaited is read from the inbox instead.
    this.hashed.catch(() => {});
    const { worker } = this;
    worker.on("message", this.deliver);
    worker.on("error", (error) =>
      this.deliver({ type: "error", error: { message: error.stack ?? "" } }),
    );
    worker.on("exit", (code) =>
      this.deliver({ type: "error", error: { message: `the thread exited with code ${code}` } }),
    );
  }

  /**
   * What to read. The thread hashes the files (their sha256 digests, in order, are what this
   * returns), then reads its first rows meanwhile, before the load begins.
   */
  begin(data: TableWorkerData): Promise<string[]> {
    this.worker.postMessage({ type: "begin", data } satisfies TableWorkerRequest);
    return this.hashed;
  }

  private readonly deliver = (message: TableWorkerMessage) => {
    if (message.type === "hashed") return this.giveHashes(message.sha256);
    if (message.type === "error") this.failHashes(reviveError(message.error));
    this.inbox.push(message);
    this.wake?.();
  };

  /**
   * The packed batches of the tables; the thread's parties are merged into `parties` as they
   * come. While waiting for the thread, `idle` may work a moment (it says whether it did).
   */
  async *read(
    packing: FactPacking,
    parties: PartyCollector | undefined,
    idle?: () => boolean,
  ): AsyncGenerator<PackedBatch> {
    const { worker, inbox } = this;
    worker.postMessage({ type: "packing", packing } satisfies TableWorkerRequest);
    try {
      for (;;) {
        await this.next(idle);
        const message = inbox.shift()!;
        if (message.type === "error") throw reviveError(message.error);
        parties?.merge(message.parties);
        if (message.type === "done") return;
        yield message.batch;
        worker.postMessage({ type: "taken", busy: this.busy } satisfies TableWorkerRequest);
      }
    } finally {
      await this.stop();
    }
  }

  /** Until a message is in: `idle` works while it has work, then this waits. */
  private async next(idle: (() => boolean) | undefined): Promise<void> {
    while (!this.inbox.length) {
      this.busy = idle?.() ?? false;
      if (this.busy) {
        // Let the thread's messages in between two moments of work.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  /** End the thread, read or not. */
  async stop(): Promise<void> {
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }
}
