import type { Command } from "commander";
import { type IngestResult, ingestEvidence } from "../../ingest/index.js";
import { SanctraceError } from "../../model/index.js";
import { TABLE_KINDS, type TableKind } from "../../sources/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable, startProgress } from "../output.js";

interface IngestFlags {
  as?: string;
  mapping?: string;
  dataset?: string;
  encoding?: string;
  resolve: boolean;
}

function tableKind(kind: string | undefined): TableKind | undefined {
  if (kind === undefined) return undefined;
  if ((TABLE_KINDS as readonly string[]).includes(kind)) return kind as TableKind;
  throw new SanctraceError("usage_bad_kind", `--as takes ${TABLE_KINDS.join(", ")}; got "${kind}"`);
}

/** The `ingest --json` document. */
export function ingestJson(result: IngestResult) {
  const { dataset } = result;
  return {
    dataset: dataset.name,
    kind: dataset.kind,
    entities: dataset.entities,
    statements: dataset.statements,
    files: result.files,
    parties: result.parties,
    resolutions: result.resolutions,
  };
}

/** Print what an ingest stored and how its parties resolved. */
export function printIngest(context: CliContext, result: IngestResult): void {
  const { io } = context;
  const { dataset } = result;
  io.stdout(
    `${dataset.name}: ${dataset.entities} entities, ${dataset.statements} statements from ${result.files.map((f) => `${f.name} (${f.format})`).join(", ")}\n`,
  );
  const linked = result.resolutions.filter((r) => r.decision === "linked");
  io.stdout(
    `${result.parties} parties; ${linked.length} linked to known entities, ${result.resolutions.length - linked.length} left for review\n`,
  );
  if (!result.resolutions.length) return;
  printTable(
    io,
    ["decision", "score", "party", "known entity", "id", "by"],
    result.resolutions.map((r) => [
      r.decision,
      r.score.toFixed(2),
      r.partyName,
      r.matchName,
      r.match,
      r.method,
    ]),
  );
}

export function registerIngest(program: Command, context: CliContext): void {
  program
    .command("ingest")
    .description(
      "read evidence (CSV/TSV/XLSX tables, documents) into a dataset and resolve its parties",
    )
    .argument("<paths...>", "files or folders")
    .option("--as <kind>", `built-in table mapping: ${TABLE_KINDS.join(", ")}`)
    .option("--mapping <file.yml>", "FtM mapping YAML (ftm map / Aleph format)")
    .option("--dataset <name>", "dataset to (re)place (default: the first file's name)")
    .option("--encoding <name>", "text encoding of the tables (default: detected)")
    .option("--no-resolve", "do not resolve parties against the workspace")
    .action(async (paths: string[], flags: IngestFlags, command: Command) => {
      const { db, json } = globalOptions(command, context);
      if (flags.as && flags.mapping) {
        throw new SanctraceError("usage_conflict", "give --as or --mapping, not both");
      }
      const as = tableKind(flags.as);
      const progress = startProgress(
        json ? { ...context.io, interactive: false } : context.io,
        "ingesting",
      );
      const result = await withStore(db, (store) =>
        ingestEvidence(store, paths, {
          ...(as ? { as } : {}),
          ...(flags.mapping ? { mapping: flags.mapping } : {}),
          ...(flags.dataset ? { dataset: flags.dataset } : {}),
          ...(flags.encoding ? { encoding: flags.encoding } : {}),
          resolve: flags.resolve,
          onProgress: (done) => progress.update(done, "statements"),
        }),
      ).finally(() => progress.stop());
      if (json) context.io.stdout(`${JSON.stringify(ingestJson(result))}\n`);
      else printIngest(context, result);
    });
}
