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

/**
 * Statements that share entity, schema and provenance, packed: the values one table row
 * states about one of its entities. `values` holds prop, value, prop, value, … in the order
 * stated. A million rows make a million facts rather than eleven million statements.
 */
export interface Fact extends Provenance {
  entityId: string;
  schema: string;
  values: string[];
  /**
   * Entities some of the values refer to, in the order of those values, each the same object
   * every time its entity is referred to (a table mapper's party): a packer numbers an id
   * once and notes the number on it, rather than looking the id up for every row.
   */
  references?: ReferenceToken[];
}

/** Stands for an entity facts refer to (see `Fact.references`). */
export interface ReferenceToken {
  /** The entity's id, the very value the facts hold. */
  id: string | undefined;
  /** The number a packer gave the id, and the round of its numbering; -1 before any. */
  number: number;
  round: number;
}

/** Facts as a batch of their own, told apart from a batch of statements. */
export interface FactBatch {
  facts: Fact[];
}

/** What a reader yields and the store takes: statements, or facts (tables). */
export type Batch = Statement[] | FactBatch;

/**
 * True when `batch` holds facts.
 * @example isFactBatch({ facts: [] }) // true
 */
export function isFactBatch(batch: Batch): batch is FactBatch {
  return "facts" in batch;
}

/**
 * The statements of a batch, facts unpacked in order.
 * @example batchStatements({ facts: [fact] })[0].prop // "name"
 */
export function batchStatements(batch: Batch): Statement[] {
  if (!isFactBatch(batch)) return batch;
  const out: Statement[] = [];
  for (const { entityId, schema, dataset, source, locator, values } of batch.facts) {
    for (let at = 0; at < values.length; at += 2) {
      out.push({
        entityId,
        schema,
        prop: values[at]!,
        value: values[at + 1]!,
        dataset,
        source,
        locator,
      });
    }
  }
  return out;
}

/**
 * How many statements a batch holds.
 * @example batchSize([statement]) // 1
 */
export function batchSize(batch: Batch): number {
  if (!isFactBatch(batch)) return batch.length;
  let size = 0;
  for (const fact of batch.facts) size += fact.values.length / 2;
  return size;
}

/**
 * Statements as facts: runs of consecutive statements sharing entity, schema and provenance.
 * @example statementFacts([name, inn])[0].values // ["name", "Kupol", "innCode", "1831083343"]
 */
export function statementFacts(statements: readonly Statement[]): Fact[] {
  const facts: Fact[] = [];
  let open: Fact | undefined;
  for (const { prop, value, ...provenance } of statements) {
    if (
      !open ||
      open.entityId !== provenance.entityId ||
      open.schema !== provenance.schema ||
      open.locator !== provenance.locator ||
      open.source !== provenance.source ||
      open.dataset !== provenance.dataset
    ) {
      open = { ...provenance, values: [] };
      facts.push(open);
    }
    open.values.push(prop, value);
  }
  return facts;
}
