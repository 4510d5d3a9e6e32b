import type PapaModule from "papaparse";
import { requireCommonJs } from "../model/index.js";

const Papa = requireCommonJs("papaparse") as typeof PapaModule;

/** A CSV syntax problem: its stable code and the 0-based index of the record it is in. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: "csv_bad_quote" | "csv_unclosed_quote",
    readonly record: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An incremental CSV scanner over decoded text, on Papa Parse's parser: quoted fields may hold
 * delimiters, doubled quotes and line breaks; records end at the file's line break (`\n` or
 * `\r\n`, taken from the first chunk); empty lines (and records of one empty field) are skipped. Text after a closing quote is
 * refused (`csv_bad_quote`), as is a file ending inside quotes (`csv_unclosed_quote`).
 * @example
 * const scanner = new CsvScanner(",");
 * scanner.push('a,"b,c"\n1,', false); // [["a", "b,c"]]
 * scanner.push("2\n", true); // [["1", "2"]]
 */
export class CsvScanner {
  private pending = "";
  private records = 0;
  private newline: "\n" | "\r\n" | undefined;

  constructor(private readonly delimiter = ",") {}

  /** Scan `text` after what is pending; `final` marks the end of input. Returns whole records. */
  push(text: string, final: boolean): string[][] {
    const input = this.pending ? this.pending + text : text;
    if (!input) return [];
    this.newline ??= lineBreakOf(input, final);
    if (!this.newline) {
      this.pending = input;
      return [];
    }
    const result = parseChunk(input, { delimiter: this.delimiter, newline: this.newline }, final);
    // An error in the held-back record may be an artefact of the cut: it is read again whole.
    const error = result.errors.find(
      (each: PapaModule.ParseError) => final || (each.index ?? 0) < result.cursor,
    );
    if (error) throw this.syntaxError(error);
    this.pending = final ? "" : input.slice(result.cursor);
    const records = result.records.filter((values) => values.length > 1 || values[0] !== "");
    this.records += records.length;
    return records;
  }

  private syntaxError(error: PapaModule.ParseError): CsvSyntaxError {
    const record = this.records + (error.row ?? 0);
    return error.code === "MissingQuotes"
      ? new CsvSyntaxError("csv_unclosed_quote", record, "the input ends inside quotes")
      : new CsvSyntaxError("csv_bad_quote", record, "text after a closing quote");
  }
}

/** What one Papa Parse pass over a text found. */
export interface ParsedChunk {
  records: string[][];
  /** Where the held-back last record starts (the text's length when `final`). */
  cursor: number;
  errors: PapaModule.ParseError[];
}

/** Each record as it is read, with its errors and where it ends; false stops the parse. */
export type RecordStep = (result: PapaModule.ParseStepResult<string[]>) => boolean;

/**
 * Parse `input` with Papa Parse; unless `final`, its last (perhaps partial) record is held
 * back for the next chunk. Shared by the list scanner above and the table scanner.
 * @example parseChunk('a,"b\nc"\n1,', { delimiter: ",", newline: "\n" }, false) // records [["a", "b\nc"]], cursor 9
 */
export function parseChunk(
  input: string,
  config: { delimiter: string; newline: "\n" | "\r" | "\r\n" },
  final: boolean,
  step?: RecordStep,
): ParsedChunk {
  const stepConfig = step && {
    step: (result: PapaModule.ParseStepResult<string[]>) => step(result) || parser.abort(),
  };
  const parser: PapaModule.Parser = new Papa.Parser({ ...config, ...stepConfig });
  const result = parser.parse(input, 0, !final);
  return { records: result.data, cursor: result.meta.cursor, errors: result.errors };
}

/**
 * The line break of a file, from its first record outside quotes; undefined while that record
 * has not ended (a quoted field may hold either break).
 */
function lineBreakOf(text: string, final: boolean): "\n" | "\r\n" | undefined {
  const unquoted = text.slice(0, 1 << 16).replace(/"[^"]*"/g, "");
  const end = unquoted.indexOf("\n");
  const openQuote = unquoted.indexOf('"');
  if (end < 0 || (openQuote >= 0 && openQuote < end)) return final ? "\n" : undefined;
  return end > 0 && unquoted.charCodeAt(end - 1) === 13 ? "\r\n" : "\n";
}
