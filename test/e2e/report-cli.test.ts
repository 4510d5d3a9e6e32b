import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import graphologyModule from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../src/report/index.js";
import { SqliteStore } from "../../src/store/index.js";
import { HOSTILE_NAME, loadCaseWorld } from "../helpers/case-world.js";
import { cli, tempDir } from "../helpers/cli.js";

// CommonJS typed as an ES module: at run time the default import is the class.
const Graph = graphologyModule as unknown as typeof graphologyModule.default;

let dir: string;
let db: string;

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, "w.db");
  const store = new SqliteStore(db);
  await loadCaseWorld(store);
  await store.addCaseItem("drones", {
    kind: "path",
    ids: ["inv-maker", "inv-transit", "inv-kupol"],
    note: "",
  });
  await store.close();
});

describe("sanctrace report", () => {
  it("prints an entity dossier as Markdown with numbered sources", async () => {
    const run = await cli("--db", db, "report", "inv-transit");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("# Dossier: Transit Trade LLC");
    expect(lines).toContain(
      "- recently\\_incorporated (+0.70): incorporated 52 days before its first trade (inv-ship-1)",
    );
    expect(lines).toContain("| Name | Transit Trade LLC | [1] |");
    expect(lines).toContain("- linked to → &lt;img src=x onerror=alert(1)\\> — director");
    expect(
      lines.filter((line) => /^\d+\. invoices · invoices\.csv · row:\d/.test(line)),
    ).toHaveLength(2);
  });

  it("writes a case report as self-contained HTML and as PDF", async () => {
    const html = join(dir, "drones.html");
    const run = await cli("--db", db, "report", "--case", "drones", "--out", html);
    expect([run.code, run.stderr]).toEqual([0, `html report written to ${html}\n`]);
    const text = readFileSync(html, "utf8");
    expect(text).toContain("<li>Shenzhen Sky Drone Co → Transit Trade LLC → IEMZ Kupol</li>");
    expect(text).not.toMatch(/<script|src="http/);
    if (!chromiumPath()) return console.warn("chromium absent: PDF report not tested");
    const pdf = join(dir, "drones.pdf");
    expect((await cli("--db", db, "report", "--case", "drones", "--out", pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses a missing subject and an unknown case with one-line errors", async () => {
    expect((await cli("--db", db, "report")).stderr).toBe(
      "error [usage_report_subject] give an entity id or --case NAME, not both\n",
    );
    expect((await cli("--db", db, "report", "--case", "nope")).stderr).toBe(
      'error [case_not_found] nope: no case named "nope"\n',
    );
  });
});

describe("sanctrace export --format gexf|csv", () => {
  it("writes a GEXF that parses back with every node and edge", async () => {
    const out = join(dir, "w.gexf");
    expect((await cli("--db", db, "export", "--format", "gexf", "--out", out)).code).toBe(0);
    const graph = parseGexf(Graph, readFileSync(out, "utf8"));
    expect([graph.order, graph.size]).toEqual([4, 3]);
    expect(graph.getNodeAttribute("tl-hostile", "label")).toBe(HOSTILE_NAME);
    expect(graph.getEdgeAttribute("inv-ship-2", "tier")).toBe("1");
  });

  it("writes CSV node and edge lists", async () => {
    const prefix = join(dir, "graph");
    const run = await cli("--db", db, "export", "--format", "csv", "--out", prefix);
    expect(run.stderr).toBe(
      `4 nodes and 3 edges written to ${prefix}.nodes.csv and ${prefix}.edges.csv\n`,
    );
    expect(existsSync(`${prefix}.nodes.csv`)).toBe(true);
    expect(readFileSync(`${prefix}.nodes.csv`, "utf8").split("\r\n")[0]).toBe(
      "id,label,schema,sanctioned",
    );
  });
});
