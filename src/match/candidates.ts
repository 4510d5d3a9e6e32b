import type { PreparedName } from "./prepare.js";
import {
  CONFLICT_COST,
  lowestPenalty,
  ORGANIZATION_ROW,
  pairingBound,
  ROUNDING_SLACK,
  SimilarityTable,
  type TokenRows,
} from "./row-bounds.js";

/** The name rows of the index the candidate search reads. */
export interface NameRows extends TokenRows {
  /** Token id -> name rows containing it. */
  postings: number[][];
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
  /** Per deferred query token of the current name: similarities where stamped `stamp`. */
  readonly similarities: Float64Array[] = [];
  readonly similarStamps: Int32Array[] = [];
  deferred = 0;

  /** Stamp the unread similar tokens of the next deferred query token; returns its slot. */
  markSimilar(vocabularySize: number, similar: [number, number][]): number {
    const slot = this.deferred++;
    if ((this.similarStamps[slot]?.length ?? 0) < vocabularySize) {
      this.similarStamps[slot] = new Int32Array(Math.max(vocabularySize * 2, 1024));
      this.similarities[slot] = new Float64Array(Math.max(vocabularySize * 2, 1024));
    }
    const stamps = this.similarStamps[slot]!;
    const similarity = this.similarities[slot]!;
    for (const [id, value] of similar) {
      stamps[id] = this.stamp;
      similarity[id] = value;
    }
    return slot;
  }

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

/** What describes a similar list besides its tokens: their rows and heaviest weight. */
interface SimilarSummary {
  /** The row count of the index when summed: rows added since make it stale. */
  count: number;
  postings: number;
  heaviest: number;
}

/** Summaries of the vocabulary's cached similar lists, by list. */
const summaries = new WeakMap<[number, number][], SimilarSummary>();

function summarize(rows: NameRows, similar: [number, number][]): SimilarSummary {
  const known = summaries.get(similar);
  if (known?.count === rows.count) return known;
  let postings = 0;
  let heaviest = 0;
  for (const [id] of similar) {
    postings += rows.postings[id]?.length ?? 0;
    heaviest = Math.max(heaviest, rows.vocabulary.tokens[id]!.weight);
  }
  const summary = { count: rows.count, postings, heaviest };
  summaries.set(similar, summary);
  return summary;
}

/** The non-initial query tokens with their similar lists, fewest rows first. */
function describeTokens(
  rows: NameRows,
  name: PreparedName,
  similar: ([number, number][] | undefined)[],
): QueryToken[] {
  const tokens: QueryToken[] = [];
  name.tokens.forEach((token, at) => {
    if (token.initial) return;
    // Most similar first, so a row's first hit for this token carries its best similarity.
    const list = similar[at]!;
    const { postings, heaviest } = summarize(rows, list);
    tokens.push({ weight: token.weight, similar: list, postings, heaviest });
  });
  return tokens.sort((a, b) => a.postings - b.postings);
}

/** The reading of a posting list whose rows can reach `reach` at best. */
function readingOf(reach: number, floor: number, conflictCost: number): number {
  if (reach >= floor + conflictCost) return OPEN;
  return reach >= floor ? UNCONFLICTED : CLOSED;
}

/**
 * Name rows whose score with the query name can reach the threshold, each given to `found`
 * with that upper bound (less the identifier conflict's cost where the row's entity has one).
 * Tokens are read rarest first; once the tokens left could not lift an unseen row to the
 * threshold on their own, their posting lists are not read at all (prefix filtering) and the
 * rows already seen are bounded from the exact token pairs instead, which keeps frequent words
 * free.
 */
export function findCandidateRows(
  rows: NameRows,
  scratch: CandidateScratch,
  search: RowSearch,
  found: (row: number, bound: number) => void,
): void {
  const { name, schemes } = search;
  scratch.ensure(rows.count);
  scratch.deferred = 0;
  const stamp = ++scratch.stamp;
  const similar = name.tokens.map((token) =>
    token.initial ? undefined : rows.vocabulary.similar(token),
  );
  const tokens = describeTokens(rows, name, similar);
  const initialWeight = name.tokens.reduce((sum, t) => sum + (t.initial ? t.weight : 0), 0);
  const touched: number[] = [];
  let restLeft = tokens.reduce((sum, token) => sum + token.weight, 0) + initialWeight;
  let restRight = tokens.reduce((sum, token) => sum + token.heaviest, 0);
  const floor = search.threshold - ROUNDING_SLACK;
  const conflictCost = schemes ? CONFLICT_COST : 0;
  const penalties = [lowestPenalty(false), lowestPenalty(name.kind === "org")];
  const deferred: Deferred[] = [];
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
    if (addToken(rows, scratch, token, stamp, { readings, schemes }, touched)) {
      deferred.push({ token, mark: scratch.markSimilar(rows.vocabulary.size, token.similar) });
    }
    restLeft -= token.weight;
    restRight -= token.heaviest;
  }
  scratch.table.reset(rows.vocabulary, name, similar);
  boundRows(rows, scratch, search, touched, initialWeight, deferred, found);
}

/** A query token whose frequent lists were not read: its mass is added row by row. */
interface Deferred {
  token: QueryToken;
  /** Its slot in the scratch's similarity stamps. */
  mark: number;
}

