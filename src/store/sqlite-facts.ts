import type Database from "better-sqlite3";
import {
  type Batch,
  type Fact,
  isFactBatch,
  SanctraceError,
  type Statement,
} from "../model/index.js";
import {
  type FactPacking,
  isPackedBatch,
  modelProperties,
  type PackedBatch,
  type PackedFacts,
  type PostingSide,
  postingSide,
  unpackColumn,
} from "./fact-pack.js";
import { LoadCounts } from "./load-counts.js";
import { PropertyOrder } from "./property-order.js";
import type { Atoms } from "./sqlite-atoms.js";
import { BulkInsert } from "./sqlite-bulk.js";
import { FactIndexes } from "./sqlite-fact-indexes.js";
import { Postings } from "./sqlite-postings.js";

interface OpenFact {
  id: number;
  entityId: string;
  schema: string;
  source: string;
  locator: string;
  pairs: Array<number | string>;
  /** What the writer knows of the fact's schema. */
  known: SchemaInfo;
}

/** A schema's atom key and its properties, in the order its last fact stated them. */
interface SchemaInfo {
  key: number;
  properties: PropertyOrder<PropertyInfo>;
}

/** A property's atom key and whether its values go to a side table. */
interface PropertyInfo {
  name: string;
  key: number;
  side: PostingSide;
}

/**
 * Writes the statements of one dataset load as fact rows, with the entity references and
 * identifiers among them in side tables (what `getReferences` and `findByValue` look up).
 * Refuses statements of another dataset. Call inside the load's write transaction.
 * @example const writer = new FactWriter(db, atoms, "us_ofac_sdn"); writer.add(batch); writer.finish();
 */
export class FactWriter {
  private readonly facts: BulkInsert;
  private readonly references: Postings;
  private readonly identifiers: Postings;
  private readonly datasetKey: number;
  /** What the load has written so far. */
  readonly counts: LoadCounts;
  private readonly firstId: number;
  private nextId: number;
  private readonly indexes: FactIndexes;
  private open: OpenFact | undefined;
  /** Per schema: one map lookup per statement instead of one per atom and per type. */
  private readonly schemata = new Map<string, SchemaInfo>();
  private readonly pairs: Array<number | string> = [];

  constructor(
    private readonly db: Database.Database,
    private readonly atoms: Atoms,
    dataset: string,
    deferIndexesAfter?: number,
  ) {
    const columns = ["id", "entity_id", "schema", "dataset", "source", "locator", "props"];
    this.facts = new BulkInsert(db, "facts", columns);
    this.datasetKey = atoms.keyOf(dataset);
    this.references = new Postings(db, "reference_postings", this.datasetKey);
    this.identifiers = new Postings(db, "identifier_postings", this.datasetKey);
    this.counts = new LoadCounts(dataset);
    const last = db.prepare("SELECT MAX(id) AS id FROM facts").get() as { id: number | null };
    this.firstId = (last.id ?? 0) + 1;
    this.nextId = this.firstId;
    this.indexes = new FactIndexes(db, deferIndexesAfter);
  }

  add(batch: Batch | PackedBatch): void {
    if (isPackedBatch(batch)) {
      this.addPacked(batch.packed);
      return;
    }
    if (isFactBatch(batch)) {
      for (const fact of batch.facts) this.addFact(fact);
      return;
    }
    for (const statement of batch) {
      this.counts.add(statement);
      this.addValue(this.factFor(statement), statement.prop, statement.value);
    }
  }

  /** Write facts a `FactPacker` packed (in a worker thread): atoms and inserts only. */
  addPacked(packed: PackedFacts): void {
    this.close();
    if (packed.firstId !== this.nextId) {
      throw new SanctraceError(
        "store_pack_mismatch",
        `packed facts start at id ${packed.firstId}, the load is at ${this.nextId}`,
        packed.dataset,
      );
    }
    const { facts, atoms, datasetKey } = this;
    const { schemas } = packed;
    const source = schemas.length ? atoms.keyOf(packed.source) : 0;
    const schemata = packed.schemata.map((schema) => this.schemaKey(schema));
    const entityIds = unpackColumn(packed.entityIds, schemas.length);
    const locators = unpackColumn(packed.locators, schemas.length);
    const props = unpackColumn(packed.props, schemas.length);
    this.counts.addPacked(packed, entityIds);
    for (let index = 0; index < schemas.length; index++) {
      facts.push(this.nextId++);
      facts.push(entityIds[index]);
      facts.push(schemata[schemas[index]!]);
      facts.push(datasetKey);
      facts.push(source);
      facts.push(locators[index]);
      facts.push(props[index]);
    }
    const { references, identifiers } = packed;
    const first = packed.firstId;
    this.references.name(packed.referenceValues, packed.restartReferences);
    for (let at = 0; at < references.length; at += 2) {
      this.references.addNumbered(first + references[at]!, references[at + 1]!);
    }
    const values = JSON.parse(packed.identifierValues) as string[];
    for (let at = 0; at < identifiers.length; at += 2) {
      this.identifiers.add(first + identifiers[at]!, values[at / 2]!, identifiers[at + 1]!);
    }
    this.indexes.written(this.nextId - this.firstId);
  }

