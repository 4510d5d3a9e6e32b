import type Database from "better-sqlite3";
import { propertyType, type Statement } from "../model/index.js";
import { LoadCounts } from "./load-counts.js";
import type { Atoms } from "./sqlite-atoms.js";

/**
 * A row of the `facts` table: consecutive statements that share entity, schema, dataset,
 * source and locator (the cells of one row, the fields of one list entry), stored once with
 * their `[prop key, value, …]` pairs as JSON.
 */
export interface FactRow {
  id: number;
  entity_id: string;
  schema: number;
  dataset: number;
  source: number;
  locator: string;
  props: string;
}

/**
 * The statements of a fact row, in the order they were loaded, appended to `out`.
 * @example factStatements(row, atoms) // [{ entityId: "ofac-36", prop: "name", … }]
 */
export function factStatements(row: FactRow, atoms: Atoms, out: Statement[] = []): Statement[] {
  const pairs = JSON.parse(row.props) as Array<number | string>;
  const schema = atoms.textOf(row.schema);
  const dataset = atoms.textOf(row.dataset);
  const source = atoms.textOf(row.source);
  for (let index = 0; index < pairs.length; index += 2) {
    out.push({
      entityId: row.entity_id,
      schema,
      prop: atoms.textOf(pairs[index] as number),
      value: pairs[index + 1] as string,
      dataset,
      source,
      locator: row.locator,
    });
  }
  return out;
}

/** Rows per multi-row INSERT: binding one row per call costs more than SQLite's own work. */
const INSERT_ROWS = 100;

/** Buffers rows of one table and writes them `INSERT_ROWS` at a time. */
class BulkInsert {
  private readonly wide: Database.Statement;
  private readonly narrow: Database.Statement;
  private readonly values: unknown[] = [];

  constructor(
    db: Database.Database,
    table: string,
    private readonly columns: string[],
    verb = "INSERT",
  ) {
    const row = `(${columns.map(() => "?").join(", ")})`;
    const sql = (rows: number) =>
      `${verb} INTO ${table} (${columns.join(", ")}) VALUES ${Array(rows).fill(row).join(", ")}`;
    this.wide = db.prepare(sql(INSERT_ROWS));
    this.narrow = db.prepare(sql(1));
  }

  push(value: unknown): void {
    this.values.push(value);
    if (this.values.length === INSERT_ROWS * this.columns.length) {
      this.wide.run(this.values);
      this.values.length = 0;
    }
  }

  flush(): void {
    const width = this.columns.length;
    for (let at = 0; at < this.values.length; at += width) {
      this.narrow.run(this.values.slice(at, at + width));
    }
    this.values.length = 0;
  }
}

interface OpenFact {
  id: number;
  entityId: string;
  schema: string;
  source: string;
  locator: string;
  pairs: Array<number | string>;
}

/**
 * Writes the statements of one dataset load as fact rows, with the entity references and
 * identifiers among them in side tables (what `getReferences` and `findByValue` look up).
 * Refuses statements of another dataset. Call inside the load's write transaction.
 * @example const writer = new FactWriter(db, atoms, "us_ofac_sdn"); writer.add(batch); writer.finish();
 */
export class FactWriter {
  private readonly facts: BulkInsert;
  private readonly references: BulkInsert;
  private readonly identifiers: BulkInsert;
  private readonly datasetKey: number;
  /** What the load has written so far. */
  readonly counts: LoadCounts;
  private nextId: number;
  private open: OpenFact | undefined;

  constructor(
    db: Database.Database,
    private readonly atoms: Atoms,
    dataset: string,
  ) {
    const columns = ["id", "entity_id", "schema", "dataset", "source", "locator", "props"];
    this.facts = new BulkInsert(db, "facts", columns);
    // A fact stating the same value twice needs one side row.
    const side = ["fact", "prop", "value"];
    this.references = new BulkInsert(db, "fact_references", side, "INSERT OR IGNORE");
    this.identifiers = new BulkInsert(db, "fact_identifiers", side, "INSERT OR IGNORE");
    this.datasetKey = atoms.keyOf(dataset);
    this.counts = new LoadCounts(dataset);
    const last = db.prepare("SELECT MAX(id) AS id FROM facts").get() as { id: number | null };
    this.nextId = (last.id ?? 0) + 1;
  }

  add(batch: readonly Statement[]): void {
    for (const statement of batch) {
      this.counts.add(statement);
      const fact = this.factFor(statement);
      const prop = this.atoms.keyOf(statement.prop);
      fact.pairs.push(prop, statement.value);
      const type = propertyType(statement.schema, statement.prop); // cached by the model
      if (type === "entity") this.pushSide(this.references, fact.id, prop, statement.value);
      else if (type === "identifier")
        this.pushSide(this.identifiers, fact.id, prop, statement.value);
    }
  }

  /** Write what is buffered; the load is complete. */
  finish(): void {
    this.close();
    this.facts.flush();
    this.references.flush();
    this.identifiers.flush();
  }

  /** The open fact when `statement` continues it, else a new one. */
  private factFor(statement: Statement): OpenFact {
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
    this.open = { id: this.nextId++, entityId, schema, source, locator, pairs: [] };
    return this.open;
  }

  private close(): void {
    const fact = this.open;
    if (!fact) return;
    const { facts, atoms } = this;
    facts.push(fact.id);
    facts.push(fact.entityId);
    facts.push(atoms.keyOf(fact.schema));
    facts.push(this.datasetKey);
    facts.push(atoms.keyOf(fact.source));
    facts.push(fact.locator);
    facts.push(JSON.stringify(fact.pairs));
    this.open = undefined;
  }

  private pushSide(table: BulkInsert, fact: number, prop: number, value: string): void {
    table.push(fact);
    table.push(prop);
    table.push(value);
  }
}