/** The exact bounds of the rows seen (the table reset for the name), after cheap bounds from their hit mass. */
function boundRows(
  rows: NameRows,
  scratch: CandidateScratch,
  { name, threshold, schemes }: RowSearch,
  touched: number[],
  initialWeight: number,
  deferred: Deferred[],
  found: (row: number, bound: number) => void,
): void {
  const unread = deferred.reduce((sum, { token }) => sum + token.weight, initialWeight);
  const floor = threshold - ROUNDING_SLACK;
  const organizationPenalty = lowestPenalty(name.kind === "org");
  const personPenalty = lowestPenalty(false);
  const { hitLeft, hitRight } = scratch;
  for (const row of touched) {
    const weight = rows.nameWeight[row]!;
    const flags = rows.rowSchemes[row]!;
    const penalty = flags & ORGANIZATION_ROW ? organizationPenalty : personPenalty;
    const target = floor + (flags & schemes ? CONFLICT_COST : 0);
    // Initials and unread lists may pair with any of the row's tokens.
    let left = Math.min(name.weight, hitLeft[row]! + unread);
    let right = unread > 0 ? weight : Math.min(weight, hitRight[row]!);
    if (alignmentBound(left, right, name.weight, weight, penalty) < target) continue;
    if (deferred.length) {
      addDeferredMass(rows, scratch, deferred, row);
      left = Math.min(name.weight, hitLeft[row]! + initialWeight);
      right = initialWeight > 0 ? weight : Math.min(weight, hitRight[row]!);
      if (alignmentBound(left, right, name.weight, weight, penalty) < target) continue;
    }
    // The exact pair table only for rows that pass the cheap bounds.
    const bound = scratch.table.rowBound(rows, row) - (target - floor);
    if (bound >= floor) found(row, bound);
  }
}

/** How a query token's lists are read: by kind of row (person, organization). */
interface TokenReading {
  readings: number[];
  schemes: number;
}

/**
 * A list no row can be discovered in is still read to add mass to the rows seen, unless it
 * is this many times longer than them: then those rows are scanned instead.
 */
const SCAN_RATIO = 8;

/** True when a list of the token cannot bring new rows: it is only read for the rows seen. */
function closedList(rows: NameRows, id: number, { readings, schemes }: TokenReading): boolean {
  const reading = readings[rows.vocabulary.kinds[id] === "org" ? 1 : 0]!;
  return (
    reading === CLOSED || (reading === UNCONFLICTED && (rows.postingSchemes[id]! & schemes) !== 0)
  );
}

/**
 * Add one query token's similarity mass to the rows of its similar tokens' posting lists,
 * taking in new rows where the reading allows. When a list that cannot bring new rows is far
 * longer than the rows seen, the token's lists are only read for new rows and true is
 * returned: its mass is then added row by row (`addDeferredMass`).
 */
function addToken(
  rows: NameRows,
  scratch: CandidateScratch,
  token: QueryToken,
  stamp: number,
  reading: TokenReading,
  touched: number[],
): boolean {
  const longest = SCAN_RATIO * touched.length + 64;
  const deferred = token.similar.some(
    ([id]) => (rows.postings[id]?.length ?? 0) > longest && closedList(rows, id, reading),
  );
  const tokenStamp = ++scratch.tokenCounter;
  const { hitLeft, hitRight, nameStamp } = scratch;
  const { rowSchemes, vocabulary } = rows;
  const schemes = reading.schemes;
  for (const [id, similarity] of token.similar) {
    const posting = rows.postings[id];
    if (!posting) continue;
    const closed = closedList(rows, id, reading);
    if (closed && deferred) continue;
    const screened = reading.readings[vocabulary.kinds[id] === "org" ? 1 : 0] === UNCONFLICTED;
    const weight = vocabulary.tokens[id]!.weight * similarity;
    const left = token.weight * similarity;
    for (const row of posting) {
      if (nameStamp[row] !== stamp) {
        if (closed || (screened && (rowSchemes[row]! & schemes) !== 0)) continue;
        nameStamp[row] = stamp;
        hitLeft[row] = 0;
        hitRight[row] = 0;
        touched.push(row);
      }
      if (deferred) continue;
      if (scratch.tokenStamp[row] !== tokenStamp) {
        scratch.tokenStamp[row] = tokenStamp;
        hitLeft[row]! += left;
      }
      hitRight[row]! += weight;
    }
  }
  return deferred;
}

/** Add the deferred tokens' similarity mass to one row by scanning its few tokens. */
function addDeferredMass(
  rows: NameRows,
  scratch: CandidateScratch,
  deferred: Deferred[],
  row: number,
): void {
  const start = rows.rowStart[row]!;
  const end = row + 1 < rows.count ? rows.rowStart[row + 1]! : rows.tokenCount;
  for (const { token, mark } of deferred) {
    const stamps = scratch.similarStamps[mark]!;
    const similarity = scratch.similarities[mark]!;
    let best = 0;
    for (let at = start; at < end; at++) {
      const id = rows.rowTokens[at]!;
      if (stamps[id] !== scratch.stamp) continue;
      const value = similarity[id]!;
      if (value > best) best = value;
      scratch.hitRight[row]! += rows.vocabulary.tokens[id]!.weight * value;
    }
    scratch.hitLeft[row]! += token.weight * best;
  }
}
