import { type EntityRecord, getProperty, getSchema, type Statement } from "../model/index.js";
import { citeStatement, type SourceNamer } from "./citations.js";
import type { LinkedEntity } from "./relations.js";
import type { TimelineEvent } from "./types.js";

/** Bookkeeping dates that say when a record was fetched, not when something happened. */
const CLERICAL = new Set(["modifiedAt", "retrievedAt", "createdAt", "publishedAt"]);

async function eventsOf(
  entity: EntityRecord,
  statements: Statement[],
  nameOf: SourceNamer,
  prefix: string,
): Promise<TimelineEvent[]> {
  const events: TimelineEvent[] = [];
  const ref = { id: entity.id, caption: entity.caption, schema: entity.schema };
  for (const statement of statements) {
    const property = getProperty(statement.schema, statement.prop);
    if (property.type.name !== "date" || CLERICAL.has(statement.prop)) continue;
    events.push({
      date: statement.value,
      label: `${prefix}${property.label}`,
      entity: ref,
      citation: await citeStatement(statement, nameOf),
    });
  }
  return events;
}

/**
 * Dated events of an entity and of what references it (sanctions, shipments, payments,
 * ownerships), oldest first, each cited.
 * @example await collectTimeline(entity, statements, linked, nameOf) // [{ date, label, ... }]
 */
export async function collectTimeline(
  entity: EntityRecord,
  statements: Statement[],
  linked: LinkedEntity[],
  nameOf: SourceNamer,
): Promise<TimelineEvent[]> {
  const events = await eventsOf(entity, statements, nameOf, "");
  for (const link of linked) {
    const prefix = `${getSchema(link.entity.schema).label}: `;
    events.push(...(await eventsOf(link.entity, link.statements, nameOf, prefix)));
  }
  const seen = new Set<string>();
  return events
    .filter((event) => {
      const key = `${event.date}|${event.label}|${event.entity.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}
