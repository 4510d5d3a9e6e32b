import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** Which stages each stage may import, from the table in ARCHITECTURE.md. */
const allowed: Record<string, string[]> = {
  model: [],
  text: [],
  store: ["model"],
  sources: ["model", "text", "store", "match", "extract"],
  match: ["model", "text", "store"],
  extract: ["model", "text", "match"],
  goods: ["model", "text"],
  graph: ["model", "match", "goods", "store"],
  report: ["model", "graph", "store", "goods", "match"],
  ingest: ["model", "text", "store", "sources", "match", "extract"],
  demo: ["ingest", "model", "store", "sources", "match", "text", "extract", "goods", "graph"],
  cli: ["*"],
  api: ["*"],
};
const shells = new Set(["cli", "api", "web"]);

const root = resolve(import.meta.dirname, "../src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)[^"']*from\s+["'](\.[^"']+)["']/gm)].map((match) =>
    resolve(join(file, ".."), match[1]!),
  );
}

function stageOf(path: string): string {
  return relative(root, path).split("/")[0]!;
}

describe("stage boundaries (ARCHITECTURE.md)", () => {
  it("imports only the stages a stage may use, and only through their index.ts", () => {
    const problems: string[] = [];
    for (const file of sourceFiles(root)) {
      const stage = stageOf(file);
      for (const target of importsOf(file)) {
        const other = stageOf(target);
        if (other === stage || other.startsWith("..")) continue;
        const rule = allowed[stage];
        if (!rule) problems.push(`${relative(root, file)}: stage "${stage}" is not in the table`);
        else if (shells.has(other)) problems.push(`${relative(root, file)} imports shell ${other}`);
        else if (!rule.includes("*") && !rule.includes(other)) {
          problems.push(`${relative(root, file)} imports ${other}, which ${stage} may not use`);
        }
        if (!/\/index\.js$/.test(target) && !shells.has(stage)) {
          problems.push(`${relative(root, file)} reaches into ${relative(root, target)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
