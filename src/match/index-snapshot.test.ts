import { describe, expect, it } from "vitest";
import type { EntityRecord } from "../model/index.js";
import { appendSnapshot, restoreIndex, snapshotEntities, snapshotIndex } from "./index-snapshot.js";
import { buildMatchIndex, InMemoryMatchIndex } from "./match-index.js";

const entities: EntityRecord[] = [
  ["putin", "Person", { name: ["Vladimir Vladimirovich Putin"], birthDate: ["1952-10-07"] }],
  ["takaichi", "Person", { name: ["Takaichi Sanae", "高市早苗"], address: ["Nara"] }],
  ["fund", "Company", { name: ["Capital Partners Fund VII"], innCode: ["7700000037"] }],
  ["abjad", "Person", { name: ["محمد عبد الله"] }],
].map(([id, schema, properties]) => ({
  id: id as string,
  schema: schema as string,
  caption: id as string,
  properties: properties as Record<string, string[]>,
  datasets: ["list"],
}));

const queries = [
  { schema: "Person", properties: { name: ["Putin Vladimir"], birthDate: ["1952"] } },
  { schema: "Person", properties: { name: ["高石早苗"] } },
  { schema: "Company", properties: { name: ["Capital Partners Fund VIII"] } },
  { schema: "Company", properties: { name: ["Fund VII"], innCode: ["7700000037"] } },
  { schema: "Person", properties: { name: ["Mohamed Abdallah"] } },
  { schema: "Person", properties: { name: ["Vladimir Putin Sanae"] } },
];

describe("restoreIndex", () => {
  it("restores a cloned snapshot that finds and scores exactly as the original", async () => {
    const index = await buildMatchIndex(entities);
    const copy = restoreIndex(structuredClone(snapshotIndex(index)));
    expect(copy.vocabulary.tokens).toEqual(index.vocabulary.tokens);
    expect(copy.vocabulary.kinds).toEqual(index.vocabulary.kinds);
    for (const query of queries) {
      expect(copy.search(query, { threshold: 0.5 })).toEqual(
        index.search(query, { threshold: 0.5 }),
      );
    }
  });

  it("sends workers only what scoring reads besides the indexed names", async () => {
    const snapshot = snapshotIndex(await buildMatchIndex(entities));
    expect(snapshot.entities.map((entity) => entity.properties)).toEqual([
      { birthDate: ["1952-10-07"] },
      { name: ["高市早苗"] },
      { innCode: ["7700000037"] },
      {},
    ]);
  });
});

describe("appendSnapshot", () => {
  const more: EntityRecord[] = [
    ["putin2", "Person", { name: ["Putin Vladimir"], alias: ["Путин Владимир Владимирович"] }],
    ["sanae", "Person", { name: ["Sanae Takaichi"] }],
    ["fund8", "Company", { name: ["Capital Partners Fund VIII LLC"] }],
  ].map(([id, schema, properties]) => ({
    id: id as string,
    schema: schema as string,
    caption: id as string,
    properties: properties as Record<string, string[]>,
    datasets: ["other"],
  }));

  it("merges snapshots of parts into the index that adding their entities in turn builds", async () => {
    const all = [...entities, ...more];
    const whole = await buildMatchIndex(all);
    const merged = new InMemoryMatchIndex();
    for (const part of [all.slice(0, 2), all.slice(2, 5), all.slice(5)]) {
      const snapshot = structuredClone(snapshotIndex(await buildMatchIndex(part), "whole"));
      appendSnapshot(merged, snapshot, () => true);
    }
    expect(merged.vocabulary.tokens).toEqual(whole.vocabulary.tokens);
    expect(merged.vocabulary.kinds).toEqual(whole.vocabulary.kinds);
    expect(merged.entities).toEqual(whole.entities);
    expect(merged.rowTokens.slice(0, merged.tokenCount)).toEqual(
      whole.rowTokens.slice(0, whole.tokenCount),
    );
    for (const query of queries) {
      expect(merged.search(query, { threshold: 0.5 })).toEqual(
        whole.search(query, { threshold: 0.5 }),
      );
    }
  });

  it("adds only the entities taken, and only the tokens their rows use", async () => {
    const merged = new InMemoryMatchIndex();
    const snapshot = snapshotIndex(await buildMatchIndex([...entities, ...more]), "whole");
    appendSnapshot(merged, snapshot, (entity) => entity.schema === "Company");
    const companies = [...entities, ...more].filter((entity) => entity.schema === "Company");
    const expected = await buildMatchIndex(companies);
    expect(merged.entities.map((entity) => entity.id)).toEqual(["fund", "fund8"]);
    expect(merged.vocabulary.tokens).toEqual(expected.vocabulary.tokens);
  });
});

describe("snapshotEntities", () => {
  it("gives a range of entities as an index of them alone gives them", async () => {
    const firms = ["Kupol JSC", "OOO Vektor", "Sichuan AEE Co., Ltd."].map((name, n) => ({
      id: `firm${n}`,
      schema: "Company",
      caption: name,
      properties: { name: [name] },
      datasets: ["b"],
    }));
    const all = [...entities, ...firms, ...entities.map((e) => ({ ...e, id: `${e.id}-2` }))];
    expect((await buildMatchIndex(firms)).rowForms.size).toBeGreaterThan(0);
    const index = await buildMatchIndex(all);
    for (const [from, to] of [
      [0, 3],
      [2, 7],
      [5, 11],
      [11, 11],
    ] as const) {
      const alone = snapshotIndex(await buildMatchIndex(all.slice(from, to)), "whole");
      expect(snapshotEntities(index, from, to)).toEqual(alone);
    }
  });
});
