import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../helpers/cli.js";

const root = resolve(import.meta.dirname, "../..");
const entry = [
  `import { startServer } from ${JSON.stringify(join(root, "src/api/index.ts"))};`,
  `import { runCli } from ${JSON.stringify(join(root, "src/cli/index.ts"))};`,
  `import { processIo } from ${JSON.stringify(join(root, "src/cli/output.ts"))};`,
  "process.exitCode = await runCli(process.argv, { io: processIo, env: process.env, serve: startServer });",
].join("\n");

/** Start `sanctrace serve` as a real process and wait for the address it prints. */
async function startServe(db: string) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      entry,
      "sanctrace",
      "--db",
      db,
      "serve",
      "--port",
      "0",
    ],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  const url = await new Promise<string>((found, fail) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /sanctrace API on (http:\/\/\S+) /.exec(stderr);
      if (match) found(match[1]!);
    });
    child.once("exit", (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

describe("sanctrace serve", () => {
  it("needs the API wired in by the entry point", async () => {
    const run = await cli("--db", join(tempDir(), "w.db"), "serve", "--port", "0");
    expect(run.stderr).toBe(
      "error [serve_unavailable] this entry point does not include the HTTP API\n",
    );
  });

  it("answers yente clients over HTTP on a port of its own and stops on SIGTERM", async () => {
    const dir = tempDir();
    const db = join(dir, "w.db");
    const list = join(dir, "watch.ftm.json");
    writeFileSync(
      list,
      JSON.stringify({ id: "w-1", schema: "Company", properties: { name: ["Kupol JSC"] } }),
    );
    await cli("--db", db, "lists", "load", list);
    const { url, child } = await startServe(db);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await (await fetch(`${url}/healthz`)).json();
      expect(health).toEqual({ status: "ok", entities: 1, lists: ["watch"] });
      const response = await fetch(`${url}/match/default`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          queries: { a: { schema: "Company", properties: { name: ["Kupol"] } } },
        }),
      });
      const body = (await response.json()) as {
        responses: { a: { results: Array<{ id: string; match: boolean }> } };
      };
      expect(body.responses.a.results.map(({ id, match }) => ({ id, match }))).toEqual([
        { id: "w-1", match: true },
      ]);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
