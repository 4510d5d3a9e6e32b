import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers/cli.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

const root = resolve(import.meta.dirname, "../..");

/** The UN list with its individuals repeated under new ids: a load that takes a while. */
function writeBigUnList(dir: string, copies: number): string {
  const text = readFileSync(
    sharedPath("un_sc_consolidated_2026-02-27", "consolidated.xml"),
    "utf8",
  );
  const start = text.indexOf("<INDIVIDUAL>");
  const end = text.lastIndexOf("</INDIVIDUAL>") + "</INDIVIDUAL>".length;
  const individuals = text.slice(start, end);
  const copied = Array.from({ length: copies }, (_, copy) =>
    individuals.replace(/<DATAID>(\d+)<\/DATAID>/g, `<DATAID>$1-${copy}</DATAID>`),
  );
  const path = join(dir, "big-consolidated.xml");
  writeFileSync(path, text.slice(0, start) + copied.join("\n") + text.slice(end));
  return path;
}

/** Start a load in a child process and SIGKILL it once it reports inserted statements. */
function killMidLoad(db: string, path: string): Promise<{ signal: string | null; output: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/load-child.ts", db, path],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (/progress un_sc_sanctions \d+/.test(output)) child.kill("SIGKILL");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((done) => child.on("exit", (_code, signal) => done({ signal, output })));
}

describe.skipIf(skipWithoutShared)("kill -9 during a load", () => {
  it("leaves the previous state and a sound workspace", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    const un = sharedPath("un_sc_consolidated_2026-02-27");
    expect((await cli("--db", db, "lists", "load", un)).code).toBe(0);
    const before = (await cli("--db", db, "--json", "lists")).stdout;
    const entityBefore = (await cli("--db", db, "--json", "entity", "unsc-6907993")).stdout;

    const big = writeBigUnList(dir, 10);
    // Large enough to load through a rollback journal: the kill leaves it hot.
    expect(statSync(big).size).toBeGreaterThan(8 * 1024 * 1024);
    const killed = await killMidLoad(db, big);
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(`${db}-journal`)).toBe(true);
    expect(killed.output).toMatch(/^progress un_sc_sanctions \d+\n/);
    expect(killed.output).not.toContain("done");

    expect((await cli("--db", db, "--json", "lists")).stdout).toBe(before);
    expect((await cli("--db", db, "--json", "entity", "unsc-6907993")).stdout).toBe(entityBefore);
    expect((await cli("--db", db, "--json", "entity", "unsc-6907993-0")).code).not.toBe(0);
    const raw = new Database(db, { readonly: true });
    expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
    raw.close();
    const again = await cli("--db", db, "--json", "lists", "load", un);
    expect(again.code).toBe(0);
  });
});
