import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers/cli.js";

function writeList(dir: string, name: string, entities: object[]): string {
  const path = join(dir, `${name}.ftm.json`);
  writeFileSync(path, entities.map((entity) => JSON.stringify(entity)).join("\n"));
  return path;
}

function setUp() {
  const dir = tempDir();
  const db = join(dir, "w.db");
  const alpha = writeList(dir, "alpha", [
    { id: "a-1", schema: "Company", properties: { name: ["Kupol JSC"], innCode: ["1831083343"] } },
  ]);
  const beta = writeList(dir, "beta", [
    { id: "b-1", schema: "Company", properties: { name: ["AO Kupol"], country: ["ru"] } },
    { id: "b-2", schema: "Company", properties: { name: ["Kupol Trading"] } },
  ]);
  return { db, alpha, beta };
}

describe("judge", () => {
  it("merges a positive pair into one canonical entity that survives reloading", async () => {
    const { db, alpha, beta } = setUp();
    await cli("--db", db, "lists", "load", alpha, beta);
    const judged = await cli(
      "--db",
      db,
      "judge",
      "b-1",
      "a-1",
      "positive",
      "--note",
      "same INN",
      "--user",
      "ana",
    );
    expect(judged.stdout).toMatch(
      /^positive: b-1 a-1 \(by ana, .+\)\ncanonical entity a-1: a-1, b-1\n$/,
    );
    await cli("--db", db, "lists", "load", alpha, beta);
    const shown = await cli("--db", db, "--json", "entity", "b-1");
    const view = JSON.parse(shown.stdout);
    expect({ ...view, statements: view.statements.length }).toEqual({
      id: "a-1",
      schema: "Company",
      caption: "Kupol JSC",
      properties: { name: ["Kupol JSC", "AO Kupol"], innCode: ["1831083343"], country: ["ru"] },
      datasets: ["alpha", "beta"],
      referents: ["a-1", "b-1"],
      statements: 4,
      linked: [],
    });
    const text = await cli("--db", db, "entity", "a-1");
    expect(text.stdout.split("\n").slice(0, 4)).toEqual([
      "Kupol JSC  [Company]  a-1",
      "datasets: alpha, beta",
      "merged: a-1, b-1",
      "",
    ]);
  });

  it("refuses a positive that a standing negative forbids, and bad input", async () => {
    const { db, alpha, beta } = setUp();
    await cli("--db", db, "lists", "load", alpha, beta);
    await cli("--db", db, "judge", "a-1", "b-2", "negative");
    await cli("--db", db, "judge", "a-1", "b-1", "positive");
    const conflict = await cli("--db", db, "judge", "b-1", "b-2", "positive");
    expect([conflict.code, conflict.stderr]).toEqual([
      1,
      "error [judgement_conflict] b-1 b-2: a negative judgement on a-1 b-2 keeps these entities apart; judge that pair again first\n",
    ]);
    const wrong = await cli("--db", db, "judge", "a-1", "b-2", "maybe");
    expect(wrong.stderr).toBe(
      'error [judgement_invalid] expected positive, negative or unsure, got "maybe"\n',
    );
    const missing = await cli("--db", db, "judge", "a-1", "zz", "negative");
    expect(missing.stderr).toBe('error [entity_not_found] zz: no entity with id "zz"\n');
    await cli("--db", db, "judge", "b-2", "a-1", "unsure");
    const now = await cli("--db", db, "--json", "judge", "b-1", "b-2", "positive");
    expect(JSON.parse(now.stdout)).toMatchObject({
      canonicalId: "a-1",
      referents: ["a-1", "b-1", "b-2"],
    });
  });
});
