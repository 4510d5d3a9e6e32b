import type { Command } from "commander";
import type { TraceOptions } from "../../graph/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";

interface TraceFlags {
  from?: string;
  fromCountry?: string;
  to?: string;
  toSanctioned?: boolean;
  maxDepth?: string;
  since?: string;
  until?: string;
  goods?: string;
  timeRespecting?: boolean;
  window?: string;
  limit?: string;
}

function toOptions(flags: TraceFlags): TraceOptions {
  const options: TraceOptions = {};
  for (const key of ["from", "fromCountry", "to", "since", "until", "goods"] as const) {
    if (flags[key] !== undefined) options[key] = flags[key];
  }
  if (flags.toSanctioned) options.toSanctioned = true;
  if (flags.timeRespecting) options.timeRespecting = true;
  if (flags.maxDepth) options.maxDepth = Number(flags.maxDepth);
  if (flags.window) options.windowDays = Number(flags.window);
  if (flags.limit) options.limit = Number(flags.limit);
  return options;
}

export function registerTrace(program: Command, context: CliContext): void {
  program
    .command("trace")
    .description("find the best chains from a supplier to a sanctioned party, with evidence")
    .option("--from <id>", "start at this entity")
    .option("--from-country <cc>", "start at every party of this country (ISO code)")
    .option("--to <id>", "end at this entity")
    .option("--to-sanctioned", "end at any sanctioned party (default)")
    .option("--max-depth <n>", "most links on a chain", "5")
    .option("--since <date>", "leave out shipments and payments before this date")
    .option("--until <date>", "leave out shipments and payments after this date")
    .option("--goods <filter>", "battlefield | chpl | TIER | HS,… (shipments must carry them)")
    .option("--time-respecting", "each shipment or payment follows the one before")
    .option("--window <days>", "most days between consecutive dated steps", "365")
    .option("--limit <k>", "how many chains", "10")
    .action(async (flags: TraceFlags, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const { traceSupplyChains } = await import("../../graph/index.js");
      const result = await withStore(db, (store) => traceSupplyChains(store, toOptions(flags)));
      const { io } = context;
      if (json)
        return io.stdout(
          `${JSON.stringify({ paths: result.paths, truncated: result.truncated })}\n`,
        );
      if (!result.paths.length) io.stdout("no chain found\n");
      result.paths.forEach((path, index) => {
        const names = path.nodes.map((id) => result.captions[id] ?? id);
        io.stdout(`#${index + 1}  score ${path.score}  ${names.join(" -> ")}\n`);
        for (const reason of path.reasons) io.stdout(`    ${reason}\n`);
      });
      if (result.truncated)
        io.stdout("(search stopped at its budget; narrow it with --goods or --max-depth)\n");
    });
}
