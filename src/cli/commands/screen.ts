import { availableParallelism } from "node:os";
import type { Command } from "commander";
import {
  describeInput,
  listScreenRuns,
  openMatcher,
  readQueryFile,
  type ScreenRun,
  screenEntities,
  workspaceQueries,
} from "../../match/index.js";
import type { Store } from "../../store/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printJsonLines, printTable } from "../output.js";
import { openSink } from "../sink.js";
import { parseLimit, parseThreshold, parseWorkers } from "./numbers.js";

interface ScreenCommandOptions {
  input?: string;
  out?: string;
  dataset?: string[];
  threshold: number;
  limit: number;
  history?: boolean;
  newOnly?: boolean;
  user?: string;
  workers: number;
}

function printHistory(context: CliContext, runs: ScreenRun[], json: boolean): void {
  if (json) {
    printJsonLines(context.io, runs);
    return;
  }
  printTable(
    context.io,
    ["run", "at", "input", "lists", "queries", "hits", "new"],
    runs.map((run) => [
      run.runId,
      run.at,
      run.input.name,
      run.lists.map((list) => list.dataset).join(","),
      run.counts.queries,
      run.counts.hits,
      run.counts.new_hits,
    ]),
  );
}

function summaryLine(run: ScreenRun): string {
  const { queries, matched_queries, hits, new_hits } = run.counts;
  const lists = run.lists.map((list) => list.dataset).join(", ") || "no lists";
  return (
    `screened ${queries} queries against ${lists}: ${hits} hits for ${matched_queries} queries, ` +
    `${new_hits} new since ${run.previous_run ?? "no earlier run"} (run ${run.runId})\n`
  );
}

async function runScreen(store: Store, context: CliContext, options: ScreenCommandOptions) {
  const matcher = await openMatcher(store);
  const sink = openSink(context.io, options.out);
  const input = options.input ? await describeInput(options.input) : undefined;
  const queries = options.input ? readQueryFile(options.input) : workspaceQueries(store);
  try {
    return await screenEntities(store, queries, {
      matcher,
      threshold: options.threshold,
      limit: options.limit,
      newOnly: Boolean(options.newOnly),
      user: options.user ?? context.env.USER ?? "analyst",
      workers: options.workers,
      onResult: (result) => sink.write(result),
      ...(input ? { input } : {}),
      ...(options.dataset ? { datasets: options.dataset } : {}),
    });
  } finally {
    await sink.close();
  }
}

export function registerScreen(program: Command, context: CliContext): void {
  program
    .command("screen")
    .description("screen parties against the loaded lists: one JSON line per query, audited")
    .option("--input <file>", "queries as FtM JSON lines or CSV (default: every non-list entity)")
    .option("--out <file>", "write the JSON lines here instead of stdout")
    .option("--dataset <name...>", "only these lists (default: every loaded list)")
    .option("--threshold <t>", "score at which a result is a match", parseThreshold, 0.7)
    .option("--limit <n>", "results per query", parseLimit, 5)
    .option("--new-only", "report only hits the previous run over the same input did not")
    .option("--history", "list past screening runs instead of screening")
    .option("--user <name>", "who screens (default: $USER)")
    .option(
      "--workers <n>",
      "threads that search, this one included, once screening takes over 1 s (default: one per core)",
      parseWorkers,
      availableParallelism(),
    )
    .action(async (options: ScreenCommandOptions, command: Command) => {
      const { db, json } = globalOptions(command, context);
      if (options.history) {
        const runs = await withStore(db, (store) => listScreenRuns(store));
        return printHistory(context, runs, json);
      }
      const run = await withStore(db, (store) => runScreen(store, context, options));
      if (!options.out) return context.io.stderr(summaryLine(run));
      context.io.stdout(json ? `${JSON.stringify(run)}\n` : summaryLine(run));
    });
}
