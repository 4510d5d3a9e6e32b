import { mkdtempSync, readdirSync, readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import type { Fact } from "../model/index.js";
import { FactPacker, type PackedBatch, type PackForm } from "./fact-pack.js";
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

/** `all` packed `size` at a time, as the table thread packs them, in the forms given in turn. */
async function* packs(
  store: SqliteStore,
  maxNumbered: number,
  all = facts,
  size = 4,
  forms: PackForm[] = ["columns"],
): AsyncIterable<PackedBatch> {
  const packer = new FactPacker(await store.factPacking(), maxNumbered);
  for (let at = 0; at < all.length; at += size) {
    const form = forms[(at / size) % forms.length]!;
    yield { packed: packer.pack(all.slice(at, at + size), form) };
  }
}

/** Packs of each form alone, and the two forms in turn. */
const FORMS: PackForm[][] = [["columns"], ["json"], ["json", "columns"]];

async function* plain(all = facts): AsyncIterable<{ facts: Fact[] }> {
  yield { facts: all };
}

function company(entityId: string, values: string[], locator = "row:1"): Fact {
  return { entityId, schema: "Company", values, dataset: "case", source, locator };
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
    for (const [maxNumbered, forms] of FORMS.flatMap(
      (f) =>
        [
          [2, f],
          [1000, f],
        ] as const,
    )) {
      const store = new SqliteStore(":memory:");
      await store.replaceDataset(load(), packs(store, maxNumbered, facts, 4, forms));
      expect(await referencesOf(store, referred)).toEqual(await referencesOf(expected, referred));
      expect(await store.getStatements("pay-17")).toEqual(await expected.getStatements("pay-17"));
      await store.close();
    }
    expect((await referencesOf(expected, ["bank-4"]))[0]).toHaveLength(8);
  });

  it.each(FORMS)(
    "writes props JSON as JSON.stringify does: escapes, values recurring at their place, ids referred to again (%s packs)",
    async (...forms) => {
      const odd = ['ООО "Ромашка"', "a\\b", "tab\there\nline", "\u0001\u001f", "", "😀 ok"];
      odd.push(
        "lone \ud800 high",
        "lone \udc00 low",
        "plain 中文 text",
        "\u2028\u007f",
        "A\u0000B",
      );
      const owns = (id: string, owner: string, asset: string): Fact => ({
        ...company(id, ["owner", owner, "asset", asset]),
        schema: "Ownership",
      });
      const written = [
        company(
          "p1",
          odd.flatMap((value) => ["name", value]),
        ),
        company("p2", []),
        company("p3", ["name", 'A "B"', "country", "ru"]),
        company("p4", ["name", 'A "B"', "country", "ru"]),
        company("p5", ["name", "plain", "country", "ru"]),
        owns("o1", 'id "1"', "p1"),
        owns("o2", 'id "1"', "p1"),
        owns("o3", "p5", 'id "1"'),
      ];
      const store = new SqliteStore(":memory:");
      await store.replaceDataset(load(), packs(store, 1000, written, 3, forms));
      const atoms = store.db.prepare("SELECT text, key FROM atoms").all() as Array<{
        text: string;
        key: number;
      }>;
      const keys = Object.fromEntries(atoms.map(({ text, key }) => [text, key]));
      const rows = store.db.prepare("SELECT entity_id, props FROM facts ORDER BY id").all();
      expect(rows).toEqual(
        written.map(({ entityId, values }) => ({
          entity_id: entityId,
          props: JSON.stringify(values.map((value, at) => (at % 2 ? value : keys[value]))),
        })),
      );
      await store.close();
    },
  );

  it.each(FORMS)(
    "counts the targets and posts the identifiers of packed facts as of plain ones (%s packs)",
    async (...forms) => {
      const written = [
        company("p1", ["name", "Kupol", "innCode", "1831083120"]),
        company("p2", ["name", "Vector", "topics", "sanction"]),
        { ...company("s1", ["entity", "p1", "authority", "OFAC"]), schema: "Sanction" },
        company("p3", ["name", "Haotianyi", "innCode", '77"01', "topics", "role.pep"]),
      ];
      const stores = [new SqliteStore(":memory:"), new SqliteStore(":memory:")];
      await stores[0]!.replaceDataset(load(), plain(written));
      await stores[1]!.replaceDataset(load(), packs(stores[1]!, 1000, written, 2, forms));
      const [expected, actual] = await Promise.all(
        stores.map(async (store) => [
          (await store.getDataset("case"))?.targets,
          await store.findByValue("innCode", ["1831083120", '77"01']),
        ]),
      );
      expect(expected).toEqual([2, ["p1", "p3"]]);
      expect(actual).toEqual(expected);
    },
  );

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
