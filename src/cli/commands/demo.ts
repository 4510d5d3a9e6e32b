import type { Command } from "commander";
import type { DemoReport } from "../../demo/index.js";
import { SanctraceError } from "../../model/index.js";
import type { Store } from "../../store/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { printTable } from "../output.js";
import { printWorld } from "./demo-world.js";

interface DemoFlags {
  size: string;
  seed: string;
  dir?: string;
  exampleLists?: boolean;
  world?: boolean;
}

function count(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new SanctraceError("usage_bad_number", `${flag} takes a whole number; got "${value}"`);
  }
  return number;
}

interface ArticleMention {
  name: string;
  schema: string;
  resolved?: { id: string; caption: string; datasets: string[] };
}

async function articleMentions(
  store: Store,
  dataset: string,
): Promise<{ mentions: ArticleMention[]; cues: number }> {
  const mentions: ArticleMention[] = [];
  let cues = 0;
  for await (const entity of store.iterateEntities({
    datasets: [dataset],
    schemata: ["Mention", "UnknownLink"],
  })) {
    if (entity.schema === "UnknownLink") {
      cues++;
      continue;
    }
    const resolvedId = entity.properties.resolved?.[0];
    const target = resolvedId ? await store.getEntity(resolvedId) : undefined;
    mentions.push({
      name: entity.properties.name?.[0] ?? entity.caption,
      schema: entity.properties.detectedSchema?.[0] ?? "",
      ...(target
        ? { resolved: { id: target.id, caption: target.caption, datasets: target.datasets } }
        : {}),
    });
  }
  return { mentions, cues };
}

function describeLists(report: DemoReport): string {
  const { lists } = report;
  const loaded = lists.loaded.map((d) => `${d.name} (${d.entities})`).join(", ") || "none";
  if (lists.origin === "generated") {
    return `lists: GENERATED fictional example lists ${lists.path} (--example-lists, or no shared data found: set SANCTRACE_SHARED): ${loaded}\n`;
  }
  const skipped = lists.skipped.length
    ? `; no reader in this build for ${lists.skipped.join(", ")}`
    : "";
  return `lists: the real lists in ${lists.path}: ${loaded}${skipped}\n`;
}

export function registerDemo(program: Command, context: CliContext): void {
  program
    .command("demo")
    .description(
      "build a workspace from a generated fictional case, the lists and a news article, and show what it finds",
    )
    .option("--size <n>", "about how many customs rows the case has", "40")
    .option("--seed <n>", "random seed (the same seed gives the same case)", "7")
    .option("--dir <dir>", "where to write the case files", "sanctrace-demo")
    .option("--example-lists", "use generated example lists even when the shared data is present")
    .option(
      "--world",
      "generate a world of normal trade and planted schemes (FtM files + ground truth) for `leads`",
    )
    .action(async (flags: DemoFlags, command: Command) => {
      const { db, json } = globalOptions(command, context);
      const { io } = context;
      const size = count("--size", flags.size);
      const seed = count("--seed", flags.seed);
      await withStore(db, async (store) => {
        if (flags.world) {
          const dir = flags.dir === "sanctrace-demo" ? "sanctrace-world" : flags.dir;
          return printWorld(context, store, { seed, size, ...(dir ? { dir } : {}) }, json);
        }
        const { runDemo } = await import("../../demo/index.js");
        const report = await runDemo(store, {
          size,
          seed,
          ...(flags.dir ? { dir: flags.dir } : {}),
          env: context.env,
          exampleLists: Boolean(flags.exampleLists),
          onStep: (step) => (json ? undefined : io.stderr(`… ${step}\n`)),
        });
        const article = report.article
          ? await articleMentions(store, report.article.dataset.name)
          : undefined;
        if (json) {
          io.stdout(`${JSON.stringify({ ...report, articleMentions: article })}\n`);
          return;
        }
        await printReport(context, store, report, article);
      });
    });
}

async function printReport(
  context: CliContext,
  store: Store,
  report: DemoReport,
  article?: { mentions: ArticleMention[]; cues: number },
) {
  const { io } = context;
  io.stdout(`\nfictional case written to ${report.dir} (ground truth: ${report.truth})\n`);
  io.stdout(describeLists(report));
  io.stdout("\ndatasets:\n");
  const datasets = await store.listDatasets();
  printTable(
    io,
    ["dataset", "kind", "entities", "targets", "statements"],
    datasets.map((d) => [d.name, d.kind, d.entities, d.targets, d.statements]),
  );
  const listDatasets = new Set(datasets.filter((d) => d.kind === "list").map((d) => d.name));
  const rows = report.ingests.flatMap((ingest) =>
    ingest.resolutions.map((r) => ({ ingest: ingest.dataset.name, r })),
  );
  io.stdout(
    `\nresolved parties (${rows.length}; linked ≥ 0.9 or equal register numbers, review 0.7–0.9, never merged):\n`,
  );
  printTable(
    io,
    ["evidence", "decision", "score", "by", "party", "known entity", "id"],
    rows.map(({ ingest, r }) => [
      ingest,
      r.decision,
      r.score.toFixed(2),
      r.method,
      r.partyName,
      r.matchName,
      r.match,
    ]),
  );
  const hits = [];
  for (const { ingest, r } of rows) {
    const target = await store.getEntity(r.match);
    if (target?.datasets.some((name) => listDatasets.has(name)))
      hits.push([
        ingest,
        r.decision,
        r.score.toFixed(2),
        r.partyName,
        target.caption,
        target.datasets.join(","),
      ]);
  }
  io.stdout(`\nscreening hits against the lists: ${hits.length}\n`);
  if (hits.length)
    printTable(io, ["evidence", "decision", "score", "party", "list entry", "list"], hits);
  if (article) {
    const resolved = article.mentions.filter((m) => m.resolved);
    io.stdout(
      `\narticle: ${article.mentions.length} mentions (${resolved.length} resolved to known entities), ${article.cues} relation cues\n`,
    );
    printTable(
      io,
      ["mention", "type", "resolved to"],
      article.mentions.map((m) => [
        m.name,
        m.schema,
        m.resolved
          ? `${m.resolved.caption} (${m.resolved.id}, ${m.resolved.datasets.join(",")})`
          : "",
      ]),
    );
  }
}
