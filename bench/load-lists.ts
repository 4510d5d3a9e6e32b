/**
 * Load every list folder of ../shared/data into fresh temp workspaces and report, per dataset,
 * statements per second against two baselines measured in the same run: parsing the same files
 * without building or storing anything (saxes / csv-parse / JSON.parse), and bare SQLite inserts
 * of as many rows into a textbook layout (one row per statement, one INSERT per row).
 * Medians of 3 runs after one warm-up run; wall and CPU time (the machine is shared); peak RSS.
 *
 *   node --import tsx bench/load-lists.ts [DATA_DIR [FOLDER…]]
 */
import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { SaxesParser } from "saxes";
import { isSanctraceError } from "../src/model/index.js";
import { toSourceInputs } from "../src/sources/files.js";
import type { SourceFormat } from "../src/sources/index.js";
import {
  expandPaths,
  groupByFormat,
  listFormats,
  loadLists,
  probeFile,
} from "../src/sources/index.js";
import { SqliteStore } from "../src/store/index.js";
import { openTextbookTable } from "./textbook-table.js";
import { median, type Timing, time } from "./timing.js";

const RUNS = 3;
const sharedRoot = process.env.SANCTRACE_SHARED ?? join(import.meta.dirname, "../../shared");
const dataDir = resolve(process.argv[2] ?? join(sharedRoot, "data"));

const only = process.argv.slice(3);

interface Group {
  folder: string;
  format: SourceFormat;
  files: string[];
}

/** The list groups of every folder; folders holding no list (HS codes, articles) are skipped. */
async function findGroups(): Promise<{ groups: Group[]; skipped: string[] }> {
  const groups: Group[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    if (only.length && !only.includes(name)) continue;
    const folder = join(dataDir, name);
    if (!statSync(folder).isDirectory()) continue;
    const probes = await Promise.all((await expandPaths([folder])).map(probeFile));
    try {
      for (const group of groupByFormat(probes, listFormats)) {
        const units = group.format.dataset ? [group.files] : group.files.map((file) => [file]);
        for (const files of units) {
          groups.push({ folder: name, format: group.format, files: files.map((f) => f.path) });
        }
      }
    } catch (error) {
      if (!isSanctraceError(error)) throw error;
      skipped.push(`${name} (${error.code})`);
    }
  }
  return { groups, skipped };
}

/** Run the reader without storing: load minus this is the store's share. */
async function readOnly(group: Group): Promise<void> {
  const inputs = await toSourceInputs(await Promise.all(group.files.map(probeFile)));
  for await (const _ of group.format.read(inputs, { dataset: group.format.dataset || "bench" })) {
    // statements are discarded
  }
}

