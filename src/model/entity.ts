import { SanctraceError } from "./errors.js";
import { captionProperties, commonSchema, getProperty, getSchema } from "./model.js";
import type { EntityRecord, FtmEntity, Locator, Statement } from "./statement.js";

// Whitespace other than a space, or two in a row: only then is there anything to collapse.
const UNEVEN_SPACE = /[^\S ]|\s\s/;

/** Collapse runs of whitespace to one space and trim; most values need neither. */
function normalizeSpace(value: string): string {
  return (UNEVEN_SPACE.test(value) ? value.replace(/\s+/g, " ") : value).trim();
}

/** What every statement a builder emits shares. */
export interface BuilderContext {
  dataset: string;
  source: string;
}

/**
 * Collects validated statements for one entity. Values are trimmed, empty ones dropped and
 * duplicates (same prop, value and locator) kept once.
 * @example
 * const company = new EntityBuilder("Company", "ofac-1", { dataset: "us_ofac_sdn", source });
 * company.add("name", "Kupol", "row:4");
 * company.statements; // [{ entityId: "ofac-1", prop: "name", value: "Kupol", ... }]
 */
export class EntityBuilder {
  readonly statements: Statement[] = [];
  private readonly seen = new Set<string>();
  schema: string;

  constructor(
    schema: string,
    readonly id: string,
    private readonly context: BuilderContext,
  ) {
    this.schema = getSchema(schema).name;
  }

  /** Add a value; unknown properties throw `ftm_unknown_property`. */
  add(prop: string, value: string | number | null | undefined, locator: Locator): this {
    if (value === null || value === undefined) return this;
    const text = normalizeSpace(typeof value === "string" ? value : String(value));
    if (!text) return this;
    getProperty(this.schema, prop, this.id);
    const key = `${prop}\u0000${text}\u0000${locator}`;
    if (this.seen.has(key)) return this;
    this.seen.add(key);
    const { dataset, source } = this.context;
    this.statements.push({
      entityId: this.id,
      schema: this.schema,
      prop,
      value: text,
      locator,
      dataset,
      source,
    });
    return this;
  }

  /** Narrow the schema (LegalEntity -> Company) once more is known; statements follow. */
  setSchema(schema: string): this {
    this.schema = commonSchema(this.schema, getSchema(schema).name);
    for (const statement of this.statements) statement.schema = this.schema;
    return this;
  }

  has(prop: string): boolean {
    return this.statements.some((statement) => statement.prop === prop);
  }
}

/**
 * Fold the statements of one entity into its FtM view.
 * @example foldStatements(statements).properties.innCode // ["1831083343"]
 */
export function foldStatements(statements: readonly Statement[]): EntityRecord {
  const first = statements[0];
  if (!first) throw new SanctraceError("entity_empty", "an entity needs at least one statement");
  let schema = first.schema;
  const properties: Record<string, string[]> = {};
  const datasets = new Set<string>();
  for (const statement of statements) {
    schema = commonSchema(schema, statement.schema);
    datasets.add(statement.dataset);
    const values = properties[statement.prop];
    if (!values) properties[statement.prop] = [statement.value];
    else if (!values.includes(statement.value)) values.push(statement.value);
  }
  const record = { id: first.entityId, schema, properties, datasets: [...datasets].sort() };
  return { ...record, caption: pickCaption(record) };
}

/** The display name of an entity: the first value of its schema's caption properties. */
export function pickCaption(entity: Pick<FtmEntity, "id" | "schema" | "properties">): string {
  for (const prop of captionProperties(entity.schema)) {
    const value = entity.properties[prop]?.[0];
    if (value) return value;
  }
  return entity.id;
}

/** The FtM JSON form of an entity record. */
export function toFtm(entity: EntityRecord): FtmEntity {
  return {
    id: entity.id,
    schema: entity.schema,
    caption: entity.caption,
    properties: entity.properties,
    datasets: entity.datasets,
  };
}
