import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EntityRecord } from "../model/index.js";
import { bruteForceMatch } from "./brute-force.js";
import { buildMatchIndex, type InMemoryMatchIndex } from "./match-index.js";
import type { MatchQuery } from "./types.js";

/** The hits at or above the threshold, as brute force gives them. */
function matched(index: InMemoryMatchIndex, query: MatchQuery, threshold: number, limit: number) {
  return index
    .match(query, { threshold, limit })
    .filter((hit) => hit.match)
    .map(({ id, score }) => ({ id, score }));
}

const SYLLABLES = [
  "al",
  "ex",
  "an",
  "der",
  "ser",
  "gei",
  "pu",
  "tin",
  "vla",
  "di",
  "mir",
  "ko",
  "va",
  "lev",
  "ich",
  "ov",
  "sha",
  "che",
  "kho",
  "zhu",
  "ya",
  "yu",
  "mo",
  "ham",
  "med",
  "ali",
  "ba",
  "rak",
  "ro",
  "man",
  "in",
  "vest",
  "tek",
  "nik",
  "a",
  "o",
  "i",
  "e",
];
const syllable = fc.constantFrom(...SYLLABLES);
const token = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join("")),
  },
  { weight: 1, arbitrary: fc.constantFrom("v", "a", "m", "k") },
  { weight: 1, arbitrary: fc.constantFrom("ooo", "llc", "ltd", "company", "2", "iii") },
  // Numbers pair only with numbers, leftover ones at similarity 0 (Receiver 37, Receiver 38).
  { weight: 2, arbitrary: fc.constantFrom("7", "37", "38", "1234", "v", "x") },
);
/** Register numbers from a small pool: equal (a match) or different (a conflict), or none. */
const inn = fc.constantFrom(undefined, undefined, "7700000037", "7700000038", "7700001234");
const name = fc.array(token, { minLength: 1, maxLength: 4 }).map((tokens) => tokens.join(" "));

/**
 * A query near a name: a typo, a dropped or swapped word, a romanization change, two words
 * run together or one split (caught by the joined-name keys), an extra word.
 */
function perturb(text: string, choice: number, position: number): string {
  const at = position % Math.max(1, text.length);
  const words = text.split(" ");
  switch (choice) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return `${text.slice(0, at)}y${text.slice(at)}`;
    case 2:
      return `${text.slice(0, at)}${text[at + 1] ?? ""}${text[at] ?? ""}${text.slice(at + 2)}`;
    case 3:
      return words.length > 1 ? words.filter((_, i) => i !== at % words.length).join(" ") : text;
    case 4:
      return [...words].reverse().join(" ");
    case 5:
      return text.replace(/kh/g, "h").replace(/ya/g, "ia").replace(/zh/g, "j");
    case 6:
      return words.length > 1 ? text.replace(" ", "") : text;
    case 7:
      return at > 0 && at < text.length - 1 ? `${text.slice(0, at)} ${text.slice(at)}` : text;
    default:
      return `${text} ${SYLLABLES[at % SYLLABLES.length]}`;
  }
}

/** Entities perturbed from a few base names, so near-duplicates are the rule. */
const entities = fc
  .tuple(
    fc.array(name, { minLength: 1, maxLength: 5 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 }), fc.nat(), fc.boolean(), inn), {
      minLength: 5,
      maxLength: 40,
    }),
  )
  .map(([pool, rows]) =>
    rows.map(([pick, choice, position, person, code], index): EntityRecord => {
      const text = perturb(pool[pick % pool.length]!, choice, position) || "x";
      const schema = person ? "Person" : "Company";
      const properties: Record<string, string[]> = { name: [text] };
      if (code) properties.innCode = [code];
      return { id: `e${index}`, schema, caption: text, properties, datasets: ["generated"] };
    }),
  );

/** Which entity a query is near, how its name is perturbed, and the INN it gives (if any). */
const near = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 }), fc.nat(), inn);

/** A query of `schema` near one of the records. */
function queryNear(
  records: EntityRecord[],
  [pick, choice, position, code]: [number, number, number, string | undefined],
  schema: string,
): MatchQuery {
  const target = records[pick % records.length]!;
  const text = perturb(target.properties.name![0]!, choice, position);
  const properties: Record<string, string[]> = { name: [text] };
  if (code) properties.innCode = [code];
  return { schema, properties };
}

