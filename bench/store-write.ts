/**
 * The store's write path alone, on the shape of a customs ingest: every row gives 12
 * statements of one EconomicActivity sharing entity, dataset, source and locator `row:N`
 * (two entity references, two identifiers). Compares `SqliteStore.replaceDataset` (fact rows)
 * with a textbook baseline measured in the same run: the same statements, one row each, one
 * INSERT each, into a table with the four indexes the store needs (entity, dataset,
 * references, identifiers). Generating the statements is timed alone and subtracted from
 * both. Medians of 3 runs; wall and CPU time; peak RSS.
 *
 *   node --import tsx bench/store-write.ts [ROWS]   (default 100000)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { propertyType, type Statement } from "../src/model/index.js";
import { SqliteStore } from "../src/store/index.js";
import { openTextbookTable } from "./textbook-table.js";
import { median, type Timing, time } from "./timing.js";

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = 3;
const BATCH_ROWS = 400;
const source = "c".repeat(64);

/** The 12 statements of customs row `row`. */
function rowStatements(row: number): Statement[] {
  const entityId = `customs-${row.toString(36)}`;
  const base = { entityId, schema: "EconomicActivity", dataset: "customs", source };
  const locator = `row:${row + 2}`;
  const values: Array<[string, string]> = [
    ["date", `2023-${String((row % 12) + 1).padStart(2, "0")}-15`],
    ["ccdNumber", `10702070/${row}`],
    ["vedCode", String(8_800_000_000 + (row % 5000))],
    ["goodsDescription", `UNMANNED AERIAL VEHICLE PARTS LOT ${row % 977}`],
    ["sender", `party-${row % 3001}`],
    ["receiver", `party-${(row * 7) % 4999}`],
    ["originCountry", "cn"],
    ["destinationCountry", "ru"],
    ["customsAmount", String((row * 37) % 100_000)],
    ["invoiceAmount", String((row * 41) % 100_000)],
    ["customsProcedure", "40"],
    ["directionOfTransportation", "import"],
  ];
  return values.map(([prop, value]) => ({ ...base, prop, value, locator }));
}

async function* batches(): AsyncIterable<Statement[]> {
  for (let row = 0; row < ROWS; row += BATCH_ROWS) {
    const batch: Statement[] = [];
    for (let at = row; at < Math.min(row + BATCH_ROWS, ROWS); at++) {
      for (const statement of rowStatements(at)) batch.push(statement);
    }
    yield batch;
  }
}

async function generateOnly(): Promise<Timing> {
  return time(async () => {
    for await (const _ of batches()) {
      // statements are discarded
    }
  });
}

async function storeLoad(): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-bench-store-"));
  const store = new SqliteStore(join(dir, "store.db"));
  const load = { name: "customs", title: "customs", kind: "evidence" as const, sources: [] };
  const timing = await time(() => store.replaceDataset(load, batches()));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return timing;
}

async function textbookLoad(): Promise<Timing> {
  const { db, insert, dispose } = openTextbookTable("textbook");
  const timing = await time(async () => {
    db.exec("BEGIN");
    for await (const batch of batches()) {
      for (const s of batch) {
        const type = propertyType(s.schema, s.prop);
        insert.run(s.entityId, s.schema, s.prop, type, s.value, s.dataset, s.source, s.locator);
      }
    }
    db.exec("COMMIT");
  });
  dispose();
  return timing;
}

async function measure(run: () => Promise<Timing>): Promise<Timing> {
  const runs: Timing[] = [];
  for (let index = 0; index < RUNS; index++) runs.push(await run());
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

async function main(): Promise<void> {
  const statements = ROWS * 12;
  console.log(
    `${ROWS} customs rows, ${statements} statements; medians of ${RUNS}; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores\n`,
  );
  const generate = await measure(generateOnly);
  const results: Array<[string, Timing]> = [
    ["generate statements only", generate],
    ["store.replaceDataset (fact rows)", await measure(storeLoad)],
    ["baseline: textbook one row per statement", await measure(textbookLoad)],
  ];
  const widths = [42, 8, 8, 16, 16];
  const pad = (cells: Array<string | number>) =>
    cells.map((cell, index) => String(cell).padStart(widths[index]!)).join("  ");
  console.log(pad(["", "wall s", "cpu s", "stmts/s (wall)", "stmts/cpu-s"]));
  for (const [name, timing] of results) {
    // Statements/s of the write alone: the time to generate them is subtracted.
    const own = name === "generate statements only" ? timing : minus(timing, generate);
    console.log(
      pad([
        name,
        timing.wall.toFixed(3),
        timing.cpu.toFixed(3),
        Math.round(statements / own.wall),
        Math.round(statements / own.cpu),
      ]),
    );
  }
  console.log(`\npeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

function minus(left: Timing, right: Timing): Timing {
  return { wall: left.wall - right.wall, cpu: left.cpu - right.cpu };
}

await main();
