import { commonSchema, type EntityRecord, pickCaption } from "../model/index.js";
import { describeEntity, type EntityView, type StatementView, type Store } from "../store/index.js";
import type { Resolver } from "./resolver.js";

/** A statement of a merged entity, naming which referent it was said about. */
export interface CanonicalStatementView extends StatementView {
  entity_id: string;
}

/** An entity as the analyst sees it: every positively judged referent merged into one. */
export interface CanonicalView extends Omit<EntityView, "statements"> {
  /** The ids merged into this entity (the canonical id included), sorted. */
  referents: string[];
  statements: CanonicalStatementView[];
}

/**
 * Merge several records of one real-world entity: properties and datasets are unioned, the
 * schema is the most specific one they agree on.
 * @example mergeRecords("a", [a, b]).properties.name // names of a, then new names of b
 */
export function mergeRecords(id: string, records: readonly EntityRecord[]): EntityRecord {
  let schema = records[0]?.schema ?? "Thing";
  const properties: Record<string, string[]> = {};
  const datasets = new Set<string>();
  for (const record of records) {
    schema = commonSchema(schema, record.schema);
    for (const dataset of record.datasets) datasets.add(dataset);
    for (const [prop, values] of Object.entries(record.properties)) {
      const merged = properties[prop] ?? [];
      for (const value of values) if (!merged.includes(value)) merged.push(value);
      properties[prop] = merged;
    }
  }
  const merged = { id, schema, properties, datasets: [...datasets].sort() };
  return { ...merged, caption: pickCaption(merged) };
}

/**
 * Describe an entity with its judgements applied: the canonical entity of its cluster, its
 * statements (tagged with the referent they are about) and links from every referent.
 * Undefined when no referent is in the store.
 * @example (await describeCanonical(store, resolver, "case-7"))?.referents // ["case-7", "ofac-1"]
 */
export async function describeCanonical(
  store: Store,
  resolver: Resolver,
  id: string,
): Promise<CanonicalView | undefined> {
  const referents = resolver.referents(id);
  const views: EntityView[] = [];
  for (const referent of referents) {
    const view = await describeEntity(store, referent);
    if (view) views.push(view);
  }
  if (!views.length) return undefined;
  const canonicalId = resolver.canonicalId(id);
  const merged = mergeRecords(canonicalId, views);
  const seen = new Set<string>();
  const linked = views
    .flatMap((view) => view.linked)
    .filter((link) => !referents.includes(link.id))
    .filter((link) => {
      const key = `${link.id}|${link.via}|${link.direction}`;
      return !seen.has(key) && seen.add(key);
    });
  const statements = views.flatMap((view) =>
    view.statements.map((statement) => ({ entity_id: view.id, ...statement })),
  );
  return { ...merged, referents, statements, linked };
}
