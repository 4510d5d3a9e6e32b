import type { Batch, EntityRecord, SourceFile, Statement } from "../model/index.js";
import type { FactPacking, PackedBatch } from "./fact-pack.js";

/** What a loader tells the store about the dataset it is replacing. */
export interface DatasetLoad {
  name: string;
  title: string;
  /** The list or evidence kind: `list` entries are screening targets, `evidence` is case material. */
  kind: "list" | "evidence";
  sources: SourceFile[];
}

/** A dataset as recorded after a load. */
export interface DatasetSummary extends DatasetLoad {
  loadedAt: string;
  entities: number;
  /** Entities that carry a sanction: the list's subjects. */
  targets: number;
  statements: number;
}

export interface StoreStats {
  datasets: number;
  entities: number;
  statements: number;
  sources: number;
  bySchema: Record<string, number>;
}

/** One entry of the append-only audit log (loads, screenings, judgements). */
export interface AuditEntry {
  id: string;
  kind: string;
  at: string;
  user: string;
  detail: Record<string, unknown>;
}

/** Something collected into a case: an entity, or a path given by its node ids. */
export interface CaseItem {
  kind: "entity" | "path";
  ids: string[];
  note: string;
  addedAt: string;
}

/** An analyst's case: the entities and paths a report is made from. */
export interface CaseRecord {
  name: string;
  title: string;
  createdAt: string;
  items: CaseItem[];
}

/** An analyst's decision on whether two entities are the same. */
export type JudgementKind = "positive" | "negative" | "unsure";

/** One entry of the append-only judgement log; ids refer to entities, which are deterministic. */
export interface Judgement {
  id: string;
  left: string;
  right: string;
  judgement: JudgementKind;
  note: string;
  user: string;
  at: string;
}

export interface EntityQuery {
  datasets?: string[];
  /** Only entities whose schema is one of these (or inherits from one). */
  schemata?: string[];
  /** Only entities of datasets of this kind. */
  kind?: DatasetLoad["kind"];
}

/** Progress callback for long operations; `total` may be unknown. */
export type ProgressListener = (done: number, total?: number) => void;

/**
 * The workspace: statements with provenance, datasets, and the audit log. Async so that the
 * SQLite and PostgreSQL backends share it.
 */
export interface Store {
  /**
   * Replace every statement of `load.name` with `batches`, in one transaction: if the
   * iterable throws, the store is left exactly as it was.
   */
  replaceDataset(
    load: DatasetLoad,
    batches: AsyncIterable<Batch | PackedBatch>,
    onProgress?: ProgressListener,
  ): Promise<DatasetSummary>;
  /**
   * For a backend that takes packed facts (`PackedBatch`, packed in a worker thread): what a
   * `FactPacker` needs to pack the next facts of the load in progress. Call it from inside
   * the batches of `replaceDataset`; the packed batches must follow, nothing else between.
   */
  factPacking?(): Promise<FactPacking>;
  /**
   * Data derived from datasets and kept beside them (a prepared candidate index), in the
   * parts it was kept in; undefined when none is kept, or when one of the datasets it was
   * derived from was loaded again or dropped since.
   */
  getDerived?(kind: string, key: string): Promise<Uint8Array[] | undefined>;
  /**
   * Keep derived data, replacing what `kind` and `key` held: `derivedFrom` names each
   * dataset it was derived from with the `loadedAt` of the load it read. Returns false, and
   * keeps nothing, when one of them has changed since, or when the workspace is read-only.
   */
  putDerived?(
    kind: string,
    key: string,
    derivedFrom: Record<string, string>,
    parts: Uint8Array[],
  ): Promise<boolean>;
  /** Delete a dataset and its statements. Returns false when it was not loaded. */
  dropDataset(name: string): Promise<boolean>;
  listDatasets(): Promise<DatasetSummary[]>;
  getDataset(name: string): Promise<DatasetSummary | undefined>;
  /** Every statement about an entity, in load order. */
  getStatements(entityId: string): Promise<Statement[]>;
  getEntity(entityId: string): Promise<EntityRecord | undefined>;
  /** Statements whose value is a reference to `entityId` (links, sanctions, mentions). */
  getReferences(entityId: string): Promise<Statement[]>;
  /**
   * Statements of a dataset that came from one source file, all of them or those at one
   * locator (the cells of a row, the text of a page): what a citation opens to.
   */
  getStatementsAt(dataset: string, source: string, locator?: string): Promise<Statement[]>;
  /** Ids of entities having `prop` equal to one of `values` (identifier lookups). */
  findByValue(prop: string, values: string[]): Promise<string[]>;
  /** Stream every entity matching the query, assembled from its statements, ordered by id. */
  iterateEntities(query?: EntityQuery): AsyncIterable<EntityRecord>;
  /** Source files by sha256. */
  getSource(sha256: string): Promise<SourceFile | undefined>;
  stats(): Promise<StoreStats>;
  appendAudit(entry: Omit<AuditEntry, "id" | "at"> & { at?: string }): Promise<AuditEntry>;
  listAudit(kind?: string, limit?: number): Promise<AuditEntry[]>;
  /** Create a case, or retitle it when it exists; its items are kept. */
  saveCase(name: string, title?: string): Promise<CaseRecord>;
  /** Add an item to a case (created when absent); adding the same item twice keeps one. */
  addCaseItem(name: string, item: Omit<CaseItem, "addedAt">): Promise<CaseRecord>;
  /** Remove an item (same kind and ids); returns the case as it is after. */
  removeCaseItem(name: string, item: Pick<CaseItem, "kind" | "ids">): Promise<CaseRecord>;
  getCase(name: string): Promise<CaseRecord | undefined>;
  listCases(): Promise<CaseRecord[]>;
  /** Append a judgement; earlier ones are never changed. */
  appendJudgement(entry: Omit<Judgement, "id" | "at"> & { at?: string }): Promise<Judgement>;
  /** Judgements in the order they were made, all or those naming `entityId` on either side. */
  listJudgements(entityId?: string): Promise<Judgement[]>;
  close(): Promise<void>;
}
