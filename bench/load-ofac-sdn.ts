/**
 * Load time of one list folder (default: the OFAC SDN snapshot of 2023-12-28), in three
 * stages measured in the same run: the CSV parse alone (the baseline no reader can beat),
 * the reader (statements built, nothing stored), and the full `loadLists` into SQLite.
 * Run: node --import tsx bench/load-ofac-sdn.ts [folder] [runs]
 */
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse";
import { batchSize } from "../src/model/index.js";
import { toSourceInputs } from "../src/sources/files.js";
import { expandPaths, listFormats, loadLists, probeFile } from "../src/sources/index.js";
import { SqliteStore } from "../src/store/index.js";

const folder = resolve(
  process.argv[2] ?? join(import.meta.dirname, "../../shared/data/ofac_sdn_2023-12-28"),
);
const runs = Number(process.argv[3] ?? 3);

interface Sample {
  wallMs: number;
  cpuMs: number;
  statements: number;
}

async function measure(task: () => Promise<number>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const statements = await task();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, statements };
}

async function parseOnly(files: string[]): Promise<number> {
  let records = 0;
  for (const file of files) {
    const rows = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(
      parse({ relax_column_count: true }),
    );
    for await (const _row of rows) records++;
  }
  return records;
}

async function readOnly(): Promise<number> {
  const probes = await Promise.all((await expandPaths([folder])).map(probeFile));
  let statements = 0;
  for (const format of listFormats) {
    const claimed = format.claim(probes);
    if (!claimed.length) continue;
    const inputs = await toSourceInputs(claimed);
    for await (const batch of format.read(inputs, { dataset: format.dataset }))
      statements += batchSize(batch);
  }
  return statements;
}

async function loadAll(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-"));
  const store = new SqliteStore(join(dir, "bench.db"));
  try {
    const summaries = await loadLists(store, [folder]);
    return summaries.reduce((sum, summary) => sum + summary.statements, 0);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const files = await expandPaths([folder]);
const stages: Array<[string, () => Promise<number>]> = [
  ["csv-parse only (baseline, records)", () => parseOnly(files)],
  ["reader (statements, not stored)", readOnly],
  ["lists load into SQLite (statements)", loadAll],
];
console.log(`folder ${folder}, ${runs} runs, medians`);
console.log("| stage | items | wall ms | cpu ms | items/s (wall) | items/s (cpu) |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [name, task] of stages) {
  await task(); // warm up
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) samples.push(await measure(task));
  const wall = median(samples.map((s) => s.wallMs));
  const cpu = median(samples.map((s) => s.cpuMs));
  const items = samples[0]!.statements;
  const rate = (ms: number) => Math.round(items / (ms / 1000)).toLocaleString("en");
  console.log(
    `| ${name} | ${items} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${rate(wall)} | ${rate(cpu)} |`,
  );
}
