import { SanctraceError } from "../model/index.js";
import type { Graph } from "./graph.js";
import {
  chainArithmetic,
  directStakes,
  formatPercent,
  ownershipChains,
  upwardClosure,
} from "./ownership-chains.js";
import { type EuUkBasis, euUkReport } from "./ownership-eu-uk.js";

export type { EuUkBasis } from "./ownership-eu-uk.js";

export interface OwnerReport {
  id: string;
  /** Multiplied along each chain, summed over chains. */
  effective_percentage: number;
  sanctioned: boolean;
  /** The strongest chain, owner first, the assessed entity last. */
  chain: string[];
  chains: Array<{ nodes: string[]; percentage: number; arithmetic: string }>;
}

export interface Holding {
  owner: string;
  percentage: number;
  status: "sanctioned" | "blocked_by_ownership";
  chain: string[];
  links: string[];
}

export interface OwnershipReport {
  id: string;
  sanctioned: boolean;
  /** OFAC/BIS: sum of direct stakes held by sanctioned or (recursively) blocked owners. */
  aggregate_sanctioned_percentage: number;
  blocked_by_ownership: boolean;
  owners: OwnerReport[];
  ofac: { rule: string; holdings: Holding[]; arithmetic: string[] };
  eu_uk: { rule: string; owned_or_controlled: boolean; basis: EuUkBasis[] };
}

const threshold = 50;

/** Least fixed point: an entity is blocked when listed or ≥50% held by blocked owners. */
function ofacBlocked(graph: Graph, closure: number[]): Map<number, number | "listed"> {
  const blocked = new Map<number, number | "listed">();
  for (const node of closure) if (graph.sanctioned[node]) blocked.set(node, "listed");
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of closure) {
      if (blocked.has(node)) continue;
      const total = sumBlocked(graph, node, blocked);
      if (total >= threshold) {
        blocked.set(node, total);
        changed = true;
      }
    }
  }
  return blocked;
}

function sumBlocked(graph: Graph, node: number, blocked: Map<number, unknown>): number {
  return directStakes(graph, node)
    .filter((stake) => blocked.has(stake.owner))
    .reduce((sum, stake) => sum + stake.percentage, 0);
}

/** Chain of blocking from a listed party down to `node`, through its largest blocked holder. */
function blockingChain(
  graph: Graph,
  node: number,
  blocked: Map<number, unknown>,
  seen = new Set<number>(),
): number[] {
  if (graph.sanctioned[node] || seen.has(node)) return [node];
  seen.add(node);
  const holders = directStakes(graph, node).filter((s) => blocked.has(s.owner));
  const top = holders.sort((a, b) => b.percentage - a.percentage)[0];
  return top ? [...blockingChain(graph, top.owner, blocked, seen), node] : [node];
}

function ofacReport(graph: Graph, node: number, closure: number[]) {
  const blocked = ofacBlocked(graph, closure);
  blocked.delete(node);
  // The entity's own listing must not count as ownership by itself.
  const ids = graph.ids;
  const holdings: Holding[] = directStakes(graph, node)
    .filter((stake) => blocked.has(stake.owner))
    .map((stake) => ({
      owner: ids[stake.owner]!,
      percentage: stake.percentage,
      status:
        blocked.get(stake.owner) === "listed"
          ? ("sanctioned" as const)
          : ("blocked_by_ownership" as const),
      chain: [...blockingChain(graph, stake.owner, blocked), node].map((n) => ids[n]!),
      links: stake.edges.map((edge) => graph.refOf(edge) ?? String(edge)),
    }));
  const aggregate = holdings.reduce((sum, holding) => sum + holding.percentage, 0);
  const arithmetic = [...blocked]
    .filter(([, why]) => why !== "listed")
    .map(
      ([other, total]) =>
        `${ids[other]} blocked: ${formatPercent(total as number)} held by blocked owners ≥ 50%`,
    );
  const terms = holdings.map((h) => `${formatPercent(h.percentage)} (${h.owner}, ${h.status})`);
  const verdict = aggregate >= threshold ? "≥ 50%: blocked" : "< 50%: not blocked";
  arithmetic.push(
    `${ids[node]}: ${terms.length ? terms.join(" + ") : "0%"} = ${formatPercent(aggregate)} ${verdict}`,
  );
  return { aggregate, holdings, arithmetic };
}

function ownerReports(graph: Graph, node: number): OwnerReport[] {
  const byOwner = new Map<number, { total: number; report: OwnerReport }>();
  for (const chain of ownershipChains(graph, node)) {
    const owner = chain.nodes[0]!;
    const nodes = chain.nodes.map((n) => graph.ids[n]!);
    const entry = byOwner.get(owner) ?? {
      total: 0,
      report: {
        id: graph.ids[owner]!,
        effective_percentage: 0,
        sanctioned: graph.sanctioned[owner] === 1,
        chain: nodes,
        chains: [],
      },
    };
    entry.total += chain.effective;
    entry.report.chains.push({
      nodes,
      percentage: round(chain.effective),
      arithmetic: chainArithmetic(chain.percentages),
    });
    entry.report.chain = entry.report.chains.reduce((best, c) =>
      c.percentage > best.percentage ? c : best,
    ).nodes;
    byOwner.set(owner, entry);
  }
  const reports = [...byOwner.values()].map(({ total, report }) => ({
    ...report,
    effective_percentage: round(total),
  }));
  return reports.sort(
    (a, b) => b.effective_percentage - a.effective_percentage || a.id.localeCompare(b.id),
  );
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Ownership of an entity: every direct and indirect owner with the multiplied percentage,
 * the OFAC/BIS 50% rule (ownership only, aggregated over blocked owners, applied through
 * blocked intermediaries) and the EU/UK owned-or-controlled test, each with its arithmetic.
 * @example assessOwnership(graph, "acme").blocked_by_ownership // true
 */
export function assessOwnership(graph: Graph, id: string): OwnershipReport {
  const node = graph.nodeOf(id);
  if (node === undefined)
    throw new SanctraceError(
      "ownership_unknown_entity",
      `no entity "${id}" in the graph; check the id with \`sanctrace entity\``,
      id,
    );
  const closure = upwardClosure(graph, node);
  const ofac = ofacReport(graph, node, closure);
  const basis = euUkReport(graph, node, closure);
  return {
    id,
    sanctioned: graph.sanctioned[node] === 1,
    aggregate_sanctioned_percentage: round(ofac.aggregate),
    blocked_by_ownership: ofac.aggregate >= threshold,
    owners: ownerReports(graph, node),
    ofac: {
      rule: "OFAC/BIS 50% rule: blocked persons' ownership, aggregated, ≥ 50%",
      holdings: ofac.holdings,
      arithmetic: ofac.arithmetic,
    },
    eu_uk: {
      rule: "EU/UK owned (> 50% by one designated person) or controlled",
      owned_or_controlled: basis.length > 0,
      basis,
    },
  };
}
