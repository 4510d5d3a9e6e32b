import { SanctraceError, startWorker } from "../model/index.js";
import type { SourceInput, TableFormatOptions } from "../sources/index.js";
import type { FactPacking, PackedBatch } from "../store/index.js";
import type { Party, PartyCollector } from "./parties.js";

/** What the table worker is started with. */
export interface TableWorkerData {
  files: SourceInput[];
  options: TableFormatOptions;
  dataset: string;
  /** From the store, in the load (`Store.factPacking`). */
  packing: FactPacking;
  /** Collect the parties for resolution. */
  collect: boolean;
}

/** What the table worker posts. */
export type TableWorkerMessage =
  | { type: "batch"; batch: PackedBatch }
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
 * Read tables in a worker thread: parsing, mapping and packing run beside the thread that
 * writes, which receives batches ready to insert (`PackedBatch`). Same facts, same order, as
 * reading them in this thread; the worker's parties are merged into `parties`. The worker
 * stays at most a few batches ahead, so memory stays bounded.
 * @example for await (const batch of readTablesThreaded(data, parties)) writer.add(batch);
 */
export async function* readTablesThreaded(
  data: TableWorkerData,
  parties: PartyCollector | undefined,
): AsyncGenerator<PackedBatch> {
  const worker = startWorker(import.meta.url, "table-worker", { workerData: data });
  const inbox: TableWorkerMessage[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: TableWorkerMessage) => {
    inbox.push(message);
    wake?.();
  };
  worker.on("message", deliver);
  worker.on("error", (error) => deliver({ type: "error", error: { message: error.stack ?? "" } }));
  worker.on("exit", (code) =>
    deliver({ type: "error", error: { message: `the thread exited with code ${code}` } }),
  );
  try {
    for (;;) {
      if (!inbox.length) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
      const message = inbox.shift()!;
      if (message.type === "error") throw reviveError(message.error);
      if (message.type === "done") {
        parties?.merge(message.parties);
        return;
      }
      yield message.batch;
      worker.postMessage("taken");
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
