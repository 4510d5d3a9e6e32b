import type { Command } from "commander";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable } from "../output.js";

export function registerOwnership(program: Command, context: CliContext): void {
  program
    .command("ownership")
    .description(
      "owners through chains, the OFAC/BIS 50% rule and the EU/UK owned-or-controlled test",
    )
    .argument("<id>", "entity id")
    .action(async (id: string, _options, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const { assessOwnership, buildGraph } = await import("../../graph/index.js");
      const report = await withStore(db, async (store) =>
        assessOwnership(await buildGraph(store), id),
      );
      const { io } = context;
      if (json) return io.stdout(`${JSON.stringify(report)}\n`);
      printTable(
        io,
        ["owner", "effective %", "sanctioned", "chain"],
        report.owners.map((o) => [
          o.id,
          o.effective_percentage,
          o.sanctioned ? "yes" : "",
          o.chain.join(" -> "),
        ]),
      );
      io.stdout(
        `\n${report.ofac.rule}: ${report.blocked_by_ownership ? "BLOCKED" : "not blocked"}\n`,
      );
      for (const line of report.ofac.arithmetic) io.stdout(`  ${line}\n`);
      io.stdout(`\n${report.eu_uk.rule}: ${report.eu_uk.owned_or_controlled ? "YES" : "no"}\n`);
      for (const basis of report.eu_uk.basis)
        io.stdout(
          `  ${basis.kind} by ${basis.by}: ${basis.arithmetic} (${basis.chain.join(" -> ")})\n`,
        );
    });
}
