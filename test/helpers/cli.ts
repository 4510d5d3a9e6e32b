import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/index.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temp folder for a test's workspace and scratch files. */
export function tempDir(prefix = "sanctrace-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Run the CLI in process with captured output. The environment is empty (no `SANCTRACE_DB`
 * from the shell) except for `SANCTRACE_SHARED`, so commands find the shared data as tests do.
 */
export async function cli(...args: string[]): Promise<CliRun> {
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
  const shared = process.env.SANCTRACE_SHARED;
  const env = shared ? { SANCTRACE_SHARED: shared } : {};
  const code = await runCli(["node", "sanctrace", ...args], { io, env });
  return { code, stdout, stderr };
}

/** Parse JSON lines output. */
export function jsonLines<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
