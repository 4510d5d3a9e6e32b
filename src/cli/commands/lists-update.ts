import { dirname, join } from "node:path";
import type { Command } from "commander";
import { SanctraceError } from "../../model/index.js";
import { type UpdateOptions, updateLists } from "../../sources/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printJsonLines, printTable, startProgress } from "../output.js";
import { datasetJson } from "./lists.js";

interface UpdateFlags {
  source?: string[];
  dir?: string;
  baseUrl?: string;
  maxBytes?: string;
  retries?: string;
  sha256?: string[];
}

/** `--sha256 consolidated.xml=ab12…` pins, one per file. */
function parsePins(values: string[] = []): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const value of values) {
    const [file, hex] = value.split("=");
    if (!file || !hex || !/^[0-9a-f]{64}$/i.test(hex)) {
      throw new SanctraceError(
        "cli_bad_option",
        `--sha256 wants FILE=<64 hex chars>, got "${value}"`,
      );
    }
    pins[file] = hex.toLowerCase();
  }
  return pins;
}

function toUpdateOptions(flags: UpdateFlags, db: string, context: CliContext): UpdateOptions {
  const env = flags.baseUrl
    ? { ...context.env, SANCTRACE_LIST_BASE_URL: flags.baseUrl }
    : context.env;
  return {
    sources: flags.source ?? [],
    dir: flags.dir ?? join(dirname(db), "sanctrace-lists"),
    pins: parsePins(flags.sha256),
    env,
    ...(flags.maxBytes ? { maxBytes: Number(flags.maxBytes) } : {}),
    ...(flags.retries ? { attempts: Number(flags.retries) + 1 } : {}),
    ...(context.env.SANCTRACE_LIST_BACKOFF_MS
      ? { backoffMs: Number(context.env.SANCTRACE_LIST_BACKOFF_MS) }
      : {}),
  };
}

/** `lists update`: fetch the official lists, verify them, then load them. */
export function registerListsUpdate(program: Command, context: CliContext): void {
  const lists = program.commands.find((command) => command.name() === "lists");
  if (!lists) throw new Error("registerListsUpdate needs the lists command registered first");
  lists
    .command("update")
    .description("download the official lists (retries, size cap, sha256 checks) and load them")
    .option(
      "--source <names...>",
      "lists to fetch, e.g. un_sc_sanctions us_ofac_sdn (default: all)",
    )
    .option(
      "--dir <dir>",
      "where downloaded lists are kept (default: sanctrace-lists beside the workspace)",
    )
    .option(
      "--base-url <url>",
      "fetch from a mirror: <url>/<list>/<file> (env SANCTRACE_LIST_BASE_URL)",
    )
    .option("--max-bytes <n>", "refuse larger files (default 512 MiB)")
    .option("--retries <n>", "retries per file after the first try (default 3)")
    .option("--sha256 <file=hex...>", "pin the sha256 a file must have")
    .action(async (flags: UpdateFlags, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const progress = startProgress(
        json ? { ...context.io, interactive: false } : context.io,
        "loading",
      );
      const options = toUpdateOptions(flags, db, context);
      const result = await withStore(db, (store) =>
        updateLists(store, {
          ...options,
          onProgress: (dataset, done) => progress.update(done, `statements (${dataset})`),
        }),
      ).finally(() => progress.stop());
      if (json) {
        printJsonLines(
          context.io,
          result.datasets.map((summary) => ({
            ...datasetJson(summary),
            downloads: result.downloads
              .filter((download) => download.list === summary.name)
              .map(({ file, url, sha256, size, attempts }) => ({
                file,
                url,
                sha256,
                size,
                attempts,
              })),
          })),
        );
        return;
      }
      printTable(
        context.io,
        ["list", "file", "bytes", "sha256", "tries"],
        result.downloads.map((d) => [d.list, d.file, d.size, d.sha256.slice(0, 16), d.attempts]),
      );
      printTable(
        context.io,
        ["dataset", "entities", "targets", "statements"],
        result.datasets.map((s) => [s.name, s.entities, s.targets, s.statements]),
      );
    });
}
