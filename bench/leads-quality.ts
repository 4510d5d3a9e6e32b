/**
 * Leads quality on generated worlds with fresh seeds: how many planted schemes have an
 * unlisted party of theirs among the top leads, at the deepest cut where precision is still
 * ≥ 0.8, against a baseline that ranks by screening hits alone (same scorer, other reasons
 * dropped); and whether any "just below 50%" structure is wrongly blocked by the 50% rule.
 * The ranking never sees the ground truth; only the scoring of the ranking does.
 *   node --import tsx bench/leads-quality.ts [--seed S] [--worlds 5] [--size 1500]
 */
import { parseArgs } from "node:util";
import { type DemoCase, generateWorld, loadWorld } from "../src/demo/index.js";
import {
  assessOwnership,
  buildGraph,
  collectFlagFacts,
  detectFlags,
  type EntityRisk,
  scoreEntities,
} from "../src/graph/index.js";
import { SqliteStore } from "../src/store/index.js";

const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: String(Date.now() % 1_000_000) },
    worlds: { type: "string", default: "5" },
    size: { type: "string", default: "1500" },
  },
});

interface Score {
  cut: number;
  precision: number;
  schemeRecall: number;
  hiddenRecall: number;
}

/** Deepest cut K with precision@K ≥ 0.8, and the recall of schemes and hidden parties there. */
function evaluate(ranking: string[], world: DemoCase): Score {
  const positives = new Set(world.findings.flatMap((f) => f.companies));
  const schemes = world.findings.filter((f) => f.hidden?.length);
  let cut = 0;
  let hits = 0;
  ranking.forEach((id, index) => {
    if (positives.has(id)) hits++;
    if (hits / (index + 1) >= 0.8) cut = index + 1;
  });
  const top = new Set(ranking.slice(0, cut));
  const hidden = schemes.flatMap((f) => f.hidden ?? []);
  const correct = [...top].filter((id) => positives.has(id)).length;
  return {
    cut,
    precision: cut ? correct / cut : 1,
    schemeRecall:
      schemes.filter((f) => f.hidden!.some((id) => top.has(id))).length / schemes.length,
    hiddenRecall: hidden.filter((id) => top.has(id)).length / hidden.length,
  };
}

function rankingOf(risks: EntityRisk[], keep: (kind: string) => boolean): string[] {
  return risks
    .map((risk) => ({
      id: risk.id,
      score: risk.reasons.filter((r) => keep(r.kind)).reduce((sum, r) => sum + r.contribution, 0),
    }))
    .filter((risk) => risk.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .map((risk) => risk.id);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The same ranking with the listed parties left out: only what screening alone cannot find. */
function unlistedOnly(ranking: string[], world: DemoCase): Score {
  const listed = new Set(world.companies.filter((c) => c.listed).map((c) => c.key));
  const unlisted = {
    ...world,
    findings: world.findings.map((f) => ({
      ...f,
      companies: f.companies.filter((k) => !listed.has(k)),
    })),
  };
  return evaluate(
    ranking.filter((id) => !listed.has(id)),
    unlisted,
  );
}

const results: Record<string, Score[]> = {
  "leads (all reasons)": [],
  "baseline: screening hits only": [],
  "leads, unlisted parties only": [],
  "baseline, unlisted only": [],
};
let falseBlocked = 0;
let controls = 0;
let missedBlocked = 0;
let aboveStructures = 0;
const seeds = Array.from({ length: Number(args.worlds) }, (_, i) => Number(args.seed) + i);
for (const seed of seeds) {
  const world = generateWorld({ seed, size: Number(args.size) });
  const store = new SqliteStore(":memory:");
  await loadWorld(store, world);
  const started = performance.now();
  const graph = await buildGraph(store);
  const risks = scoreEntities(graph, detectFlags(await collectFlagFacts(store), graph));
  const elapsed = performance.now() - started;
  results["leads (all reasons)"]!.push(
    evaluate(
      rankingOf(risks, () => true),
      world,
    ),
  );
  results["leads, unlisted parties only"]!.push(
    unlistedOnly(
      rankingOf(risks, () => true),
      world,
    ),
  );
  results["baseline, unlisted only"]!.push(
    unlistedOnly(
      rankingOf(risks, (kind) => kind === "screening"),
      world,
    ),
  );
  results["baseline: screening hits only"]!.push(
    evaluate(
      rankingOf(risks, (kind) => kind === "screening"),
      world,
    ),
  );
  for (const finding of world.findings) {
    for (const id of finding.controls ?? []) {
      controls++;
      if (assessOwnership(graph, id).blocked_by_ownership) falseBlocked++;
    }
    if (finding.scheme !== "ownership-above-50") continue;
    aboveStructures++;
    if (!assessOwnership(graph, finding.hidden![0]!).blocked_by_ownership) missedBlocked++;
  }
  console.log(
    `seed ${seed}: ${world.companies.length} companies, ${world.shipments.length} shipments, ${world.payments.length} payments, ${world.findings.length} findings; graph+flags+risk ${elapsed.toFixed(0)} ms`,
  );
  await store.close();
}

console.log(
  `\nworlds: ${seeds.length} (seeds ${seeds.join(", ")}), size ${args.size}; medians over worlds`,
);
console.log(
  "method                          | cut K (P≥0.8) | precision | scheme recall | hidden-party recall | min scheme recall",
);
for (const [method, scores] of Object.entries(results)) {
  const cells = [
    median(scores.map((s) => s.cut)).toFixed(0),
    median(scores.map((s) => s.precision)).toFixed(3),
    median(scores.map((s) => s.schemeRecall)).toFixed(3),
    median(scores.map((s) => s.hiddenRecall)).toFixed(3),
    Math.min(...scores.map((s) => s.schemeRecall)).toFixed(3),
  ];
  console.log(
    `${method.padEnd(31)} | ${cells.map((c, i) => c.padStart([13, 9, 13, 19, 17][i]!)).join(" | ")}`,
  );
}
console.log(
  `\n50% rule: ${falseBlocked} false findings on ${controls} "just below 50%" structures; ${aboveStructures - missedBlocked}/${aboveStructures} "just above" structures blocked`,
);
