import type Papa from "papaparse";
import type { SanctraceError } from "../../model/index.js";
import { parseChunk } from "../csv-scan.js";

/** Where a scan problem was found: the record number it stopped in. */
export type ScanProblem = (code: string, message: string, record: number) => SanctraceError;

type LineBreak = "\n" | "\r";

/** Whole records, the text after them (an unfinished record) and the errors met. */
interface Parsed {
  records: string[][];
  rest: string;
  errors: Papa.ParseError[];
}

const isBadQuote = (error: Papa.ParseError) => error.code === "InvalidQuotes";
/** Where the cell of a bad-quote error starts: Papa Parse gives the index after its quote. */
const badCell = (errors: Papa.ParseError[]) => {
  const index = errors.find(isBadQuote)?.index;
  return index === undefined ? undefined : index - 1;
};

/**
 * An incremental CSV scanner over decoded text on Papa Parse (`parseChunk`, shared with the
 * list scanner `../csv-scan.ts`): RFC 4180 quoting, `""` escapes, LF, CRLF (mixed too) or CR
 * line ends; a quote inside an unquoted field is kept as written. Unlike the list scanner
 * (strict), it keeps empty lines as records, so row numbers match what a spreadsheet shows,
 * and accepts stray quotes, as evidence tables are messy: a quoted cell with text after its
 * closing quote (`"ACME" Ltd`) is kept as written. Cells may be substrings of the text
 * handed in: whoever keeps one long-term copies it (`detach`, `src/model/strings.ts`).
 * @example
 * const scanner = new TableScanner(",", 1 << 20, problem);
 * scanner.write('a,"b ""c"""\n'); // [["a", 'b "c"']]
 */
export class TableScanner {
  private pending = "";
  private records = 0;
  private newline: LineBreak | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecord: number,
    private readonly problem: ScanProblem,
  ) {
    if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) {
      throw problem("csv_bad_delimiter", `delimiter must be one character, got "${delimiter}"`, 1);
    }
  }

  /** The records `text` completes. */
  write(text: string): string[][] {
    return this.scan(this.pending + text, false);
  }

  /** The records left at the end of the input. */
  end(): string[][] {
    return this.scan(this.pending, true);
  }

  private scan(input: string, final: boolean): string[][] {
    this.newline ??= lineBreakOf(input, final);
    if (!input || !this.newline) return this.hold(input, []);
    const { records, rest, errors } = this.parse(input, this.newline, final);
    const open = errors.find((error) => error.code === "MissingQuotes");
    if (final && open) {
      const record = this.records + (open.row ?? 0) + 1;
      throw this.problem("csv_quote_not_closed", "a quoted field is not closed", record);
    }
    // A final line break ends the last record; Papa Parse reads an empty one after it.
    if (final && input.endsWith(this.newline) && isEmpty(records.at(-1))) records.pop();
    if (this.newline === "\n") for (const record of records) dropCarriageReturn(record);
    this.records += records.length;
    return this.hold(final ? "" : rest, records);
  }

  /** Keep the unfinished rest for the next chunk, unless it is past the size bound. */
  private hold(rest: string, records: string[][]): string[][] {
    if (rest.length > this.maxRecord) {
      throw this.problem(
        "csv_record_too_large",
        `a record longer than ${this.maxRecord} characters: a quote left open?`,
        this.records + 1,
      );
    }
    this.pending = rest;
    return records;
  }

  private parse(input: string, newline: LineBreak, final: boolean): Parsed {
    const config = { delimiter: this.delimiter, newline };
    const chunk = parseChunk(input, config, final);
    if (chunk.errors.some(isBadQuote)) return this.parseRequoting(input, newline, final);
    return { records: chunk.records, rest: input.slice(chunk.cursor), errors: chunk.errors };
  }

  /**
   * Papa Parse reads on past a quoted cell with text after its closing quote, up to the
   * next quote; such a cell is requoted as written and its record parsed again.
   */
  private parseRequoting(text: string, newline: LineBreak, final: boolean): Parsed {
    const config = { delimiter: this.delimiter, newline };
    const records: string[][] = [];
    const errors: Papa.ParseError[] = [];
    let input = text;
    for (let start = 0; ; ) {
      let cursor = 0;
      let bad: number | undefined;
      const rest = parseChunk(input.slice(start), config, final, (result) => {
        bad = badCell(result.errors);
        if (bad !== undefined) return false;
        errors.push(...result.errors.map((error) => ({ ...error, row: records.length })));
        // Papa Parse's types say one record; it hands over an array of one.
        records.push(...(result.data as unknown as string[][]));
        cursor = result.meta.cursor;
        return true;
      });
      // The held-back record is not stepped: its errors come with the result.
      bad ??= badCell(rest.errors);
      const requoted = bad === undefined ? undefined : requoteCell(input, start + bad, config);
      if (!requoted || (!final && requoted.end === input.length)) {
        const held = start + (bad === undefined ? rest.cursor : cursor);
        return { records, rest: input.slice(held), errors };
      }
      input = requoted.input;
      start += cursor;
    }
  }
}

/** The text with the quoted cell at `at` and what follows its closing quote quoted as one. */
function requoteCell(input: string, at: number, config: { delimiter: string; newline: string }) {
  let close = input.indexOf('"', at + 1);
  while (close >= 0 && input[close + 1] === '"') close = input.indexOf('"', close + 2);
  if (close < 0) return undefined;
  const ends = [input.indexOf(config.delimiter, close), input.indexOf(config.newline, close)];
  const end = Math.min(...ends.map((found) => (found < 0 ? input.length : found)));
  const raw = input.slice(at, end);
  const carriage = raw.endsWith("\r") ? "\r" : "";
  const cell = `"${raw.slice(0, raw.length - carriage.length).replaceAll('"', '""')}"${carriage}`;
  return { input: input.slice(0, at) + cell + input.slice(end), end };
}

const isEmpty = (record: string[] | undefined) => record?.length === 1 && record[0] === "";

/** With `\n` as the line break, a CRLF line leaves `\r` on its last unquoted cell. */
function dropCarriageReturn(record: string[]): void {
  const last = record.length - 1;
  const cell = record[last]!;
  if (cell.charCodeAt(cell.length - 1) === 13) record[last] = cell.slice(0, -1);
}

/**
 * `\r` when the first line ends with a lone CR (old Mac files), else `\n` (CRLF lines then
 * leave a `\r` to drop); undefined while the first line has not ended.
 */
function lineBreakOf(text: string, final: boolean): LineBreak | undefined {
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 34) quoted = !quoted;
    else if (!quoted && code === 13) {
      if (at + 1 === text.length && !final) return undefined;
      return text.charCodeAt(at + 1) === 10 ? "\n" : "\r";
    } else if (!quoted && code === 10) return "\n";
  }
  return final ? "\n" : undefined;
}
