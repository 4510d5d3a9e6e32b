import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

describe.skipIf(skipWithoutShared)("loading FtM JSON lines", () => {
  it("loads OpenSanctions entities and shows one with provenance", async () => {
    const db = join(tempDir(), "w.db");
    const file = sharedPath("opensanctions_ftm", "t1.entities.ftm.json");
    const load = await cli("--db", db, "--json", "lists", "load", file, "--dataset", "t1");
    expect(load.code).toBe(0);
    const [summary] = jsonLines(load.stdout);
    expect(summary).toMatchObject({ dataset: "t1", entities: 7, targets: 6, statements: 102 });
    const first = jsonLines<{ id: string }>(readFileSync(file, "utf8").split("\n")[0]!)[0]!;
    const shown = await cli("--db", db, "--json", "entity", first.id);
    const view = JSON.parse(shown.stdout) as { id: string; statements: Array<{ locator: string }> };
    expect(view.id).toBe(first.id);
    expect(view.statements.every((s) => s.locator === "line:1")).toBe(true);
  });

  it("refuses a malformed line, names the place, and keeps the store as it was", async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    const good = sharedPath("opensanctions_ftm", "t1.entities.ftm.json");
    await cli("--db", db, "lists", "load", good, "--dataset", "t1");
    const bad = join(dir, "bad.ftm.json");
    const text = readFileSync(good, "utf8").split("\n");
    text[3] = '{"id": "x", "schema": "Company", "properties": {"name": ["cut';
    writeFileSync(bad, text.join("\n"));
    const run = await cli("--db", db, "lists", "load", bad, "--dataset", "t1");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error \[json_malformed\] bad\.ftm\.json line:4: /);
    const lists = jsonLines((await cli("--db", db, "--json", "lists")).stdout);
    expect(lists).toMatchObject([{ dataset: "t1", entities: 7, statements: 102 }]);
  });

  it("refuses a file in no known format", async () => {
    const dir = tempDir();
    const odd = join(dir, "notes.txt");
    writeFileSync(odd, "just some notes\n");
    const run = await cli("--db", join(dir, "w.db"), "lists", "load", odd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("source_unknown_format");
  });
});
