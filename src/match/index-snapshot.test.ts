import { describe, expect, it } from "vitest";
import type { EntityRecord } from "../model/index.js";
import { restoreIndex, snapshotIndex } from "./index-snapshot.js";
import { buildMatchIndex } from "./match-index.js";

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

describe("restoreIndex", () => {
  it("restores a cloned snapshot that finds and scores exactly as the original", async () => {
    const index = await buildMatchIndex(entities);
    const copy = restoreIndex(structuredClone(snapshotIndex(index)));
    expect(copy.vocabulary.tokens).toEqual(index.vocabulary.tokens);
    expect(copy.vocabulary.kinds).toEqual(index.vocabulary.kinds);
    const queries = [
      { schema: "Person", properties: { name: ["Putin Vladimir"], birthDate: ["1952"] } },
      { schema: "Person", properties: { name: ["高石早苗"] } },
      { schema: "Company", properties: { name: ["Capital Partners Fund VIII"] } },
      { schema: "Company", properties: { name: ["Fund VII"], innCode: ["7700000037"] } },
      { schema: "Person", properties: { name: ["Mohamed Abdallah"] } },
    ];
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
