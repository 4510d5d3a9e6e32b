import type { EntityRecord } from "../model/index.js";
import type { Store } from "../store/index.js";
import type { ApiEntity } from "./types.js";

/** True when a sanction names one of the ids, or the entity carries a sanction topic. */
export async function isTarget(
  store: Store,
  entity: EntityRecord,
  referents: string[],
): Promise<boolean> {
  if (entity.properties.topics?.some((topic) => topic.startsWith("sanction"))) return true;
  for (const id of referents) {
    const references = await store.getReferences(id);
    if (references.some((s) => s.schema === "Sanction" && s.prop === "entity")) return true;
  }
  return false;
}

/** The API view of a (possibly merged) entity record. */
export async function toApiEntity(
  store: Store,
  entity: EntityRecord,
  referents: string[],
): Promise<ApiEntity> {
  const { id, caption, schema, properties, datasets } = entity;
  const target = await isTarget(store, entity, referents);
  return { id, caption, schema, properties, datasets, referents, target };
}
