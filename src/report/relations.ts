import {
  type EntityRecord,
  foldStatements,
  getSchema,
  propertyType,
  type Statement,
} from "../model/index.js";
import type { Store } from "../store/index.js";
import type { EntityRef, RelationView } from "./types.js";

/** An entity that references the subject (a sanction, an ownership, a shipment...). */
export interface LinkedEntity {
  entity: EntityRecord;
  statements: Statement[];
  /** The property of `entity` whose value is the subject's id. */
  via: string;
}

/**
 * Every entity that references `id`, with its statements.
 * @example (await loadLinked(store, "ofac-1")).map((link) => link.entity.schema) // ["Sanction"]
 */
export async function loadLinked(store: Store, id: string): Promise<LinkedEntity[]> {
  const linked = new Map<string, LinkedEntity>();
  for (const reference of await store.getReferences(id)) {
    if (linked.has(reference.entityId) || reference.entityId === id) continue;
    const statements = await store.getStatements(reference.entityId);
    if (!statements.length) continue;
    const entity = foldStatements(statements);
    linked.set(entity.id, { entity, statements, via: reference.prop });
  }
  return [...linked.values()];
}

/** The two ends of an FtM edge schema, with EconomicActivity's sender -> receiver added. */
export function edgeEnds(schema: string): { source: string; target: string } | undefined {
  const edge = getSchema(schema).edge;
  if (edge?.source && edge.target) return { source: edge.source, target: edge.target };
  if (schema === "EconomicActivity") return { source: "sender", target: "receiver" };
  return undefined;
}

/** The first date an entity states, preferring `date` then `startDate`. */
export function firstDate(entity: EntityRecord): string | null {
  const props = ["date", "startDate", "listingDate", "incorporationDate"];
  for (const prop of props) {
    const value = entity.properties[prop]?.[0];
    if (value) return value;
  }
  return null;
}

async function refOf(store: Store, id: string | undefined): Promise<EntityRef | undefined> {
  if (!id) return undefined;
  const entity = await store.getEntity(id);
  return entity && { id: entity.id, caption: entity.caption, schema: entity.schema };
}

function detailOf(entity: EntityRecord): string {
  const props = ["percentage", "role", "amount", "currency", "goodsDescription", "vedCode"];
  return props
    .flatMap((prop) => entity.properties[prop] ?? [])
    .join(" · ")
    .slice(0, 300);
}

async function describeOne(store: Store, link: LinkedEntity): Promise<RelationView> {
  const { entity, via } = link;
  const schema = getSchema(entity.schema);
  const ends = edgeEnds(entity.schema);
  let other: EntityRef | undefined;
  let direction: RelationView["direction"] = "in";
  if (ends && (via === ends.source || via === ends.target)) {
    direction = via === ends.source ? "out" : "in";
    const otherProp = via === ends.source ? ends.target : ends.source;
    other = await refOf(store, entity.properties[otherProp]?.[0]);
  }
  return {
    id: entity.id,
    schema: entity.schema,
    label: ends ? (schema.edge?.label ?? schema.label) : `${schema.label} (${via})`,
    direction,
    other: other ?? { id: entity.id, caption: entity.caption, schema: entity.schema },
    date: firstDate(entity),
    detail: detailOf(entity),
  };
}

/**
 * The subject's relations: each edge entity with the entity at its other end, each other
 * referencing entity as itself, and the subject's own references out.
 * @example await describeRelations(store, company, linked) // [{ label: "owns", other }, ...]
 */
export async function describeRelations(
  store: Store,
  subject: EntityRecord,
  linked: LinkedEntity[],
): Promise<RelationView[]> {
  const relations = await Promise.all(linked.map((link) => describeOne(store, link)));
  for (const [prop, values] of Object.entries(subject.properties)) {
    if (propertyType(subject.schema, prop) !== "entity") continue;
    for (const value of values) {
      const other = await refOf(store, value);
      if (!other) continue;
      const label = `${getSchema(subject.schema).getProperties().get(prop)?.label ?? prop}`;
      relations.push({
        id: subject.id,
        schema: subject.schema,
        label,
        direction: "out",
        other,
        date: firstDate(subject),
        detail: "",
      });
    }
  }
  return relations;
}
