import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEntities } from "../../test/helpers/api-fixture.js";
import { tempDir } from "../../test/helpers/cli.js";
import { inventName, seededRandom } from "../../test/helpers/invented-names.js";
import { judgePair, WarmPool } from "../match/index.js";
import { SqliteStore } from "../store/index.js";
import { createApp } from "./app.js";
import { startServer } from "./server.js";

const SYLLABLES = "al,an,ar,ba,bo,da,de,el,ga,ha,in,ka,ko,la,li,ma,mi,na,no,ov,ra,sa,ta,va".split(
  ",",
);

/** A list of invented people and companies; the queries: their names with a typo, and strangers. */
async function workspace(count: number, queries: number) {
  const store = new SqliteStore(join(tempDir(), "w.db"));
  const next = seededRandom(5);
  const names = Array.from({ length: count }, () => inventName(next, SYLLABLES));
  await loadEntities(
    store,
    "list",
    names.map((name, i) => [
      `l-${i}`,
      i % 2 ? "Person" : "Company",
      { name, country: i % 3 ? "ru" : "cn" },
    ]),
  );
  const batch = Object.fromEntries(
    Array.from({ length: queries }, (_, i) => {
      const listed = names[Math.floor(next() * count)]!;
      const at = Math.floor(next() * listed.length);
      const name =
        i % 4 === 3 ? inventName(next, SYLLABLES) : listed.slice(0, at) + listed.slice(at + 1);
      const query = {
        ...(i % 2 ? { id: `l-${i}` } : {}),
        schema: "LegalEntity",
        properties: { name },
      };
      return [`q${i}`, query];
    }),
  );
  return { store, batch };
}

describe("POST /match with a worker pool", () => {
  it("answers a large batch from the workers exactly as in-thread, judgements applied", async () => {
    const { store, batch } = await workspace(1500, 300);
    const pool = new WarmPool(2);
    const server = await startServer({ store, host: "127.0.0.1", port: 0, pool });
    const inThread = createApp({ store });
    const match = async (path: string, body: unknown) => {
      const init = {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      };
      const here = await (await inThread.request(path, init)).json();
      const served = await (await fetch(`${server.url}${path}`, init)).json();
      return { here, served };
    };
    // The first large batch starts the workers and is answered here meanwhile.
    const first = await match("/match/default?limit=3", { queries: batch });
    expect(pool.searched).toBe(0);
    await pool.settled();
    const pooled = await match("/match/default?limit=3", { queries: batch });
    expect(pool.searched).toBe(4);
    expect(pooled.served).toEqual(pooled.here);
    expect(pooled.served).toEqual(first.here);
    const responses = Object.values(
      (pooled.here as { responses: Record<string, { results: { match: boolean }[] }> }).responses,
    );
    expect(responses).toHaveLength(300);
    expect(responses.flatMap((r) => r.results).filter((hit) => hit.match).length).toBeGreaterThan(
      150,
    );
    // A small batch stays in this thread.
    const small = Object.fromEntries(Object.entries(batch).slice(0, 10));
    const few = await match("/match/default", { queries: small });
    expect(few.served).toEqual(few.here);
    expect(pool.searched).toBe(4);
    // New judgements reach the workers before they answer again: a query's best hit judged
    // apart from it, another's two best merged.
    type Body = {
      responses: Record<string, { query: { id?: string }; results: { id: string }[] }>;
    };
    const answered = Object.values((pooled.here as Body).responses);
    const apart = answered.find((r) => r.query.id && r.results.length)!;
    const merged = answered.find((r) => r !== apart && r.results.length > 1)!;
    await judgePair(store, {
      left: apart.query.id!,
      right: apart.results[0]!.id,
      judgement: "negative",
    });
    const [left, right] = merged.results;
    await judgePair(store, { left: left!.id, right: right!.id, judgement: "positive" });
    await match("/match/default?limit=3", { queries: batch });
    await pool.settled();
    const judged = await match("/match/default?limit=3", { queries: batch });
    expect(pool.searched).toBe(8);
    expect(judged.served).toEqual(judged.here);
    expect(judged.here).not.toEqual(pooled.here);
    await server.close();
    await pool.close();
    await store.close();
  });
});
