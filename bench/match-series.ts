/**
 * Matching in a series: names that differ only in a number (Receiver 1 LLC … Receiver 19999
 * LLC, Shenzhen Sender 1 Technology Co. Ltd. …), as a workspace holds after a customs ingest.
 * The scorer pairs leftover numbers at similarity 0 (a fund series), so every name of a series
 * is a candidate of every query of it, and the search must stop after the best few. Queries
 * as ingest resolves parties (limit 3, threshold 0.7), without and with an INN; medians of 5
 * rounds of 500 queries, beside a baseline in the same run: scoring every entity of the index
 * (brute force) for the first 20 queries.
 *
 *   node --import tsx bench/match-series.ts [ENTITIES]
 */
import { bruteForceMatch } from "../src/match/brute-force.js";
import { buildMatchIndex } from "../src/match/index.js";
import type { EntityRecord } from "../src/model/index.js";
import { median, time } from "./timing.js";

const entities = Number(process.argv[2] ?? 24_000);
const senders = Math.floor(entities / 6);

function inn(index: number): string {
  return String(7700000000 + index * 7919).slice(0, 10);
}

/** A receiver's or a sender's name; ids in another order than the entities'. */
function entity(index: number): EntityRecord {
  const sender = index < senders;
  const name = sender
    ? `Shenzhen Sender ${index} Technology Co. Ltd.`
    : `Receiver ${index - senders} LLC`;
  const properties: Record<string, string[]> = { name: [name] };
  if (!sender) properties.innCode = [inn(index - senders)];
  const id = `e${((index * 2654435761) >>> 0).toString(16)}`;
  return { id, schema: "Company", caption: name, properties, datasets: ["series"] };
}

const records = Array.from({ length: entities }, (_, index) => entity(index));
const queries = {
  "receiver, name only": (n: number) => ({ name: [`Receiver ${(n * 37) % 1000} LLC`] }),
  "receiver with its INN": (n: number) => ({
    name: [`Receiver ${(n * 37) % 1000} LLC`],
    innCode: [inn((n * 37) % 1000)],
  }),
  sender: (n: number) => ({ name: [`Shenzhen Sender ${(n * 13) % senders} Technology Co. Ltd.`] }),
};

const built = await time(() => buildMatchIndex(records));
const index = await buildMatchIndex(records);
console.log(`${entities} entities (${senders} senders), index built in ${built.wall.toFixed(2)} s`);
const rows: Record<string, string>[] = [];
for (const [label, make] of Object.entries(queries)) {
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const { cpu } = await time(() => {
      for (let n = 0; n < 500; n++) {
        index.match({ schema: "Company", properties: make(n) }, { threshold: 0.7, limit: 3 });
      }
    });
    rounds.push((cpu / 500) * 1000);
  }
  const brute = await time(() => {
    for (let n = 0; n < 20; n++) {
      bruteForceMatch(records, { schema: "Company", properties: make(n) }, 0.7);
    }
  });
  const indexMs = median(rounds);
  const bruteMs = (brute.cpu / 20) * 1000;
  rows.push({
    queries: label,
    "index ms/query (CPU, median)": indexMs.toFixed(3),
    "brute force ms/query (CPU)": bruteMs.toFixed(1),
    "brute / index": (bruteMs / indexMs).toFixed(0),
  });
}
console.table(rows);
