/**
 * Where inside a source file a value came from: `row:17`, `line:3`, `page:3`,
 * `span:1203-1241`, `xpath:/a/b[2]`, optionally combined (`page:3 span:10-42`).
 */
export type Locator = string;

/** The file a statement came from. */
export interface Provenance {
  dataset: string;
  /** sha256 of the source file. */
  source: string;
  locator: Locator;
}

/** The unit of truth: one value of one property of one entity, with where it came from. */
export interface Statement extends Provenance {
  entityId: string;
  schema: string;
  prop: string;
  value: string;
}

/** A source file as recorded with a dataset. */
export interface SourceFile {
  name: string;
  sha256: string;
  size: number;
}

/** The assembled view of an entity: its statements folded into FtM properties. */
export interface EntityRecord {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

/** FtM JSON as exchanged with OpenSanctions, Aleph and yente. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  caption?: string;
}
