/** One measured phase of `bench/ingest-customs.ts`, run in its own process. */
import { spawnSync } from "node:child_process";
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { serialize } from "node:v8";
import { Parser } from "csv-parse";
import { ingestEvidence } from "../src/ingest/index.js";
import { PartyCollector } from "../src/ingest/parties.js";
import { openMatcher } from "../src/match/index.js";
import { batchSize, type Fact, isFactBatch, statementFacts } from "../src/model/index.js";
import { createTableFormat, probeFile, toSourceInputs } from "../src/sources/index.js";
import { openCsv } from "../src/sources/tables/csv.js";
import { FactPacker, type FactPacking, SqliteStore } from "../src/store/index.js";
import { seedRegister } from "./ingest-customs-data.js";

export type PhaseName =
  | "baseline"
  | "parse"
  | "map"
  | "pack"
  | "store"
  | "resolve"
  | "store-1t"
  | "resolve-1t"
  | "cli"
  | "cli-kept";

async function baseline(path: string): Promise<number> {
  let count = 0;
  const parser = new Parser({ bom: true, relax_column_count: true });
  parser.on("data", () => count++);
  const done = new Promise<void>((resolve, reject) => {
    parser.on("end", resolve);
    parser.on("error", reject);
  });
  createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(parser);
  await done;
  return count - 1;
}

async function parse(path: string): Promise<number> {
  const [file] = await toSourceInputs([await probeFile(path)]);
  let count = 0;
  for await (const batch of openCsv(file!, {}).rows) count += batch.length;
  return count;
}

async function map(path: string): Promise<number> {
  const files = await toSourceInputs([await probeFile(path)]);
  let count = 0;
  const format = createTableFormat({ kind: "customs" });
  for await (const batch of format.read(files, { dataset: "customs" })) count += batchSize(batch);
  return count;
}

/** The packing a load of a fresh temp store gives (property keys, first id). */
async function packingOf(dir: string): Promise<FactPacking> {
  const store = new SqliteStore(join(dir, "w.db"));
  let packing: FactPacking | undefined;
  async function* none() {
    packing = await store.factPacking!();
    yield* [];
  }
  await store.replaceDataset(
    { name: "customs", title: "customs", kind: "evidence", sources: [] },
    none(),
  );
  await store.close();
  return packing!;
}

/**
 * Map and pack as the table worker does (`src/ingest/table-worker.ts`): parties collected,
 * facts packed per 1,024 of one file and serialized as posting them does; no writer.
 * Statements packed.
 */
async function pack(path: string, dir: string, time: () => void): Promise<number> {
  const packer = new FactPacker(await packingOf(dir));
  // As `map`, the file's sha256 is timed (the writing thread computes it before the worker).
  time();
  const files = await toSourceInputs([await probeFile(path)]);
  const format = createTableFormat({ kind: "customs" });
  const parties = new PartyCollector();
  let facts: Fact[] = [];
  let count = 0;
  const send = () => {
    // Serialized as postMessage does (the V8 serializer), so the worker's copy is counted.
    if (!facts.length) return;
    const packed = packer.pack(facts);
    serialize(packed);
    count += packed.statements;
    facts = [];
  };
  for await (const batch of format.read(files, { dataset: "customs" })) {
    parties.observe(batch);
    const more = isFactBatch(batch) ? batch.facts : statementFacts(batch);
    if (facts[0] && facts[0].source !== more[0]?.source) send();
    facts.push(...more);
    if (facts.length >= 1024) send();
  }
  send();
  return count;
}

/** Statements stored; the register is seeded before the clock starts. */
async function ingest(
  path: string,
  dir: string,
  options: { resolve: boolean; threads?: boolean },
  time: () => void,
) {
  const store = new SqliteStore(join(dir, "w.db"));
  await seedRegister(store);
  time();
  const result = await ingestEvidence(store, [path], {
    as: "customs",
    dataset: "customs",
    ...options,
  });
  await store.close();
  const links = result.resolutions.filter((r) => r.decision === "linked").length;
  process.stderr.write(
    `  ${result.dataset.entities} entities, ${result.dataset.statements} statements, ${result.parties} parties, ${links} linked, ${result.resolutions.length - links} review\n`,
  );
  return result.dataset.statements;
}

const root = new URL("..", import.meta.url).pathname;

/** The newest modification time of the files under `dir`, in ms. */
function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

/**
 * The full ingest as a user runs it: the compiled CLI in a process of its own (Node's start,
 * the modules loading, the compiled table worker), into a workspace holding the same register:
 * `cli-kept` with its prepared index kept (as after any match against it), `cli` without (the
 * first ingest after loading it prepares and keeps it).
 * Timed from spawn to exit; CPU and peak RSS are the CLI process's own (`cli-usage.mjs`).
 * Refuses to measure a `dist/` older than the sources.
 */
async function cli(path: string, dir: string, kept: boolean) {
  const built = statSync(join(root, "dist/cli/index.js"), { throwIfNoEntry: false })?.mtimeMs;
  if (!built || built < newest(join(root, "src"))) {
    throw new Error("bench: dist/ is missing or older than src/; run `npm run build` first");
  }
  const db = join(dir, "w.db");
  const store = new SqliteStore(db);
  await seedRegister(store);
  // As after any `sanctrace match` or ingest since the register was loaded.
  if (kept) await openMatcher(store);
  await store.close();
  const started = performance.now();
  const args = ["--db", db, "ingest", path, "--as", "customs", "--dataset", "customs"];
  const run = spawnSync(process.execPath, [join(root, "bench/cli-usage.mjs"), ...args], {
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`bench: the CLI ingest failed: ${run.stderr}`);
  const usage = /sanctrace-usage (.*)/.exec(run.stderr)?.[1];
  const statements = /(\d+) statements/.exec(run.stdout)?.[1];
  if (!usage || !statements) throw new Error(`bench: unexpected CLI output: ${run.stdout}`);
  // What the CLI says first: the dataset's counts, then the parties (before its table of them).
  process.stderr.write(`  ${run.stdout.split("\n").slice(0, 2).join("; ")}\n`);
  const { cpu, maxRss } = JSON.parse(usage) as { cpu: number; maxRss: number };
  return { count: Number(statements), seconds, cpu, maxRss };
}

/** `-1t`: tables read in the writing thread; else as ingest chooses (a worker thread). */
function ingestOptions(phase: PhaseName): { resolve: boolean; threads?: boolean } {
  const resolve = phase.startsWith("resolve");
  if (phase.endsWith("-1t")) return { resolve, threads: false };
  return { resolve };
}

/**
 * Run one phase and measure it: wall and CPU seconds, peak RSS (maxRSS, bytes).
 * @example await runPhase("map", "customs.csv", dir) // { count, seconds, cpu, maxRss }
 */
export async function runPhase(phase: PhaseName, path: string, dir: string) {
  if (phase === "cli" || phase === "cli-kept") return cli(path, dir, phase === "cli-kept");
  let started = performance.now();
  let cpu = process.cpuUsage();
  const time = () => {
    started = performance.now();
    cpu = process.cpuUsage();
  };
  const count =
    phase === "baseline"
      ? await baseline(path)
      : phase === "parse"
        ? await parse(path)
        : phase === "map"
          ? await map(path)
          : phase === "pack"
            ? await pack(path, dir, time)
            : await ingest(path, dir, ingestOptions(phase), time);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  return { count, seconds, cpu: (used.user + used.system) / 1e6, maxRss };
}
