import { extname } from "node:path";
import iconv from "iconv-lite";
import { type Fact, makeId, type Statement } from "../../model/index.js";
import type { FileProbe, ReadContext, SourceFormat, SourceInput } from "../types.js";
import { recognizeColumns } from "./builtin-fields.js";
import { builtinMapping, type TableKind } from "./builtins.js";
import { compileMapping } from "./compile.js";
import { openCsv } from "./csv.js";
import { detectEncoding } from "./encoding.js";
import type { MappingSpec } from "./mapping.js";
import { sniffLayout } from "./sniff.js";
import type { Table, TableOptions } from "./table.js";
import { looksLikeXlsx, openXlsx } from "./xlsx.js";

export interface TableFormatOptions {
  /** A built-in mapping; detected from the columns when neither this nor `mapping` is set. */
  kind?: TableKind;
  mapping?: MappingSpec;
  encoding?: string;
  delimiter?: string;
}

const TABLE_EXTENSIONS = new Set([".csv", ".tsv", ".tab", ".txt", ".xlsx"]);

function sniffText(probe: FileProbe, options: TableFormatOptions) {
  try {
    const encoding =
      options.encoding ?? detectEncoding(probe.head, probe.size <= probe.head.length).encoding;
    return sniffLayout(iconv.decode(probe.head, encoding), options.delimiter);
  } catch {
    return undefined;
  }
}

/** Tables are claimed by content: a zip workbook, or text a delimiter splits into columns. */
function claimsTable(probe: FileProbe, options: TableFormatOptions): boolean {
  const explicit = Boolean(options.kind || options.mapping);
  const extension = extname(probe.name).toLowerCase();
  if (looksLikeXlsx(probe.head)) return extension === ".xlsx" || explicit;
  const layout = sniffText(probe, options);
  if (!layout?.hasHeader) return false;
  if (explicit || (extension !== ".txt" && TABLE_EXTENSIONS.has(extension))) return true;
  // Without a hint, only a header the built-ins know makes a text file a table.
  return Object.keys(recognizeColumns(layout.columns)).length >= 2;
}

async function openTable(file: SourceInput, options: TableOptions): Promise<Table> {
  return looksLikeXlsx(file.head) ? openXlsx(file, options) : openCsv(file, options);
}

/** The `Table` entity standing for the file itself: name, digest, encoding, columns. */
function tableStatements(
  file: SourceInput,
  table: Table,
  rows: number,
  context: ReadContext,
): Statement[] {
  const entityId = makeId(context.dataset, "table", file.sha256);
  const values: Array<[string, string]> = [
    ["fileName", file.name],
    ["contentHash", file.sha256],
    ["encoding", table.encoding],
    ["columns", JSON.stringify(table.columns)],
    ["rowCount", String(rows)],
  ];
  return values.map(([prop, value]) => ({
    entityId,
    schema: "Table",
    prop,
    value,
    dataset: context.dataset,
    source: file.sha256,
    locator: "file",
  }));
}

async function* readTable(file: SourceInput, context: ReadContext, options: TableFormatOptions) {
  const table = await openTable(file, {
    ...options,
    ...(context.onBytes ? { onBytes: context.onBytes } : {}),
  });
  const mapping = options.mapping ?? builtinMapping(options.kind, table.columns, file.name);
  const mapRow = compileMapping(mapping, table.columns, {
    dataset: context.dataset,
    source: file.sha256,
    table: file.name,
  });
  let rows = 0;
  for await (const batch of table.rows) {
    const facts: Fact[] = [];
    for (const row of batch) {
      mapRow(row.cells, row.sheet ? `sheet:${row.sheet} row:${row.row}` : `row:${row.row}`, facts);
    }
    rows += batch.length;
    yield { facts };
  }
  yield tableStatements(file, table, rows, context);
}

/**
 * The tables format (CSV, TSV, XLSX) with a mapping: `--as` a built-in, `--mapping` a YAML
 * file, or the built-in whose columns the table has.
 * @example const format = createTableFormat({ kind: "customs" });
 */
export function createTableFormat(options: TableFormatOptions = {}): SourceFormat {
  return {
    id: "table",
    dataset: "",
    title: options.kind
      ? `${options.kind} table`
      : options.mapping
        ? `table mapped by ${options.mapping.origin}`
        : "table",
    kind: "evidence",
    claim: (probes) => probes.filter((probe) => claimsTable(probe, options)),
    async *read(files, context) {
      for (const file of files) yield* readTable(file, context, options);
    },
  };
}

/** Tables with the built-in mapping their columns fit, for `ingest` without `--as`. */
export const tableFormat: SourceFormat = createTableFormat();
