import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { SanctraceError } from "../model/index.js";
import type { FileProbe, SourceInput } from "./types.js";

const HEAD_BYTES = 64 * 1024;

/** Read the first bytes of a file for format detection. */
export async function probeFile(path: string): Promise<FileProbe> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new SanctraceError("source_not_found", "no such file or folder", path);
  }
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
    await handle.read(head, 0, head.length, 0);
    return { path, name: basename(path), size: info.size, head };
  } finally {
    await handle.close();
  }
}

/** Expand files and folders (one level, hidden files and SOURCES/README notes skipped). */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      throw new SanctraceError("source_not_found", "no such file or folder", path);
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).sort();
    for (const name of names) {
      if (name.startsWith(".") || /^(SOURCES|README|LICENSE)[^/]*$/i.test(name)) continue;
      const child = join(path, name);
      if ((await stat(child)).isFile()) files.push(child);
    }
  }
  return files;
}

/** Bytes per read while hashing: a large load waits for its hash, and 64 KiB reads cost 1.3x. */
const HASH_READ = 1024 * 1024;

/** sha256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  const stream = createReadStream(path, { highWaterMark: HASH_READ });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Attach digests to probes. */
export async function toSourceInputs(probes: FileProbe[]): Promise<SourceInput[]> {
  return Promise.all(
    probes.map(async (probe) => ({ ...probe, sha256: await hashFile(probe.path) })),
  );
}

/** The text at the start of a probe, BOM stripped, for sniffing. */
export function headText(probe: FileProbe): string {
  return probe.head.toString("utf8").replace(/^\uFEFF/, "");
}
