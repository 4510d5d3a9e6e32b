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

/**
 * A copy of a cell sharing no memory with the text it was cut from. CSV cells are substrings
 * of a whole chunk of the file, which a cell kept long-term (a cache key, a party's value)
 * would hold in memory; prefixing flattens into a fresh string the slice then points into.
 * @example detach(cells[2]!) // same text, the chunk free to be collected
 */
export function detach(text: string): string {
  return ` ${text}`.slice(1);
}
