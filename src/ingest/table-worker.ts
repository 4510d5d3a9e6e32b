/**
 * Worker thread of `readTablesThreaded`: reads tables (CSV, XLSX), maps their rows to facts
 * and packs them for the SQLite writer, posting packed batches to the thread that holds the
 * database, never more than `IN_FLIGHT` ahead of it. Collects the parties for resolution.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type Fact, isFactBatch, isSanctraceError, statementFacts } from "../model/index.js";
import { createTableFormat, type SourceInput } from "../sources/index.js";
import { FactPacker, type FactPacking } from "../store/index.js";
import { PartyCollector } from "./parties.js";
import type { TableWorkerData, TableWorkerMessage, TableWorkerRequest } from "./table-thread.js";

/**
 * Batches posted and not yet taken by the writer, at most: enough to go on through a long
 * write of the main thread (a round of posting rows), ~15 MB.
 */
const IN_FLIGHT = 32;
/** Facts per posted batch: fewer, larger messages. */
const PACK_FACTS = 1024;
/** Facts read ahead, at most, while the load has not begun (the packing has not come). */
const EARLY_FACTS = 32 * PACK_FACTS;

const port = parentPort!;
let inFlight = 0;
let resume: (() => void) | undefined;
let givePacking: (packing: FactPacking) => void;
let packingCame = false;
/** The load's packing, sent once the load has begun; rows are read meanwhile. */
const packing = new Promise<FactPacking>((resolve) => {
  givePacking = resolve;
});
port.on("message", (request: TableWorkerRequest) => {
  if (request !== "taken") {
    packingCame = true;
    givePacking(request.packing);
    return;
  }
  inFlight--;
  resume?.();
});

async function post(message: TableWorkerMessage): Promise<void> {
  port.postMessage(message);
  if (++inFlight < IN_FLIGHT) return;
  await new Promise<void>((resolve) => {
    resume = resolve;
  });
  resume = undefined;
}

/** Buffers from the parent arrive as plain Uint8Arrays. */
function revive(file: SourceInput): SourceInput {
  const { head } = file;
  return { ...file, head: Buffer.from(head.buffer, head.byteOffset, head.byteLength) };
}

async function run(data: TableWorkerData): Promise<void> {
  const format = createTableFormat(data.options);
  let packer: FactPacker | undefined;
  const parties = data.collect ? new PartyCollector() : undefined;
  let facts: Fact[] = [];
  const send = async () => {
    packer ??= new FactPacker(await packing);
    for (let at = 0; at < facts.length; at += PACK_FACTS) {
      const packed = packer.pack(facts.slice(at, at + PACK_FACTS));
      await post({ type: "batch", batch: { packed }, parties: parties?.takeChanged() ?? [] });
    }
    facts = [];
  };
  for await (const batch of format.read(data.files.map(revive), { dataset: data.dataset })) {
    parties?.observe(batch);
    const more = isFactBatch(batch) ? batch.facts : statementFacts(batch);
    // A pack holds the facts of one file.
    if (facts[0] && facts[0].source !== more[0]?.source) await send();
    facts.push(...more);
    if (facts.length >= (packingCame ? PACK_FACTS : EARLY_FACTS)) await send();
  }
  await send();
  const rest = parties?.takeChanged() ?? [];
  port.postMessage({ type: "done", parties: rest } satisfies TableWorkerMessage);
}

run(workerData as TableWorkerData).catch((error: unknown) => {
  const failure = isSanctraceError(error)
    ? { code: error.code, path: error.path, message: error.message }
    : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  port.postMessage({ type: "error", error: failure } satisfies TableWorkerMessage);
});
