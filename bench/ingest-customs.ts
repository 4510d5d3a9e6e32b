/**
 * Ingest a generated customs CSV (1M rows by default; parties repeat across rows, as in real
 * declarations) into a fresh SQLite workspace with parties resolved against a generated
 * register of 20k companies, and report rows/s and peak RSS against a baseline measured in
 * the same run: csv-parse alone on the same file. Each run is its own process, so peak RSS
 * (maxRSS) is that phase's. Medians of RUNS runs; wall and CPU time (the machine is shared).
 *
 *   node --import tsx bench/ingest-customs.ts [ROWS] [RUNS]
 */
import { execFileSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "csv-parse";
import { ingestEvidence } from "../src/ingest/index.js";
import { makeId } from "../src/model/index.js";
import { SqliteStore } from "../src/store/index.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);

const SENDERS = 4000;
const RECEIVERS = 6000;
const DECLARANTS = 150;
const GOODS = [
  "Unmanned aerial vehicle",
  "Piston engine for UAV",
  "GNSS navigation module",
  "Microcontrollers",
  "Antenna assembly",
  "Lithium battery pack",
  "Servo drive",
  "Thermal camera",
];

function inn(index: number): string {
  return String(7700000000 + index * 7919).slice(0, 10);
}

/** Write the customs table: senders, receivers and declarants drawn from fixed pools. */
async function writeCustoms(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    "date,ccd number,sender,sender country,receiver,receiver inn,declarant,declarant inn,hs code,goods description,origin country,departure country,destination country,invoice amount,currency\n",
  );
  for (let row = 0; row < rows; row++) {
    const sender = (row * 7) % SENDERS;
    const receiver = (row * 13) % RECEIVERS;
    const declarant = row % DECLARANTS;
    const day = String((row % 28) + 1).padStart(2, "0");
    const line = `2024-03-${day},10702070/${day}0324/${String(row).padStart(7, "0")},Shenzhen Sender ${sender} Technology Co. Ltd.,CN,Receiver ${receiver} LLC,${inn(receiver)},Broker ${declarant} LLC,${inn(100000 + declarant)},8806${String(row % 100).padStart(2, "0")}0000,${GOODS[row % GOODS.length]} model ${row % 97},CN,HK,RU,"${((row * 37) % 900000) + 100}.50",USD\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** A register of 20k companies as FtM statements; a tenth of the receivers are among them. */
async function seedRegister(store: SqliteStore): Promise<void> {
  async function* statements() {
    const batch = [];
    for (let index = 0; index < 20_000; index++) {
      const id = makeId("register", index);
      const source = "0".repeat(64);
      const known = index % 10 === 0 ? index / 10 : RECEIVERS + index;
      const base = {
        entityId: id,
        schema: "Company",
        dataset: "register",
        source,
        locator: `row:${index + 2}`,
      };
      batch.push(
        { ...base, prop: "name", value: `Receiver ${known} LLC` },
        { ...base, prop: "innCode", value: inn(known) },
      );
    }
    yield batch;
  }
  await store.replaceDataset(
    { name: "register", title: "register", kind: "list", sources: [] },
    statements(),
  );
}

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

async function ingest(path: string, dir: string): Promise<number> {
  const store = new SqliteStore(join(dir, "w.db"));
  await seedRegister(store);
  const result = await ingestEvidence(store, [path], { as: "customs", dataset: "customs" });
  await store.close();
  const links = result.resolutions.filter((r) => r.decision === "linked").length;
  process.stderr.write(
    `  ${result.dataset.entities} entities, ${result.dataset.statements} statements, ${result.parties} parties, ${links} linked\n`,
  );
  return result.dataset.entities;
}

/** One phase in this process: time it and report maxRSS as JSON on stdout. */
async function runPhase(phase: string, path: string, dir: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const count = phase === "baseline" ? await baseline(path) : await ingest(path, dir);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ count, seconds, cpu: (used.user + used.system) / 1e6, maxRss })}\n`,
  );
}

interface Measure {
  seconds: number;
  cpu: number;
  maxRss: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(phase: string, path: string, dir: string): Measure {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", import.meta.filename, "--phase", phase, path, dir],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return JSON.parse(output.trim().split("\n").pop()!) as Measure;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-"));
  const path = join(dir, "customs.csv");
  await writeCustoms(path);
  const megabytes = statSync(path).size / 1024 ** 2;
  console.log(
    `${rows} rows, ${megabytes.toFixed(0)} MiB, ${SENDERS + RECEIVERS + DECLARANTS} parties; load ${loadavg()[0]!.toFixed(2)}; medians of ${runs}`,
  );
  const table: string[][] = [["phase", "rows/s (wall)", "rows/s (cpu)", "wall s", "peak RSS MiB"]];
  for (const phase of ["baseline", "ingest"]) {
    const results: Measure[] = [];
    for (let run = 0; run < runs; run++) {
      rmSync(join(dir, "w.db"), { force: true });
      rmSync(join(dir, "w.db-wal"), { force: true });
      results.push(measure(phase, path, dir));
    }
    const wall = median(results.map((r) => r.seconds));
    const cpu = median(results.map((r) => r.cpu));
    const rss = median(results.map((r) => r.maxRss)) / 1024 ** 2;
    const label =
      phase === "baseline" ? "csv-parse only (baseline)" : "ingest --as customs, resolved";
    table.push([
      label,
      (rows / wall).toFixed(0),
      (rows / cpu).toFixed(0),
      wall.toFixed(1),
      rss.toFixed(0),
    ]);
  }
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table)
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === "--phase") {
  await runPhase(process.argv[3]!, process.argv[4]!, process.argv[5]!);
} else {
  await main();
}
