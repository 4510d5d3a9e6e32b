/** One row of a table: its number as a spreadsheet shows it (header = row 1) and its cells. */
export interface TableRow {
  row: number;
  cells: string[];
  /** The worksheet, when a workbook has several. */
  sheet?: string;
}

/** An opened table: its columns and a stream of row batches. */
export interface Table {
  columns: string[];
  encoding: string;
  rows: AsyncIterable<TableRow[]>;
}

export interface TableOptions {
  /** Override encoding detection (`utf-8`, `windows-1251`, `gb18030` ...). */
  encoding?: string;
  delimiter?: string;
  onBytes?: (bytes: number) => void;
}
