import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../src/api/index.js";
import { EntityBuilder, type Statement } from "../../src/model/index.js";
import { SqliteStore, type Store } from "../../src/store/index.js";

type Entity = [id: string, schema: string, properties: Record<string, string | string[]>];

/** Load entities as one dataset, each statement at `line:N` of a made-up file. */
export async function loadEntities(store: Store, dataset: string, entities: Entity[]) {
  const source = dataset.padEnd(64, "0").slice(0, 64);
  const statements: Statement[] = entities.flatMap(([id, schema, properties], line) => {
    const builder = new EntityBuilder(schema, id, { dataset, source });
    for (const [prop, values] of Object.entries(properties)) {
      for (const value of [values].flat()) builder.add(prop, value, `line:${line + 1}`);
    }
    return builder.statements;
  });
  const load = {
    name: dataset,
    title: dataset.toUpperCase(),
    kind: "list" as const,
    sources: [{ name: `${dataset}.json`, sha256: source, size: 1 }],
  };
  await store.replaceDataset(
    load,
    (async function* () {
      yield statements;
    })(),
  );
}

/** A workspace with two small lists and the API over it. */
export async function createFixture() {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), "api-")), "w.db"));
  await loadEntities(store, "sdn", [
    ["sdn-1", "Company", { name: ["Kupol JSC", "АО Купол"], country: "ru", innCode: "1831083343" }],
    [
      "sdn-2",
      "Person",
      { name: "Ivan Ivanovich Petrov", birthDate: "1970-03-01", nationality: "ru" },
    ],
    ["sdn-s1", "Sanction", { entity: "sdn-1", authority: "OFAC", program: "RUSSIA-EO14024" }],
  ]);
  await loadEntities(store, "uk", [
    ["uk-1", "Company", { name: "Kupol", country: "ru", topics: "sanction" }],
  ]);
  const errors: unknown[] = [];
  const app = createApp({ store, log: (error) => errors.push(error) });
  return { store, app, errors };
}
