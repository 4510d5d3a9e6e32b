import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers/cli.js";
import { skipWithoutShared } from "../helpers/shared.js";

interface Resolution {
  partyName: string;
  match: string;
  decision: string;
  method: string;
}

describe("demo", () => {
  it("builds a workspace from a generated case and example lists, and finds the planted parties", async () => {
    const dir = tempDir();
    const run = await cli(
      "--db",
      join(dir, "w.db"),
      "--json",
      "demo",
      "--size",
      "20",
      "--seed",
      "3",
      "--dir",
      join(dir, "case"),
      "--example-lists",
    );
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout);
    expect(report.lists.origin).toBe("generated");
    expect(
      report.files.map((f: { path: string; encoding: string }) => [
        f.path.slice(dir.length + 6),
        f.encoding,
      ]),
    ).toEqual([
      ["registry-cn.csv", "gb18030"],
      ["registry-ru.xlsx", "xlsx"],
      ["customs-declarations.csv", "windows-1251"],
      ["payments.csv", "utf-8"],
    ]);
    const truth = JSON.parse(readFileSync(join(dir, "case", "ground-truth.json"), "utf8"));
    const [chain] = truth.findings;
    const company = (role: string) =>
      truth.companies.find(
        (c: { key: string; role: string }) => chain.companies.includes(c.key) && c.role === role,
      );
    const endUser = company("end-user");
    const hub = company("intermediary");
    // Every planted list entry is found from the evidence: the end-user by its INN, the hub by name.
    const hits = report.ingests.flatMap((ingest: { resolutions: Resolution[] }) =>
      ingest.resolutions
        .filter((r) => r.match.startsWith("example-"))
        .map((r) => [r.match, r.partyName, r.decision, r.method]),
    );
    expect(new Set(hits.map((hit: string[]) => JSON.stringify(hit)))).toEqual(
      new Set(
        [
          [`example-${endUser.key}`, endUser.cyrillic, "linked", "identifier"],
          [`example-${hub.key}`, hub.latin, "linked", "name"],
          [`example-${endUser.key}`, endUser.latin.toUpperCase(), "linked", "identifier"],
          [`example-${hub.key}`, hub.latin.toUpperCase(), "linked", "name"],
        ].map((hit) => JSON.stringify(hit)),
      ),
    );
    expect(report.article).toBeUndefined();
  });

  it.skipIf(skipWithoutShared)(
    "loads the shared lists and resolves the article's Kupol to OFAC",
    { timeout: 600_000 },
    async () => {
      const dir = tempDir();
      const run = await cli(
        "--db",
        join(dir, "w.db"),
        "demo",
        "--size",
        "10",
        "--dir",
        join(dir, "case"),
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/lists: the real lists in .*shared\/data: us_ofac_sdn \(\d+\)/);
      expect(run.stdout).toMatch(
        /Izhevsk Electromechanical Plant “Kupol” +Company +JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL \(ofac-46431, us_ofac_sdn\)/,
      );
      expect(existsSync(join(dir, "case", "ground-truth.json"))).toBe(true);
    },
  );
});
