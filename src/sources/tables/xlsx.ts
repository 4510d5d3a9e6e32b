import type ExcelJS from "exceljs";
import { SanctraceError } from "../../model/index.js";
import type { SourceInput } from "../types.js";
import { locateHeader } from "./sniff.js";
import type { Table, TableOptions, TableRow } from "./table.js";
import { inspectZip, type ZipLimits } from "./zip-check.js";

const BATCH = 2000;
const HEADER_SAMPLE = 30;

/** An XLSX starts like any zip and names its workbook part near the start. */
export function looksLikeXlsx(head: Buffer): boolean {
  return head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return "";
  return String(value);
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells: string[] = [];
  for (let index = 1; index < values.length; index++) cells.push(cellText(values[index] ?? null));
  return cells;
}

async function* sheetRows(file: SourceInput, sheets: number): AsyncIterable<TableRow> {
  // Loaded on use: exceljs is heavy and most commands never read a workbook.
  const { default: excel } = await import("exceljs");
  const reader = new excel.stream.xlsx.WorkbookReader(file.path, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  let sheetNumber = 0;
  for await (const worksheet of reader) {
    sheetNumber++;
    const sheet = sheets > 1 ? String(sheetNumber) : undefined;
    for await (const row of worksheet) {
      yield { row: row.number, cells: rowCells(row), ...(sheet ? { sheet } : {}) };
    }
  }
}

async function* withErrors(file: SourceInput, rows: AsyncIterable<TableRow>) {
  let last = 0;
  try {
    for await (const row of rows) {
      last = row.row;
      yield row;
    }
  } catch (error) {
    if (error instanceof SanctraceError) throw error;
    throw new SanctraceError(
      "xlsx_broken",
      `cannot read the workbook: ${(error as Error).message}`,
      `${file.name} row:${last + 1}`,
    );
  }
}

async function* batched(
  rows: AsyncIterator<TableRow>,
  first: TableRow[],
): AsyncIterable<TableRow[]> {
  let batch = first;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    batch.push(next.value);
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Open an XLSX workbook with exceljs's streaming reader, after checking its zip directory
 * for bombs (`inspectZip`); every worksheet is read with the first sheet's header.
 * @example const table = await openXlsx(file, {});
 */
export async function openXlsx(
  file: SourceInput,
  options: TableOptions,
  limits?: ZipLimits,
): Promise<Table> {
  const entries = await inspectZip(file.path, file.name, limits);
  if (!entries.some((entry) => entry.name === "xl/workbook.xml")) {
    throw new SanctraceError(
      "xlsx_broken",
      "a zip file without xl/workbook.xml is not an XLSX workbook",
      file.name,
    );
  }
  const sheets = entries.filter((entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)).length;
  options.onBytes?.(file.size);
  const rows = withErrors(file, sheetRows(file, sheets))[Symbol.asyncIterator]();
  const sample: TableRow[] = [];
  while (sample.length < HEADER_SAMPLE) {
    const next = await rows.next();
    if (next.done) break;
    sample.push(next.value);
  }
  const layout = locateHeader(sample.map((row) => row.cells));
  if (!layout)
    throw new SanctraceError(
      "table_no_columns",
      "the first worksheet has no table",
      `${file.name} row:1`,
    );
  const firstData = layout.hasHeader ? layout.headerIndex + 1 : layout.headerIndex;
  return {
    columns: layout.columns,
    encoding: "xlsx",
    rows: batched(rows, sample.slice(firstData)),
  };
}
