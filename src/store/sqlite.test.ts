import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "./sqlite.js";
import { describeStoreContract } from "./store.case.js";

describeStoreContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sanctrace-store-"));
  return new SqliteStore(join(dir, "test.db"));
});

describeStoreContract("sqlite in memory", async () => new SqliteStore(":memory:"));
