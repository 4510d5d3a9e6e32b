import type { Command } from "commander";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable } from "../output.js";

export function registerStats(program: Command, context: CliContext): void {
  program
    .command("stats")
    .description("count datasets, entities and statements in the workspace")
    .action(async (_options, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const stats = await withStore(db, (store) => store.stats());
      if (json) return context.io.stdout(`${JSON.stringify(stats)}\n`);
      printTable(
        context.io,
        ["what", "count"],
        [
          ["datasets", stats.datasets],
          ["entities", stats.entities],
          ["statements", stats.statements],
          ["sources", stats.sources],
          ...Object.entries(stats.bySchema).map(([schema, n]): [string, number] => [
            `  ${schema}`,
            n,
          ]),
        ],
      );
    });
}
