import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { SanctraceError } from "../model/index.js";
import type { SourceInput } from "./types.js";

/** One data row of a CSV/TSV file, by header name, with its 1-based row number (header = 1). */
export interface CsvRow {
  values: Record<string, string>;
  row: number;
}

/** Turn csv-parse errors and invalid UTF-8 into coded errors naming the file and line. */
function toCsvError(error: unknown, file: SourceInput): Error {
  if (error instanceof SanctraceError) return error;
  const cause = error as Error & { lines?: number; code?: string };
  const where = `${file.name} line:${cause.lines ?? "?"}`;
  if (cause.code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
    return new SanctraceError("encoding_invalid_utf8", "invalid UTF-8; re-save as UTF-8", where);
  }
  return new SanctraceError(
    "csv_malformed",
    `malformed or truncated CSV (${cause.message}); fetch the file again`,
    where,
  );
}

/**
 * Stream the rows of a CSV or TSV file with a header line, in batches of `batchSize`.
 * A row whose column count differs from the header, a broken quote or invalid UTF-8 throws.
 * @example for await (const rows of readCsvRows(file, { delimiter: "\t" })) …
 */
export async function* readCsvRows(
  file: SourceInput,
  options: { delimiter?: string; batchSize?: number; onBytes?: (bytes: number) => void } = {},
): AsyncIterable<CsvRow[]> {
  const input = createReadStream(file.path);
  if (options.onBytes) input.on("data", (chunk) => options.onBytes?.(chunk.length));
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const parser = parse({
    columns: (header: string[]) => header.map((name) => name.trim()),
    delimiter: options.delimiter ?? ",",
    bom: true,
    info: true,
  });
  let batch: CsvRow[] = [];
  try {
    const text = async function* () {
      for await (const chunk of input) yield decoder.decode(chunk as Buffer, { stream: true });
      yield decoder.decode();
    };
    const feeding = (async () => {
      for await (const piece of text()) if (!parser.write(piece)) await onceDrained(parser);
      parser.end();
    })();
    feeding.catch((error) => parser.destroy(error as Error));
    for await (const entry of parser) {
      const { record, info } = entry as { record: Record<string, string>; info: { lines: number } };
      batch.push({ values: record, row: info.lines });
      if (batch.length >= (options.batchSize ?? 2000)) {
        yield batch;
        batch = [];
      }
    }
    await feeding;
  } catch (error) {
    throw toCsvError(error, file);
  }
  if (batch.length) yield batch;
}

function onceDrained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.once("drain", () => resolve()));
}
