import {
  type EntityRecord,
  getProperty,
  getSchema,
  isA,
  propertyType,
  type Statement,
} from "../model/index.js";
import type { Store } from "../store/index.js";
import { citeStatement, createSourceNamer, type SourceNamer } from "./citations.js";
import { describeRelations, type LinkedEntity, loadLinked } from "./relations.js";
import { collectTimeline } from "./timeline.js";
import type { EntityPage, PropertyValue, ReviewHit, RiskReason, SanctionView } from "./types.js";

/** What other stages know about an entity, added to its page by the caller. */
export interface EntityPageExtras {
  hits?: ReviewHit[];
  risk?: RiskReason[];
}

async function groupValues(statements: Statement[], nameOf: SourceNamer): Promise<PropertyValue[]> {
  const values = new Map<string, PropertyValue>();
  for (const statement of statements) {
    const key = `${statement.prop}\u0000${statement.value}`;
    let value = values.get(key);
    if (!value) {
      const property = getProperty(statement.schema, statement.prop);
      value = {
        prop: statement.prop,
        label: property.label,
        type: property.type.name,
        value: statement.value,
        citations: [],
      };
      values.set(key, value);
    }
    value.citations.push(await citeStatement(statement, nameOf));
  }
  return [...values.values()];
}

async function describeSanction(linked: LinkedEntity, nameOf: SourceNamer): Promise<SanctionView> {
  const { entity, statements } = linked;
  const values = (prop: string) => entity.properties[prop] ?? [];
  const citations = await Promise.all(
    statements.filter((s) => s.prop === "entity").map((s) => citeStatement(s, nameOf)),
  );
  return {
    id: entity.id,
    authority: values("authority"),
    program: values("program"),
    reason: values("reason"),
    listingDate: values("listingDate").length ? values("listingDate") : values("startDate"),
    datasets: entity.datasets,
    citations,
  };
}

/** True when a Sanction names the entity or its topics say it is sanctioned. */
export function isSanctioned(entity: EntityRecord, linked: LinkedEntity[]): boolean {
  const topics = entity.properties.topics ?? [];
  return (
    topics.some((topic) => topic.startsWith("sanction")) ||
    linked.some((link) => isA(link.entity.schema, "Sanction"))
  );
}

/**
 * Everything the workbench shows about an entity: each property value with its citations,
 * sanctions, relations, a timeline of dated events, and the hits and risk reasons the caller
 * passes in.
 * @example const page = await buildEntityPage(store, "ofac-46431");
 */
export async function buildEntityPage(
  store: Store,
  id: string,
  extras: EntityPageExtras = {},
  nameOf: SourceNamer = createSourceNamer(store),
): Promise<EntityPage | undefined> {
  const statements = await store.getStatements(id);
  const entity = await store.getEntity(id);
  if (!entity) return undefined;
  const linked = await loadLinked(store, id);
  const sanctions = linked.filter((link) => isA(link.entity.schema, "Sanction"));
  const others = linked.filter((link) => !isA(link.entity.schema, "Sanction"));
  const own = statements.filter((s) => propertyType(s.schema, s.prop) !== "entity");
  return {
    id: entity.id,
    schema: entity.schema,
    caption: entity.caption,
    datasets: entity.datasets,
    sanctioned: isSanctioned(entity, linked),
    properties: await groupValues(own, nameOf),
    sanctions: await Promise.all(sanctions.map((link) => describeSanction(link, nameOf))),
    relations: await describeRelations(store, entity, others),
    timeline: await collectTimeline(entity, statements, linked, nameOf),
    hits: extras.hits ?? [],
    risk: extras.risk ?? [],
  };
}

/** The schema's label, for headings. */
export function schemaLabel(schema: string): string {
  return getSchema(schema).label;
}
