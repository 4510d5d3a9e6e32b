import { SanctraceError } from "../model/index.js";
import { readCsvRows } from "./csv-rows.js";
import type { SourceInput } from "./types.js";

/** A data row of a CSV/TSV file with a header line, by column name, with its row number. */
export interface CsvRecord {
  values: Record<string, string>;
  row: number;
}

/**
 * Stream the data rows of a CSV/TSV file whose first row names the columns; a row with
 * another number of fields than the header is refused (truncated or not this format).
 * @example for await (const { values, row } of readCsvTable(file, { delimiter: "\t" })) values.Name
 */
export async function* readCsvTable(
  file: SourceInput,
  options: { delimiter?: string; onBytes?: ((bytes: number) => void) | undefined } = {},
): AsyncIterable<CsvRecord> {
  let header: string[] | undefined;
  for await (const { row, values } of readCsvRows(file, options)) {
    if (!header) {
      header = values.map((name) => name.trim());
      continue;
    }
    if (values.length !== header.length) {
      throw new SanctraceError(
        "csv_column_count",
        `expected ${header.length} columns as in the header, found ${values.length}; the file is truncated or not this format`,
        `${file.name} row:${row}`,
      );
    }
    const record: Record<string, string> = {};
    header.forEach((name, index) => {
      record[name] = values[index]!;
    });
    yield { values: record, row };
  }
}
