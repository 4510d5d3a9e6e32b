import { mkdtempSync, readdirSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import type { Fact } from "../model/index.js";
import { FactPacker, type PackedBatch } from "./fact-pack.js";
import { SqliteStore } from "./sqlite.js";
import { BULK_BYTES } from "./sqlite-journal.js";
import type { DatasetLoad } from "./store.js";

const source = "d".repeat(64);

function workspace(): string {
  return join(mkdtempSync(join(tmpdir(), "sanctrace-packed-")), "w.db");
}

function load(bytes = 10): DatasetLoad {
  return {
    name: "case",
    title: "case",
    kind: "evidence",
    sources: [{ sha256: source, name: "t.csv", size: bytes }],
  };
}

/** Row `row`: a payment from one of three payers to one of five beneficiaries. */
function payment(row: number): Fact {
  const values = [
    "amount",
    String(row),
    "payer",
    `payer-${row % 3}`,
    "beneficiary",
    `bank-${row % 5}`,
  ];
  return {
    entityId: `pay-${row}`,
    schema: "Payment",
    values,
    dataset: "case",
    source,
    locator: `row:${row}`,
  };
}

const facts = Array.from({ length: 40 }, (_, row) => payment(row));

async function* packs(store: SqliteStore, maxNumbered: number): AsyncIterable<PackedBatch> {
  const packer = new FactPacker(await store.factPacking(), maxNumbered);
  for (let at = 0; at < facts.length; at += 4)
    yield { packed: packer.pack(facts.slice(at, at + 4)) };
}

async function* plain(): AsyncIterable<{ facts: Fact[] }> {
  yield { facts };
}

/** How many descriptors this process holds open on `path` (Linux). */
function openOn(path: string): number {
  const links = readdirSync("/proc/self/fd").map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return "";
    }
  });
  return links.filter((link) => link === path).length;
}

/**
 * The facts, noting the journal mode and page cache the load runs in, and the descriptors
 * open on the workspace file meanwhile.
 */
async function* noting(store: SqliteStore, modes: unknown[]): AsyncIterable<{ facts: Fact[] }> {
  const { db } = store;
  const cache = db.pragma("cache_size", { simple: true });
  modes.push([db.pragma("journal_mode", { simple: true }), cache, openOn(store.path)]);
  yield { facts };
}

async function referencesOf(store: SqliteStore, ids: string[]) {
  return Promise.all(
    ids.map(async (id) => (await store.getReferences(id)).map((s) => [s.entityId, s.prop])),
  );
}

const referred = ["payer-0", "payer-1", "payer-2", "bank-0", "bank-4"];

describe("packed facts in a SQLite workspace", () => {
  it("stores the references a packer numbered, across restarts of its numbering", async () => {
    const expected = new SqliteStore(":memory:");
    await expected.replaceDataset(load(), plain());
    for (const maxNumbered of [2, 1000]) {
      const store = new SqliteStore(":memory:");
      await store.replaceDataset(load(), packs(store, maxNumbered));
      expect(await referencesOf(store, referred)).toEqual(await referencesOf(expected, referred));
      expect(await store.getStatements("pay-17")).toEqual(await expected.getStatements("pay-17"));
      await store.close();
    }
    expect((await referencesOf(expected, ["bank-4"]))[0]).toHaveLength(8);
  });

  it("loads large sources through a rollback journal and a smaller page cache, synced as it goes, and is set back after", async () => {
    const store = new SqliteStore(workspace());
    const modes: unknown[] = [];
    await store.replaceDataset(load(BULK_BYTES - 1), noting(store, modes));
    const summary = await store.replaceDataset(load(BULK_BYTES), noting(store, modes));
    // The bulk load's own descriptor syncs the file in the background.
    expect(modes).toEqual([
      ["wal", -262_144, 1],
      ["delete", -65_536, 2],
    ]);
    expect(summary.statements).toBe(120);
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("cache_size", { simple: true })).toBe(-262_144);
    await vi.waitFor(() => expect(openOn(store.path)).toBe(1));
    expect(store.db.pragma("page_size", { simple: true })).toBe(16_384);
    async function* failing(): AsyncIterable<{ facts: Fact[] }> {
      yield { facts: [payment(99)] };
      throw new Error("reader broke");
    }
    await expect(store.replaceDataset(load(BULK_BYTES), failing())).rejects.toThrow("reader broke");
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("cache_size", { simple: true })).toBe(-262_144);
    await vi.waitFor(() => expect(openOn(store.path)).toBe(1));
    expect(await store.getStatements("pay-99")).toEqual([]);
    expect((await store.getDataset("case"))?.statements).toBe(120);
    await store.close();
  });

  it("refuses to open a workspace a large load holds alone, naming why", {
    timeout: 20_000,
  }, async () => {
    const path = workspace();
    const store = new SqliteStore(path);
    let opening: unknown;
    async function* opened(): AsyncIterable<{ facts: Fact[] }> {
      yield { facts };
      try {
        new SqliteStore(path);
      } catch (error) {
        opening = error;
      }
    }
    await store.replaceDataset(load(BULK_BYTES), opened());
    expect(opening).toMatchObject({ code: "store_busy", path });
    const after = new SqliteStore(path);
    expect((await after.getDataset("case"))?.statements).toBe(120);
    await after.close();
    await store.close();
  });

  it("loads through the WAL while another connection holds the workspace", async () => {
    const path = workspace();
    const store = new SqliteStore(path);
    const reader = new Database(path, { readonly: true });
    reader.prepare("SELECT COUNT(*) FROM facts").get();
    const modes: unknown[] = [];
    await store.replaceDataset(load(BULK_BYTES), noting(store, modes));
    // The reader holds the file: no bulk setup (nothing is synced in the background).
    expect(modes).toEqual([["wal", -262_144, 2]]);
    expect(reader.prepare("SELECT COUNT(*) AS n FROM facts").get()).toEqual({ n: 40 });
    reader.close();
    await store.close();
  });
});
