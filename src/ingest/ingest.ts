import { basename, extname } from "node:path";
import { IndexAssembly, type MatchIndex } from "../match/index.js";
import { type Batch, isA, SanctraceError, slugId } from "../model/index.js";
import {
  createTableFormat,
  evidenceFormats,
  expandPaths,
  type FileProbe,
  loadMapping,
  probeFile,
  type SourceFormat,
  type SourceInput,
  type TableFormatOptions,
  type TableKind,
  type TextAnnotator,
  toSourceInputs,
} from "../sources/index.js";

import type { DatasetSummary, PackedBatch, Store } from "../store/index.js";
import { PartyCollector } from "./parties.js";
import { EarlyNames, type Resolution, resolveParties, similarStatements } from "./resolve.js";
import { TableThread } from "./table-thread.js";

export interface IngestOptions {
  /** Dataset to (re)place; default: the first path's name. */
  dataset?: string;
  /** Read every table with this built-in mapping. */
  as?: TableKind;
  /** Read every table with this FtM mapping YAML file. */
  mapping?: string;
  encoding?: string;
  /** Resolve parties against the workspace (default true). */
  resolve?: boolean;
  /**
   * The candidate index to resolve parties against, when the caller keeps one across
   * ingests; default: built from every other dataset of the workspace.
   */
  matchIndex?: MatchIndex;
  /** Mention extraction for documents (from `src/extract`), when available. */
  annotate?: TextAnnotator;
  onProgress?: (statements: number) => void;
  /**
   * Read tables in a worker thread while this one writes them; default: for tables of
   * `THREADED_BYTES` and more, when the store takes packed facts.
   */
  threads?: boolean;
}

export interface IngestResult {
  dataset: DatasetSummary;
  files: Array<{ name: string; format: string }>;
  parties: number;
  resolutions: Resolution[];
}

interface Assigned {
  format: SourceFormat;
  files: SourceInput[];
}