  /** What a `FactPacker` needs to pack the next facts of this load. */
  packing(): FactPacking {
    this.close();
    const keys: Record<string, number> = {};
    for (const name of modelProperties()) keys[name] = this.atoms.keyOf(name);
    return { keys, firstId: this.nextId };
  }

  private schemaKey(schema: string): number {
    return this.schemaInfo(schema).key;
  }

  private addFact(fact: Fact): void {
    this.counts.addFact(fact);
    const open = this.factFor(fact);
    const { values } = fact;
    for (let at = 0; at < values.length; at += 2) this.addValue(open, values[at]!, values[at + 1]!);
  }

  private addValue(fact: OpenFact, prop: string, value: string): void {
    const property = fact.known.properties.at(fact.pairs.length / 2, prop);
    fact.pairs.push(property.key, value);
    if (property.side === "references") this.references.add(fact.id, value);
    else if (property.side === "identifiers") this.identifiers.add(fact.id, value, property.key);
  }

  /** Distinct entities of the load (call after `finish`). */
  entities(): number {
    const tracked = this.counts.entities;
    if (tracked !== undefined) return tracked;
    const row = this.db
      .prepare("SELECT COUNT(DISTINCT entity_id) AS count FROM facts WHERE id >= ?")
      .get(this.firstId) as { count: number };
    return row.count;
  }

  /**
   * Write what is buffered, the open fact included, and keep the indexes, so that a query in
   * the middle of the load (ingest resolving its parties) finds everything added so far, by
   * index. A statement that continues the closed fact starts a fact row of its own.
   */
  settle(): void {
    this.flush();
    this.indexes.restore(true);
  }

  /** Write what is buffered; the load is complete. */
  finish(): void {
    this.flush();
    this.indexes.restore();
  }

  private flush(): void {
    this.close();
    this.facts.flush();
    this.references.flush();
    this.identifiers.flush();
  }

  /** The open fact when `statement` (or a fact) continues it, else a new one. */
  private factFor(statement: Omit<Statement, "prop" | "value">): OpenFact {
    const open = this.open;
    if (
      open &&
      open.entityId === statement.entityId &&
      open.locator === statement.locator &&
      open.schema === statement.schema &&
      open.source === statement.source
    ) {
      return open;
    }
    this.close();
    const { entityId, schema, source, locator } = statement;
    const known = this.schemaInfo(schema);
    // One fact is open at a time: its pairs array is reused, not allocated per fact.
    const pairs = this.pairs;
    this.open = { id: this.nextId++, entityId, schema, source, locator, pairs, known };
    return this.open;
  }

  private schemaInfo(schema: string): SchemaInfo {
    let known = this.schemata.get(schema);
    if (!known) {
      const properties = new PropertyOrder<PropertyInfo>((name) => {
        // Refuses a property the schema lacks before it gets an atom.
        const side = postingSide(schema, name);
        return { name, key: this.atoms.keyOf(name), side };
      });
      known = { key: this.atoms.keyOf(schema), properties };
      this.schemata.set(schema, known);
    }
    return known;
  }

  private close(): void {
    const fact = this.open;
    if (!fact) return;
    const { facts, atoms } = this;
    facts.push(fact.id);
    facts.push(fact.entityId);
    facts.push(fact.known.key);
    facts.push(this.datasetKey);
    facts.push(atoms.keyOf(fact.source));
    facts.push(fact.locator);
    facts.push(JSON.stringify(fact.pairs));
    fact.pairs.length = 0;
    this.open = undefined;
    this.indexes.written(this.nextId - this.firstId);
  }
}
