import { OMISSION_PENALTY } from "./name-score.js";
import type { PreparedName } from "./prepare.js";
import { ROUNDING_SLACK, SimilarityTable, type TokenRows } from "./row-bounds.js";

/** The name rows of the index the candidate search reads. */
export interface NameRows extends TokenRows {
  /** Token id -> name rows containing it. */
  postings: number[][];
}

/**
 * Upper bound of the aligned name score when the query's and the candidate's tokens can pair
 * with at most `left` and `right` similarity-weighted mass. With matched mass M the score is
 * M / (X + p * unpaired) for paired weight X >= M; as p <= 0.5 that is largest at X = M.
 */
export function alignmentBound(left: number, right: number, totalLeft: number, totalRight: number) {
  const paired = (left + right) / 2;
  if (paired <= 0) return 0;
  const unpaired = Math.max(0, totalLeft - left) + Math.max(0, totalRight - right);
  return paired / (paired + OMISSION_PENALTY * unpaired);
}

interface QueryToken {
  weight: number;
  similar: [number, number][];
  postings: number;
  /** Heaviest similar vocabulary token: bounds what a candidate can pair with it. */
  heaviest: number;
}

/** Scratch arrays reused across queries, grown with the index. */
export class CandidateScratch {
  hitLeft = new Float64Array(0);
  hitRight = new Float64Array(0);
  nameStamp = new Int32Array(0);
  tokenStamp = new Int32Array(0);
  stamp = 0;
  tokenCounter = 0;
  readonly table = new SimilarityTable();

  ensure(count: number): void {
    if (this.nameStamp.length >= count) return;
    const size = Math.max(count, this.nameStamp.length * 2, 1024);
    this.hitLeft = new Float64Array(size);
    this.hitRight = new Float64Array(size);
    this.nameStamp = new Int32Array(size);
    this.tokenStamp = new Int32Array(size);
    this.stamp = 0;
    this.tokenCounter = 0;
  }
}

function describeTokens(rows: NameRows, name: PreparedName): QueryToken[] {
  return name.tokens
    .filter((token) => !token.initial)
    .map((token) => {
      // Most similar first, so a row's first hit for this token carries its best similarity.
      const similar = rows.vocabulary.similar(token);
      const postings = similar.reduce((sum, [id]) => sum + (rows.postings[id]?.length ?? 0), 0);
      const heaviest = similar.reduce(
        (max, [id]) => Math.max(max, rows.vocabulary.tokens[id]!.weight),
        0,
      );
      return { weight: token.weight, similar, postings, heaviest };
    })
    .sort((a, b) => a.postings - b.postings);
}

/**
 * Name rows whose aligned score with `name` can reach `threshold`, with that upper bound. Tokens are read rarest
 * first; once the tokens left could not lift an unseen row to the threshold on their own,
 * they only update rows already seen (prefix filtering), which keeps frequent words cheap.
 */
export function findCandidateRows(
  rows: NameRows,
  scratch: CandidateScratch,
  name: PreparedName,
  threshold: number,
): Map<number, number> {
  scratch.ensure(rows.count);
  const stamp = ++scratch.stamp;
  const tokens = describeTokens(rows, name);
  const initials = name.tokens.filter((token) => token.initial);
  const initialWeight = initials.reduce((sum, token) => sum + token.weight, 0);
  const touched: number[] = [];
  let restLeft = tokens.reduce((sum, token) => sum + token.weight, 0) + initialWeight;
  let restRight = tokens.reduce((sum, token) => sum + token.heaviest, 0);
  const floor = threshold - ROUNDING_SLACK;
  for (const token of tokens) {
    // Could a row matching only this token and the ones after it still reach the threshold?
    const open =
      initials.length > 0 || alignmentBound(restLeft, restRight, name.weight, restRight) >= floor;
    addToken(rows, scratch, token, stamp, open, touched);
    restLeft -= token.weight;
    restRight -= token.heaviest;
  }
  const similar = name.tokens.map((token) =>
    token.initial ? undefined : rows.vocabulary.similar(token),
  );
  scratch.table.reset(rows.vocabulary, name, similar);
  const bounds = new Map<number, number>();
  for (const row of touched) {
    const weight = rows.nameWeight[row]!;
    const left = Math.min(name.weight, scratch.hitLeft[row]! + initialWeight);
    const right = initials.length ? weight : Math.min(weight, scratch.hitRight[row]!);
    // The cheap bound first; the exact pair table only for rows that pass it.
    if (alignmentBound(left, right, name.weight, weight) < floor) continue;
    const bound = scratch.table.rowBound(rows, row);
    if (bound >= floor) bounds.set(row, bound);
  }
  return bounds;
}

function addToken(
  rows: NameRows,
  scratch: CandidateScratch,
  token: QueryToken,
  stamp: number,
  open: boolean,
  touched: number[],
): void {
  const tokenStamp = ++scratch.tokenCounter;
  const { hitLeft, hitRight, nameStamp } = scratch;
  for (const [id, similarity] of token.similar) {
    const weight = rows.vocabulary.tokens[id]!.weight * similarity;
    const left = token.weight * similarity;
    for (const row of rows.postings[id] ?? []) {
      if (nameStamp[row] !== stamp) {
        if (!open) continue;
        nameStamp[row] = stamp;
        hitLeft[row] = 0;
        hitRight[row] = 0;
        touched.push(row);
      }
      if (scratch.tokenStamp[row] !== tokenStamp) {
        scratch.tokenStamp[row] = tokenStamp;
        hitLeft[row]! += left;
      }
      hitRight[row]! += weight;
    }
  }
}
