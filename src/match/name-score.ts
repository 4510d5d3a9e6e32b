import type { PreparedName } from "./prepare.js";
import { tokenSimilarity } from "./token-similarity.js";

/** Weight of unmatched tokens when only one side has extras (a missing middle name). */
export const OMISSION_PENALTY = 0.35;
/** Weight of unmatched tokens when both sides have extras (Barack vs Michelle Obama). */
export const CONFLICT_PENALTY = 1;

export interface NameComparison {
  score: number;
  left: string;
  right: string;
  /** Aligned token pairs as `left~right=similarity`. */
  pairs: string[];
}

interface Pair {
  left: number;
  right: number;
  similarity: number;
}

function candidatePairs(left: PreparedName, right: PreparedName): Pair[] {
  const pairs: Pair[] = [];
  left.tokens.forEach((a, i) => {
    right.tokens.forEach((b, j) => {
      const similarity = tokenSimilarity(a, b);
      if (similarity > 0) pairs.push({ left: i, right: j, similarity });
    });
  });
  // Strong pairs first; among equals, prefer the heavier tokens.
  return pairs.sort((x, y) => y.similarity - x.similarity);
}

/** Greedy one-to-one alignment of the most similar token pairs. */
export function alignTokens(left: PreparedName, right: PreparedName): Pair[] {
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const aligned: Pair[] = [];
  for (const pair of candidatePairs(left, right)) {
    if (usedLeft.has(pair.left) || usedRight.has(pair.right)) continue;
    usedLeft.add(pair.left);
    usedRight.add(pair.right);
    aligned.push(pair);
  }
  // Initials only count beside at least one full word.
  const full = aligned.some(
    (p) => !left.tokens[p.left]!.initial && !right.tokens[p.right]!.initial,
  );
  return full ? aligned : [];
}

/**
 * The aligned score from matched weight: `matched / (paired + penalty * unpaired)`.
 * Exposed so the index can bound it from above.
 */
export function combineAlignment(
  matched: number,
  paired: number,
  unpairedLeft: number,
  unpairedRight: number,
): number {
  if (paired <= 0) return 0;
  const conflict = unpairedLeft > 1e-9 && unpairedRight > 1e-9;
  const penalty = conflict ? CONFLICT_PENALTY : OMISSION_PENALTY;
  return matched / (paired + penalty * (unpairedLeft + unpairedRight));
}

function joinedScore(left: PreparedName, right: PreparedName): number {
  if (left.tokens.length === right.tokens.length && left.tokens.length > 1) return 0;
  return left.joined === right.joined ? 0.97 : 0;
}

/**
 * Compare two prepared spellings by aligned token similarity; word order is free, a missing
 * word costs less than a different one, and split or merged words match on the joined form.
 * @example compareNames(prepareSpelling("vladimir putin", "person"),
 *   prepareSpelling("putin vladimir vladimirovich", "person")).score // 0.87
 */
export function compareNames(left: PreparedName, right: PreparedName): NameComparison {
  const pairs = alignTokens(left, right);
  let matched = 0;
  let paired = 0;
  let pairedLeft = 0;
  let pairedRight = 0;
  for (const pair of pairs) {
    const a = left.tokens[pair.left]!.weight;
    const b = right.tokens[pair.right]!.weight;
    matched += (pair.similarity * (a + b)) / 2;
    paired += (a + b) / 2;
    pairedLeft += a;
    pairedRight += b;
  }
  const aligned = combineAlignment(
    matched,
    paired,
    left.weight - pairedLeft,
    right.weight - pairedRight,
  );
  const score = Math.max(aligned, joinedScore(left, right));
  const describe = (pair: Pair) =>
    `${left.tokens[pair.left]!.text}~${right.tokens[pair.right]!.text}=${pair.similarity.toFixed(2)}`;
  const spell = (name: PreparedName) => name.tokens.map((token) => token.text).join(" ");
  return { score, left: spell(left), right: spell(right), pairs: pairs.map(describe) };
}

/** The best comparison over every spelling pair; undefined when a side has no names. */
export function bestNameComparison(
  left: PreparedName[],
  right: PreparedName[],
): NameComparison | undefined {
  let best: NameComparison | undefined;
  for (const a of left) {
    for (const b of right) {
      const comparison = compareNames(a, b);
      if (!best || comparison.score > best.score) best = comparison;
      if (best.score >= 1) return best;
    }
  }
  return best;
}
