import { parse } from "csv-parse/sync";
import { SanctraceError } from "../model/index.js";
import { headText } from "./files.js";
import type { FileProbe, ReadContext, SourceInput } from "./types.js";

/** The four files of OFAC's legacy CSV set, told apart by the shape of their records. */
export type OfacRole = "primary" | "address" | "alias" | "comments";

export const OFAC_COLUMNS: Record<OfacRole, number> = {
  primary: 12,
  address: 6,
  alias: 5,
  comments: 2,
};

const NUMBER = /^\d+$/;
const EMPTY = /^-0-\s*$/;
const SDN_TYPES = new Set(["individual", "vessel", "aircraft"]);
const ALIAS_TYPES = new Set(["aka", "fka", "nka"]);

function firstRecord(probe: FileProbe): string[] | undefined {
  const line = headText(probe).split(/\r?\n/, 1)[0] ?? "";
  try {
    return (parse(line, { relax_quotes: true, relax_column_count: true }) as string[][])[0];
  } catch {
    return undefined;
  }
}

/**
 * The role of a file in an OFAC legacy CSV set, from its first record (no header: the files
 * start with `ent_num`), or undefined for any other file.
 * @example ofacRole(probe) // "primary" for sdn.csv or cons_prim.csv
 */
export function ofacRole(probe: FileProbe): OfacRole | undefined {
  const record = firstRecord(probe);
  if (!record || !NUMBER.test(record[0] ?? "")) return undefined;
  const [, second = "", third = ""] = record;
  const kind = third.trim();
  if (record.length === 12 && (EMPTY.test(kind) || SDN_TYPES.has(kind))) return "primary";
  if (record.length === 6 && NUMBER.test(second)) return "address";
  if (record.length === 5 && NUMBER.test(second) && ALIAS_TYPES.has(kind)) return "alias";
  if (record.length === 2 && second.trim()) return "comments";
  return undefined;
}

/**
 * Files of one OFAC list: the consolidated non-SDN list names its files `cons_*`.
 * @example claimOfac(probes, true) // [cons_add.csv, cons_alt.csv, cons_prim.csv, …]
 */
export function claimOfac(probes: FileProbe[], consolidated: boolean): FileProbe[] {
  return probes.filter(
    (probe) => ofacRole(probe) !== undefined && /^cons_/i.test(probe.name) === consolidated,
  );
}

/**
 * The files of a load by role; a load needs exactly one primary file.
 * @example sortOfacFiles(files).get("primary")?.name // "sdn.csv"
 */
export function sortOfacFiles(files: SourceInput[]): Map<OfacRole, SourceInput> {
  const byRole = new Map<OfacRole, SourceInput>();
  for (const file of files) {
    const role = ofacRole(file);
    if (!role)
      throw new SanctraceError("ofac_unknown_file", "not an OFAC legacy CSV file", file.name);
    const other = byRole.get(role);
    if (other) {
      throw new SanctraceError(
        "ofac_duplicate_file",
        `two ${role} files (${other.name} and ${file.name}); load one OFAC publication at a time`,
        file.name,
      );
    }
    byRole.set(role, file);
  }
  if (!byRole.has("primary")) {
    throw new SanctraceError(
      "ofac_missing_primary",
      "an OFAC set needs its primary file (sdn.csv or cons_prim.csv) beside add/alt/comments",
      files[0]?.name,
    );
  }
  return byRole;
}

/**
 * An OFAC field: `-0-` and blanks are empty.
 * @example ofacValue("-0- ") // undefined
 */
export function ofacValue(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text && !EMPTY.test(text) ? text : undefined;
}

/** One OFAC load in progress: its files and what later files need of the primary one. */
export interface OfacList {
  prefix: string;
  files: Map<OfacRole, SourceInput>;
  context: ReadContext;
  /** ent_num -> schema of every primary entry. */
  schemata: Map<string, string>;
  /** Upper-cased primary names and aliases -> entity id, to resolve "Linked To:". */
  names: Map<string, string>;
  links: Array<{ id: string; target: string; row: number; owner?: boolean }>;
}

/** Names compare upper-cased, without trailing dots and commas. */
export const nameKey = (name: string) =>
  name
    .toUpperCase()
    .replace(/[\s.,]+$/, "")
    .replace(/\s+/g, " ");
/** Statement context for a file of the load. */
export const builderContext = (list: OfacList, file: SourceInput) => ({
  dataset: list.context.dataset,
  source: file.sha256,
});
