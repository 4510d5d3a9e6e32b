/**
 * Ingest a generated customs CSV (1M rows by default; parties repeat across rows, as in real
 * declarations) into a fresh SQLite workspace with parties resolved against a generated
 * register of 20k companies. The pipeline is measured cumulatively, one process per run, so
 * each phase's cost is the difference from the one before:
 *   baseline  csv-parse alone on the same file (the floor any CSV ingest stands on)
 *   parse     sanctrace's CSV reader (encoding check, row numbers)
 *   map       + the built-in customs mapping to statements (and the file's sha256)
 *   pack      + collecting parties, packing the facts per 1,024 for the writer and serializing
 *             them as postMessage does: all the table worker does (src/ingest/table-worker.ts),
 *             in one thread, without a writer
 *   store     + writing the statements to SQLite (ingest with resolution off)
 *   resolve   + resolving parties against the register (the full ingest)
 *   store-1t, resolve-1t  the same with tables read in the writing thread (no worker)
 *   cli       the full ingest as a user runs it: `sanctrace ingest --as customs` compiled
 *             (`npm run build` first), in a process of its own, Node's start and module loading
 *             included; the phases above run the TypeScript sources through tsx, whose loader
 *             also starts the table worker (about a second more); the first ingest after the
 *             register was loaded, which prepares its candidate index and keeps it
 *   cli-kept  the same, the register's prepared index kept in the workspace (as after any match
 *             or ingest against it): what every later ingest costs
 * Medians of RUNS runs of wall and CPU time (the machine is shared) and peak RSS (maxRSS), the
 * phases run in turn round after round; and each phase's wall time over the baseline's of the
 * same round (median), which a shared machine's changes of speed move less.
 * A run past LIMIT seconds is stopped and its phase reported as not finished.
 *
 *   node --import tsx bench/ingest-customs.ts [ROWS] [RUNS] [PHASES] [LIMIT]
 *   (PHASES: a comma list, default all; LIMIT: default 240)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { PARTIES, writeCustoms } from "./ingest-customs-data.js";
import { type PhaseName, runPhase } from "./ingest-customs-phases.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const ALL: PhaseName[] = [
  "baseline",
  "parse",
  "map",
  "pack",
  "store",
  "resolve",
  "cli",
  "cli-kept",
];
const phases = (process.argv[4]?.split(",") as PhaseName[] | undefined) ?? ALL;
const limit = Number(process.argv[5] ?? 240);

interface Measure {
  count: number;
  seconds: number;
  cpu: number;
  maxRss: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One run in its own process; undefined when it took longer than the limit. */
function measure(phase: PhaseName, path: string, dir: string): Measure | undefined {
  rmSync(join(dir, "w.db"), { force: true });
  rmSync(join(dir, "w.db-wal"), { force: true });
  try {
    const output = execFileSync(
      process.execPath,
      // The V8 flag bin/sanctrace.js sets, so each phase runs as the CLI does.
      [
        "--no-allocation-site-pretenuring",
        "--import",
        "tsx",
        import.meta.filename,
        "--phase",
        phase,
        path,
        dir,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: limit * 1000 },
    );
    return JSON.parse(output.trim().split("\n").pop()!) as Measure;
  } catch (error) {
    if ((error as { signal?: string }).signal === "SIGTERM") return undefined;
    throw error;
  }
}

/**
 * RUNS rounds, each running every phase once in turn, so that every phase meets the same
 * spells of a shared machine's speed (its load, its other tenants); a phase whose run does
 * not finish is dropped from the rounds after.
 */
function measureRounds(path: string, dir: string): Map<PhaseName, Measure[] | undefined> {
  const results = new Map<PhaseName, Measure[] | undefined>(phases.map((phase) => [phase, []]));
  for (let run = 0; run < runs; run++) {
    for (const phase of phases) {
      const done = results.get(phase);
      if (!done) continue;
      const result = measure(phase, path, dir);
      results.set(phase, result ? [...done, result] : undefined);
    }
  }
  return results;
}

/** Per round, a phase's wall time over the baseline's; the median of those. */
function baselineRatio(results: Measure[], baseline: Measure[] | undefined): string {
  if (!baseline?.length || baseline.length !== results.length) return "";
  return median(results.map((result, run) => result.seconds / baseline[run]!.seconds)).toFixed(2);
}

function medians(results: Measure[]): Measure {
  return {
    count: results[0]!.count,
    seconds: median(results.map((r) => r.seconds)),
    cpu: median(results.map((r) => r.cpu)),
    maxRss: median(results.map((r) => r.maxRss)),
  };
}

function printTable(table: string[][]): void {
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  for (const row of table)
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-"));
  const path = join(dir, "customs.csv");
  await writeCustoms(path, rows);
  const megabytes = statSync(path).size / 1024 ** 2;
  console.log(
    `${rows} rows, ${megabytes.toFixed(0)} MiB, ${PARTIES} parties; load ${loadavg()[0]!.toFixed(2)}; medians of ${runs}`,
  );
  const table = [
    [
      "phase",
      "rows/s wall",
      "rows/s cpu",
      "wall s",
      "cpu s",
      "+wall s",
      "+cpu s",
      "peak RSS MiB",
      "wall / baseline",
    ],
  ];
  let previous: Measure | undefined;
  const rounds = measureRounds(path, dir);
  for (const phase of phases) {
    const results = rounds.get(phase);
    if (!results) {
      table.push([phase, `not finished in ${limit} s`, "", "", "", "", "", "", ""]);
      continue;
    }
    const m = medians(results);
    // Each phase adds a step to the one before; the baseline and the CLI stand alone.
    const alone = phase === "baseline" || phase.startsWith("cli");
    const added = (value: number, before: number | undefined) =>
      alone || before === undefined ? "" : (value - before).toFixed(2);
    table.push([
      phase,
      (rows / m.seconds).toFixed(0),
      (rows / m.cpu).toFixed(0),
      m.seconds.toFixed(2),
      m.cpu.toFixed(2),
      added(m.seconds, previous?.seconds),
      added(m.cpu, previous?.cpu),
      (m.maxRss / 1024 ** 2).toFixed(0),
      phase === "baseline" ? "" : baselineRatio(results, rounds.get("baseline")),
    ]);
    if (phase !== "baseline") previous = m;
  }
  printTable(table);
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === "--phase") {
  const result = await runPhase(process.argv[3] as PhaseName, process.argv[4]!, process.argv[5]!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main();
}
