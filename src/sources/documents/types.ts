import type { Statement } from "../../model/index.js";

/** A page of a paginated document: its number and its range in the document text. */
export interface PageRange {
  number: number;
  /** Offset of the page's first character in the document text (UTF-16 code units). */
  start: number;
  /** Offset just past the page's last character. */
  end: number;
}

/** The FtM document schemata sanctrace stores text in. */
export type DocumentSchema = "PlainText" | "Pages" | "HyperText" | "Email";

/** Text taken out of a document file, with the pages it spans (empty when unpaginated). */
export interface DocumentText {
  schema: DocumentSchema;
  mimeType: string;
  text: string;
  pages: PageRange[];
  title?: string;
  /** The character encoding the bytes were decoded from, for text formats. */
  encoding?: string;
  /** Further FtM properties of the document (an email's `from`, `to`, `date` …). */
  properties?: Record<string, string[]>;
}

/** A stored document as offered to annotators (mention extraction). */
export interface StoredDocument {
  id: string;
  text: string;
  pages: PageRange[];
  dataset: string;
  /** sha256 of the source file. */
  source: string;
}

/** Derives further statements (mentions, relation cues) from a stored document's text. */
export type TextAnnotator = (document: StoredDocument) => Statement[] | Promise<Statement[]>;

/** Limits that keep a hostile file from exhausting memory. */
export interface DocumentLimits {
  /** Largest total uncompressed size of a zip container (DOCX), in bytes. */
  maxUnzippedBytes: number;
  /** Largest uncompressed/compressed ratio of one zip entry. */
  maxZipRatio: number;
  maxZipEntries: number;
  /** Largest document file read, in bytes. */
  maxFileBytes: number;
}

export const defaultLimits: DocumentLimits = {
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxZipRatio: 100,
  maxZipEntries: 5000,
  maxFileBytes: 512 * 1024 * 1024,
};
