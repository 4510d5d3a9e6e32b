/**
 * Mention extraction throughput, in MB of UTF-8 text per second, with every name of every
 * list found in ../shared/data in the automaton (plus the gazetteer), against a baseline
 * measured in the same run: a naive scan that runs `indexOf` once per folded name over the
 * same folded text (on a sample, as it is slow). Medians of 5 runs after a warm-up; wall and
 * CPU time, since the machine is shared.
 *
 *   node --import tsx bench/extract-mentions.ts [DATA_DIR] [MB]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  annotateDocument,
  buildLexicon,
  extractMentions,
  foldText,
  type Lexicon,
} from "../src/extract/index.js";
import type { EntityRecord } from "../src/model/index.js";
import { listFormats, loadLists } from "../src/sources/index.js";
import { openStore } from "../src/store/index.js";

const RUNS = 5;
const dataDir = resolve(process.argv[2] ?? join(import.meta.dirname, "../../shared/data"));
const targetMb = Number(process.argv[3] ?? 4);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall and CPU seconds of one run. */
function time(run: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

/** Every list folder or FtM file the list readers claim; the others are skipped. */
async function loadEveryList(): Promise<EntityRecord[]> {
  const store = await openStore(join(mkdtempSync(join(tmpdir(), "bench-")), "w.db"));
  for (const name of readdirSync(dataDir).sort()) {
    try {
      // One dataset per folder, so two snapshots of a list both count.
      await loadLists(store, [join(dataDir, name)], { formats: listFormats, dataset: name });
    } catch {
      // Not a list (articles, HS codes …) or a format this branch cannot read yet.
    }
  }
  const datasets = await store.listDatasets();
  console.log(`lists: ${datasets.map((d) => `${d.name} (${d.entities})`).join(", ")}`);
  const entities: EntityRecord[] = [];
  for await (const entity of store.iterateEntities()) entities.push(entity);
  await store.close();
  return entities;
}

/** A deterministic random generator, so every run reads the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const FILLER = [
  "According to customs records, the shipment cleared in the third quarter.",
  "Согласно таможенным данным, партия была оформлена в третьем квартале.",
  "根据海关记录，这批货物在第三季度清关。",
  "The invoices list engines, flight controllers and thermal cameras.",
];

/** Articles of about `mb` MB: the real one if present, and generated ones naming list entries. */
function buildCorpus(entities: EntityRecord[], mb: number): string[] {
  const names = entities.flatMap((e) => e.properties.name ?? []).filter((n) => n.length < 60);
  const next = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const article = join(dataDir, "articles", "2025-09-kupol-chinese-drones.txt");
  const documents = existsSync(article) ? [readFileSync(article, "utf8")] : [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    const sentences = Array.from({ length: 30 }, () =>
      next() < 0.3
        ? `${pick(names)} supplied A140 drones to ${pick(names)} in Izhevsk.`
        : pick(FILLER),
    );
    const text = sentences.join(" ");
    documents.push(text);
    bytes += Buffer.byteLength(text);
  }
  return documents;
}

/** The baseline: one indexOf per folded name over the folded text. */
function naiveScan(patterns: string[], folded: string): number {
  let hits = 0;
  for (const pattern of patterns) {
    for (let at = folded.indexOf(pattern); at >= 0; at = folded.indexOf(pattern, at + 1)) hits++;
  }
  return hits;
}

function flatten(text: string): string {
  const { symbols } = foldText(text);
  return Array.from(symbols, (s) => (s < 26 ? String.fromCharCode(97 + s) : String(s - 26))).join(
    "",
  );
}

function measure(label: string, mb: number, run: () => unknown) {
  run();
  const runs = Array.from({ length: RUNS }, () => time(run));
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  return { label, mb, wall, cpu, mbPerWall: mb / wall, mbPerCpu: mb / cpu };
}

function documentOf(text: string, index: number) {
  return { id: `doc-${index}`, text, pages: [], dataset: "bench", source: "bench" };
}

async function main(): Promise<void> {
  const entities = await loadEveryList();
  const started = process.hrtime.bigint();
  const lexicon: Lexicon = await buildLexicon(entities);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const patterns = lexicon.patterns;
  console.log(
    `automaton: ${patterns.length} names and places, ${lexicon.automaton.nodes} nodes, built in ${buildSeconds.toFixed(1)} s; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
  const corpus = buildCorpus(entities, targetMb);
  const mb = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  const sample = corpus.slice(0, 8);
  const sampleMb = sample.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  const sampleFolded = sample.map(flatten);
  const rows = [
    measure("automaton scan (fold + Aho-Corasick)", mb, () =>
      corpus.map((t) => lexicon.automaton.scan(foldText(t))),
    ),
    measure("extractMentions (names, patterns, aliases)", mb, () =>
      corpus.map((t) => extractMentions(t, lexicon)),
    ),
    measure("annotateDocument (+ cues, statements)", mb, () =>
      corpus.map((t, i) => annotateDocument(documentOf(t, i), lexicon)),
    ),
    measure("baseline: indexOf per name (folded text)", sampleMb, () =>
      sampleFolded.map((t) => naiveScan(patterns, t)),
    ),
  ];
  console.log(
    `corpus: ${corpus.length} documents, ${mb.toFixed(2)} MB; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log("| what | MB | median wall s | median CPU s | MB/s wall | MB/s CPU |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    console.log(
      `| ${row.label} | ${row.mb.toFixed(3)} | ${row.wall.toFixed(3)} | ${row.cpu.toFixed(3)} | ${row.mbPerWall.toFixed(2)} | ${row.mbPerCpu.toFixed(2)} |`,
    );
  }
  const speedup = rows[0]!.mbPerCpu / rows[3]!.mbPerCpu;
  console.log(`automaton vs naive per-name scan: ${speedup.toFixed(0)}x (CPU)`);
}

await main();
