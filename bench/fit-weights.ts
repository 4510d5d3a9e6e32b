/**
 * Fit the scorer's few named constants (`TUNING` in src/match/tuning.ts) on the dev half of
 * name_bench: an exhaustive grid search for the best F1 at threshold 0.7, ties broken by
 * average precision (how well the scores rank matches above non-matches at any threshold).
 * The held-out half is scored only for the chosen values and the current ones, to be read,
 * not fitted. Run: node --import tsx bench/fit-weights.ts
 */
import { scorePair } from "../src/match/index.js";
import { clearTokenCache } from "../src/match/prepare.js";
import { TUNING } from "../src/match/tuning.js";
import { sharedPath, skipWithoutShared } from "../test/helpers/shared.js";
import { benchHalf, type LabelledPair, readNameBench } from "./quality-data.js";

const THRESHOLD = 0.7;
/** Every penalty stays at or above the index's OMISSION_PENALTY (0.3). */
const GRID: { [K in keyof typeof TUNING]: number[] } = {
  orgOmissionPenalty: [0.5, 0.75, 1, 1.5],
  conflictPenalty: [1.5, 2, 3],
  commonnessSlope: [0, 0.15, 0.3, 0.45],
  editCost: [1, 1.25],
  vowelEditCost: [0.5, 1],
  initialWeight: [1, 2],
  symbolWordWeight: [0.4, 0.7],
  nasabSwapFactor: [0, 0.5, 1],
};

type Tuning = typeof TUNING;

function scoreAll(rows: LabelledPair[], tuning: Tuning): number[] {
  Object.assign(TUNING, tuning);
  clearTokenCache();
  return rows.map((row) => {
    const query = { schema: row.schema, properties: { name: [row.left] } };
    return scorePair(query, { schema: row.schema, properties: { name: [row.right] } }).score;
  });
}

function f1(rows: LabelledPair[], scores: number[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  rows.forEach((row, i) => {
    const predicted = scores[i]! >= THRESHOLD;
    if (predicted && row.match) tp++;
    else if (predicted) fp++;
    else if (row.match) fn++;
  });
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/** Mean precision at each match, scores ranked high to low (ties share their worst rank). */
function averagePrecision(rows: LabelledPair[], scores: number[]): number {
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => scores[b]! - scores[a]! || +rows[a]!.match - +rows[b]!.match);
  let hits = 0;
  let sum = 0;
  order.forEach((index, rank) => {
    if (!rows[index]!.match) return;
    hits++;
    sum += hits / (rank + 1);
  });
  return hits ? sum / hits : 0;
}

function* combinations(): Generator<Tuning> {
  const keys = Object.keys(GRID) as (keyof Tuning)[];
  const walk = function* (at: number, partial: Partial<Tuning>): Generator<Tuning> {
    if (at === keys.length) return yield partial as Tuning;
    for (const value of GRID[keys[at]!]) yield* walk(at + 1, { ...partial, [keys[at]!]: value });
  };
  yield* walk(0, {});
}

function evaluate(rows: LabelledPair[], tuning: Tuning) {
  const scores = scoreAll(rows, tuning);
  return { f1: f1(rows, scores), ap: averagePrecision(rows, scores) };
}

if (skipWithoutShared) {
  console.log("shared data absent: set SANCTRACE_SHARED to run this fit");
} else {
  const rows = readNameBench(sharedPath("name_matching"));
  const dev = rows.filter((row) => benchHalf(row) === "dev");
  const held = rows.filter((row) => benchHalf(row) === "held");
  const current = { ...TUNING };
  const results = [...combinations()].map((tuning) => ({ tuning, ...evaluate(dev, tuning) }));
  results.sort((a, b) => b.f1 - a.f1 || b.ap - a.ap);
  const row = (label: string, tuning: Tuning) => {
    const onDev = evaluate(dev, tuning);
    const onHeld = evaluate(held, tuning);
    const onAll = evaluate(rows, tuning);
    const f = (n: number) => n.toFixed(3);
    return {
      label,
      ...tuning,
      "dev F1": f(onDev.f1),
      "dev AP": f(onDev.ap),
      "held F1": f(onHeld.f1),
      "all F1": f(onAll.f1),
    };
  };
  console.log(
    `grid of ${results.length} on the dev half (${dev.length} pairs); held half ${held.length}`,
  );
  console.table([
    row("current", current),
    ...results.slice(0, 8).map((result, i) => row(i ? `#${i + 1}` : "chosen", result.tuning)),
  ]);
}
