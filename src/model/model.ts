/// <reference path="./followthemoney-es.d.ts" />
import {
  defaultModel,
  Model,
  type Property,
  type Schema,
} from "@opensanctions/followthemoney/dist/followthemoney.es.js";
import { SanctraceError } from "./errors.js";

/** The FollowTheMoney model shipped with `@opensanctions/followthemoney`. */
export const model: Model = new Model(defaultModel);

/**
 * Look up a schema by name, refusing unknown names with a coded error.
 * @example getSchema("Company").isA("LegalEntity") // true
 */
export function getSchema(name: string, path?: string): Schema {
  const schema = model.schemata[name];
  if (!schema) {
    throw new SanctraceError("ftm_unknown_schema", `unknown FtM schema "${name}"`, path);
  }
  return schema;
}

// schema -> property name -> Property (null: the schema has none), filled on first use.
const propertyCache = new Map<string, Map<string, Property | null>>();

/**
 * A property of a schema (inherited ones included), or undefined when it has none; cached,
 * as the model rebuilds its property maps on every call, too slow per statement.
 * @example findProperty("Person", "innCode")?.type.name // "identifier"
 */
export function findProperty(
  schemaName: string,
  prop: string,
  path?: string,
): Property | undefined {
  let props = propertyCache.get(schemaName);
  if (!props) {
    props = new Map();
    propertyCache.set(schemaName, props);
  }
  let property = props.get(prop);
  if (property === undefined) {
    property = getSchema(schemaName, path).getProperties().get(prop) ?? null;
    props.set(prop, property);
  }
  return property ?? undefined;
}

/**
 * Look up a property of a schema (inherited ones included), refusing unknown names.
 * @example getProperty("Person", "birthDate").type.name // "date"
 */
export function getProperty(schemaName: string, prop: string, path?: string): Property {
  const property = findProperty(schemaName, prop, path);
  if (!property) {
    throw new SanctraceError(
      "ftm_unknown_property",
      `schema ${schemaName} has no property "${prop}"`,
      path,
    );
  }
  return property;
}

/** True when `schema` is `parent` or inherits from it. */
export function isA(schema: string, parent: string): boolean {
  const found = model.schemata[schema];
  return found ? found.isA(parent) : false;
}

/**
 * The most specific schema two statements about one entity agree on.
 * @example commonSchema("LegalEntity", "Company") // "Company"
 */
export function commonSchema(left: string, right: string): string {
  if (left === right) return left;
  if (isA(left, right)) return left;
  if (isA(right, left)) return right;
  // Disagreeing branches (Person vs Company) fall back to their shared ancestor.
  const leftSchema = getSchema(left);
  const shared = leftSchema.getExtends().length
    ? [leftSchema, ...leftSchema.getParents()].find((candidate) => isA(right, candidate.name))
    : undefined;
  return shared?.name ?? "Thing";
}

/** The FtM type name (`name`, `identifier`, `entity`, `date`, ...) of a property. */
export function propertyType(schemaName: string, prop: string): string {
  return getProperty(schemaName, prop).type.name;
}

/** The properties that make up an entity's caption, in priority order. */
export function captionProperties(schemaName: string): string[] {
  const schema = getSchema(schemaName);
  return schema.caption.length ? schema.caption : ["name"];
}
