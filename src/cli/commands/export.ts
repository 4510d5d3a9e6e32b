import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { exportFtm } from "../../ingest/index.js";
import { SanctraceError } from "../../model/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { writeGraphExport } from "./export-graph.js";

interface ExportFlags {
  format: string;
  dataset?: string[];
  out?: string;
}

async function writeLines(
  lines: AsyncIterable<string>,
  out: string | undefined,
  context: CliContext,
): Promise<number> {
  let count = 0;
  if (!out) {
    for await (const line of lines) {
      context.io.stdout(line);
      count++;
    }
    return count;
  }
  const stream = createWriteStream(out);
  for await (const line of lines) {
    if (!stream.write(line))
      await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
    count++;
  }
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return count;
}

export function registerExport(program: Command, context: CliContext): void {
  program
    .command("export")
    .description("write the workspace as FtM JSON lines, GEXF (Gephi) or CSV node and edge lists")
    .option(
      "--format <format>",
      "ftm, gexf or csv (csv writes OUT.nodes.csv and OUT.edges.csv)",
      "ftm",
    )
    .option("--dataset <name...>", "only these datasets")
    .option("--out <file>", "write to a file instead of stdout")
    .action(async (flags: ExportFlags, command: Command) => {
      const { db } = globalOptions(command, context);
      if (flags.format === "gexf" || flags.format === "csv") {
        return writeGraphExport(db, { format: flags.format, out: flags.out }, context);
      }
      if (flags.format !== "ftm") {
        throw new SanctraceError(
          "usage_bad_format",
          `--format takes ftm, gexf or csv; got "${flags.format}"`,
        );
      }
      const count = await withStore(db, async (store) => {
        async function* lines() {
          const options = flags.dataset ? { datasets: flags.dataset } : {};
          for await (const entity of exportFtm(store, options)) yield `${JSON.stringify(entity)}\n`;
        }
        return writeLines(lines(), flags.out, context);
      });
      if (flags.out) context.io.stderr(`${count} entities written to ${flags.out}\n`);
    });
}
