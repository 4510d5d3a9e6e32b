import { MultiDirectedGraph } from "graphology";
import type { GraphData, GraphEdge, GraphNode } from "../../src/api/types.js";

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  node: GraphNode;
}

export interface EdgeAttributes {
  size: number;
  color: string;
  label: string;
  edge: GraphEdge;
}

export type WorkGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/** What the filter controls select; an empty set of types means every type. */
export interface GraphFilter {
  types: Set<string>;
  from: string;
  until: string;
  tier: string;
}

const colorOf = (node: GraphNode) =>
  node.sanctioned ? "#dc2626" : node.schema === "Person" ? "#2563eb" : "#0f766e";

export function createWorkGraph(): WorkGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
}

/**
 * Merge nodes and edges from the API into the graph; new nodes start on a ring around
 * `around` (an expanded node) or on a spiral, so the layout has somewhere to begin.
 */
export function mergeGraph(graph: WorkGraph, data: GraphData, around?: string): string[] {
  const center = around && graph.hasNode(around) ? graph.getNodeAttributes(around) : { x: 0, y: 0 };
  const added: string[] = [];
  const fresh = data.nodes.filter((node) => !graph.hasNode(node.id));
  fresh.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, fresh.length) + graph.order;
    const radius = around ? 1 + Math.random() * 0.2 : Math.sqrt(graph.order + 1) * 2;
    graph.addNode(node.id, {
      x: center.x + Math.cos(angle) * radius,
      y: center.y + Math.sin(angle) * radius,
      size: node.sanctioned ? 9 : 6,
      color: colorOf(node),
      label: node.caption,
      node,
    });
    added.push(node.id);
  });
  for (const edge of data.edges) {
    if (graph.hasEdge(edge.id) || !graph.hasNode(edge.source) || !graph.hasNode(edge.target))
      continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      size: 1.5,
      color: "#94a3b8",
      label: edge.label,
      edge,
    });
  }
  return added;
}

/** True when an edge passes the filter (undated edges pass date bounds). */
export function edgeVisible(edge: GraphEdge, filter: GraphFilter): boolean {
  if (filter.types.size && !filter.types.has(edge.schema)) return false;
  if (edge.date && filter.from && edge.date < filter.from) return false;
  if (edge.date && filter.until && edge.date.slice(0, filter.until.length) > filter.until)
    return false;
  if (filter.tier && edge.schema === "EconomicActivity") {
    if (filter.tier === "any-tier") return edge.tier !== null;
    return edge.tier === filter.tier;
  }
  return true;
}

/** Edge schemata and goods tiers present in the graph, for the filter controls. */
export function describeGraph(graph: WorkGraph): { types: string[]; tiers: string[] } {
  const types = new Set<string>();
  const tiers = new Set<string>();
  graph.forEachEdge((_key, attributes) => {
    types.add(attributes.edge.schema);
    if (attributes.edge.tier) tiers.add(attributes.edge.tier);
  });
  return { types: [...types].sort(), tiers: [...tiers].sort() };
}
