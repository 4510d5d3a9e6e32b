import { writeFileSync } from "node:fs";
import { SanctraceError } from "../../model/index.js";
import { type CliContext, withStore } from "../context.js";

export interface GraphExportFlags {
  format: "gexf" | "csv";
  out: string | undefined;
}

/** `export --format gexf|csv`: the workspace graph for Gephi or a spreadsheet. */
export async function writeGraphExport(
  db: string,
  flags: GraphExportFlags,
  context: CliContext,
): Promise<void> {
  if (flags.format === "csv" && !flags.out) {
    throw new SanctraceError("usage_export_out", "CSV export writes two files: give --out PREFIX");
  }
  const { buildWorkspaceGraph, chplTierOfCodes, renderCsv, renderGexf } = await import(
    "../../report/index.js"
  );
  const graph = await withStore(db, (store) =>
    buildWorkspaceGraph(store, { tierOf: chplTierOfCodes }),
  );
  const counts = `${graph.nodes.length} nodes and ${graph.edges.length} edges`;
  if (flags.format === "gexf") {
    const gexf = renderGexf(graph);
    if (!flags.out) return context.io.stdout(gexf);
    writeFileSync(flags.out, gexf);
    return context.io.stderr(`${counts} written to ${flags.out}\n`);
  }
  const prefix = flags.out!.replace(/\.csv$/i, "");
  const { nodes, edges } = renderCsv(graph);
  writeFileSync(`${prefix}.nodes.csv`, nodes);
  writeFileSync(`${prefix}.edges.csv`, edges);
  context.io.stderr(`${counts} written to ${prefix}.nodes.csv and ${prefix}.edges.csv\n`);
}
