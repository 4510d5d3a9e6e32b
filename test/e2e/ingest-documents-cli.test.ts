import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, jsonLines, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

interface View {
  statements: Array<{ prop: string; value: string; locator: string }>;
  linked: Array<{ id: string; schema: string; via: string }>;
}

describe.skipIf(skipWithoutShared)("sanctrace ingest of a news article", () => {
  it("links the list entry to its mentions, each value citing its span", async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    const list = join(dir, "sdn.ftm.json");
    const kupol = {
      id: "ofac-46431",
      schema: "Company",
      properties: { name: ["JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"] },
    };
    writeFileSync(list, `${JSON.stringify(kupol)}\n`);
    expect((await cli("--db", db, "lists", "load", list, "--dataset", "sdn")).code).toBe(0);
    const article = sharedPath("articles", "2025-09-kupol-chinese-drones.txt");
    const ingest = await cli("--db", db, "ingest", article, "--dataset", "case");
    expect(ingest).toMatchObject({ code: 0, stderr: "" });

    const plant = JSON.parse(
      (await cli("--db", db, "--json", "entity", "ofac-46431")).stdout,
    ) as View;
    const mention = plant.linked.find((link) => link.via === "resolved")!;
    expect(mention.schema).toBe("Mention");
    const shown = JSON.parse(
      (await cli("--db", db, "--json", "entity", mention.id)).stdout,
    ) as View;
    const text = readFileSync(article, "utf8");
    const names = shown.statements.filter((s) => s.prop === "name");
    expect(names.length).toBe(7);
    for (const name of names) {
      const [, start, end] = /^span:(\d+)-(\d+)$/.exec(name.locator)!;
      expect(text.slice(Number(start), Number(end))).toBe(name.value);
    }

    const exported = jsonLines<{ schema: string; properties: Record<string, string[]> }>(
      (await cli("--db", db, "export", "--format", "ftm", "--dataset", "case")).stdout,
    );
    const roles = exported
      .filter((e) => e.schema === "UnknownLink")
      .map((e) => e.properties.role![0]);
    expect(roles.sort()).toEqual([
      "acquired",
      "approved for testing",
      "approved for testing",
      "delivered",
      "delivered",
      "produced",
    ]);
  });
});
