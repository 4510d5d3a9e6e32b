import { type EntityRecord, getSchema, isA, model } from "../model/index.js";
import type { Store } from "../store/index.js";
import { edgeEnds, firstDate, loadLinked } from "./relations.js";
import type { GraphData, GraphEdge, GraphNode } from "./types.js";

/** Tells the CHPL tier of a shipment's goods from its HS codes and descriptions. */
export type TierOf = (hsCodes: string[], descriptions: string[]) => string | null;

export interface GraphOptions {
  tierOf?: TierOf;
  /** Stop adding edges past this many nodes (the graph is then `truncated`). */
  maxNodes?: number;
}

/** Schemata whose entities are edges between two others. */
export const edgeSchemata: string[] = Object.keys(model.schemata).filter(
  (name) => !getSchema(name).abstract && edgeEnds(name) !== undefined,
);

/** An edge entity as a graph edge, or undefined when an end is missing. */
export function toGraphEdge(entity: EntityRecord, tierOf?: TierOf): GraphEdge | undefined {
  const ends = edgeEnds(entity.schema);
  const source = ends && entity.properties[ends.source]?.[0];
  const target = ends && entity.properties[ends.target]?.[0];
  if (!source || !target) return undefined;
  const schema = getSchema(entity.schema);
  const hsCodes = entity.properties.vedCode ?? [];
  const goods = [...hsCodes, ...(entity.properties.goodsDescription ?? [])];
  return {
    id: entity.id,
    source,
    target,
    schema: entity.schema,
    label: schema.edge?.label ?? schema.label,
    date: firstDate(entity),
    tier: tierOf?.(hsCodes, entity.properties.goodsDescription ?? []) ?? null,
    goods,
  };
}

/** Ids of every entity a Sanction names or whose topics say sanctioned. */
export async function collectSanctioned(store: Store): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const entity of store.iterateEntities({ schemata: ["Sanction"] })) {
    for (const id of entity.properties.entity ?? []) ids.add(id);
  }
  return ids;
}

function toNode(entity: EntityRecord, sanctioned: boolean): GraphNode {
  return { id: entity.id, caption: entity.caption, schema: entity.schema, sanctioned };
}

async function isSanctionedId(store: Store, id: string, known?: EntityRecord): Promise<boolean> {
  const entity = known ?? (await store.getEntity(id));
  if (entity?.properties.topics?.some((topic) => topic.startsWith("sanction"))) return true;
  const references = await store.getReferences(id);
  return references.some((reference) => isA(reference.schema, "Sanction"));
}

/**
 * An entity and its neighbours: every edge entity touching it and the entity at the other
 * end. The UI merges these to expand the graph one node at a time.
 * @example const { nodes, edges } = await expandNeighbours(store, "ofac-1");
 */
export async function expandNeighbours(
  store: Store,
  id: string,
  options: GraphOptions = {},
): Promise<GraphData> {
  const center = await store.getEntity(id);
  if (!center) return { nodes: [], edges: [], truncated: false };
  const edges: GraphEdge[] = [];
  const nodeIds = new Set([id]);
  const max = options.maxNodes ?? 500;
  let truncated = false;
  for (const link of await loadLinked(store, id)) {
    const edge = toGraphEdge(link.entity, options.tierOf);
    if (!edge) continue;
    if (nodeIds.size >= max) {
      truncated = true;
      break;
    }
    edges.push(edge);
    nodeIds.add(edge.source).add(edge.target);
  }
  const nodes: GraphNode[] = [];
  for (const nodeId of nodeIds) {
    const entity = nodeId === id ? center : await store.getEntity(nodeId);
    if (entity) nodes.push(toNode(entity, await isSanctionedId(store, nodeId, entity)));
  }
  const known = new Set(nodes.map((node) => node.id));
  return {
    nodes,
    edges: edges.filter((edge) => known.has(edge.source) && known.has(edge.target)),
    truncated,
  };
}

/**
 * The whole workspace as a graph (edge entities and their ends), up to `maxNodes` nodes.
 * @example const graph = await buildWorkspaceGraph(store, { maxNodes: 5000 });
 */
export async function buildWorkspaceGraph(
  store: Store,
  options: GraphOptions = {},
): Promise<GraphData> {
  const max = options.maxNodes ?? Number.POSITIVE_INFINITY;
  const edges: GraphEdge[] = [];
  const nodeIds = new Set<string>();
  let truncated = false;
  for await (const entity of store.iterateEntities({ schemata: edgeSchemata })) {
    const edge = toGraphEdge(entity, options.tierOf);
    if (!edge) continue;
    const adds = Number(!nodeIds.has(edge.source)) + Number(!nodeIds.has(edge.target));
    if (nodeIds.size + adds > max) {
      truncated = true;
      continue;
    }
    edges.push(edge);
    nodeIds.add(edge.source).add(edge.target);
  }
  const nodes: GraphNode[] = [];
  for (const id of nodeIds) {
    const entity = await store.getEntity(id);
    if (entity) nodes.push(toNode(entity, await isSanctionedId(store, id, entity)));
  }
  const known = new Set(nodes.map((node) => node.id));
  const kept = edges.filter((edge) => known.has(edge.source) && known.has(edge.target));
  return { nodes, edges: kept, truncated };
}
