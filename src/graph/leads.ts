import type { Store } from "../store/index.js";
import { buildGraph } from "./build-from-store.js";
import { EvidenceReader } from "./evidence.js";
import { citeFlag, collectFlagFacts, detectFlags, type RedFlag } from "./flags/index.js";
import { goodsMask, parseGoodsFilter } from "./goods-filter.js";
import type { Graph } from "./graph.js";
import { findPaths } from "./paths.js";
import { type EntityRisk, type RiskReason, scoreEntities } from "./risk.js";
import { describePaths, type TracePath } from "./trace-describe.js";

export interface EntityLead extends EntityRisk {
  caption: string;
  flags: RedFlag[];
}

export interface PathLead extends TracePath {
  /** Sum of the risk of the path's entities. */
  risk: number;
  risk_reasons: Array<{ entity: string; contribution: number; reasons: string[] }>;
}

export interface LeadsResult {
  entities: EntityLead[];
  paths: PathLead[];
}

export interface LeadsOptions {
  limit?: number;
  /** Skip red flags and paths' evidence lookups: rank only (for benchmarks). */
  rankOnly?: boolean;
}

/** Chains of battlefield goods from the riskiest unlisted parties to listed ones. */
function riskyPaths(graph: Graph, risks: EntityRisk[], limit: number) {
  const sources = risks
    .filter((risk) => !risk.reasons.some((r) => r.code === "sanctioned"))
    .slice(0, limit * 2)
    .flatMap((risk) => graph.nodeOf(risk.id) ?? []);
  if (!sources.length) return [];
  const goods = goodsMask(graph.goods, parseGoodsFilter("battlefield"));
  return findPaths(graph, { sources, to: "sanctioned", goods, limit: limit * 4, maxDepth: 4 })
    .paths;
}

function rankPaths(paths: TracePath[], risks: Map<string, EntityRisk>, limit: number): PathLead[] {
  return paths
    .map((path) => {
      const parts = path.nodes.flatMap((id) => {
        const risk = risks.get(id);
        return risk ? [{ entity: id, contribution: risk.score, reasons: codes(risk.reasons) }] : [];
      });
      const risk = Math.round(parts.reduce((sum, p) => sum + p.contribution, 0) * 1000) / 1000;
      return { ...path, risk, risk_reasons: parts };
    })
    .sort((a, b) => b.risk - a.risk)
    .slice(0, limit);
}

const codes = (reasons: RiskReason[]) => reasons.map((r) => `${r.code} +${r.contribution}`);

/**
 * The top leads of a workspace: entities ranked by risk (screening hits, ownership, red flags,
 * goods tier) with their flags and evidence, and the riskiest battlefield-goods chains.
 * @example const { entities, paths } = await findLeads(store, { limit: 10 });
 */
export async function findLeads(
  store: Store,
  options: LeadsOptions = {},
  built?: Graph,
): Promise<LeadsResult> {
  const limit = options.limit ?? 20;
  const graph = built ?? (await buildGraph(store));
  const hits = detectFlags(await collectFlagFacts(store), graph);
  const risks = scoreEntities(graph, hits);
  const top = risks.slice(0, limit);
  if (options.rankOnly)
    return { entities: top.map((r) => ({ ...r, caption: r.id, flags: [] })), paths: [] };
  const reader = new EvidenceReader(store, graph);
  const entities = await Promise.all(
    top.map(async (risk) => ({
      ...risk,
      caption: (await store.getEntity(risk.id))?.caption ?? risk.id,
      flags: await Promise.all(
        hits
          .filter((h) => h.entity === risk.id)
          .slice(0, 10)
          .map((h) => citeFlag(h, reader)),
      ),
    })),
  );
  const described = await describePaths(store, graph, riskyPaths(graph, risks, limit), {});
  const byId = new Map(risks.map((risk) => [risk.id, risk]));
  return { entities, paths: rankPaths(described.paths, byId, limit) };
}
