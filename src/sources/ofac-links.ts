import { EntityBuilder, type Statement } from "../model/index.js";
import type { StatementBatcher } from "./batcher.js";
import { hasProperty } from "./identifiers.js";
import { builderContext, nameKey, type OfacList } from "./ofac-files.js";

/**
 * A vessel's owner: the entry of that name, else a legal entity known only by the name.
 * @example readOwner(list, "ofac-15092", "NITC", "row:3") // Vessel.owner -> ofac-…
 */
function readOwner(list: OfacList, id: string, owner: string, locator: string): Statement[] {
  const context = builderContext(list, list.files.get("primary")!);
  const schema = list.schemata.get(id.slice(list.prefix.length + 1))!;
  if (!hasProperty(schema, "owner")) return [];
  const known = list.names.get(nameKey(owner));
  const stub = known ? undefined : new EntityBuilder("LegalEntity", `${id}-owner`, context);
  stub?.add("name", owner, locator);
  const vessel = new EntityBuilder(schema, id, context).add("owner", known ?? stub?.id, locator);
  return [...vessel.statements, ...(stub?.statements ?? [])];
}

/**
 * "Linked To:" names that name another entry of the list, and vessel owners, once every
 * entry and alias is known.
 * @example yield* readOfacLinks(list, batcher);
 */
export function* readOfacLinks(list: OfacList, batcher: StatementBatcher) {
  const context = builderContext(list, list.files.get("primary")!);
  for (const { id, target, row, owner } of list.links) {
    const locator = `row:${row}`;
    if (owner) {
      yield* batcher.add(readOwner(list, id, target, locator));
      continue;
    }
    const targetId = list.names.get(nameKey(target));
    if (!targetId || targetId === id) continue;
    const link = new EntityBuilder("UnknownLink", `${id}-link-${targetId}`, context);
    link
      .add("subject", id, locator)
      .add("object", targetId, locator)
      .add("role", "Linked To", locator);
    yield* batcher.add(link.statements);
  }
}
