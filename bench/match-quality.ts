/**
 * Name-matching quality at threshold 0.7: sanctrace against logic-v2 (scores in the file)
 * on nomenklatura's name_bench dev half, sliced by case group and script; plus recall on the
 * positive-only cross-script files. The file is split by a hash of each pair into a `dev` half
 * (tuning looks at it) and a `held` half (checked only at the end); both are reported.
 * Run: node --import tsx bench/match-quality.ts [--half dev|held] [--errors]
 * (`--half` restricts the group and script slices and the error list; errors default to dev)
 */
import { scorePair } from "../src/match/index.js";
import { sharedPath, skipWithoutShared } from "../test/helpers/shared.js";
import {
  benchHalf,
  type LabelledPair,
  pairScript,
  readNameBench,
  readPositivePairs,
} from "./quality-data.js";

const THRESHOLD = 0.7;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function count(rows: LabelledPair[], predict: (row: LabelledPair) => boolean): Counts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const row of rows) {
    const predicted = predict(row);
    if (predicted && row.match) counts.tp++;
    else if (predicted) counts.fp++;
    else if (row.match) counts.fn++;
    else counts.tn++;
  }
  return counts;
}

function metrics({ tp, fp, fn }: Counts) {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function sliceRow(label: string, rows: LabelledPair[], scores: Map<LabelledPair, number>) {
  const ours = metrics(count(rows, (row) => scores.get(row)! >= THRESHOLD));
  const theirs = metrics(count(rows, (row) => (row.logicV2 ?? 0) >= THRESHOLD));
  const f = (n: number) => n.toFixed(3);
  return {
    slice: label,
    pairs: rows.length,
    "sanctrace P": f(ours.precision),
    "sanctrace R": f(ours.recall),
    "sanctrace F1": f(ours.f1),
    "logic-v2 P": f(theirs.precision),
    "logic-v2 R": f(theirs.recall),
    "logic-v2 F1": f(theirs.f1),
  };
}

function groupBy(rows: LabelledPair[], key: (row: LabelledPair) => string) {
  const groups = new Map<string, LabelledPair[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function score(schema: string, left: string, right: string): number {
  const query = { schema, properties: { name: [left] } };
  return scorePair(query, { schema, properties: { name: [right] } }).score;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function benchLabelled(folder: string): void {
  const half = option("--half");
  const rows = readNameBench(folder);
  const scores = new Map(rows.map((row) => [row, score(row.schema, row.left, row.right)]));
  const table = [sliceRow("all", rows, scores)];
  for (const [half, slice] of groupBy(rows, benchHalf)) {
    table.push(sliceRow(`half ${half}`, slice, scores));
  }
  const chosen = rows.filter((row) => benchHalf(row) === (half ?? benchHalf(row)));
  for (const [group, slice] of groupBy(chosen, (row) => row.group)) {
    table.push(sliceRow(`group ${group}`, slice, scores));
  }
  for (const [script, slice] of groupBy(chosen, (row) => pairScript(row.left, row.right))) {
    table.push(sliceRow(`script ${script}`, slice, scores));
  }
  console.log(
    `name_bench_dev.csv, threshold 0.7 (logic-v2: frozen scores from the file); slices: ${half ?? "both"} half`,
  );
  console.table(table);
  if (process.argv.includes("--errors")) {
    for (const row of rows.filter((row) => benchHalf(row) === (half ?? "dev"))) {
      const predicted = scores.get(row)! >= THRESHOLD;
      if (predicted !== row.match) {
        console.log(
          `${row.match ? "FN" : "FP"} ${scores.get(row)!.toFixed(3)} ${row.schema} ${row.left} | ${row.right}`,
        );
      }
    }
  }
}

function benchPositives(folder: string): void {
  const table = Object.entries(readPositivePairs(folder)).map(([source, pairs]) => {
    const scores = pairs.map(([left, right]) => score("Person", left, right)).sort((a, b) => a - b);
    const recalled = scores.filter((value) => value >= THRESHOLD).length;
    return {
      source,
      pairs: pairs.length,
      "below 0.7": pairs.length - recalled,
      "recall@0.7": (recalled / pairs.length).toFixed(4),
      "median score": scores[Math.floor(scores.length / 2)]!.toFixed(3),
    };
  });
  console.log("positive-only pairs (score both names as Person)");
  console.table(table);
}

if (skipWithoutShared) {
  console.log("shared data absent: set SANCTRACE_SHARED to run this benchmark");
} else {
  const folder = sharedPath("name_matching");
  benchLabelled(folder);
  benchPositives(folder);
}
