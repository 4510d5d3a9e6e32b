import type { PreparedName } from "./prepare.js";
import {
  CONFLICT_COST,
  lowestPenalty,
  pairingBound,
  ROUNDING_SLACK,
  SimilarityTable,
  type TokenRows,
} from "./row-bounds.js";

/** The name rows of the index the candidate search reads. */
export interface NameRows extends TokenRows {
  /** Token id -> name rows containing it. */
  postings: number[][];
  /** Per row: the identifier schemes its entity carries, as `schemeBits` (conflicts). */
  rowSchemes: Int32Array;
  /** Per token id: the schemes every row of its posting list carries. */
  postingSchemes: Int32Array;
}

/** One query name's search: the threshold and the schemes a candidate would conflict on. */
export interface RowSearch {
  name: PreparedName;
  threshold: number;
  /** The query's identifier schemes (`schemeBits`); a candidate sharing one conflicts. */
  schemes: number;
}

/**
 * Upper bound of the aligned name score when the query's and the candidate's tokens can pair
 * with at most `left` and `right` similarity-weighted mass (see `pairingBound`).
 */
export function alignmentBound(
  left: number,
  right: number,
  totalLeft: number,
  totalRight: number,
  penalty: number,
) {
  return pairingBound(left, right, totalLeft + totalRight, 0, penalty);
}

/** How a posting list is read: not at all, only for rows without a conflict, or fully. */
const CLOSED = 0;
const UNCONFLICTED = 1;
const OPEN = 2;

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

/** The reading of a posting list whose rows can reach `reach` at best. */
function readingOf(reach: number, floor: number, conflictCost: number): number {
  if (reach >= floor + conflictCost) return OPEN;
  return reach >= floor ? UNCONFLICTED : CLOSED;
}

/**
 * Name rows whose score with the query name can reach the threshold, with that upper bound
 * (less the identifier conflict's cost where the row's entity has one). Tokens are read
 * rarest first; once the tokens left could not lift an unseen row to the threshold on their
 * own, their posting lists are not read at all (prefix filtering) and the rows already seen
 * are bounded from the exact token pairs instead, which keeps frequent words free.
 */
export function findCandidateRows(
  rows: NameRows,
  scratch: CandidateScratch,
  search: RowSearch,
): Map<number, number> {
  const { name, schemes } = search;
  scratch.ensure(rows.count);
  const stamp = ++scratch.stamp;
  const tokens = describeTokens(rows, name);
  const initialWeight = name.tokens.reduce((sum, t) => sum + (t.initial ? t.weight : 0), 0);
  const touched: number[] = [];
  let restLeft = tokens.reduce((sum, token) => sum + token.weight, 0) + initialWeight;
  let restRight = tokens.reduce((sum, token) => sum + token.heaviest, 0);
  let skipped = 0;
  const floor = search.threshold - ROUNDING_SLACK;
  const conflictCost = schemes ? CONFLICT_COST : 0;
  const penalties = [lowestPenalty(false), lowestPenalty(name.kind === "org")];
  for (const token of tokens) {
    // Could a row matching only this token and the ones after it still reach the threshold?
    // Initials pair with any word, so a name with initials reads every list.
    const readings = penalties.map((penalty) =>
      initialWeight > 0
        ? OPEN
        : readingOf(
            alignmentBound(restLeft, restRight, name.weight, restRight, penalty),
            floor,
            conflictCost,
          ),
    );
    if (!addToken(rows, scratch, token, stamp, readings, schemes, touched)) skipped += token.weight;
    restLeft -= token.weight;
    restRight -= token.heaviest;
  }
  return boundRows(rows, scratch, search, touched, initialWeight + skipped, skipped > 0);
}

/** The exact bounds of the rows seen, after a cheap bound from their hit mass. */
function boundRows(
  rows: NameRows,
  scratch: CandidateScratch,
  { name, threshold, schemes }: RowSearch,
  touched: number[],
  unread: number,
  anySkipped: boolean,
): Map<number, number> {
  const similar = name.tokens.map((token) =>
    token.initial ? undefined : rows.vocabulary.similar(token),
  );
  scratch.table.reset(rows.vocabulary, name, similar);
  const floor = threshold - ROUNDING_SLACK;
  const bounds = new Map<number, number>();
  const organizationPenalty = lowestPenalty(name.kind === "org");
  const personPenalty = lowestPenalty(false);
  for (const row of touched) {
    const weight = rows.nameWeight[row]!;
    const cost = rows.rowSchemes[row]! & schemes ? CONFLICT_COST : 0;
    const left = Math.min(name.weight, scratch.hitLeft[row]! + unread);
    // Unread tokens (initials, skipped lists) may pair with any of the row's tokens.
    const right = unread > 0 || anySkipped ? weight : Math.min(weight, scratch.hitRight[row]!);
    const kind = rows.vocabulary.kinds[rows.rowTokens[rows.rowStart[row]!]!];
    const penalty = kind === "org" ? organizationPenalty : personPenalty;
    // The cheap bound first; the exact pair table only for rows that pass it.
    if (alignmentBound(left, right, name.weight, weight, penalty) - cost < floor) continue;
    const bound = scratch.table.rowBound(rows, row) - cost;
    if (bound >= floor) bounds.set(row, bound);
  }
  return bounds;
}

/**
 * Add one query token's similarity mass to the rows of its similar tokens' posting lists;
 * false when a list was left unread (its rows' mass is then unknown).
 */
function addToken(
  rows: NameRows,
  scratch: CandidateScratch,
  token: QueryToken,
  stamp: number,
  readings: number[],
  schemes: number,
  touched: number[],
): boolean {
  const tokenStamp = ++scratch.tokenCounter;
  const { hitLeft, hitRight, nameStamp } = scratch;
  const { rowSchemes, postingSchemes, vocabulary } = rows;
  let complete = true;
  for (const [id, similarity] of token.similar) {
    const posting = rows.postings[id];
    if (!posting) continue;
    const reading = readings[vocabulary.kinds[id] === "org" ? 1 : 0]!;
    if (reading === CLOSED || (reading === UNCONFLICTED && postingSchemes[id]! & schemes)) {
      complete = false;
      continue;
    }
    const weight = vocabulary.tokens[id]!.weight * similarity;
    const left = token.weight * similarity;
    for (const row of posting) {
      if (nameStamp[row] !== stamp) {
        if (reading === UNCONFLICTED && rowSchemes[row]! & schemes) continue;
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
  return complete;
}
