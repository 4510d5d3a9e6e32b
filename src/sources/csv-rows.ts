import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { SanctraceError } from "../model/index.js";
import { CsvScanner, CsvSyntaxError } from "./csv-scan.js";
import type { SourceInput } from "./types.js";

/** One CSV record with its 1-based row number in the file (the header, if any, is row 1). */
export interface CsvRow {
  row: number;
  values: string[];
}

export interface CsvRowOptions {
  /** Fields every record must have; other counts are refused with the row. */
  columns?: number;
  /** Called with the bytes read so far, for progress. */
  onBytes?: ((bytes: number) => void) | undefined;
  /** Field separator (default `,`; `\t` for TSV). */
  delimiter?: string;
}

// A DOS end-of-file byte (0x1A) closes OFAC's files, as a last record of its own.
const DOS_EOF = "\u001a";

/** Bytes read at a time: large reads make the scanner's per-chunk work negligible. */
const CHUNK_BYTES = 64 << 10;

function toSanctraceError(error: CsvSyntaxError, file: SourceInput): SanctraceError {
  return new SanctraceError(
    error.code,
    `${error.message}; the file looks truncated or badly quoted, fetch it again`,
    `${file.name} row:${error.record + 1}`,
  );
}

/**
 * Stream the records of a CSV file with their row numbers, a chunk of records at a time
 * (iterating per record costs more than scanning it). Refuses bad quoting, truncation, wrong
 * column counts and invalid UTF-8 with a coded error naming the file and row.
 * @example for await (const rows of readCsvChunks(file, { columns: 12 })) for (const { row, values } of rows) { … }
 */
export async function* readCsvChunks(
  file: SourceInput,
  options: CsvRowOptions = {},
): AsyncIterable<CsvRow[]> {
  const scanner = new CsvScanner(options.delimiter ?? ",");
  const decoder = new StringDecoder("utf8");
  let bytes = 0;
  let row = 0;
  const rowsOf = (text: string, final: boolean): CsvRow[] => {
    let records: string[][];
    try {
      records = scanner.push(text, final);
    } catch (error) {
      throw error instanceof CsvSyntaxError ? toSanctraceError(error, file) : error;
    }
    // The decoder turns invalid UTF-8 into U+FFFD; a chunk without one needs no record check.
    const suspect = text.includes("\uFFFD");
    const rows: CsvRow[] = [];
    for (const values of records) {
      row++;
      if (values.length === 1 && values[0]?.trim() === DOS_EOF) continue;
      checkRecord(values, row, file, options.columns, suspect);
      rows.push({ row, values });
    }
    return rows;
  };
  let first = true;
  for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK_BYTES })) {
    bytes += (chunk as Buffer).length;
    options.onBytes?.(bytes);
    let text = decoder.write(chunk as Buffer);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    yield rowsOf(text, false);
  }
  yield rowsOf(decoder.end(), true);
}

/**
 * Stream the records of a CSV file with their row numbers (see `readCsvChunks`).
 * @example for await (const { row, values } of readCsvRows(file, { columns: 12 })) { … }
 */
export async function* readCsvRows(
  file: SourceInput,
  options: CsvRowOptions = {},
): AsyncIterable<CsvRow> {
  for await (const rows of readCsvChunks(file, options)) yield* rows;
}

function checkRecord(
  values: string[],
  row: number,
  file: SourceInput,
  columns: number | undefined,
  suspect: boolean,
): void {
  if (suspect && values.some((value) => value.includes("\uFFFD"))) {
    throw new SanctraceError(
      "encoding_invalid_utf8",
      "invalid UTF-8 (or a U+FFFD replacement character); re-save the file as UTF-8",
      `${file.name} row:${row}`,
    );
  }
  if (columns !== undefined && values.length !== columns) {
    throw new SanctraceError(
      "csv_column_count",
      `expected ${columns} columns, found ${values.length}; the file is truncated or not this format`,
      `${file.name} row:${row}`,
    );
  }
}
