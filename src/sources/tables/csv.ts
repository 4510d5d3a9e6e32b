import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import iconv from "iconv-lite";
import { SanctraceError } from "../../model/index.js";
import type { SourceInput } from "../types.js";
import { TableScanner } from "./csv-scan.js";
import { detectEncoding, encodingName } from "./encoding.js";
import { sniffLayout } from "./sniff.js";
import type { Table, TableOptions, TableRow } from "./table.js";

/** A record longer than this (in characters) is refused: a runaway quote, not data. */
const MAX_RECORD = 1 << 20;
const CHUNK = 64 * 1024;

function encodingProblem(file: SourceInput, encoding: string, row: number): SanctraceError {
  return new SanctraceError(
    "encoding_invalid",
    `bytes that are not valid ${encoding}; pass the right --encoding or re-save the file`,
    `${file.name} row:${row}`,
  );
}

/** Bytes a chunk ends with that start a UTF-8 character it does not finish. */
function unfinishedTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return size > back ? back : 0;
  }
  return 0;
}

interface TextDecoding {
  /** The chunk's text; undefined: bytes invalid in the encoding. */
  write(chunk: Buffer): string | undefined;
  /** False when the input ended inside a character. */
  end(): boolean;
}

/** Decodes the file's chunks, refusing bytes invalid in the encoding. */
function textDecoding(encoding: string): TextDecoding {
  if (encoding !== "utf8") {
    const decoder = iconv.getDecoder(encoding);
    return {
      write(chunk) {
        const text = decoder.write(chunk);
        return text.includes("\uFFFD") ? undefined : text;
      },
      end: () => !decoder.end()?.includes("\uFFFD"),
    };
  }
  let carried: Buffer | undefined;
  let first = true;
  return {
    write(chunk) {
      const data = carried ? Buffer.concat([carried, chunk]) : chunk;
      const tail = unfinishedTail(data);
      carried = tail ? data.subarray(data.length - tail) : undefined;
      const whole = tail ? data.subarray(0, data.length - tail) : data;
      if (!isUtf8(whole)) return undefined;
      const text = whole.toString("utf8");
      // A byte-order mark is not text; iconv-lite drops it for the other encodings.
      const bom = first && text.charCodeAt(0) === 0xfeff;
      first &&= !whole.length;
      return bom ? text.slice(1) : text;
    },
    end: () => !carried,
  };
}

async function* readRows(
  file: SourceInput,
  encoding: string,
  delimiter: string,
  headerIndex: number,
  onBytes: ((bytes: number) => void) | undefined,
): AsyncIterable<TableRow[]> {
  const scanner = new TableScanner(
    delimiter,
    MAX_RECORD,
    (code, message, record) => new SanctraceError(code, message, `${file.name} row:${record}`),
  );
  const decoding = textDecoding(encoding);
  let index = 0;
  const rowsOf = (records: string[][]) => {
    const batch: TableRow[] = [];
    for (const cells of records) {
      index++;
      if (index > headerIndex + 1 && (cells.length > 1 || cells[0]))
        batch.push({ row: index, cells });
    }
    return batch;
  };
  for await (const chunk of createReadStream(file.path, { highWaterMark: CHUNK })) {
    onBytes?.((chunk as Buffer).length);
    const text = decoding.write(chunk as Buffer);
    if (text === undefined) throw encodingProblem(file, encoding, index + 1);
    const batch = rowsOf(scanner.write(text));
    if (batch.length) yield batch;
  }
  if (!decoding.end()) throw encodingProblem(file, encoding, index + 1);
  const batch = rowsOf(scanner.end());
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
