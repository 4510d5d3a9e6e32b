import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/helpers/cli.js";
import type { Statement } from "../model/index.js";
import { hashFile, probeFile } from "../sources/index.js";
import { SqliteStore } from "../store/index.js";
import { ingestEvidence } from "./ingest.js";
import { TableThread } from "./table-thread.js";

const HEADER =
  "date,ccd number,sender,sender country,receiver,receiver inn,hs code,goods description,invoice amount,currency";

/** Customs rows whose parties recur, as in real declarations; enough rows for several packs. */
function customsTable(rows: number, offset: number): string {
  const lines = [HEADER];
  for (let row = 0; row < rows; row++) {
    const n = row + offset;
    const sender = `Shenzhen Sender ${n % 37} Technology Co. Ltd.`;
    const receiver = n % 5 ? `Receiver ${n % 23} LLC` : "Kupol JSC";
    const inn = n % 5 ? `77000${String(n % 23).padStart(5, "0")}` : "1831083343";
    lines.push(
      `2024-03-01,10702070/${n},${sender},CN,${receiver},${inn},8806,drone ${n},"${n}.50",USD`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const register: Statement[] = [
  ["kupol", "Company", "name", "Kupol"],
  ["kupol", "Company", "innCode", "1831083343"],
  ["receiver-3", "Company", "name", "Receiver 3 LLC"],
].map(([entityId, schema, prop, value]) => ({
  entityId: entityId!,
  schema: schema!,
  prop: prop!,
  value: value!,
  dataset: "register",
  source: "r".repeat(64),
  locator: "row:1",
}));

async function ingestWith(dir: string, files: string[], threads: boolean) {
  const store = new SqliteStore(join(dir, `${threads}.db`));
  const load = { name: "register", title: "register", kind: "list" as const, sources: [] };
  await store.replaceDataset(
    load,
    (async function* () {
      yield register;
    })(),
  );
  const result = await ingestEvidence(store, files, { as: "customs", dataset: "case", threads });
  const statements: Statement[] = [];
  for (const file of files) {
    statements.push(...(await store.getStatementsAt("case", await hashFile(file))));
  }
  const counts = (await store.getDataset("case"))!;
  await store.close();
  return { result, statements, counts };
}

describe("ingest in a worker thread", () => {
  it("stores the same statements, counts and resolutions as in this thread", async () => {
    const dir = tempDir();
    const files = [join(dir, "a.csv"), join(dir, "b.csv")];
    writeFileSync(files[0]!, customsTable(6000, 0));
    writeFileSync(files[1]!, customsTable(1500, 6000));
    const threaded = await ingestWith(dir, files, true);
    const inThread = await ingestWith(dir, files, false);
    expect(threaded.statements.length).toBe(inThread.statements.length);
    expect(threaded.statements).toEqual(inThread.statements);
    const { loadedAt: _a, ...counts } = threaded.counts;
    const { loadedAt: _b, ...expected } = inThread.counts;
    expect(counts).toEqual(expected);
    const { resolutions } = threaded.result;
    expect(resolutions).toEqual(inThread.result.resolutions);
    // Declarations, senders, receivers, the two tables, and a Similar per resolution.
    expect(counts.entities).toBe(7500 + 37 + 24 + 2 + resolutions.length);
    const linked = resolutions.filter((r) => r.decision === "linked");
    expect(linked.map((r) => [r.partyName, r.match, r.method])).toEqual([
      ["Kupol JSC", "kupol", "identifier"],
      ["Receiver 3 LLC", "receiver-3", "name"],
    ]);
  });

  it("writes the documents of the same ingest after the thread's facts", async () => {
    const dir = tempDir();
    const files = [join(dir, "a.csv"), join(dir, "note.txt")];
    writeFileSync(files[0]!, customsTable(3000, 0));
    writeFileSync(files[1]!, "Kupol JSC paid Shenzhen Sender 3 Technology Co. Ltd. for engines.\n");
    const threaded = await ingestWith(dir, files, true);
    const inThread = await ingestWith(dir, files, false);
    expect(threaded.statements).toEqual(inThread.statements);
    const values = threaded.statements.map((s) => `${s.schema}.${s.prop}=${s.value}`);
    expect(values).toContain("PlainText.fileName=note.txt");
    expect(values).toContain("Mention.resolved=kupol");
    expect(values).toContain("EconomicActivity.ccdNumber=10702070/2999");
  });

  it("reports a mapping error with its place and leaves the store as it was", async () => {
    const dir = tempDir();
    const path = join(dir, "bad.csv");
    writeFileSync(path, "when,what\n2024-01-01,x\n");
    const store = new SqliteStore(join(dir, "w.db"));
    const mapping = join(dir, "m.yml");
    writeFileSync(
      mapping,
      "queries:\n  - entities:\n      c:\n        schema: Company\n        keys: [company]\n        properties:\n          name: { column: company }\n",
    );
    const failed = ingestEvidence(store, [path], { mapping, dataset: "case", threads: true });
    await expect(failed).rejects.toMatchObject({
      code: "mapping_missing_column",
      path: expect.stringContaining("m.yml"),
    });
    expect(await store.listDatasets()).toEqual([]);
    await store.close();
  });

  it("hashes the files in the thread, and fails its begin when it cannot", async () => {
    const dir = tempDir();
    const path = join(dir, "a.csv");
    writeFileSync(path, customsTable(10, 0));
    const data = { options: { kind: "customs" as const }, dataset: "case", collect: false };
    const thread = new TableThread();
    const probe = await probeFile(path);
    expect(await thread.begin({ files: [probe], ...data })).toEqual([await hashFile(path)]);
    await thread.stop();
    rmSync(path);
    const failing = new TableThread();
    await expect(failing.begin({ files: [probe], ...data })).rejects.toThrow(/ENOENT/);
    await failing.stop();
  });

  it("carries rows longer than the thread may hold ahead, every one whole", async () => {
    const dir = tempDir();
    const path = join(dir, "long.csv");
    const description = (row: number) => `${row} ${"drone engine part ".repeat(2600)}end`;
    const lines = [HEADER];
    for (let row = 0; row < 400; row++) {
      lines.push(
        `2024-03-01,10702070/${row},Sender ${row % 7} Co. Ltd.,CN,Receiver ${row % 5} LLC,,8806,${description(row)},"1.50",USD`,
      );
    }
    writeFileSync(path, `${lines.join("\n")}\n`);
    const store = new SqliteStore(join(dir, "w.db"));
    await ingestEvidence(store, [path], {
      as: "customs",
      dataset: "case",
      threads: true,
      resolve: false,
    });
    const statements = await store.getStatementsAt("case", await hashFile(path));
    const descriptions = statements.filter((s) => s.prop === "goodsDescription");
    expect(descriptions.map((s) => s.value)).toEqual(
      Array.from({ length: 400 }, (_, row) => description(row)),
    );
    await store.close();
  });
});
