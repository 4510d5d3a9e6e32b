import { Command, CommanderError } from "commander";
import { isSanctraceError } from "../model/index.js";
import { registerCompare } from "./commands/compare.js";
import { registerDemo } from "./commands/demo.js";
import { registerEntity } from "./commands/entity.js";
import { registerExport } from "./commands/export.js";
import { registerGoods } from "./commands/goods.js";
import { registerIngest } from "./commands/ingest.js";
import { registerJudge } from "./commands/judge.js";
import { registerLeads } from "./commands/leads.js";
import { registerLists } from "./commands/lists.js";
import { registerListsUpdate } from "./commands/lists-update.js";
import { registerMatch } from "./commands/match.js";
import { registerOwnership } from "./commands/ownership.js";
import { registerReport } from "./commands/report.js";
import { registerScreen } from "./commands/screen.js";
import { registerServe } from "./commands/serve.js";
import { registerStats } from "./commands/stats.js";
import { registerTrace } from "./commands/trace.js";
import type { CliContext } from "./context.js";
import { processIo } from "./output.js";

/**
 * Every command, in the order `--help` lists them. A command imports the stages that it alone
 * uses (graph, report, goods, demo) when it runs, so that the others start without loading
 * them (`--help`: 300 modules -> 250).
 */
const commands = [
  registerLists,
  registerListsUpdate,
  registerEntity,
  registerStats,
  registerMatch,
  registerScreen,
  registerCompare,
  registerJudge,
  registerServe,
  registerGoods,
  registerTrace,
  registerOwnership,
  registerIngest,
  registerExport,
  registerReport,
  registerDemo,
  registerLeads,
];

/** Build the `sanctrace` program; commands only parse and call the stages. */
export function buildProgram(context: CliContext): Command {
  const program = new Command("sanctrace")
    .description("investigation workbench for sanctions evasion and military supply chains")
    .option("--db <path>", "workspace: a SQLite file or postgres:// URL (env SANCTRACE_DB)")
    .option("--json", "machine-readable output")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.stdout(text),
      writeErr: (text) => context.io.stderr(text),
    });
  for (const register of commands) register(program, context);
  return program;
}

/**
 * Run the CLI and return the exit code: 0 on success, 1 on a known error (printed in one
 * line), 2 on bad usage, 70 on a bug (printed with its stack).
 */
export async function runCli(
  argv: string[],
  context: CliContext = { io: processIo, env: process.env },
): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isSanctraceError(error)) {
      const json = argv.includes("--json");
      context.io.stderr(
        json
          ? `${JSON.stringify({ error: error.toJSON() })}\n`
          : `error [${error.code}] ${error.message}\n`,
      );
      return 1;
    }
    context.io.stderr(`internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 70;
  }
}
