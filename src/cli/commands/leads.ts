import type { Command } from "commander";
import { SanctraceError } from "../../model/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable } from "../output.js";

function limitOf(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new SanctraceError(
      "usage_bad_number",
      `--limit takes a whole number ≥ 1; got "${value}"`,
      "--limit",
    );
  return number;
}

export function registerLeads(program: Command, context: CliContext): void {
  program
    .command("leads")
    .description(
      "top entities and chains by risk: screening hits, red flags, goods tier, ownership",
    )
    .option("--limit <n>", "how many entities and paths", "20")
    .action(async (flags: { limit: string }, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const limit = limitOf(flags.limit);
      const { findLeads } = await import("../../graph/index.js");
      const result = await withStore(db, (store) => findLeads(store, { limit }));
      const { io } = context;
      if (json) return io.stdout(`${JSON.stringify(result)}\n`);
      printTable(
        io,
        ["risk", "entity", "name", "reasons"],
        result.entities.map((lead) => [
          lead.score,
          lead.id,
          lead.caption,
          lead.reasons.map((r) => `${r.code} +${r.contribution}`).join(", "),
        ]),
      );
      io.stdout("\npaths\n");
      printTable(
        io,
        ["risk", "path", "reasons"],
        result.paths.map((path) => [
          path.risk,
          path.nodes.join(" -> "),
          path.risk_reasons.map((r) => `${r.entity} +${r.contribution}`).join(", "),
        ]),
      );
    });
}
