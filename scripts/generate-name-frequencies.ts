/**
 * Generate src/text/name-frequencies.data.json: how many listed people carry each person-name
 * word (by skeleton, so spellings pool), counted over the OFAC SDN list (2024-05-03, US
 * public domain) and the UK Sanctions List (2026-05, Open Government Licence v3.0) in
 * ../shared/data, so the product never reads ../shared. Common words (Mohammad, Ali, Kim)
 * say less about who a person is; the scorer weighs them down.
 * Run: node --import tsx scripts/generate-name-frequencies.ts [shared/data]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { normalizeName, skeleton } from "../src/text/index.js";

/** Words carried by fewer people are left out: they weigh in full. */
export const MIN_PEOPLE = 5;

const NOTICE =
  "Person-name word counts (distinct listed people per word skeleton) from the OFAC SDN list " +
  "2024-05-03 (US government work) and the UK Sanctions List 2026-05 (Crown copyright, Open " +
  "Government Licence v3.0). Regenerate with scripts/generate-name-frequencies.ts.";

function ofacPeople(folder: string): string[][] {
  const rows = parse(readFileSync(join(folder, "ofac_sdn_2024-05-03", "sdn.csv")), {
    relax_quotes: true,
    relax_column_count: true,
  }) as string[][];
  return rows.filter((row) => row[2]?.trim() === "individual").map((row) => [row[1]!]);
}

function ukPeople(folder: string): string[][] {
  const base = join(folder, "uk_sanctions_list_2026-05_derived");
  const subjects = parse(readFileSync(join(base, "subjects.csv")), { columns: true }) as Record<
    string,
    string
  >[];
  const people = new Set(
    subjects.filter((row) => row.subject_type === "individual").map((row) => row.unique_id),
  );
  const names = parse(readFileSync(join(base, "subject_names.csv")), { columns: true }) as Record<
    string,
    string
  >[];
  const byPerson = new Map<string, string[]>();
  for (const row of names) {
    if (!people.has(row.unique_id!)) continue;
    byPerson.set(row.unique_id!, [...(byPerson.get(row.unique_id!) ?? []), row.full_name!]);
  }
  return [...byPerson.values()];
}

/**
 * Count, for each word skeleton, the people whose names use it (once per person).
 * @example countWords([["Ali Hassan", "Ali Hasan"]]).get("ali") // 1
 */
export function countWords(people: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const names of people) {
    const words = new Set(
      names.flatMap((name) => normalizeName(name).split(" ").filter(Boolean).map(skeleton)),
    );
    for (const word of words) if (word.length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

const folder = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared/data"));
const people = [...ofacPeople(folder), ...ukPeople(folder)];
const counts = [...countWords(people)]
  .filter(([, count]) => count >= MIN_PEOPLE)
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
const table = { notice: NOTICE, people: people.length, counts: Object.fromEntries(counts) };
writeFileSync(
  join(import.meta.dirname, "../src/text/name-frequencies.data.json"),
  `${JSON.stringify(table)}\n`,
);
console.log(`${people.length} people, ${counts.length} words used by >= ${MIN_PEOPLE}`);
