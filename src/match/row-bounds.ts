import { OMISSION_PENALTY } from "./name-score.js";
import type { PreparedName } from "./prepare.js";
import { WEIGHTS } from "./score.js";
import { tokenSimilarity } from "./token-similarity.js";
import { TUNING } from "./tuning.js";
import type { Vocabulary } from "./vocabulary.js";

/** Scores are rounded to four decimals: a bound this far below the threshold can still round up to it. */
export const ROUNDING_SLACK = 5e-5;

/** The token rows of the index that bounds are refined on. */
export interface TokenRows {
  vocabulary: Vocabulary;
  nameWeight: Float64Array;
  /** First token of each row in `rowTokens`; a row ends where the next starts. */
  rowStart: Int32Array;
  rowTokens: Int32Array;
  /** Per row: its entity's identifier schemes (`schemeBits`), and `ORGANIZATION_ROW`. */
  rowSchemes: Int32Array;
  count: number;
  tokenCount: number;
}

/** A bit of `rowSchemes` beyond any identifier scheme: the row names an organization. */
export const ORGANIZATION_ROW = 1 << 30;

/** What an identifier conflict (same register, different number) costs a score at most. */
export const CONFLICT_COST = -WEIGHTS.identifierConflict;

/**
 * The least penalty an unpaired token can cost: organizations against organizations pay at
 * least the organization omission penalty, anything else at least `OMISSION_PENALTY`.
 */
export function lowestPenalty(bothOrganizations: boolean): number {
  const omission = bothOrganizations ? TUNING.orgOmissionPenalty : OMISSION_PENALTY;
  return Math.min(omission, TUNING.conflictPenalty);
}

/**
 * Upper bound of the aligned score `M / (X + p U)` when the two sides can pair at most
 * `left` and `right` similarity-weighted mass (M <= (left + right) / 2 = L, paired weight
 * X >= M, unpaired U >= total - 2X) and `certain` weight stays unpaired for sure, every
 * unpaired token costing at least `penalty`. Below p = 0.5 the score is largest at X = M;
 * from p = 0.5 on, X + p U >= total / 2 + (p - 0.5) U whatever the pairing.
 * @example pairingBound(8, 8, 22, 0, 1.5) // 0.727: Receiver 37 against Receiver 1234, organizations
 */
export function pairingBound(
  left: number,
  right: number,
  total: number,
  certain: number,
  penalty: number,
): number {
  const paired = (left + right) / 2;
  if (paired <= 0) return 0;
  if (penalty >= 0.5) return paired / (total / 2 + (penalty - 0.5) * certain);
  return paired / (paired + penalty * Math.max(0, total - 2 * paired));
}

/**
 * Similarity of each query token to every vocabulary token met during one query name's
 * search, in a flat table: a slot per vocabulary token, a column per query token.
 */
export class SimilarityTable {
  private stamp = 0;
  private slotStamp = new Int32Array(0);
  private slotOf = new Int32Array(0);
  private slots = 0;
  private similarity = new Float64Array(0);
  private width = 0;
  private name: PreparedName | undefined;
  private vocabulary: Vocabulary | undefined;
  private readonly bestLeft: number[] = [];

  /** Start a query name: its non-initial tokens' similar lists fill the table. */
  reset(vocabulary: Vocabulary, name: PreparedName, similar: ([number, number][] | undefined)[]) {
    if (this.slotStamp.length < vocabulary.size) {
      const size = Math.max(vocabulary.size, this.slotStamp.length * 2, 1024);
      this.slotStamp = new Int32Array(size);
      this.slotOf = new Int32Array(size);
      this.stamp = 0;
    }
    this.stamp++;
    this.slots = 0;
    this.width = name.tokens.length;
    this.name = name;
    this.vocabulary = vocabulary;
    similar.forEach((list, column) => {
      for (const [id, value] of list ?? []) {
        const offset = this.slot(id);
        this.similarity[offset + column] = value;
      }
    });
  }

  /** The table offset of a vocabulary token, filled with its similarity to query initials. */
  private slot(id: number): number {
    if (this.slotStamp[id] === this.stamp) return this.slotOf[id]!;
    const offset = this.slots++ * this.width;
    if (offset + this.width > this.similarity.length) {
      const grown = new Float64Array(Math.max(1024, (offset + this.width) * 2));
      grown.set(this.similarity);
      this.similarity = grown;
    }
    this.slotStamp[id] = this.stamp;
    this.slotOf[id] = offset;
    const tokens = this.name!.tokens;
    const token = this.vocabulary!.tokens[id]!;
    for (let column = 0; column < this.width; column++) {
      // Initials pair with many words: compared here, for the rows that get this far.
      this.similarity[offset + column] = tokens[column]!.initial
        ? tokenSimilarity(tokens[column]!, token)
        : 0;
    }
    return offset;
  }

  /**
   * The bound of a row's aligned score with the query name, from the exact similarity of
   * every token pair (what the scorer's alignment can at best achieve). A token similar to
   * nothing stays unpaired, unless it is a number: leftover numbers pair at similarity 0.
   */
  rowBound(rows: TokenRows, row: number): number {
    const tokens = this.name!.tokens;
    const width = this.width;
    const best = this.bestLeft;
    for (let column = 0; column < width; column++) best[column] = 0;
    let right = 0;
    let unpairedRight = 0;
    const start = rows.rowStart[row]!;
    const end = row + 1 < rows.count ? rows.rowStart[row + 1]! : rows.tokenCount;
    for (let at = start; at < end; at++) {
      const id = rows.rowTokens[at]!;
      const offset = this.slot(id);
      let most = 0;
      for (let column = 0; column < width; column++) {
        const value = this.similarity[offset + column]!;
        if (value > most) most = value;
        if (value > best[column]!) best[column] = value;
      }
      const token = rows.vocabulary.tokens[id]!;
      right += token.weight * most;
      if (most === 0 && token.number === undefined) unpairedRight += token.weight;
    }
    let left = 0;
    let unpairedLeft = 0;
    for (let column = 0; column < width; column++) {
      const token = tokens[column]!;
      left += token.weight * best[column]!;
      if (best[column] === 0 && token.number === undefined) unpairedLeft += token.weight;
    }
    const total = this.name!.weight + rows.nameWeight[row]!;
    const organizations =
      this.name!.kind === "org" && (rows.rowSchemes[row]! & ORGANIZATION_ROW) !== 0;
    const penalty =
      unpairedLeft > 0 && unpairedRight > 0 ? TUNING.conflictPenalty : lowestPenalty(organizations);
    return pairingBound(left, right, total, unpairedLeft + unpairedRight, penalty);
  }
}
