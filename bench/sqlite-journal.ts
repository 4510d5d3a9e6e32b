/**
 * What a large load costs SQLite through the WAL against a rollback journal (what
 * `src/store/sqlite-journal.ts` switches to), with 4 KiB and 16 KiB pages: ROWS customs-like
 * fact rows inserted 100 per INSERT in one transaction, the entity index built, COMMIT. Each
 * variant runs RUNS times in turn on a fresh file; medians of wall seconds per step.
 *
 *   node --import tsx bench/sqlite-journal.ts [ROWS] [RUNS]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const dir = mkdtempSync(join(tmpdir(), "sanctrace-journal-"));

const party = (n: number) =>
  `customs-${((n * 2654435761) % 4294967296).toString(16).padStart(40, "0")}`;

/** Row `n`'s values, as the customs mapping packs them. */
function row(n: number): unknown[] {
  const props = JSON.stringify([
    10,
    "2024-03-08",
    11,
    `10702070/080324/${n}`,
    12,
    "8806990000",
    13,
    "Thermal camera model 75",
    14,
    "cn",
    15,
    "hk",
    16,
    "ru",
    17,
    "300063.50 USD",
    18,
    party(n % 4000),
    19,
    party((n % 6000) + 5000),
    20,
    party((n % 150) + 9000),
  ]);
  return [
    n + 1,
    `customs-aae37a78a39c471aa149ea3afc2fb44c8ca0e78e-${n}`,
    7,
    3,
    4,
    `row:${n + 2}`,
    props,
  ];
}

interface Steps {
  insert: number;
  index: number;
  commit: number;
}

function load(journal: string, pageSize: number): Steps {
  const path = join(dir, "j.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
  const db = new Database(path);
  db.pragma(`page_size = ${pageSize}`);
  db.pragma(`journal_mode = ${journal}`);
  db.pragma("synchronous = NORMAL");
  db.pragma("cache_size = -262144");
  db.exec(
    "CREATE TABLE facts (id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, schema INTEGER NOT NULL, dataset INTEGER NOT NULL, source INTEGER NOT NULL, locator TEXT NOT NULL, props TEXT NOT NULL)",
  );
  const insert = db.prepare(
    `INSERT INTO facts VALUES ${Array(100).fill("(?,?,?,?,?,?,?)").join(",")}`,
  );
  const values: unknown[] = [];
  let started = performance.now();
  let made = 0;
  db.exec("BEGIN");
  for (let n = 0; n < rows; n++) {
    const making = performance.now();
    const next = row(n);
    made += performance.now() - making;
    for (const value of next) values.push(value);
    if (values.length === 700) {
      insert.run(values);
      values.length = 0;
    }
  }
  const steps: Steps = { insert: (performance.now() - started - made) / 1000, index: 0, commit: 0 };
  started = performance.now();
  db.exec("CREATE INDEX facts_entity ON facts (entity_id)");
  steps.index = (performance.now() - started) / 1000;
  started = performance.now();
  db.exec("COMMIT");
  steps.commit = (performance.now() - started) / 1000;
  db.close();
  return steps;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const variants = [
  ["WAL", 4096],
  ["DELETE", 4096],
  ["WAL", 16384],
  ["DELETE", 16384],
] as const;
const results = new Map<string, Steps[]>();
for (let run = 0; run < runs; run++) {
  for (const [journal, pageSize] of variants) {
    const key = `${journal} ${pageSize}`;
    results.set(key, [...(results.get(key) ?? []), load(journal, pageSize)]);
  }
}
console.log(`${rows} rows, medians of ${runs}, load ${loadavg()[0]!.toFixed(2)}`);
console.log("journal page    insert s  index s  commit s  total s");
for (const [key, steps] of results) {
  const m = (step: keyof Steps) => median(steps.map((s) => s[step]));
  const total = median(steps.map((s) => s.insert + s.index + s.commit));
  const cells = [m("insert"), m("index"), m("commit"), total].map((v) => v.toFixed(2).padStart(8));
  console.log(`${key.padEnd(14)}${cells.join(" ")}`);
}
rmSync(dir, { recursive: true, force: true });
