import type { PreparedName } from "./prepare.js";
import { tokenSimilarity } from "./token-similarity.js";
import { TUNING } from "./tuning.js";

/** Weight of unmatched tokens when only one side has extras (a missing middle name). */
export const OMISSION_PENALTY = 0.3;

export interface NameComparison {
  score: number;
  left: PreparedName;
  right: PreparedName;
  aligned: Pair[];
}

export interface Pair {
  left: number;
  right: number;
  similarity: number;
}

const NASAB_GROUPS = ["person_symbols:bin", "person_symbols:bint", "person_symbols:ould"];

/** Per token: 1 after bin, ibn, bint or ould (a father's name), 0 otherwise; undefined when the name has none. */
function nasabRoles(name: PreparedName): Uint8Array | undefined {
  if (name.kind !== "person") return undefined;
  let roles: Uint8Array | undefined;
  // A name does not start with its father's name: "Ben" first is a given name.
  for (let i = 2; i < name.tokens.length; i++) {
    if (!name.tokens[i - 1]!.groups.some((group) => NASAB_GROUPS.includes(group))) continue;
    roles ??= new Uint8Array(name.tokens.length);
    roles[i] = 1;
  }
  return roles;
}

function candidatePairs(left: PreparedName, right: PreparedName): Pair[] {
  const pairs: Pair[] = [];
  const leftRoles = nasabRoles(left);
  const rightRoles = leftRoles && nasabRoles(right);
  for (let i = 0; i < left.tokens.length; i++) {
    for (let j = 0; j < right.tokens.length; j++) {
      let similarity = tokenSimilarity(left.tokens[i]!, right.tokens[j]!);
      // Salman bin Muhammad is not Muhammad bin Salman: a father's name pairs with a father's name.
      if (rightRoles && leftRoles![i] !== rightRoles[j]) similarity *= TUNING.nasabSwapFactor;
      if (similarity > 0) pairs.push({ left: i, right: j, similarity });
    }
  }
  // Strong pairs first; among equals, the heavier tokens.
  const weight = (pair: Pair) => left.tokens[pair.left]!.weight + right.tokens[pair.right]!.weight;
  return pairs.sort((x, y) => y.similarity - x.similarity || weight(y) - weight(x));
}

/**
 * Numbers left over on both sides pair at similarity 0: a series (Fund VII, Fund VIII) differs
 * by its number, which costs that number's weight once instead of as a conflict of two words.
 */
function pairNumbers(
  left: PreparedName,
  right: PreparedName,
  usedLeft: Uint8Array,
  usedRight: Uint8Array,
  aligned: Pair[],
): void {
  let j = 0;
  for (let i = 0; i < left.tokens.length; i++) {
    if (usedLeft[i] || left.tokens[i]!.number === undefined) continue;
    while (j < right.tokens.length && (usedRight[j] || right.tokens[j]!.number === undefined)) j++;
    if (j >= right.tokens.length) return;
    usedLeft[i] = 1;
    usedRight[j] = 1;
    aligned.push({ left: i, right: j, similarity: 0 });
  }
}

/** Greedy one-to-one alignment of the most similar token pairs. */
export function alignTokens(left: PreparedName, right: PreparedName): Pair[] {
  const usedLeft = new Uint8Array(left.tokens.length);
  const usedRight = new Uint8Array(right.tokens.length);
  const aligned: Pair[] = [];
  for (const pair of candidatePairs(left, right)) {
    if (usedLeft[pair.left] || usedRight[pair.right]) continue;
    usedLeft[pair.left] = 1;
    usedRight[pair.right] = 1;
    aligned.push(pair);
  }
  pairNumbers(left, right, usedLeft, usedRight, aligned);
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
  omission = OMISSION_PENALTY,
): number {
  if (paired <= 0) return 0;
  const conflict = unpairedLeft > 1e-9 && unpairedRight > 1e-9;
  const penalty = conflict ? TUNING.conflictPenalty : omission;
  return matched / (paired + penalty * (unpairedLeft + unpairedRight));
}

/** An unpaired letter of an organization's abbreviation costs a word: A.B.C. is not Acme Bolts. */
const ORG_INITIAL_AS_WORD = 5;

/** Extra unpaired weight for an organization's unpaired initials. */
function lonelyInitials(name: PreparedName, pairs: Pair[], side: "left" | "right"): number {
  if (name.kind !== "org") return 0;
  let extra = 0;
  name.tokens.forEach((token, i) => {
    if (token.initial && !pairs.some((pair) => pair[side] === i)) {
      extra += ORG_INITIAL_AS_WORD - token.weight;
    }
  });
  return extra;
}

/** Split or merged words: the whole name spelled alike (0.97) or sounding alike (0.85). */
function joinedScore(left: PreparedName, right: PreparedName): number {
  if (left.tokens.length === right.tokens.length && left.tokens.length > 1) return 0;
  if (left.joined === right.joined) return JOINED_SIMILARITY;
  return left.sounds !== 0 && left.sounds === right.sounds ? JOINED_SOUND_SIMILARITY : 0;
}

/** Similarity of two names whose words joined are spelled alike (VladimirPutin). */
export const JOINED_SIMILARITY = 0.97;
/** Similarity of two names whose words joined sound alike (Mao Tse-tung, Mao Zedong). */
export const JOINED_SOUND_SIMILARITY = 0.85;

/**
 * Compare two prepared spellings by aligned token similarity; word order is free, a missing
 * word costs less than a different one, and split or merged words match on the joined form.
 * @example compareNames(prepareSpelling("vladimir putin", "person"),
 *   prepareSpelling("putin vladimir vladimirovich", "person")).score // 0.92
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
    left.weight - pairedLeft + lonelyInitials(left, pairs, "left"),
    right.weight - pairedRight + lonelyInitials(right, pairs, "right"),
    left.kind === "org" && right.kind === "org" ? TUNING.orgOmissionPenalty : OMISSION_PENALTY,
  );
  const score = Math.max(aligned, joinedScore(left, right));
  return { score, left, right, aligned: pairs };
}

/**
 * The comparison in words: both spellings and the aligned pairs with their similarity.
 * @example describeComparison(comparison) // "v putin | vladimir putin: putin~putin=1.00 v~vladimir=0.90"
 */
export function describeComparison({ left, right, aligned }: NameComparison): string {
  const spell = (name: PreparedName) => name.tokens.map((token) => token.text).join(" ");
  const pairs = aligned.map(
    (pair) =>
      `${left.tokens[pair.left]!.text}~${right.tokens[pair.right]!.text}=${pair.similarity.toFixed(2)}`,
  );
  return `${spell(left)} | ${spell(right)}: ${pairs.join(" ")}`;
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
