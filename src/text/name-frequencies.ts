import table from "./name-frequencies.data.json" with { type: "json" };

const counts = new Map(Object.entries(table.counts as Record<string, number>));

/**
 * How many listed people use a person-name word, by skeleton; 0 for words used by fewer
 * than five (see scripts/generate-name-frequencies.ts).
 * @example personWordCount("muhamad") > 100 // true
 * @example personWordCount("lukasenko") // 0
 */
export function personWordCount(wordSkeleton: string): number {
  return counts.get(wordSkeleton) ?? 0;
}
