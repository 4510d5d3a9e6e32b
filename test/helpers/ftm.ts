import { EntityBuilder, type FtmEntity, sha256 } from "../../src/model/index.js";
import type { DatasetLoad, Store } from "../../src/store/index.js";

/** FtM JSON lines text of entities, as a loader would read them. */
export function ftmLines(entities: FtmEntity[]): string {
  return `${entities.map((entity) => JSON.stringify(entity)).join("\n")}\n`;
}

/**
 * Load entities into a dataset directly through the store, each statement located at
 * `line:N` of the FtM JSON lines text; returns that text's sha256 (the statements' source).
 */
export async function loadEntities(
  store: Store,
  dataset: string,
  kind: DatasetLoad["kind"],
  entities: FtmEntity[],
): Promise<string> {
  const text = ftmLines(entities);
  const source = sha256(text);
  const statements = entities.flatMap((entity, index) => {
    const builder = new EntityBuilder(entity.schema, entity.id, { dataset, source });
    for (const [prop, values] of Object.entries(entity.properties)) {
      for (const value of values) builder.add(prop, value, `line:${index + 1}`);
    }
    return builder.statements;
  });
  async function* batches() {
    yield statements;
  }
  const sources = [{ name: `${dataset}.ftm.json`, sha256: source, size: text.length }];
  await store.replaceDataset({ name: dataset, title: dataset, kind, sources }, batches());
  return source;
}

/** Shorthand for an FtM entity in tests. */
export function entity(
  schema: string,
  id: string,
  properties: Record<string, string | string[]>,
): FtmEntity {
  return {
    id,
    schema,
    properties: Object.fromEntries(
      Object.entries(properties).map(([prop, value]) => [
        prop,
        Array.isArray(value) ? value : [value],
      ]),
    ),
  };
}
