/**
 * Load every list folder of ../shared/data into fresh temp workspaces and report, per dataset,
 * statements per second against two baselines measured in the same run: parsing the same files
 * without building or storing anything (saxes / csv-parse / JSON.parse), and bare SQLite inserts
 * of as many rows into the same table layout. Medians of 3 runs; peak RSS at the end.
 *
 *   node --import tsx bench/load-lists.ts [DATA_DIR]
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
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { parse } from "csv-parse";
import { SaxesParser } from "saxes";
import { isSanctraceError } from "../src/model/index.js";
import {
  expandPaths,
  groupByFormat,
  listFormats,
  loadLists,
  probeFile,
} from "../src/sources/index.js";
import { SqliteStore } from "../src/store/index.js";
import { sqliteMigrations } from "../src/store/sqlite-schema.js";

const RUNS = 3;
const dataDir = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared/data"));

interface Group {
  folder: string;
  format: string;
  files: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The list groups of every folder; folders holding no list (HS codes, articles) are skipped. */
async function findGroups(): Promise<{ groups: Group[]; skipped: string[] }> {
  const groups: Group[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    const folder = join(dataDir, name);
    if (!statSync(folder).isDirectory()) continue;
    const probes = await Promise.all((await expandPaths([folder])).map(probeFile));
    try {
      for (const group of groupByFormat(probes, listFormats)) {
        const units = group.format.dataset ? [group.files] : group.files.map((file) => [file]);
        for (const files of units) {
          groups.push({ folder: name, format: group.format.id, files: files.map((f) => f.path) });
        }
      }
    } catch (error) {
      if (!isSanctraceError(error)) throw error;
      skipped.push(`${name} (${error.code})`);
    }
  }
  return { groups, skipped };
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

/** Insert `count` statement-shaped rows in one transaction into the store's table layout. */
function bareInserts(count: number): number {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-sql-"));
  const db = new Database(join(dir, "bare.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  for (const migration of sqliteMigrations) db.exec(migration);
  const insert = db.prepare(
    `INSERT INTO statements (entity_id, schema, prop, prop_type, value, dataset, source, locator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = process.hrtime.bigint();
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
        "a".repeat(64),
        `row:${index}`,
      );
    }
  })();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

async function loadOnce(
  group: Group,
): Promise<{ seconds: number; statements: number; dataset: string }> {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-"));
  const store = new SqliteStore(join(dir, "bench.db"));
  let summaries: Awaited<ReturnType<typeof loadLists>> = [];
  const seconds = await time(async () => {
    summaries = await loadLists(store, group.files);
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const statements = summaries.reduce((sum, summary) => sum + summary.statements, 0);
  return { seconds, statements, dataset: summaries.map((summary) => summary.name).join("+") };
}

function pad(cells: Array<string | number>, widths: number[]): string {
  return cells.map((cell, index) => String(cell).padStart(widths[index]!)).join("  ");
}

async function main(): Promise<void> {
  const { groups, skipped } = await findGroups();
  const header = [
    "dataset",
    "files",
    "statements",
    "load s",
    "stmts/s",
    "parse-only s",
    "bare-sql s",
    "load/(parse+sql)",
  ];
  const widths = [28, 5, 10, 8, 9, 12, 10, 16];
  console.log(`data: ${dataDir}; medians of ${RUNS} runs, fresh temp workspace each\n`);
  console.log(pad(header, widths));
  let totalStatements = 0;
  let totalSeconds = 0;
  for (const group of groups) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await loadOnce(group));
    const parseTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) parseTimes.push(await time(() => parseOnly(group.files)));
    const parseSeconds = median(parseTimes);
    const statements = runs[0]!.statements;
    const sqlSeconds = median(Array.from({ length: RUNS }, () => bareInserts(statements)));
    const seconds = median(runs.map((run) => run.seconds));
    totalStatements += statements;
    totalSeconds += seconds;
    console.log(
      pad(
        [
          runs[0]!.dataset,
          group.files.length,
          statements,
          seconds.toFixed(3),
          Math.round(statements / seconds),
          parseSeconds.toFixed(3),
          sqlSeconds.toFixed(3),
          (seconds / (parseSeconds + sqlSeconds)).toFixed(2),
        ],
        widths,
      ),
    );
  }
  console.log(
    pad(
      [
        "all",
        "",
        totalStatements,
        totalSeconds.toFixed(3),
        Math.round(totalStatements / totalSeconds),
        "",
        "",
        "",
      ],
      widths,
    ),
  );
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`\npeak RSS: ${peak.toFixed(0)} MiB`);
  if (skipped.length) console.log(`not lists, skipped: ${skipped.join(", ")}`);
}

await main();