/** How tables are read: `--as`, `--mapping`, `--encoding`. */
async function tableOptions(options: IngestOptions): Promise<TableFormatOptions> {
  const mapping = options.mapping ? await loadMapping(options.mapping) : undefined;
  return {
    ...(options.as ? { kind: options.as } : {}),
    ...(mapping ? { mapping } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  };
}

function chooseFormats(table: TableFormatOptions): SourceFormat[] {
  if (!Object.keys(table).length) return evidenceFormats;
  const others = evidenceFormats.filter((format) => format.id !== "table");
  return [createTableFormat(table), ...others];
}

/** Tables this large are read in a worker thread, beside the thread that writes them. */
const THREADED_BYTES = 8 * 1024 * 1024;

function readsInThread(
  group: { format: SourceFormat; files: FileProbe[] },
  options: IngestOptions,
): boolean {
  if (group.format.id !== "table") return false;
  const bytes = group.files.reduce((sum, file) => sum + file.size, 0);
  return options.threads ?? bytes >= THREADED_BYTES;
}

/** Each file goes to the first evidence format that claims it; unclaimed files are refused. */
function assignFormats(
  probes: FileProbe[],
  formats: SourceFormat[],
): Array<{ format: SourceFormat; files: FileProbe[] }> {
  let rest = probes;
  const groups = [];
  for (const format of formats) {
    const files = format.claim(rest);
    if (files.length) groups.push({ format, files });
    rest = rest.filter((probe) => !files.includes(probe));
  }
  if (rest[0]) {
    throw new SanctraceError(
      "source_unknown_format",
      "not evidence sanctrace reads (CSV/TSV/XLSX tables with known columns, --as or --mapping; PDF, DOCX, HTML, TXT, EML documents)",
      rest[0].path,
    );
  }
  return groups;
}

function defaultDataset(paths: string[]): string {
  const first = basename(paths[0] ?? "evidence");
  return slugId("evidence", basename(first, extname(first))).replace(/^evidence-/, "");
}

/**
 * Ingest evidence files (tables, documents) into one dataset, in one transaction: every
 * file is read by the first evidence format claiming it, then its parties are resolved
 * against the rest of the workspace (lists included) and the resolutions stored as `Similar`
 * entities. A failure anywhere leaves the store as it was.
 * @example await ingestEvidence(store, ["customs.csv"], { as: "customs", dataset: "case" });
 */
export async function ingestEvidence(
  store: Store,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const probes = await Promise.all((await expandPaths(paths)).map(probeFile));
  const table = await tableOptions(options);
  const groups = assignFormats(probes, chooseFormats(table));
  const dataset = options.dataset ?? defaultDataset(paths);
  const resolve = options.resolve !== false;
  // Large tables are read by a thread of their own, started now (unless the CLI started it
  // earlier): it hashes its files, then reads the first rows, while the rest of the workspace
  // is read here for the candidate index.
  const started = groups.map((group) =>
    store.factPacking && readsInThread(group, options) ? new TableThread() : undefined,
  );
  const threads = new Map<Assigned, TableThread>();
  const making = resolve && !options.matchIndex ? openPartyIndex(store, [dataset]) : undefined;
  // Awaited by the load; a failure before it is the one reported.
  making?.catch(() => {});
  try {
    const assigned: Assigned[] = await Promise.all(
      groups.map(async (group, at) => {
        const thread = started[at];
        if (!thread) return { format: group.format, files: await toSourceInputs(group.files) };
        const data = { files: group.files, options: table, dataset, collect: resolve };
        const sha256 = await thread.begin(data);
        const files = group.files.map((probe, index) => ({ ...probe, sha256: sha256[index]! }));
        return { format: group.format, files };
      }),
    );
    assigned.forEach((group, at) => {
      const thread = started[at];
      if (thread) threads.set(group, thread);
    });
    return await ingestAssigned(store, assigned, options, { dataset, threads, making });
  } finally {
    for (const thread of started) await thread?.stop();
  }
}

/**
 * The candidate index parties are resolved against: the legal entities of every dataset but
 * those skipped (the one being loaded), from the prepared parts the workspace keeps. An
 * ingest assembles it a slice at a time while the load waits for its table thread; what it
 * needs is read before the load begins (the load may hold the file alone).
 * @example const assembly = await openPartyIndex(store, ["case"]); assembly.finish();
 */
export async function openPartyIndex(store: Store, skip: string[]): Promise<IndexAssembly> {
  const others = (await store.listDatasets()).filter((d) => !skip.includes(d.name));
  return IndexAssembly.open(store, others, (entity) => isA(entity.schema, "LegalEntity"));
}

/**
 * What `ingestEvidence` settled before the load: the dataset, the table threads, and the
 * candidate index being read.
 */
interface Assignment {
  dataset: string;
  threads: Map<Assigned, TableThread>;
  making: Promise<IndexAssembly> | undefined;
}

/** The load of `ingestEvidence`: read, store, resolve parties. */
async function ingestAssigned(
  store: Store,
  assigned: Assigned[],
  options: IngestOptions,
  { dataset, threads, making: reading }: Assignment,
): Promise<IngestResult> {
  const resolve = options.resolve !== false;
  const annotate = options.annotate ?? (await documentAnnotator(store, dataset, assigned));
  // The candidate index is built while the load waits for rows, then parties are matched by
  // name ahead of the end.
  const making = await reading;
  const index = resolve ? (options.matchIndex ?? making?.index) : undefined;
  const parties = new PartyCollector();
  const own = (id: string) => parties.has(id);
  const early = index && new EarlyNames(index, own);
  const idle =
    early &&
    (() => {
      if (making?.work()) return true;
      early.queue(parties.takeChanged());
      return early.work();
    });
  const resolutions: Resolution[] = [];
  async function* statements(): AsyncIterable<Batch | PackedBatch> {
    for (const group of assigned) {
      const { format, files } = group;
      const thread = threads.get(group);
      if (thread && store.factPacking) {
        yield* thread.read(await store.factPacking(), resolve ? parties : undefined, idle);
        continue;
      }
      const context = { dataset, ...(annotate ? { annotate } : {}) };
      for await (const batch of format.read(files, context)) {
        if (resolve) parties.observe(batch);
        yield batch;
      }
    }
    if (!resolve) return;
    making?.finish();
    early?.queue(parties.takeChanged());
    const found = await resolveParties(store, index, parties.list(), own, early);
    resolutions.push(...found);
    const source = assigned[0]?.files[0]?.sha256 ?? "";
    yield found.flatMap((resolution) => similarStatements(resolution, dataset, source));
  }
  const sources = assigned.flatMap((group) =>
    group.files.map(({ name, sha256, size }) => ({ name, sha256, size })),
  );
  const summary = await store.replaceDataset(
    { name: dataset, title: titleOf(assigned), kind: "evidence", sources },
    statements(),
    options.onProgress,
  );
  // The parts of the index prepared for this load are kept for the next.
  await making?.keep(store);
  const files = assigned.flatMap((group) =>
    group.files.map((file) => ({ name: file.name, format: group.format.title })),
  );
  return { dataset: summary, files, parties: parties.list().length, resolutions };
}

/** Documents get their mentions found among every name the rest of the workspace knows. */
async function documentAnnotator(store: Store, dataset: string, assigned: Assigned[]) {
  if (!assigned.some((group) => group.format.id === "document")) return undefined;
  const datasets = (await store.listDatasets())
    .map((d) => d.name)
    .filter((name) => name !== dataset);
  // Loaded for documents only: a table ingest starts without the extraction stage.
  const { createMentionAnnotator } = await import("../extract/index.js");
  return createMentionAnnotator(datasets.length ? store.iterateEntities({ datasets }) : []);
}

function titleOf(assigned: Assigned[]): string {
  return [...new Set(assigned.map((group) => group.format.title))].join(", ");
}
