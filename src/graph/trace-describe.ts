import { chplTierOf, describeHsCode } from "../goods/index.js";
import type { Provenance } from "../model/index.js";
import type { Store } from "../store/index.js";
import { edgeWeight, shipmentWeights } from "./edge-weights.js";
import { EvidenceReader } from "./evidence.js";
import type { Graph } from "./graph.js";
import type { FoundPath } from "./paths.js";
import { EdgeKind, edgeSchemas, formatDay, isDerivedKind } from "./types.js";

/** Options that change how a path is explained. */
export interface ExplainOptions {
  timeRespecting?: boolean;
  windowDays?: number;
}

export interface TraceGoods {
  hs: string | null;
  chpl_tier: string | null;
  description: string;
  categories: string[];
}

export interface TraceEdge {
  source: string;
  target: string;
  schema: string;
  id: string;
  date: string | null;
  goods: TraceGoods[];
  evidence: Provenance[];
  weight: number;
  amount?: number;
  percentage?: number;
}

export interface TracePath {
  score: number;
  nodes: string[];
  edges: TraceEdge[];
  reasons: string[];
}

function edgeGoods(graph: Graph, edge: number): TraceGoods[] {
  const index = graph.edgeGoods[edge]!;
  const goods = index >= 0 ? graph.goods[index] : undefined;
  if (!goods) return [];
  const codes: Array<string | null> = goods.codes.length ? goods.codes : [null];
  return codes.map((code) => ({
    hs: code && describeHsCode(code).display,
    chpl_tier: (code && chplTierOf(code)) ?? null,
    description: goods.description,
    categories: goods.categories,
  }));
}

async function describeEdge(
  reader: EvidenceReader,
  edge: number,
  shipment: Float64Array,
): Promise<TraceEdge> {
  const { graph } = reader;
  const kind = graph.edgeKind[edge]!;
  const ref = graph.refOf(edge) ?? String(edge);
  const value = graph.edgeValue[edge]!;
  const described: TraceEdge = {
    source: graph.ids[graph.edgeSource[edge]!]!,
    target: graph.ids[graph.edgeTarget[edge]!]!,
    schema: edgeSchemas[kind]!,
    id: isDerivedKind(kind) ? `${edgeSchemas[kind]}:${ref}` : ref,
    date: formatDay(graph.edgeDate[edge]!) ?? null,
    goods: edgeGoods(graph, edge),
    evidence: await reader.edgeEvidence(edge),
    weight: round(edgeWeight(graph, edge, shipment)),
  };
  if (!Number.isNaN(value))
    Object.assign(
      described,
      kind === EdgeKind.ownership ? { percentage: value } : { amount: value },
    );
  return described;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function edgeReason(edge: TraceEdge, captions: Record<string, string>): string {
  const name = (id: string) => captions[id] ?? id;
  const when = edge.date ? ` on ${edge.date}` : "";
  const goods = edge.goods
    .map((g) =>
      [g.hs && `HS ${g.hs}`, g.chpl_tier && `CHPL tier ${g.chpl_tier}`, ...g.categories]
        .filter(Boolean)
        .join(", "),
    )
    .filter(Boolean);
  const stake = edge.percentage !== undefined ? ` (${edge.percentage}%)` : "";
  const what = goods.length ? `: ${goods.join("; ")}` : "";
  const shared = edge.schema.startsWith("Shared")
    ? ` sharing "${edge.id.slice(edge.schema.length + 1)}"`
    : "";
  return `${edge.schema} ${name(edge.source)} -> ${name(edge.target)}${when}${stake}${shared}${what} [weight ${edge.weight}]`;
}

function pathReasons(
  graph: Graph,
  path: TracePath,
  options: ExplainOptions,
  captions: Record<string, string>,
): string[] {
  const last = path.nodes[path.nodes.length - 1]!;
  const node = graph.nodeOf(last)!;
  const reasons = [
    graph.sanctioned[node]
      ? `ends at sanctioned ${captions[last] ?? last} (${(graph.sanctionRefs.get(node) ?? []).join(", ")})`
      : `reaches ${captions[last] ?? last}`,
    ...path.edges.map((edge) => edgeReason(edge, captions)),
    `score ${path.score} = ${path.edges.map((edge) => edge.weight).join(" × ")}`,
  ];
  if (options.timeRespecting)
    reasons.push(
      `time-respecting: each shipment or payment follows the one before within ${options.windowDays ?? 365} days`,
    );
  return reasons;
}

async function captionsOf(store: Store, ids: string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    ids.map(async (id) => [id, (await store.getEntity(id))?.caption ?? id] as const),
  );
  return Object.fromEntries(entries);
}

/**
 * Explain found paths with the statements behind every edge, names and reasons.
 * @example await describePaths(store, graph, findPaths(graph, query).paths, options)
 */
export async function describePaths(
  store: Store,
  graph: Graph,
  found: FoundPath[],
  options: ExplainOptions,
): Promise<{ paths: TracePath[]; captions: Record<string, string> }> {
  const reader = new EvidenceReader(store, graph);
  const shipment = shipmentWeights(graph);
  const ids = [...new Set(found.flatMap((path) => path.nodes.map((node) => graph.ids[node]!)))];
  const captions = await captionsOf(store, ids);
  const paths: TracePath[] = [];
  for (const path of found) {
    const described: TracePath = {
      score: round(path.score),
      nodes: path.nodes.map((node) => graph.ids[node]!),
      edges: await Promise.all(path.edges.map((edge) => describeEdge(reader, edge, shipment))),
      reasons: [],
    };
    described.reasons = pathReasons(graph, described, options, captions);
    paths.push(described);
  }
  return { paths, captions };
}
