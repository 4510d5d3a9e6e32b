import type { SanctraceError } from "../../model/index.js";

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where a scan problem was found: the record number it stopped in. */
export type ScanProblem = (code: string, message: string, record: number) => SanctraceError;

/**
 * A CSV scanner over UTF-8 bytes (RFC 4180 quoting, `""` escapes, LF, CRLF or CR line ends;
 * a quote inside an unquoted field is kept as written). Records are handed over as they
 * complete; a record split across chunks is kept and scanned again with the next chunk.
 * Each cell is a fresh string, so no cell holds a whole chunk in memory. Unlike the list
 * scanner (`../csv-scan.ts`, strict), it keeps empty lines as records, so row numbers match
 * what a spreadsheet shows, and accepts stray quotes, as evidence tables are messy.
 * @example
 * const scanner = new TableScanner(",", 1 << 20, problem);
 * scanner.write(Buffer.from('a,"b ""c"""\n'), (cells) => cells); // ["a", 'b "c"']
 */
export class TableScanner {
  private pending: Buffer | undefined;
  private records = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly maxRecord: number,
    private readonly problem: ScanProblem,
  ) {
    if (Buffer.byteLength(delimiter) !== 1) {
      throw problem("csv_bad_delimiter", `delimiter must be one byte, got "${delimiter}"`, 1);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Scan a chunk; `push` gets every record it completes. */
  write(chunk: Buffer, push: (cells: string[]) => void): void {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const start = this.records === 0 && hasBom(data) ? 3 : 0;
    const rest = this.scan(data, start, false, push);
    this.pending = rest < data.length ? data.subarray(rest) : undefined;
    if (this.pending && this.pending.length > this.maxRecord) {
      throw this.problem(
        "csv_record_too_large",
        `a record longer than ${this.maxRecord} bytes: a quote left open?`,
        this.records + 1,
      );
    }
  }

  /** Scan what is left at the end of the input. */
  end(push: (cells: string[]) => void): void {
    const data = this.pending;
    this.pending = undefined;
    if (data?.length) this.scan(data, this.records === 0 && hasBom(data) ? 3 : 0, true, push);
  }

  /** Scan complete records from `from`; returns where the incomplete rest begins. */
  private scan(data: Buffer, from: number, final: boolean, push: (cells: string[]) => void) {
    const length = data.length;
    const delimiter = this.delimiter;
    let recordStart = from;
    let fieldStart = from;
    let quoted = false;
    let inQuotes = false;
    let cells: string[] = [];
    for (let at = from; at < length; at++) {
      const byte = data[at]!;
      if (inQuotes) {
        if (byte !== QUOTE) continue;
        if (at + 1 === length && !final) return recordStart;
        if (data[at + 1] === QUOTE) at++;
        else inQuotes = false;
      } else if (byte === delimiter) {
        cells.push(cellOf(data, fieldStart, at, quoted));
        fieldStart = at + 1;
        quoted = false;
      } else if (byte === LF || byte === CR) {
        if (byte === CR && at + 1 === length && !final) return recordStart;
        cells.push(cellOf(data, fieldStart, at, quoted));
        if (byte === CR && data[at + 1] === LF) at++;
        this.records++;
        push(cells);
        cells = [];
        recordStart = at + 1;
        fieldStart = at + 1;
        quoted = false;
      } else if (byte === QUOTE && at === fieldStart) {
        inQuotes = true;
        quoted = true;
      }
    }
    if (!final) return recordStart;
    if (inQuotes) {
      throw this.problem("csv_quote_not_closed", "a quoted field is not closed", this.records + 1);
    }
    if (fieldStart < length || cells.length) {
      cells.push(cellOf(data, fieldStart, length, quoted));
      this.records++;
      push(cells);
    }
    return length;
  }
}

function hasBom(data: Buffer): boolean {
  return data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
}

/** A cell's text: a quoted one unquoted with `""` as `"`, unless text follows its quote. */
function cellOf(data: Buffer, start: number, end: number, quoted: boolean): string {
  if (!quoted || data[end - 1] !== QUOTE || end - start < 2)
    return data.toString("utf8", start, end);
  const text = data.toString("utf8", start + 1, end - 1);
  return text.includes('"') ? text.replaceAll('""', '"') : text;
}
