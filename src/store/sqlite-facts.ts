import type Database from "better-sqlite3";
import {
  type Batch,
  detach,
  type Fact,
  isFactBatch,
  SanctraceError,
  type Statement,
} from "../model/index.js";
import {
  type FactPacking,
  isPackedBatch,
  jsonInner,
  modelProperties,
  type PackedBatch,
  type PackedColumns,
  type PackedFacts,
  type PackedJson,
  type PackedProperty,
  packedProperty,
  referenceNumber,
  unpackColumn,
} from "./fact-pack.js";
import { LoadCounts } from "./load-counts.js";
import { PropertyOrder } from "./property-order.js";
import type { Atoms } from "./sqlite-atoms.js";
import { BulkInsert } from "./sqlite-bulk.js";
import { FactIndexes } from "./sqlite-fact-indexes.js";
import { Postings } from "./sqlite-postings.js";

/** What the writer resolved of a pack before writing its facts. */
interface PackedRows {
  /** The source file's atom key. */
  source: number;
  /** Per place in the pack's `schemata`. */
  schemata: SchemaInfo[];
  entityIds: string[];
  locators: string[];
}

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
  name: string;
  key: number;
  properties: PropertyOrder<PackedProperty>;
}

/** A value from its JSON form (`jsonInner`). */
const fromJson = (inner: string): string => JSON.parse(`"${inner}"`) as string;

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
  /** Property names by atom key, for packed facts (set by `packing`). */
  private propertyNames: string[] = [];
  /** The ids a packer numbered, by number, as they stand in JSON (`PackedFacts.referenceValues`). */
  private referenceInner: string[] = [];

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

  /**
   * Write facts a `FactPacker` packed (in a worker thread): their props JSON as packed, or
   * written here from their columns; their references and identifiers to the side tables.
   */
  addPacked(packed: PackedFacts): void {
    this.close();
    if (packed.firstId !== this.nextId) {
      throw new SanctraceError(
        "store_pack_mismatch",
        `packed facts start at id ${packed.firstId}, the load is at ${this.nextId}`,
        packed.dataset,
      );
    }
    const count = packed.schemas.length;
    const rows: PackedRows = {
      source: count ? this.atoms.keyOf(packed.source) : 0,
      schemata: packed.schemata.map((schema) => this.schemaInfo(schema)),
      entityIds: unpackColumn(packed.entityIds, count),
      locators: unpackColumn(packed.locators, count),
    };
    this.counts.addPacked(packed.dataset, rows.entityIds, packed.statements);
    this.nameReferences(packed.referenceValues, packed.restartReferences);
    if (packed.form === "json") this.addJson(packed, rows);
    else this.addColumns(packed, rows);
    this.indexes.written(this.nextId - this.firstId);
  }

  /** Facts packed with their props JSON: inserted as they are, their side values posted. */
  private addJson(packed: PackedJson, rows: PackedRows): void {
    const first = this.nextId;
    const props = unpackColumn(packed.props, packed.schemas.length);
    for (let index = 0; index < props.length; index++) {
      this.pushFact(packed, rows, index, props[index]!);
    }
    const { references, identifiers } = packed;
    for (let at = 0; at < references.length; at += 2) {
      this.references.addNumbered(first + references[at]!, references[at + 1]!);
    }
    const values = JSON.parse(packed.identifierValues) as string[];
    for (let at = 0; at < identifiers.length; at += 2) {
      this.identifiers.add(first + identifiers[at]!, values[at / 2]!, identifiers[at + 1]!);
    }
    this.counts.addTargets(packed.targets);
  }

  /** Facts packed in columns: their props JSON written here, their side values posted. */
  private addColumns(packed: PackedColumns, rows: PackedRows): void {
    const { propertyNames, references, identifiers } = this;
    const { schemas, sizes, keys, lengths, values, escaped } = packed;
    let at = 0;
    let offset = 0;
    let nextEscaped = 0;
    for (let index = 0; index < schemas.length; index++) {
      const id = this.nextId;
      const schema = rows.schemata[schemas[index]!]!;
      const end = at + sizes[index]!;
      // Built by concatenation; SQLite gets it flat when it is bound.
      let props = "";
      for (let place = 0; at < end; at++, place++) {
        const property = schema.properties.at(place, propertyNames[keys[at]!]!);
        const length = lengths[at]!;
        let inner: string;
        if (length < 0) {
          const number = referenceNumber(length);
          references.addNumbered(id, number);
          inner = this.referenceInner[number]!;
          if (property.target) {
            const value = references.numberedValue(number);
            this.observe(rows.entityIds[index]!, schema, property, value);
          }
        } else {
          inner = values.slice(offset, offset + length);
          offset += length;
          const isEscaped = escaped[nextEscaped] === at;
          if (isEscaped) nextEscaped++;
          if (property.side === "identifiers" || property.target) {
            const value = isEscaped ? fromJson(inner) : inner;
            // Held until its posting row is written: a copy, not the pack's column.
            if (property.side === "identifiers") identifiers.add(id, detach(value), property.key);
            if (property.target) this.observe(rows.entityIds[index]!, schema, property, value);
          }
        }
        props += (place ? property.next : property.first) + inner;
      }
      this.pushFact(packed, rows, index, props ? `${props}"]` : "[]");
    }
  }

  /** Insert the pack's fact `index`, the next of the load. */
  private pushFact(packed: PackedFacts, rows: PackedRows, index: number, props: string): void {
    const { facts } = this;
    facts.push(this.nextId++);
    facts.push(rows.entityIds[index]);
    facts.push(rows.schemata[packed.schemas[index]!]!.key);
    facts.push(this.datasetKey);
    facts.push(rows.source);
    facts.push(rows.locators[index]);
    facts.push(props);
  }

  /** A value that may name a sanction target (`targetOf`). */
  private observe(entityId: string, schema: SchemaInfo, property: PackedProperty, value: string) {
    this.counts.observe(entityId, schema.name, property.name, value);
  }

  /** The ids a packer numbered in this pack: named for the side table and in JSON for props. */
  private nameReferences(values: readonly string[], restart: boolean): void {
    this.references.name(values, restart);
    if (restart) this.referenceInner = [];
    for (const value of values) this.referenceInner.push(jsonInner(value));
  }

  /** What a `FactPacker` needs to pack the next facts of this load. */
  packing(): FactPacking {
    this.close();
    const keys: Record<string, number> = {};
    for (const name of modelProperties()) {
      const key = this.atoms.keyOf(name);
      keys[name] = key;
      this.propertyNames[key] = name;
    }
    return { keys, firstId: this.nextId };
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
      // Refuses a property the schema lacks before it gets an atom.
      const properties = new PropertyOrder((name) =>
        packedProperty(schema, name, (known) => this.atoms.keyOf(known)),
      );
      const key = this.atoms.keyOf(schema);
      known = { name: schema, key, properties };
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
