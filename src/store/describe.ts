import { type EntityRecord, foldStatements, propertyType, type Statement } from "../model/index.js";
import type { Store } from "./store.js";

export interface StatementView {
  prop: string;
  value: string;
  dataset: string;
  /** sha256 of the source file. */
  source: string;
  source_name: string | undefined;
  locator: string;
}

export interface LinkedEntity {
  id: string;
  schema: string;
  caption: string;
  /** The property of the linking entity (`entity`, `subject`, `owner`, ...). */
  via: string;
  direction: "in" | "out";
}

export interface EntityView extends EntityRecord {
  statements: StatementView[];
  linked: LinkedEntity[];
}

async function viewStatements(store: Store, statements: Statement[]): Promise<StatementView[]> {
  const names = new Map<string, string | undefined>();
  for (const statement of statements) {
    if (!names.has(statement.source)) {
      names.set(statement.source, (await store.getSource(statement.source))?.name);
    }
  }
  return statements.map((s) => ({
    prop: s.prop,
    value: s.value,
    dataset: s.dataset,
    source: s.source,
    source_name: names.get(s.source),
    locator: s.locator,
  }));
}

/**
 * An entity with every statement and its provenance, and the entities linked to it either
 * way (sanctions, links, ownerships, mentions).
 * @example const view = await describeEntity(store, "ofac-46431");
 */
export async function describeEntity(store: Store, id: string): Promise<EntityView | undefined> {
  const statements = await store.getStatements(id);
  if (!statements.length) return undefined;
  const entity = foldStatements(statements);
  const linked: LinkedEntity[] = [];
  const seen = new Set<string>();
  const addLink = async (otherId: string, via: string, direction: "in" | "out") => {
    const key = `${otherId}|${via}|${direction}`;
    if (otherId === id || seen.has(key)) return;
    seen.add(key);
    const other = await store.getEntity(otherId);
    if (other)
      linked.push({ id: other.id, schema: other.schema, caption: other.caption, via, direction });
  };
  for (const reference of await store.getReferences(id)) {
    await addLink(reference.entityId, reference.prop, "in");
  }
  for (const statement of statements) {
    if (propertyType(statement.schema, statement.prop) === "entity") {
      await addLink(statement.value, statement.prop, "out");
    }
  }
  return { ...entity, statements: await viewStatements(store, statements), linked };
}
