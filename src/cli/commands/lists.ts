import type { Command } from "commander";
import { loadLists } from "../../sources/index.js";
import type { DatasetSummary } from "../../store/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printJsonLines, printTable, startProgress } from "../output.js";

/** The `lists --json` line for a dataset. */
export function datasetJson(summary: DatasetSummary) {
  return {
    dataset: summary.name,
    title: summary.title,
    kind: summary.kind,
    entities: summary.entities,
    targets: summary.targets,
    statements: summary.statements,
    sources: summary.sources.map(({ name, sha256, size }) => ({ name, sha256, size })),
    loaded_at: summary.loadedAt,
  };
}

function printDatasets(context: CliContext, summaries: DatasetSummary[], json: boolean): void {
  if (json) {
    printJsonLines(context.io, summaries.map(datasetJson));
    return;
  }
  printTable(
    context.io,
    ["dataset", "entities", "targets", "statements", "loaded_at"],
    summaries.map((s) => [s.name, s.entities, s.targets, s.statements, s.loadedAt]),
  );
}

export function registerLists(program: Command, context: CliContext): void {
  const lists = program
    .command("lists")
    .description("show the loaded lists and datasets")
    .action(async (_options, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const summaries = await withStore(db, (store) => store.listDatasets());
      printDatasets(context, summaries, json);
    });

  lists
    .command("load")
    .description("load sanctions lists (files or folders; format detected from content)")
    .argument("<paths...>", "list files or folders")
    .option("--dataset <name>", "dataset name to load into (default: from the format)")
    .action(async (paths: string[], options: { dataset?: string }, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const progress = json
        ? startProgress({ ...context.io, interactive: false }, "")
        : startProgress(context.io, "loading");
      const summaries = await withStore(db, (store) =>
        loadLists(store, paths, {
          ...(options.dataset ? { dataset: options.dataset } : {}),
          onProgress: (dataset, done) => progress.update(done, `statements (${dataset})`),
        }),
      ).finally(() => progress.stop());
      printDatasets(context, summaries, json);
    });
}
