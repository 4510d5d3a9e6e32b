import { SanctraceError } from "../../model/index.js";
import { TableScanner } from "./csv-scan.js";
import { parseAmount, parseDate } from "./values.js";

const DELIMITERS = [",", ";", "\t", "|"] as const;
const SAMPLE_ROWS = 30;

/** What the first lines of a delimited text say about its layout. */
export interface TableLayout {
  delimiter: string;
  /** 0-based index of the header row among the records (title lines above it are skipped). */
  headerIndex: number;
  /** False when the first data row is not a header; columns are then `column_1`, ... */
  hasHeader: boolean;
  columns: string[];
}

/**
 * The first records of a sample as the table scanner will read them (`TableScanner`, which
 * reads the rows after the header too): whole records, the sample's cut-off last line left
 * out; none when the delimiter does not scan.
 */
function sampleRecords(text: string, delimiter: string): string[][] {
  let end = -1;
  for (let line = 0; line < SAMPLE_ROWS * 2; line++) {
    const next = text.indexOf("\n", end + 1);
    if (next < 0) break;
    end = next;
  }
  const sample = text.slice(0, end + 1) || text;
  try {
    const problem = (code: string, message: string) => new SanctraceError(code, message, "");
    const scanner = new TableScanner(delimiter, sample.length + 1, problem);
    const records = scanner.write(sample);
    return records.length ? records : scanner.end();
  } catch {
    return [];
  }
}

/** The column count most records share, and how many share it. */
function modalWidth(records: string[][]): [number, number] {
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
  let best: [number, number] = [0, 0];
  for (const [width, count] of counts) {
    if (count > best[1] || (count === best[1] && width > best[0])) best = [width, count];
  }
  return best;
}

/** Spreadsheets pad rows with empty trailing cells. */
function trimEmpty(record: string[]): string[] {
  let end = record.length;
  while (end > 0 && !record[end - 1]?.trim()) end--;
  return end === record.length ? record : record.slice(0, end);
}

function looksLikeValue(cell: string): boolean {
  return parseAmount(cell) !== undefined || parseDate(cell) !== undefined;
}

function isHeader(record: string[]): boolean {
  const cells = record.map((cell) => cell.trim());
  return (
    cells.every((cell) => cell !== "" && !looksLikeValue(cell)) &&
    new Set(cells.map((cell) => cell.toLowerCase())).size === cells.length
  );
}

/**
 * Guess the delimiter (the one giving most records the same number of columns above one)
 * and the header row of a delimited text sample.
 * @example sniffLayout("a;b\n1;2\n").delimiter // ";"
 */
export function sniffLayout(sample: string, delimiter?: string): TableLayout | undefined {
  let best: { delimiter: string; records: string[][]; score: number } | undefined;
  for (const candidate of delimiter ? [delimiter] : DELIMITERS) {
    // A delimiter the sample lacks splits nothing: its records would all be one column wide.
    if (!sample.includes(candidate)) continue;
    const records = sampleRecords(sample, candidate).slice(0, SAMPLE_ROWS);
    const [width, count] = modalWidth(records);
    if (width < 2) continue;
    const score = count * 1000 + width;
    if (!best || score > best.score) best = { delimiter: candidate, records, score };
  }
  if (!best) return undefined;
  const header = locateHeader(best.records);
  return header && { delimiter: best.delimiter, ...header };
}

/**
 * Find the header among a table's first records: the first record as wide as most, taken as
 * a header when its cells are distinct labels rather than values.
 * @example locateHeader([["Report"], ["name", "inn"], ["Acme", "7700000000"]])?.headerIndex // 1
 */
export function locateHeader(records: string[][]): Omit<TableLayout, "delimiter"> | undefined {
  const [width] = modalWidth(records.map((record) => trimEmpty(record)));
  if (width < 2) return undefined;
  const headerIndex = Math.max(
    0,
    records.findIndex((record) => trimEmpty(record).length === width),
  );
  const first = trimEmpty(records[headerIndex] ?? []);
  const hasHeader = isHeader(first);
  const columns = hasHeader
    ? first.map((cell) => cell.trim())
    : first.map((_, index) => `column_${index + 1}`);
  return { headerIndex, hasHeader, columns };
}
