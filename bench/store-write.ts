/**
 * The store's write path alone, on the shape of a customs ingest (what the built-in customs
 * mapping gives): every row states one EconomicActivity in 11 statements sharing entity,
 * dataset, source and locator `row:N` (three entity references: sender, receiver, declarant),
 * and each party (4000 senders, 6000 receivers, 150 declarants) is stated once, at the first row
 * naming it (name, and country or INN). Compares `SqliteStore.replaceDataset` (fact rows,
 * posting rows) with a textbook baseline measured in the same run: the same statements, one row
 * each, one INSERT each, into a table with the four indexes the store needs (entity, dataset,
 * references, identifiers). Generating the statements is timed alone and subtracted from both.
 * Medians of 3 runs; wall and CPU time; peak RSS.
 *
 *   node --import tsx bench/store-write.ts [ROWS] [--no-baseline]   (default 100000)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { makeId, propertyType, type Statement } from "../src/model/index.js";
import { SqliteStore } from "../src/store/index.js";
import { openTextbookTable } from "./textbook-table.js";
import { median, type Timing, time } from "./timing.js";

const ROWS = Number(process.argv[2] ?? 100_000);
const BASELINE = !process.argv.includes("--no-baseline");
const RUNS = 3;
const BATCH_ROWS = 400;
const source = "c".repeat(64);
const dataset = "customs";
const fileId = makeId(dataset, "table", source);
const POOLS = { sender: 4000, receiver: 6000, declarant: 150 } as const;
type Role = keyof typeof POOLS;
const partyIds = Object.fromEntries(
  Object.entries(POOLS).map(([role, size]) => [
    role,
    Array.from({ length: size }, (_, index) => makeId(dataset, "party", role, index)),
  ]),
) as Record<Role, string[]>;

/** The party of `role` at `index`, with its statements when `stated` has not seen it yet. */
function party(role: Role, index: number, locator: string, stated: Set<string>, out: Statement[]) {
  const entityId = partyIds[role][index]!;
  if (stated.has(entityId)) return entityId;
  stated.add(entityId);
  const at = { entityId, schema: "Company", dataset, source, locator };
  out.push({ ...at, prop: "name", value: `${role} ${index} LLC` });
  const inn = String(7_700_000_000 + index * 7919).slice(0, 10);
  out.push(
    role === "sender"
      ? { ...at, prop: "country", value: "cn" }
      : { ...at, prop: "innCode", value: inn },
  );
  return entityId;
}

/** The statements of customs row `row` (header = row 1), appended to `out`. */
function rowStatements(row: number, stated: Set<string>, out: Statement[]): void {
  const locator = `row:${row + 2}`;
  const sender = party("sender", (row * 7) % POOLS.sender, locator, stated, out);
  const receiver = party("receiver", (row * 13) % POOLS.receiver, locator, stated, out);
  const declarant = party("declarant", row % POOLS.declarant, locator, stated, out);
  const entityId = `${fileId}-${row + 2}`;
  const values: Array<[string, string]> = [
    ["date", `2024-03-${String((row % 28) + 1).padStart(2, "0")}`],
    ["ccdNumber", `10702070/010324/${String(row).padStart(7, "0")}`],
    ["vedCode", `8806${String(row % 100).padStart(2, "0")}0000`],
    ["goodsDescription", `Unmanned aerial vehicle model ${row % 97}`],
    ["originCountry", "cn"],
    ["departureCountry", "hk"],
    ["destinationCountry", "ru"],
    ["invoiceAmount", `${((row * 37) % 900_000) + 100}.50 USD`],
    ["sender", sender],
    ["receiver", receiver],
    ["declarant", declarant],
  ];
  for (const [prop, value] of values) {
    out.push({ entityId, schema: "EconomicActivity", prop, value, dataset, source, locator });
  }
}

async function* batches(): AsyncIterable<Statement[]> {
  const stated = new Set<string>();
  for (let row = 0; row < ROWS; row += BATCH_ROWS) {
    const batch: Statement[] = [];
    for (let at = row; at < Math.min(row + BATCH_ROWS, ROWS); at++)
      rowStatements(at, stated, batch);
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
  const load = { name: dataset, title: dataset, kind: "evidence" as const, sources: [] };
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
  let statements = 0;
  for await (const batch of batches()) statements += batch.length;
  console.log(
    `${ROWS} customs rows, ${statements} statements; medians of ${RUNS}; load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} on ${availableParallelism()} cores\n`,
  );
  const generate = await measure(generateOnly);
  const results: Array<[string, Timing]> = [
    ["generate statements only", generate],
    ["store.replaceDataset (fact rows)", await measure(storeLoad)],
  ];
  if (BASELINE)
    results.push(["baseline: textbook one row per statement", await measure(textbookLoad)]);
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
