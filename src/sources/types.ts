import type { Batch } from "../model/index.js";
import type { TextAnnotator } from "./documents/types.js";

/** A file offered to the readers: its path, name and first bytes for format detection. */
export interface FileProbe {
  path: string;
  name: string;
  size: number;
  /** Up to the first 64 KiB of the file. */
  head: Buffer;
}

/** A file chosen for a load, with its digest. */
export interface SourceInput extends FileProbe {
  sha256: string;
}

export interface ReadContext {
  dataset: string;
  /** Reports progress in bytes read of all files of the load. */
  onBytes?: (bytes: number) => void;
  /** Adds statements derived from each document's text (mentions), stored with it. */
  annotate?: TextAnnotator;
}

/**
 * One reader per format. `claim` picks the files it handles (from content, not names alone);
 * `read` streams their statements in batches (tables: as facts, one per entity and row).
 */
export interface SourceFormat {
  id: string;
  /** The dataset name used unless the user passes `--dataset`. */
  dataset: string;
  title: string;
  kind: "list" | "evidence";
  /** The files of `probes` this format reads, or an empty array. */
  claim(probes: FileProbe[]): FileProbe[];
  read(files: SourceInput[], context: ReadContext): AsyncIterable<Batch>;
}
