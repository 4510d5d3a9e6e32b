import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetSummary, Store } from "../store/index.js";
import { type Downloaded, type DownloadOptions, downloadFile } from "./download.js";
import { expandPaths, probeFile } from "./files.js";
import { groupByFormat, loadLists } from "./load.js";
import { type OfficialList, resolveLists } from "./official-lists.js";
import { listFormats } from "./registry.js";

export interface UpdateOptions extends Omit<DownloadOptions, "sha256"> {
  /** Lists to fetch (dataset names); all official lists when empty. */
  sources?: string[];
  /** Where downloaded lists are kept, one folder per list. */
  dir: string;
  /** Pinned sha256 per file name (`consolidated.xml`) or `list/file`. */
  pins?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  onDownload?: (list: string, file: Downloaded) => void;
  onProgress?: (dataset: string, statements: number) => void;
}

export interface UpdateResult {
  downloads: Array<Downloaded & { list: string; file: string }>;
  datasets: DatasetSummary[];
}

function downloadSettings(options: UpdateOptions, pinned: string | undefined): DownloadOptions {
  const settings: DownloadOptions = pinned ? { sha256: pinned } : {};
  for (const key of ["maxBytes", "attempts", "backoffMs", "timeoutMs"] as const) {
    if (options[key] !== undefined) settings[key] = options[key];
  }
  return settings;
}

async function fetchList(list: OfficialList, staging: string, options: UpdateOptions) {
  const folder = join(staging, list.name);
  await mkdir(folder, { recursive: true });
  const downloads: UpdateResult["downloads"] = [];
  for (const [file, url] of Object.entries(list.files)) {
    const pinned = options.pins?.[`${list.name}/${file}`] ?? options.pins?.[file];
    const done = await downloadFile(url, join(folder, file), downloadSettings(options, pinned));
    options.onDownload?.(list.name, done);
    downloads.push({ ...done, list: list.name, file });
  }
  const manifest = downloads.map(({ file, url, sha256, size }) => ({ file, url, sha256, size }));
  // Hidden, so folder loads skip it; it records what was verified.
  await writeFile(join(folder, ".download.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return downloads;
}

/** Every staged file must be claimed by a reader before anything is loaded. */
async function checkReadable(folders: string[]): Promise<void> {
  const probes = await Promise.all((await expandPaths(folders)).map(probeFile));
  groupByFormat(probes, listFormats);
}

/**
 * Download the official lists into a staging folder (retries, size cap, length and sha256
 * checks), and only when every file arrived intact move them into `dir` and load them. A
 * refused download leaves both `dir` and the store as they were.
 * @example await updateLists(store, { dir: "./sanctrace-lists", sources: ["un_sc_sanctions"] });
 */
export async function updateLists(store: Store, options: UpdateOptions): Promise<UpdateResult> {
  const lists = resolveLists(options.sources ?? [], options.env);
  await mkdir(options.dir, { recursive: true });
  const staging = await mkdtemp(join(options.dir, ".staging-"));
  const downloads: UpdateResult["downloads"] = [];
  try {
    for (const list of lists) downloads.push(...(await fetchList(list, staging, options)));
    await checkReadable(lists.map((list) => join(staging, list.name)));
    for (const list of lists) {
      await rm(join(options.dir, list.name), { recursive: true, force: true });
      await rename(join(staging, list.name), join(options.dir, list.name));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const folders = lists.map((list) => join(options.dir, list.name));
  const datasets = await loadLists(store, folders, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const paths = new Map(
    downloads.map((entry) => [entry.path, join(options.dir, entry.list, entry.file)]),
  );
  return {
    downloads: downloads.map((entry) => ({ ...entry, path: paths.get(entry.path)! })),
    datasets,
  };
}
