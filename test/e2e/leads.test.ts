import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers/cli.js";

describe("demo --world and leads", () => {
  const dir = tempDir();
  const db = join(dir, "w.db");
  const worldDir = join(dir, "world");
  let truth: { findings: Array<{ scheme: string; companies: string[]; hidden?: string[] }> };
  beforeAll(async () => {
    const run = await cli(
      "--db",
      db,
      "demo",
      "--world",
      "--size",
      "300",
      "--seed",
      "11",
      "--dir",
      worldDir,
      "--json",
    );
    expect(run.code).toBe(0);
    truth = JSON.parse(readFileSync(join(worldDir, "ground-truth.json"), "utf8"));
  });

  it("writes the world and its ground truth beside it", () => {
    expect(
      ["world-evidence.ftm.json", "world-sanctions.ftm.json", "ground-truth.json"].map((f) =>
        existsSync(join(worldDir, f)),
      ),
    ).toEqual([true, true, true]);
    expect([...new Set(truth.findings.map((f) => f.scheme))].sort()).toEqual([
      "front-company",
      "ownership-above-50",
      "ownership-below-50",
      "split-payments",
      "transshipment-hub",
    ]);
  });

  it("lists leads with reasons, flags citing evidence, and risky paths", async () => {
    const run = await cli("--db", db, "leads", "--limit", "5", "--json");
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.entities).toHaveLength(5);
    const positives = new Set(truth.findings.flatMap((f) => f.companies));
    // The quality bar: precision ≥ 0.8 among the top leads.
    const correct = result.entities.filter((e: { id: string }) => positives.has(e.id));
    expect(correct.length).toBeGreaterThanOrEqual(4);
    const [top] = result.entities;
    const sum = top.reasons.reduce(
      (total: number, r: { contribution: number }) => total + r.contribution,
      0,
    );
    expect(Math.abs(sum - top.score)).toBeLessThan(0.01);
    const cited = result.entities.flatMap(
      (e: { flags: Array<{ evidence: Array<{ dataset: string; locator: string }> }> }) => e.flags,
    );
    expect(cited.length).toBeGreaterThan(0);
    for (const flag of cited)
      expect(flag.evidence[0]).toMatchObject({
        dataset: "world_evidence",
        locator: expect.stringMatching(/^line:\d+$/),
      });
    expect(result.paths.length).toBeGreaterThan(0);
    expect(result.paths[0].edges[0].evidence.length).toBeGreaterThan(0);
  });

  it("refuses a bad limit in one line", async () => {
    const run = await cli("--db", db, "leads", "--limit", "0");
    expect([run.code, run.stderr.trim()]).toEqual([1, expect.stringContaining("usage_bad_number")]);
  });
});
