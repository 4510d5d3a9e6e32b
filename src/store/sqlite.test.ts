import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite.js";
import { describeStoreContract } from "./store.case.js";

describeStoreContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-store-"));
  return new SqliteStore(join(dir, "test.db"));
});

describeStoreContract("sqlite in memory", async () => new SqliteStore(":memory:"));

describe("derived data beside a load in progress", () => {
  it("keeps nothing, at once, while another connection is loading", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "sanctrace-store-")), "test.db");
    const loading = new SqliteStore(path);
    const reading = new SqliteStore(path);
    const load = { name: "alpha", title: "alpha", kind: "list" as const, sources: [] };
    const statement = {
      entityId: "c1",
      schema: "Company",
      prop: "name",
      value: "Kupol",
      dataset: "alpha",
      source: "s".repeat(64),
      locator: "row:1",
    };
    const alpha = await loading.replaceDataset(
      load,
      (async function* () {
        yield [statement];
      })(),
    );
    const from = { alpha: alpha.loadedAt };
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reload = loading.replaceDataset(
      load,
      (async function* () {
        yield [statement];
        await held;
      })(),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Waiting for the lock would block this thread for the whole busy timeout (the load waits
    // for this thread): 10 s here, against the few ms of giving up at once.
    reading.db.pragma("busy_timeout = 10000");
    const started = performance.now();
    expect(await reading.putDerived("index", "alpha", from, [Uint8Array.of(1)])).toBe(false);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(reading.db.pragma("busy_timeout", { simple: true })).toBe(10000);
    release();
    await reload;
    expect(await reading.getDerived("index", "alpha")).toBeUndefined();
    await loading.close();
    await reading.close();
  });
});
