import { SanctraceError } from "../model/index.js";
import type { Store } from "../store/index.js";
import { buildGraph } from "./build-from-store.js";
import { goodsMask, parseGoodsFilter } from "./goods-filter.js";
import type { Graph } from "./graph.js";
import { findPaths, type PathQuery } from "./paths.js";
import { describePaths, type TracePath } from "./trace-describe.js";
import { NO_DATE, parseDay } from "./types.js";

export type { TraceEdge, TraceGoods, TracePath } from "./trace-describe.js";

/** What `sanctrace trace` asks; the API takes the same object. */
export interface TraceOptions {
  from?: string;
  fromCountry?: string;
  to?: string;
  toSanctioned?: boolean;
  maxDepth?: number;
  since?: string;
  until?: string;
  goods?: string;
  timeRespecting?: boolean;
  windowDays?: number;
  limit?: number;
}

export interface TraceResult {
  paths: TracePath[];
  captions: Record<string, string>;
  expanded: number;
  truncated: boolean;
}

function nodeOrThrow(graph: Graph, id: string, option: string): number {
  const node = graph.nodeOf(id);
  if (node === undefined) {
    throw new SanctraceError(
      "trace_unknown_entity",
      `no entity "${id}" in the graph; check the id with \`sanctrace entity\``,
      option,
    );
  }
  return node;
}

function dayOrThrow(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const day = parseDay(text);
  if (day === NO_DATE)
    throw new SanctraceError(
      "trace_bad_date",
      `expected a date like 2023-05-01, found "${text}"`,
      option,
    );
  return day;
}

/**
 * Turn trace options into a path query on this graph, refusing unknown ids and bad dates.
 * @example toPathQuery(graph, { from: "acme", toSanctioned: true }).to // "sanctioned"
 */
export function toPathQuery(graph: Graph, options: TraceOptions): PathQuery {
  if (options.from && options.fromCountry) {
    throw new SanctraceError(
      "trace_conflicting_options",
      "give --from or --from-country, not both",
      "--from",
    );
  }
  if (options.to && options.toSanctioned) {
    throw new SanctraceError(
      "trace_conflicting_options",
      "give --to or --to-sanctioned, not both",
      "--to",
    );
  }
  let sources: number[];
  if (options.from) sources = [nodeOrThrow(graph, options.from, "--from")];
  else if (options.fromCountry)
    sources = [...(graph.countryNodes.get(options.fromCountry.toLowerCase()) ?? [])];
  else
    throw new SanctraceError(
      "trace_no_source",
      "say where chains start: --from ID or --from-country CC",
      "--from",
    );
  const query: PathQuery = {
    sources,
    to: options.to ? { node: nodeOrThrow(graph, options.to, "--to") } : "sanctioned",
  };
  const since = dayOrThrow(options.since, "--since");
  const until = dayOrThrow(options.until, "--until");
  if (since !== undefined) query.since = since;
  if (until !== undefined) query.until = until;
  if (options.goods) query.goods = goodsMask(graph.goods, parseGoodsFilter(options.goods));
  for (const key of ["maxDepth", "windowDays", "limit", "timeRespecting"] as const) {
    if (options[key] !== undefined) Object.assign(query, { [key]: options[key] });
  }
  return query;
}

/**
 * Find the K best chains from a supplier (or a country's parties) to a sanctioned party (or
 * a chosen one), each edge with its goods, date and evidence.
 * @example await traceSupplyChains(store, { from: "cn-supplier", toSanctioned: true, goods: "battlefield" })
 */
export async function traceSupplyChains(
  store: Store,
  options: TraceOptions,
  graph?: Graph,
): Promise<TraceResult> {
  const built = graph ?? (await buildGraph(store));
  const search = findPaths(built, toPathQuery(built, options));
  const described = await describePaths(store, built, search.paths, options);
  return { ...described, expanded: search.expanded, truncated: search.truncated };
}
