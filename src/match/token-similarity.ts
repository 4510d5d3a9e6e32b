/** Token pairs below this similarity do not align; the index relies on it. */
export const MIN_TOKEN_SIMILARITY = 0.7;

/** A name token with the keys the scorer and the index compare. */
export interface TokenInfo {
  text: string;
  skeleton: string;
  phonetic: string;
  groups: readonly string[];
  /** Comparison weight: skeleton length, lowered for organization words and titles. */
  weight: number;
  initial: boolean;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped:
 * returns `cap + 1` as soon as the distance must exceed `cap`.
 * @example osaDistance("lukashenko", "luakshenko", 2) // 1
 */
export function osaDistance(left: string, right: string, cap: number): number {
  if (Math.abs(left.length - right.length) > cap) return cap + 1;
  const width = right.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= left.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[right.length]!;
}

function sharesGroup(left: TokenInfo, right: TokenInfo): boolean {
  return left.groups.some((group) => right.groups.includes(group));
}

/**
 * Similarity of two tokens in [0,1]: equal text 1, equal skeleton 0.97, one edit on the
 * skeleton `1 - 1/length`, a shared symbol group 0.9, an initial 0.9, equal phonetic key
 * 0.8; anything below `MIN_TOKEN_SIMILARITY` is 0.
 * @example tokenSimilarity(prepareToken("sergey"), prepareToken("sergei")) // 0.97
 */
export function tokenSimilarity(left: TokenInfo, right: TokenInfo): number {
  if (left.text === right.text) return 1;
  if (left.initial || right.initial) return left.text[0] === right.text[0] ? 0.9 : 0;
  if (left.skeleton === right.skeleton) return 0.97;
  let best = 0;
  const length = Math.max(left.skeleton.length, right.skeleton.length);
  if (osaDistance(left.skeleton, right.skeleton, 1) <= 1) best = 1 - 1 / length;
  if (best < 0.9 && sharesGroup(left, right)) best = 0.9;
  if (best < 0.8 && left.phonetic.length > 1 && left.phonetic === right.phonetic) best = 0.8;
  return best >= MIN_TOKEN_SIMILARITY ? best : 0;
}
