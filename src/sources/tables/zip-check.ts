import type YauzlModule from "yauzl";
import { requireCommonJs, SanctraceError } from "../../model/index.js";

const yauzl = requireCommonJs("yauzl") as typeof YauzlModule;

/** Limits checked on the zip central directory before anything is inflated. */
export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  maxTotal: number;
  /** Uncompressed / compressed size of one entry, above `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotal: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloor: 16 * 1024 ** 2,
  maxEntries: 10_000,
};

export interface ZipEntrySummary {
  name: string;
  compressed: number;
  uncompressed: number;
}

function readDirectory(path: string): Promise<ZipEntrySummary[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error("no zip"));
      const entries: ZipEntrySummary[] = [];
      zip.on("entry", (entry: YauzlModule.Entry) => {
        entries.push({
          name: entry.fileName,
          compressed: entry.compressedSize,
          uncompressed: entry.uncompressedSize,
        });
        zip.readEntry();
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

function checkLimits(entries: ZipEntrySummary[], limits: ZipLimits, path: string): void {
  if (entries.length > limits.maxEntries) {
    throw new SanctraceError(
      "zip_too_many_entries",
      `${entries.length} entries (limit ${limits.maxEntries})`,
      path,
    );
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressed;
    const ratio = entry.uncompressed / Math.max(entry.compressed, 1);
    if (entry.uncompressed > limits.ratioFloor && ratio > limits.maxRatio) {
      throw new SanctraceError(
        "zip_bomb",
        `entry ${entry.name} would inflate ${Math.round(ratio)}x to ${entry.uncompressed} bytes (limit ${limits.maxRatio}x); refused before inflating`,
        `${path} entry:${entry.name}`,
      );
    }
  }
  if (total > limits.maxTotal) {
    throw new SanctraceError(
      "zip_too_large",
      `entries would inflate to ${total} bytes (limit ${limits.maxTotal}); refused before inflating`,
      path,
    );
  }
}

/**
 * Read a zip's central directory with yauzl and refuse it when it is broken, or when its
 * entries would inflate past the limits (zip bombs), before inflating anything.
 * @example const entries = await inspectZip("book.xlsx", "book.xlsx");
 */
export async function inspectZip(
  filePath: string,
  displayPath: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipEntrySummary[]> {
  let entries: ZipEntrySummary[];
  try {
    entries = await readDirectory(filePath);
  } catch (error) {
    throw new SanctraceError(
      "zip_broken",
      `not a readable zip file (${(error as Error).message})`,
      displayPath,
    );
  }
  checkLimits(entries, limits, displayPath);
  return entries;
}
