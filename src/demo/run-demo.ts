import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type IngestResult, ingestEvidence, openPartyIndex } from "../ingest/index.js";
import { isSanctraceError } from "../model/index.js";
import { evidenceFormats, expandPaths, hashFile, loadLists } from "../sources/index.js";
import type { DatasetSummary, Store } from "../store/index.js";
import { writeExampleLists } from "./example-lists.js";
import { generateCase } from "./generate-case.js";
import { findSharedData, SHARED_ARTICLE, SHARED_LISTS } from "./shared-data.js";
import { DEMO_DATASETS, type DemoFile, writeCaseFiles } from "./write-files.js";

export interface DemoOptions {
  size?: number;
  seed?: number;
  /** Where the generated files go (default `./sanctrace-demo`). */
  dir?: string;
  env?: NodeJS.ProcessEnv;
  /** Use generated example lists even when the shared data is present. */
  exampleLists?: boolean;
  /** Told each step as it starts, for progress output. */
  onStep?: (step: string) => void;
}

export interface DemoListsReport {
  /** `shared`: the real lists in the shared data folder; `generated`: fictional example lists. */
  origin: "shared" | "generated";
  path: string;
  loaded: DatasetSummary[];
  /** Shared list folders no reader of this build claims. */
  skipped: string[];
}

export interface DemoReport {
  dir: string;
  truth: string;
  files: DemoFile[];
  lists: DemoListsReport;
  ingests: IngestResult[];
  article?: IngestResult;
}

/** A list folder is loaded again only when its files changed since the last load. */
async function alreadyLoaded(store: Store, path: string): Promise<DatasetSummary[]> {
  const hashes = await Promise.all((await expandPaths([path])).map(hashFile));
  const datasets = (await store.listDatasets()).filter((dataset) =>
    dataset.sources.some((source) => hashes.includes(source.sha256)),
  );
  const covered = new Set(datasets.flatMap((d) => d.sources.map((source) => source.sha256)));
  return hashes.every((hash) => covered.has(hash)) ? datasets : [];
}

async function loadSharedLists(store: Store, data: string, onStep: (step: string) => void) {
  const loaded: DatasetSummary[] = [];
  const skipped: string[] = [];
  for (const folder of SHARED_LISTS) {
    const previous = await alreadyLoaded(store, join(data, folder));
    if (previous.length) {
      loaded.push(...previous);
      continue;
    }
    onStep(`loading ${folder}`);
    try {
      loaded.push(...(await loadLists(store, [join(data, folder)])));
    } catch (error) {
      if (!isSanctraceError(error) || error.code !== "source_unknown_format") throw error;
      skipped.push(folder);
    }
  }
  return { origin: "shared" as const, path: data, loaded, skipped };
}

/**
 * Build a workspace from a generated, fictional case: write its files and ground truth,
 * load the lists (the shared real ones when present, else generated examples, and say
 * which), ingest the case files in order so that each resolves against the ones before,
 * and ingest the shared news article through the document format.
 * @example const report = await runDemo(store, { seed: 7, size: 40, dir: "/tmp/case" });
 */
export async function runDemo(store: Store, options: DemoOptions = {}): Promise<DemoReport> {
  const onStep = options.onStep ?? (() => {});
  const dir = resolve(options.dir ?? "sanctrace-demo");
  mkdirSync(dir, { recursive: true });
  const demo = generateCase({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.size !== undefined ? { size: options.size } : {}),
  });
  // A rerun rebuilds the case: nothing resolves against a previous run's copy of it.
  for (const name of [...DEMO_DATASETS, "demo_article", "example_sanctions"])
    await store.dropDataset(name);
  onStep(`writing the case to ${dir}`);
  const files = await writeCaseFiles(demo, dir);
  const shared = options.exampleLists ? undefined : findSharedData(options.env ?? process.env);
  const lists = shared
    ? await loadSharedLists(store, shared, onStep)
    : {
        origin: "generated" as const,
        path: writeExampleLists(demo, dir),
        loaded: await loadLists(store, [join(dir, "example-sanctions.ftm.json")], {
          dataset: "example_sanctions",
        }),
        skipped: [],
      };
  const ingests: IngestResult[] = [];
  onStep("indexing the workspace for party resolution");
  // One candidate index for the whole demo, instead of one per ingested file; the prepared
  // parts of the lists are kept, so that the article's ingest and later matches open them.
  const assembly = await openPartyIndex(
    store,
    files.map((file) => file.dataset),
  );
  const matchIndex = assembly.finish();
  await assembly.keep(store);
  for (const file of files) {
    onStep(`ingesting ${file.path}`);
    const options = { as: file.kind, dataset: file.dataset, matchIndex };
    ingests.push(await ingestEvidence(store, [file.path], options));
    // Later files resolve against this one too.
    const query = { datasets: [file.dataset], schemata: ["LegalEntity"] };
    for await (const entity of store.iterateEntities(query)) matchIndex.add(entity);
  }
  const report: DemoReport = { dir, truth: join(dir, "ground-truth.json"), files, lists, ingests };
  if (shared && evidenceFormats.some((format) => format.id === "document")) {
    onStep(`ingesting ${SHARED_ARTICLE}`);
    report.article = await ingestEvidence(store, [join(shared, SHARED_ARTICLE)], {
      dataset: "demo_article",
    });
  }
  return report;
}
