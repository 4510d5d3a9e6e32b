import { basename, extname } from "node:path";
import { SanctraceError } from "../model/index.js";
import type { DatasetSummary, ProgressListener, Store } from "../store/index.js";
import type { TextAnnotator } from "./documents/types.js";
import { expandPaths, probeFile, toSourceInputs } from "./files.js";
import { listFormats } from "./registry.js";
import type { FileProbe, SourceFormat } from "./types.js";

export interface LoadOptions {
  /** Override the dataset name of every group loaded. */
  dataset?: string;
  formats?: SourceFormat[];
  onProgress?: (dataset: string, statements: number) => void;
  /** Derives mentions from document text (see `createMentionAnnotator` in src/extract). */
  annotate?: TextAnnotator;
}

interface LoadGroup {
  format: SourceFormat;
  files: FileProbe[];
}

/** Assign every file to the first format claiming it; a file nobody claims is an error. */
export function groupByFormat(probes: FileProbe[], formats: SourceFormat[]): LoadGroup[] {
  let rest = probes;
  const groups: LoadGroup[] = [];
  for (const format of formats) {
    const claimed = format.claim(rest);
    if (!claimed.length) continue;
    groups.push({ format, files: claimed });
    rest = rest.filter((probe) => !claimed.includes(probe));
  }
  const unknown = rest[0];
  if (unknown) {
    throw new SanctraceError(
      "source_unknown_format",
      "not a list format sanctrace reads (OFAC CSV, UN/Canada XML, UK/EU/BIS CSV, FtM JSON lines)",
      unknown.path,
    );
  }
  return groups;
}

function datasetName(group: LoadGroup, override: string | undefined): string {
  if (override) return override;
  if (group.format.dataset) return group.format.dataset;
  const first = group.files[0]!;
  return basename(first.name, extname(first.name)).replace(/(\.(entities|ftm))+$/, "");
}

/**
 * Load list files and folders into the store: detect each file's format from its content,
 * then replace each resulting dataset in one transaction.
 * @example await loadLists(store, ["../shared/data/ofac_sdn_2023-12-28"]);
 */
export async function loadLists(
  store: Store,
  paths: string[],
  options: LoadOptions = {},
): Promise<DatasetSummary[]> {
  const probes = await Promise.all((await expandPaths(paths)).map(probeFile));
  const groups = groupByFormat(probes, options.formats ?? listFormats);
  const summaries: DatasetSummary[] = [];
  for (const group of groups) {
    // FtM files each form their own dataset unless a name is given.
    const units =
      group.format.dataset || options.dataset ? [group.files] : group.files.map((f) => [f]);
    for (const files of units) {
      const unit = { format: group.format, files };
      const dataset = datasetName(unit, options.dataset);
      const inputs = await toSourceInputs(files);
      const onProgress: ProgressListener = (done) => options.onProgress?.(dataset, done);
      const summary = await store.replaceDataset(
        {
          name: dataset,
          title: group.format.title,
          kind: group.format.kind,
          sources: inputs.map(({ name, sha256, size }) => ({ name, sha256, size })),
        },
        group.format.read(inputs, {
          dataset,
          ...(options.annotate && { annotate: options.annotate }),
        }),
        onProgress,
      );
      summaries.push(summary);
    }
  }
  return summaries;
}