/** Parse without building entities or storing: the floor any reader sits on. */
async function parseOnly(files: string[]): Promise<void> {
  for (const file of files) {
    const head = readHead(file);
    if (head.startsWith("<")) {
      const parser = new SaxesParser();
      let elements = 0;
      parser.on("opentag", () => elements++);
      for await (const chunk of createReadStream(file, "utf8")) parser.write(chunk as string);
      parser.close();
    } else if (head.startsWith("{")) {
      for await (const line of createInterface({
        input: createReadStream(file),
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        if (line.trim()) JSON.parse(line);
      }
    } else {
      const delimiter = head.split("\n", 1)[0]!.includes("\t") ? "\t" : ",";
      const parser = createReadStream(file).pipe(
        parse({ delimiter, relax_column_count: true, relax_quotes: true, bom: true }),
      );
      for await (const _ of parser) {
        // rows are discarded
      }
    }
  }
}

function readHead(file: string): string {
  const buffer = Buffer.alloc(256);
  const fd = openSync(file, "r");
  readSync(fd, buffer, 0, 256, 0);
  closeSync(fd);
  return buffer
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trimStart();
}

/** Insert `count` statement-shaped rows, one INSERT each, in one transaction (the textbook way). */
async function bareInserts(count: number): Promise<Timing> {
  const { db, insert, dispose } = openTextbookTable("bare");
  const source = "a".repeat(64);
  const timing = await time(() =>
    db.transaction(() => {
      for (let index = 0; index < count; index++) {
        const entity = `bench-${index >> 3}`;
        insert.run(
          entity,
          "Person",
          "name",
          "name",
          `Name ${index}`,
          "bench",
          source,
          `row:${index}`,
        );
      }
    })(),
  );
  dispose();
  return timing;
}

async function loadOnce(group: Group): Promise<Timing & { statements: number; dataset: string }> {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-"));
  const store = new SqliteStore(join(dir, "bench.db"));
  let summaries: Awaited<ReturnType<typeof loadLists>> = [];
  const timing = await time(async () => {
    summaries = await loadLists(store, group.files);
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const statements = summaries.reduce((sum, summary) => sum + summary.statements, 0);
  return { ...timing, statements, dataset: summaries.map((summary) => summary.name).join("+") };
}

function pad(cells: Array<string | number>, widths: number[]): string {
  return cells.map((cell, index) => String(cell).padStart(widths[index]!)).join("  ");
}

async function measure(group: Group) {
  // One unmeasured run first, so that small lists are not timed compiling the reader.
  await loadOnce(group);
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await loadOnce(group));
  const reads: Timing[] = [];
  for (let run = 0; run < RUNS; run++) reads.push(await time(() => readOnly(group)));
  const parses: Timing[] = [];
  for (let run = 0; run < RUNS; run++) parses.push(await time(() => parseOnly(group.files)));
  const statements = runs[0]!.statements;
  const inserts: Timing[] = [];
  for (let run = 0; run < RUNS; run++) inserts.push(await bareInserts(statements));
  return {
    dataset: runs[0]!.dataset,
    statements,
    wall: median(runs.map((run) => run.wall)),
    cpu: median(runs.map((run) => run.cpu)),
    readCpu: median(reads.map((run) => run.cpu)),
    parseCpu: median(parses.map((run) => run.cpu)),
    sqlCpu: median(inserts.map((run) => run.cpu)),
  };
}

async function main(): Promise<void> {
  const { groups, skipped } = await findGroups();
  const header = [
    "dataset",
    "files",
    "statements",
    "wall s",
    "stmts/s",
    "cpu s",
    "stmts/cpu-s",
    "reader cpu s",
    "baseline: parse cpu s",
    "baseline: bare insert cpu s",
  ];
  const widths = [28, 5, 10, 7, 8, 7, 11, 12, 21, 27];
  console.log(
    `data: ${dataDir}; medians of ${RUNS} runs after a warm-up, a fresh temp workspace each`,
  );
  console.log(
    `load average: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores\n`,
  );
  console.log(pad(header, widths));
  const total = { statements: 0, wall: 0, cpu: 0, readCpu: 0, parseCpu: 0, sqlCpu: 0 };
  for (const group of groups) {
    const result = await measure(group);
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += result[key];
    console.log(pad(row(result.dataset, group.files.length, result), widths));
  }
  console.log(pad(row("all", "", total), widths));
  const peak = process.resourceUsage().maxRSS / 1024;
  const perSecond = (seconds: number) => Math.round(total.statements / seconds);
  console.log(
    `\noverall: ${perSecond(total.wall)} statements/s (wall ${total.wall.toFixed(2)} s), ` +
      `${perSecond(total.cpu)} statements/CPU-s (CPU ${total.cpu.toFixed(2)} s); ` +
      `baseline bare insert ${perSecond(total.sqlCpu)} statements/CPU-s`,
  );
  console.log(`peak RSS: ${peak.toFixed(0)} MiB`);
  if (skipped.length) console.log(`not lists, skipped: ${skipped.join(", ")}`);
}

function row(
  name: string,
  files: number | string,
  result: {
    statements: number;
    wall: number;
    cpu: number;
    readCpu: number;
    parseCpu: number;
    sqlCpu: number;
  },
): Array<string | number> {
  return [
    name,
    files,
    result.statements,
    result.wall.toFixed(3),
    Math.round(result.statements / result.wall),
    result.cpu.toFixed(3),
    Math.round(result.statements / result.cpu),
    result.readCpu.toFixed(3),
    result.parseCpu.toFixed(3),
    result.sqlCpu.toFixed(3),
  ];
}

await main();
