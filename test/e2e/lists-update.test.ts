import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/index.js";
import { jsonLines, tempDir } from "../helpers/cli.js";
import { type ListServer, type Route, startListServer } from "../helpers/list-server.js";
import { sharedPath, skipWithoutShared } from "../helpers/shared.js";

let server: ListServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Run the CLI in process with an environment (the shared helper passes none). */
async function run(env: Record<string, string>, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    interactive: false,
  };
  const code = await runCli(["node", "sanctrace", ...args], { io, env });
  return { code, stdout, stderr };
}

function sha256Of(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

const unFile = () => sharedPath("un_sc_consolidated_2026-02-27", "consolidated.xml");
const semaFile = () => sharedPath("canada_sema_2020-04", "sema-lmes.xml");

async function serve(un: Partial<Route>, sema: Partial<Route> = {}) {
  server = await startListServer({
    "/un_sc_sanctions/consolidated.xml": { file: unFile(), ...un },
    "/ca_sema/sema-lmes.xml": { file: semaFile(), ...sema },
  });
  return { SANCTRACE_LIST_BASE_URL: server.url, SANCTRACE_LIST_BACKOFF_MS: "5" };
}

/** A workspace with Canada loaded from the shared folder, and its `lists --json`. */
async function preparedWorkspace() {
  const dir = tempDir();
  const db = join(dir, "w.db");
  expect((await run({}, "--db", db, "lists", "load", sharedPath("canada_sema_2020-04"))).code).toBe(
    0,
  );
  const before = (await run({}, "--db", db, "--json", "lists")).stdout;
  return { dir, db, before };
}

describe.skipIf(skipWithoutShared)("lists update against a local server", () => {
  it("retries a flaky server, verifies digests, records sha256 and loads", async () => {
    const env = await serve({ failFirst: 2, digest: "right" });
    const dir = tempDir();
    const db = join(dir, "w.db");
    const lists = join(dir, "lists");
    const args = [
      "--db",
      db,
      "--json",
      "lists",
      "update",
      "--source",
      "un_sc_sanctions",
      "ca_sema",
    ];
    const result = await run(env, ...args, "--dir", lists);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = jsonLines<Record<string, unknown>>(result.stdout);
    expect(lines.map((line) => [line.dataset, line.targets, line.downloads])).toEqual([
      [
        "un_sc_sanctions",
        1003,
        [
          {
            file: "consolidated.xml",
            url: `${server!.url}/un_sc_sanctions/consolidated.xml`,
            sha256: sha256Of(unFile()),
            size: readFileSync(unFile()).length,
            attempts: 3,
          },
        ],
      ],
      [
        "ca_sema",
        1369,
        [
          {
            file: "sema-lmes.xml",
            url: `${server!.url}/ca_sema/sema-lmes.xml`,
            sha256: sha256Of(semaFile()),
            size: readFileSync(semaFile()).length,
            attempts: 1,
          },
        ],
      ],
    ]);
    expect(server!.hits.get("/un_sc_sanctions/consolidated.xml")).toBe(3);
    expect(sha256Of(join(lists, "un_sc_sanctions", "consolidated.xml"))).toBe(sha256Of(unFile()));
    const shown = jsonLines<{ dataset: string; sources: unknown }>(
      (await run({}, "--db", db, "--json", "lists")).stdout,
    );
    expect(shown.find((d) => d.dataset === "un_sc_sanctions")?.sources).toEqual([
      { name: "consolidated.xml", sha256: sha256Of(unFile()), size: readFileSync(unFile()).length },
    ]);
  });

  const refusals: Array<[string, Partial<Route>, string[], RegExp]> = [
    ["an announced size over the cap", {}, ["--max-bytes", "100000"], /download_too_large/],
    [
      "a chunked body growing over the cap",
      { chunked: true },
      ["--max-bytes", "100000"],
      /download_too_large/,
    ],
    ["a truncated body", { truncate: true }, [], /download_truncated.*after 4 tries/],
    ["a wrong server digest", { digest: "wrong" }, [], /download_checksum_mismatch/],
    [
      "a wrong pinned sha256",
      {},
      ["--sha256", `consolidated.xml=${"0".repeat(64)}`],
      /download_checksum_mismatch.*pinned/,
    ],
    [
      "a server that keeps failing",
      { failFirst: 99 },
      ["--retries", "1"],
      /download_failed.*HTTP 503 \(after 2 tries\)/,
    ],
  ];
  for (const [what, route, flags, error] of refusals) {
    it(`refuses ${what} and loads nothing`, async () => {
      const { dir, db, before } = await preparedWorkspace();
      const env = await serve(route);
      const lists = join(dir, "lists");
      const args = ["--db", db, "lists", "update", "--source", "ca_sema", "un_sc_sanctions"];
      const result = await run(env, ...args, "--dir", lists, ...flags);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(error);
      expect(result.stderr).toContain(`${server!.url}/un_sc_sanctions/consolidated.xml`);
      expect((await run({}, "--db", db, "--json", "lists")).stdout).toBe(before);
      // Canada downloaded fine but is not kept or loaded: a list update is all or nothing.
      expect(existsSync(lists) ? readdirSync(lists) : []).toEqual([]);
    });
  }

  it("names an unknown list", async () => {
    const dir = tempDir();
    const result = await run({}, "--db", join(dir, "w.db"), "lists", "update", "--source", "xx");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error \[list_unknown_source\] no official list "xx"; known: us_ofac_sdn, /,
    );
  });
});
