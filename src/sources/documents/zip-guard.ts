import type YauzlModule from "yauzl";
import type { Entry, ZipFile } from "yauzl";
import { requireCommonJs, SanctraceError } from "../../model/index.js";
import type { DocumentLimits } from "./types.js";

const yauzl = requireCommonJs("yauzl") as typeof YauzlModule;

function openZip(bytes: Uint8Array, file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes),
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip) {
          reject(new SanctraceError("zip_broken", `not a readable zip (${error?.message})`, file));
        } else resolve(zip);
      },
    );
  });
}

/** Refuse an entry whose declared sizes break the limits, before inflating anything. */
function checkEntry(entry: Entry, total: number, limits: DocumentLimits, file: string): void {
  const where = `${file} entry:${entry.fileName}`;
  if (total > limits.maxUnzippedBytes) {
    throw new SanctraceError(
      "zip_too_large",
      `unpacks to more than ${limits.maxUnzippedBytes} bytes; refused as a possible zip bomb`,
      where,
    );
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxZipRatio) {
    throw new SanctraceError(
      "zip_ratio_exceeded",
      `compression ratio ${Math.round(ratio)}:1 is above ${limits.maxZipRatio}:1; refused as a possible zip bomb`,
      where,
    );
  }
}

/** Read the central directory only: every entry, with the limits checked. */
async function listEntries(zip: ZipFile, limits: DocumentLimits, file: string): Promise<Entry[]> {
  const entries: Entry[] = [];
  let total = 0;
  return new Promise((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      try {
        total += entry.uncompressedSize;
        if (entries.length >= limits.maxZipEntries) {
          throw new SanctraceError(
            "zip_too_many_entries",
            `more than ${limits.maxZipEntries} entries`,
            file,
          );
        }
        checkEntry(entry, total, limits, file);
        entries.push(entry);
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", (error: Error) =>
      reject(new SanctraceError("zip_broken", error.message, file)),
    );
    zip.readEntry();
  });
}

/** Inflate one entry; yauzl stops it the moment it yields more than its declared size. */
function inflateEntry(zip: ZipFile, entry: Entry, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      const fail = (cause: Error) =>
        reject(new SanctraceError("zip_broken", cause.message, `${file} entry:${entry.fileName}`));
      if (error || !stream) return fail(error ?? new Error("no stream"));
      stream.on("data", () => {});
      stream.on("error", fail);
      stream.on("end", () => resolve());
    });
  });
}

/**
 * Check a zip container before anyone inflates it: entry count, total size and ratio from
 * the central directory, then a bounded inflate that proves the declared sizes true.
 * @example await checkZip(bytes, "report.docx", defaultLimits); // throws zip_ratio_exceeded …
 */
export async function checkZip(
  bytes: Uint8Array,
  file: string,
  limits: DocumentLimits,
): Promise<string[]> {
  const zip = await openZip(bytes, file);
  try {
    const entries = await listEntries(zip, limits, file);
    for (const entry of entries) {
      if (!entry.fileName.endsWith("/")) await inflateEntry(zip, entry, file);
    }
    return entries.map((entry) => entry.fileName);
  } finally {
    zip.close();
  }
}
