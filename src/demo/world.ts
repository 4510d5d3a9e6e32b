import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { EntityBuilder, type FtmEntity, sha256 } from "../model/index.js";
import type { DatasetLoad, Store } from "../store/index.js";
import type { DemoCase } from "./case-types.js";
import { generateCase } from "./generate-case.js";
import { worldEntities } from "./world-entities.js";
import { frontCompanies, layeredOwnership, splitPayments } from "./world-schemes.js";
import { normalTrade, worldTransshipment } from "./world-trade.js";

/** The schemes of a world: the planted ones first, then normal trade around them. */
export const worldSchemes = [
  worldTransshipment,
  frontCompanies,
  layeredOwnership,
  splitPayments,
  normalTrade,
];

/** The datasets a world is loaded into. */
export const WORLD_DATASETS = { evidence: "world_evidence", lists: "world_sanctions" } as const;

/**
 * A world to test leads on: normal trade among many companies (some CHPL goods, some hubs,
 * some new companies, forwarders and third-party payers) around planted schemes, with the
 * ground truth in `findings`. The same seed gives the same world.
 * @example generateWorld({ seed: 3, size: 500 }).findings.map((f) => f.scheme)
 */
export function generateWorld(options: { seed?: number; size?: number } = {}): DemoCase {
  return generateCase({ ...options, schemes: worldSchemes });
}

function ftmText(entities: FtmEntity[]): string {
  return `${entities.map((e) => JSON.stringify(e)).join("\n")}\n`;
}

async function loadDataset(
  store: Store,
  name: string,
  kind: DatasetLoad["kind"],
  entities: FtmEntity[],
  file: string,
) {
  const text = ftmText(entities);
  const source = sha256(text);
  const statements = entities.flatMap((entity, index) => {
    const builder = new EntityBuilder(entity.schema, entity.id, { dataset: name, source });
    for (const [prop, values] of Object.entries(entity.properties))
      for (const value of values) builder.add(prop, value, `line:${index + 1}`);
    return builder.statements;
  });
  async function* batches() {
    for (let i = 0; i < statements.length; i += 5000) yield statements.slice(i, i + 5000);
  }
  const sources = [{ name: file, sha256: source, size: Buffer.byteLength(text) }];
  return store.replaceDataset({ name, title: name, kind, sources }, batches());
}

/**
 * Write a world as FtM JSON lines (`world-evidence.ftm.json`, `world-sanctions.ftm.json`) with
 * `ground-truth.json` beside them, when `dir` is given, and load it into the store.
 * @example await loadWorld(store, generateWorld({ seed: 3 }), "/tmp/world");
 */
export async function loadWorld(store: Store, world: DemoCase, dir?: string): Promise<void> {
  const { evidence, lists } = worldEntities(world);
  const files = { evidence: "world-evidence.ftm.json", lists: "world-sanctions.ftm.json" };
  if (dir) {
    writeFileSync(join(dir, files.evidence), ftmText(evidence));
    writeFileSync(join(dir, files.lists), ftmText(lists));
    writeFileSync(
      join(dir, "ground-truth.json"),
      `${JSON.stringify({ fictional: true, ...world, files }, null, 2)}\n`,
    );
  }
  await loadDataset(store, WORLD_DATASETS.lists, "list", lists, files.lists);
  await loadDataset(store, WORLD_DATASETS.evidence, "evidence", evidence, files.evidence);
}

export interface WorldReport {
  dir: string;
  truth: string;
  seed: number;
  size: number;
  companies: number;
  shipments: number;
  payments: number;
  /** Planted findings per scheme. */
  schemes: Record<string, number>;
}

/**
 * Generate a world, write it with its ground truth to `dir`, and load it into the store
 * (replacing a previous world).
 * @example const report = await runWorld(store, { seed: 3, size: 1000, dir: "/tmp/world" });
 */
export async function runWorld(
  store: Store,
  options: { seed?: number; size?: number; dir?: string } = {},
): Promise<WorldReport> {
  const dir = resolve(options.dir ?? "sanctrace-world");
  mkdirSync(dir, { recursive: true });
  const world = generateWorld(options);
  await loadWorld(store, world, dir);
  const schemes: Record<string, number> = {};
  for (const finding of world.findings)
    schemes[finding.scheme] = (schemes[finding.scheme] ?? 0) + 1;
  return {
    dir,
    truth: join(dir, "ground-truth.json"),
    seed: world.seed,
    size: world.size,
    companies: world.companies.length,
    shipments: world.shipments.length,
    payments: world.payments.length,
    schemes,
  };
}