describe("the candidate index against brute force", () => {
  it("never misses an entity the scorer puts at or above the threshold", async () => {
    await fc.assert(
      fc.asyncProperty(
        entities,
        near,
        fc.constantFrom("Person", "Company", "LegalEntity"),
        fc.constantFrom(0.5, 0.7, 0.85),
        async (records, perturbation, schema, threshold) => {
          const query = queryNear(records, perturbation, schema);
          const index = await buildMatchIndex(records);
          const expected = bruteForceMatch(records, query, threshold);
          const found = matched(index, query, threshold, records.length);
          expect(found).toEqual(expected);
        },
      ),
      // DIFFERENTIAL_SEED and DIFFERENTIAL_RUNS explore further: a failing seed becomes a case.
      {
        numRuns: Number(process.env.DIFFERENTIAL_RUNS ?? 400),
        seed: Number(process.env.DIFFERENTIAL_SEED ?? 20261126),
      },
    );
  });
});

/** A register where one word is in every name: its posting list is far longer than the rows a query sees. */
const register = Array.from({ length: 600 }, (_, n): EntityRecord => {
  const name = n % 7 ? `Receiver ${n} LLC` : `Receiver ${n} Trading LLC`;
  const properties: Record<string, string[]> = { name: [name] };
  if (n % 2 === 0) properties.innCode = [String(7700000000 + n)];
  return { id: `r${n}`, schema: "Company", caption: name, properties, datasets: ["register"] };
});

describe("the candidate index against brute force on frequent words", () => {
  it("finds the same entities when long posting lists are scanned row by row", async () => {
    const index = await buildMatchIndex(register);
    const queries = [
      { name: ["Receiver 37 LLC"] },
      { name: ["Receiver 38 LLC"], innCode: ["7700000038"] },
      { name: ["Receiver 38 LLC"], innCode: ["7700000040"] },
      { name: ["Receivr 14 Trading"], innCode: ["7700000014"] },
      { name: ["Trading Receiver"] },
      { name: ["Receiver"], innCode: ["7700000001"] },
    ];
    for (const threshold of [0.5, 0.7, 0.85]) {
      for (const properties of queries) {
        const query = { schema: "Company", properties };
        const found = matched(index, query, threshold, register.length);
        expect(found).toEqual(bruteForceMatch(register, query, threshold));
      }
    }
  });
});

/** A series: names that differ in their number only, all of them candidates of each other. */
const series = Array.from({ length: 400 }, (_, n): EntityRecord => {
  const name = n % 5 ? `Receiver ${n} LLC` : `Shenzhen Receiver ${n} Technology Co. Ltd.`;
  // Ids in another order than the entities', so that ties are broken by id, not position.
  const id = `s${((n * 2654435761) >>> 0).toString(16)}`;
  return { id, schema: "Company", caption: name, properties: { name: [name] }, datasets: ["s"] };
});

describe("the best few hits against brute force", () => {
  it("are the brute force's best, ties broken by id, in a series of near-equal names", async () => {
    const index = await buildMatchIndex(series);
    for (const text of ["Receiver 37 LLC", "Receiver 7 LLC", "Shenzhen Receiver 40 Technology"]) {
      const query = { schema: "Company", properties: { name: [text] } };
      for (const limit of [1, 3, 10]) {
        const found = matched(index, query, 0.7, limit);
        expect(found).toEqual(bruteForceMatch(series, query, 0.7).slice(0, limit));
      }
    }
  });

  it("are the brute force's best on generated names", async () => {
    await fc.assert(
      fc.asyncProperty(
        entities,
        near,
        fc.constantFrom(1, 2, 5),
        async (records, perturbation, limit) => {
          const query = queryNear(records, perturbation, "Company");
          const index = await buildMatchIndex(records);
          const found = matched(index, query, 0.6, limit);
          expect(found).toEqual(bruteForceMatch(records, query, 0.6).slice(0, limit));
        },
      ),
      { numRuns: Number(process.env.DIFFERENTIAL_RUNS ?? 300), seed: 20261127 },
    );
  });
});
