/**
 * Worker thread of `readTablesThreaded`: reads tables (CSV, XLSX), maps their rows to facts
 * and packs them for the SQLite writer, posting packed batches to the thread that holds the
 * database, never more than `IN_FLIGHT` ahead of it. Collects the parties for resolution.
 */
import { parentPort } from "node:worker_threads";
import { type Fact, isFactBatch, isSanctraceError, statementFacts } from "../model/index.js";
import { createTableFormat, type FileProbe, toSourceInputs } from "../sources/index.js";
import { FactPacker, type FactPacking, type PackedFacts, type PackForm } from "../store/index.js";
import { PartyCollector } from "./parties.js";
import type { TableWorkerData, TableWorkerMessage, TableWorkerRequest } from "./table-thread.js";

/**
 * Batches posted and not yet taken by the writer, at most: enough to go on through a long
 * write of the main thread (a round of posting rows).
 */
const IN_FLIGHT = 32;
/** Facts per posted batch: fewer, larger messages. */
const PACK_FACTS = 1024;
/**
 * Facts read ahead, at most, while the load has not begun (the packing has not come): as
 * many as may be in flight once it has.
 */
const EARLY_FACTS = IN_FLIGHT * PACK_FACTS;
/**
 * Characters of values held ahead, at most, in posted batches or read early: rows may be long
 * (descriptions, notes), and memory must not grow with them.
 */
const AHEAD_CHARS = 16 * 1024 * 1024;

const port = parentPort!;
let inFlight = 0;
/** Whether the writer last said it has work of its own waiting. */
let writerBusy = false;
/** Characters of each batch posted and not yet taken, oldest first. */
const postedChars: number[] = [];
let charsInFlight = 0;
let resume: (() => void) | undefined;
let givePacking: (packing: FactPacking) => void;
let packingCame = false;
/** The load's packing, sent once the load has begun; rows are read meanwhile. */
const packing = new Promise<FactPacking>((resolve) => {
  givePacking = resolve;
});
port.on("message", (request: TableWorkerRequest) => {
  if (request.type === "taken") {
    writerBusy = request.busy;
    inFlight--;
    charsInFlight -= postedChars.shift() ?? 0;
    resume?.();
  } else if (request.type === "begin") {
    run(request.data).catch(report);
  } else {
    packingCame = true;
    givePacking(request.packing);
  }
});

async function post(message: TableWorkerMessage, chars: number): Promise<void> {
  port.postMessage(message);
  inFlight++;
  postedChars.push(chars);
  charsInFlight += chars;
  while (inFlight >= IN_FLIGHT || charsInFlight >= AHEAD_CHARS) {
    await new Promise<void>((resolve) => {
      resume = resolve;
    });
    resume = undefined;
  }
}

/**
 * Who writes the next pack's props JSON: this thread when the writer has work of its own
 * waiting (matching parties against the lists in the workspace) or has fallen behind (half of
 * `IN_FLIGHT` waiting), else the writer. So the two threads share the work of a table by how
 * busy each is.
 */
function packForm(): PackForm {
  return writerBusy || inFlight >= IN_FLIGHT / 2 ? "json" : "columns";
}

/** Characters of a packed batch's columns. */
function packedChars({ packed }: { packed: PackedFacts }): number {
  const text = packed.form === "json" ? packed.props : packed.values;
  return text.length + packed.entityIds.length + packed.locators.length;
}

/** Characters of the values of facts. */
function factChars(facts: readonly Fact[]): number {
  let chars = 0;
  for (const { values } of facts) for (const value of values) chars += value.length;
  return chars;
}

/** Buffers from the parent arrive as plain Uint8Arrays. */
function revive(file: FileProbe): FileProbe {
  const { head } = file;
  return { ...file, head: Buffer.from(head.buffer, head.byteOffset, head.byteLength) };
}

async function run(data: TableWorkerData): Promise<void> {
  const format = createTableFormat(data.options);
  let packer: FactPacker | undefined;
  const parties = data.collect ? new PartyCollector() : undefined;
  let facts: Fact[] = [];
  let earlyChars = 0;
  /** Pack and post the facts read: whole packs, the rest too when `all` (a file ends). */
  const send = async (all: boolean) => {
    packer ??= new FactPacker(await packing);
    let at = 0;
    for (; at < facts.length && (all || facts.length - at >= PACK_FACTS); at += PACK_FACTS) {
      const batch = { packed: packer.pack(facts.slice(at, at + PACK_FACTS), packForm()) };
      await post(
        { type: "batch", batch, parties: parties?.takeChanged() ?? [] },
        packedChars(batch),
      );
    }
    facts = at < facts.length ? facts.slice(at) : [];
  };
  /** Whether to pack and post: a full pack once the load has begun, else a full read-ahead. */
  const full = (more: readonly Fact[]) => {
    if (packingCame) return facts.length >= PACK_FACTS;
    earlyChars += factChars(more);
    return facts.length >= EARLY_FACTS || earlyChars >= AHEAD_CHARS;
  };
  // The files are hashed here, while the main thread reads the workspace for its candidate
  // index; the facts cite each file by its sha256.
  const files = await toSourceInputs(data.files.map(revive));
  port.postMessage({
    type: "hashed",
    sha256: files.map((file) => file.sha256),
  } satisfies TableWorkerMessage);
  for await (const batch of format.read(files, { dataset: data.dataset })) {
    parties?.observe(batch);
    const more = isFactBatch(batch) ? batch.facts : statementFacts(batch);
    // A pack holds the facts of one file.
    if (facts[0] && facts[0].source !== more[0]?.source) await send(true);
    facts.push(...more);
    if (full(more)) await send(false);
  }
  await send(true);
  const rest = parties?.takeChanged() ?? [];
  port.postMessage({ type: "done", parties: rest } satisfies TableWorkerMessage);
}

function report(error: unknown): void {
  const failure = isSanctraceError(error)
    ? { code: error.code, path: error.path, message: error.message }
    : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  port.postMessage({ type: "error", error: failure } satisfies TableWorkerMessage);
}
