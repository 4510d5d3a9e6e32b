import { createReadStream } from "node:fs";
import { CsvError, Parser } from "csv-parse";
import iconv from "iconv-lite";
import { SanctraceError } from "../../model/index.js";
import type { SourceInput } from "../types.js";
import { detectEncoding, encodingName } from "./encoding.js";
import { sniffLayout } from "./sniff.js";
import type { Table, TableOptions, TableRow } from "./table.js";

/** A record longer than this (in characters) is refused: a runaway quote, not data. */
const MAX_RECORD = 1 << 20;
const CHUNK = 256 * 1024;

interface ParserApi {
  parse(
    data: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): Error | undefined;
}

function csvProblem(error: Error, file: SourceInput, row: number): SanctraceError {
  const code = error instanceof CsvError ? error.code : "CSV_INVALID";
  const name = code === "CSV_MAX_RECORD_SIZE" ? "csv_record_too_large" : code.toLowerCase();
  return new SanctraceError(name, error.message, `${file.name} row:${row}`);
}

function encodingProblem(file: SourceInput, encoding: string, row: number): SanctraceError {
  return new SanctraceError(
    "encoding_invalid",
    `bytes that are not valid ${encoding}; pass the right --encoding or re-save the file`,
    `${file.name} row:${row}`,
  );
}

/** Decoded UTF-8 bytes for csv-parse, refusing bytes invalid in the file's encoding. */
function* toUtf8(chunks: Buffer[], encoding: string, decoder: Decoder): Generator<Buffer> {
  for (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text.includes("\uFFFD")) throw new Error("invalid");
    yield encoding === "utf8" ? chunk : Buffer.from(text);
  }
}

interface Decoder {
  write(chunk: Buffer): string;
}

function decoderFor(encoding: string): Decoder {
  if (encoding !== "utf8") return iconv.getDecoder(encoding);
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  return {
    write: (chunk) => {
      try {
        // Validation only: the parser reads the original bytes.
        utf8.decode(chunk, { stream: true });
        return "";
      } catch {
        return "\uFFFD";
      }
    },
  };
}

async function* readRows(
  file: SourceInput,
  encoding: string,
  delimiter: string,
  headerIndex: number,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncIterable<TableRow[]> {
  const parser = new Parser({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD,
  }) as unknown as { api: ParserApi };
  const decoder = decoderFor(encoding);
  let index = 0;
  let batch: TableRow[] = [];
  const push = (cells: string[]) => {
    index++;
    if (index > headerIndex + 1 && (cells.length > 1 || cells[0]))
      batch.push({ row: index, cells });
  };
  const feed = (data: Buffer | undefined, end: boolean) => {
    const error = parser.api.parse(data, end, push, () => {});
    if (error) throw csvProblem(error, file, index + 1);
  };
  for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK })) {
    onBytes?.((chunk as Buffer).length);
    try {
      for (const data of toUtf8([chunk as Buffer], encoding, decoder)) feed(data, false);
    } catch (error) {
      if (error instanceof SanctraceError) throw error;
      throw encodingProblem(file, encoding, index + 1);
    }
    if (batch.length) {
      yield batch;
      batch = [];
    }
  }
  feed(undefined, true);
  if (batch.length) yield batch;
}

/**
 * Open a delimited text table (CSV, TSV, semicolon ...): detect the encoding and layout from
 * its first bytes, then stream its rows in batches with their row numbers (header = its row).
 * @example const table = await openCsv(file, {}); for await (const rows of table.rows) ...
 */
export function openCsv(file: SourceInput, options: TableOptions): Table {
  const encoding = options.encoding
    ? encodingName(options.encoding)
    : detectEncoding(file.head, file.size <= file.head.length, file.name).encoding;
  const sample = iconv.decode(file.head, encoding);
  // The sample may end inside a character; anything before that must decode cleanly.
  if (sample.slice(0, -2).includes("\uFFFD")) throw encodingProblem(file, encoding, 1);
  const layout = sniffLayout(sample, options.delimiter);
  if (!layout) {
    throw new SanctraceError(
      "table_no_columns",
      "no delimiter splits the first lines into columns; is this a table?",
      `${file.name} row:1`,
    );
  }
  return {
    columns: layout.columns,
    encoding,
    rows: readRows(
      file,
      encoding,
      layout.delimiter,
      layout.hasHeader ? layout.headerIndex : layout.headerIndex - 1,
      options.onBytes,
    ),
  };
}
