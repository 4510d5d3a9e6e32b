import { TUNING } from "./tuning.js";

/** Token pairs below this similarity do not align; the index relies on it. */
export const MIN_TOKEN_SIMILARITY = 0.7;
/** Skeletons shorter than this do not match at one edit: Snow is not Snoe, CVC is not CVS. */
export const MIN_EDIT_LENGTH = 4;

/** A name token with the keys the scorer and the index compare. */
export interface TokenInfo {
  text: string;
  skeleton: string;
  phonetic: string;
  groups: readonly string[];
  /** Comparison weight: skeleton length, lowered for organization words and titles. */
  weight: number;
  initial: boolean;
  /** The number a numeral token stands for (3, three, iii); numbers only match numbers. */
  number: number | undefined;
  /** Romanized from a script that writes few vowels (Arabic, Hebrew): compare consonants. */
  abjad: boolean;
  /** The skeleton without vowels, w and y: what an abjad spelling keeps (mhmd, dvd). */
  consonants: string;
}

/** Similarity of an abjad spelling and a word with the same consonants (mhmd, mohamed). */
export const CONSONANT_SIMILARITY = 0.85;

/**
 * Optimal string alignment distance capped at one edit: 0 when equal, 1 for one insertion,
 * deletion, substitution or swap of neighbours, 2 for anything further. Linear time.
 * @example editDistanceUpToOne("lukashenko", "luakshenko") // 1
 */
export function editDistanceUpToOne(left: string, right: string): 0 | 1 | 2 {
  if (left === right) return 0;
  const swap = left.length > right.length;
  const short = swap ? right : left;
  const long = swap ? left : right;
  if (long.length - short.length > 1) return 2;
  let start = 0;
  while (start < short.length && short[start] === long[start]) start++;
  let end = 0;
  while (
    end < short.length - start &&
    short[short.length - 1 - end] === long[long.length - 1 - end]
  )
    end++;
  const shortRest = short.length - start - end;
  const longRest = long.length - start - end;
  if (longRest <= 1 && shortRest <= 1) return 1;
  // Adjacent transposition: "ab" against "ba" in the same place.
  const swapped =
    shortRest === 2 &&
    longRest === 2 &&
    short[start] === long[start + 1] &&
    short[start + 1] === long[start];
  return swapped ? 1 : 2;
}

const VOWELS = "aeiou";

/** Equal-length skeletons that differ in one place, a vowel on both sides. */
function vowelSwap(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let at = 0;
  while (left[at] === right[at]) at++;
  return (
    VOWELS.includes(left[at]!) &&
    VOWELS.includes(right[at]!) &&
    left.slice(at + 1) === right.slice(at + 1)
  );
}

/** Phonetic keys only go so far: within this many letters of each other (the index uses it). */
export const PHONETIC_LENGTH_SPREAD = 2;

/** Two-letter keys (chen, zein: "sn") say too little about a word (the index uses it). */
export const MIN_PHONETIC_LENGTH = 3;

function soundAlike(left: TokenInfo, right: TokenInfo): boolean {
  if (left.phonetic.length < MIN_PHONETIC_LENGTH || left.phonetic !== right.phonetic) return false;
  return Math.abs(left.skeleton.length - right.skeleton.length) <= PHONETIC_LENGTH_SPREAD;
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
  // Numbers only match numbers, even when spelled alike (a company's V is five, a person's an initial).
  if (left.number !== undefined || right.number !== undefined) {
    if (left.number !== right.number) return 0;
    return left.text === right.text ? 1 : 0.97;
  }
  if (left.text === right.text) return 1;
  if (left.initial || right.initial) return left.text[0] === right.text[0] ? 0.9 : 0;
  if (left.skeleton === right.skeleton) return 0.97;
  let best = 0;
  const length = Math.max(left.skeleton.length, right.skeleton.length);
  const gap = Math.abs(left.skeleton.length - right.skeleton.length);
  if (
    gap <= 1 &&
    length >= MIN_EDIT_LENGTH &&
    editDistanceUpToOne(left.skeleton, right.skeleton) === 1
  ) {
    best = vowelSwap(left.skeleton, right.skeleton)
      ? 1 - (TUNING.vowelEditCost * TUNING.editCost) / length
      : 1 - TUNING.editCost / length;
  }
  if (best < 0.9 && left.groups.length && right.groups.length && sharesGroup(left, right))
    best = 0.9;
  if (best < 0.8 && soundAlike(left, right)) best = 0.8;
  if (
    best < CONSONANT_SIMILARITY &&
    (left.abjad || right.abjad) &&
    left.consonants === right.consonants
  ) {
    best = CONSONANT_SIMILARITY;
  }
  return best >= MIN_TOKEN_SIMILARITY ? best : 0;
}
