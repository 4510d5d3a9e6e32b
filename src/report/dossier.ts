import type { Store } from "../store/index.js";
import { createSourceNamer } from "./citations.js";
import { buildEntityPage, type EntityPageExtras } from "./entity-page.js";
import { expandNeighbours, type TierOf } from "./graph-data.js";
import type {
  Citation,
  EntityPage,
  EntityRef,
  GraphData,
  GraphEdge,
  NumberedCitation,
  TimelineEvent,
} from "./types.js";

export interface DossierFact {
  label: string;
  value: string;
  cites: number[];
}

export interface DossierSubject {
  page: EntityPage;
  facts: DossierFact[];
  sanctionCites: number[][];
}

export interface DossierPath {
  nodes: EntityRef[];
  edges: GraphEdge[];
}

/** A report on a case or an entity: subjects, paths, graph, timeline, numbered citations. */
export interface Dossier {
  title: string;
  generatedAt: string;
  subjects: DossierSubject[];
  paths: DossierPath[];
  graph: GraphData;
  timeline: Array<TimelineEvent & { cite: number | null }>;
  citations: NumberedCitation[];
}

export interface DossierOptions {
  title: string;
  ids: string[];
  /** Paths as node ids, in order. */
  paths?: string[][];
  extras?: (id: string) => Promise<EntityPageExtras>;
  tierOf?: TierOf;
  /** Fixed time for reproducible output. */
  now?: string;
}

/** Numbers citations in order of first use; the same place keeps its number. */
function createCitationBook(): { cite(citation: Citation): number; list: NumberedCitation[] } {
  const numbers = new Map<string, number>();
  const list: NumberedCitation[] = [];
  return {
    list,
    cite(citation) {
      const key = `${citation.dataset}|${citation.source}|${citation.locator}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = list.length + 1;
        numbers.set(key, n);
        list.push({ ...citation, n });
      }
      return n;
    },
  };
}

function mergeGraph(into: GraphData, part: GraphData): void {
  const nodes = new Set(into.nodes.map((node) => node.id));
  const edges = new Set(into.edges.map((edge) => edge.id));
  for (const node of part.nodes) if (!nodes.has(node.id)) into.nodes.push(node);
  for (const edge of part.edges) if (!edges.has(edge.id)) into.edges.push(edge);
  into.truncated ||= part.truncated;
}

function pathOf(ids: string[], graph: GraphData): DossierPath {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const nodes = ids.map((id) => {
    const node = byId.get(id);
    return { id, caption: node?.caption ?? id, schema: node?.schema ?? "Thing" };
  });
  const edges = ids.slice(1).flatMap((target, i) => {
    const source = ids[i]!;
    const edge = graph.edges.find(
      (e) =>
        (e.source === source && e.target === target) ||
        (e.source === target && e.target === source),
    );
    return edge ? [edge] : [];
  });
  return { nodes, edges };
}

/**
 * Collect what a report says about some entities and paths, with every citation numbered.
 * @example const dossier = await buildDossier(store, { title: "Kupol", ids: ["ofac-1"] });
 */
export async function buildDossier(store: Store, options: DossierOptions): Promise<Dossier> {
  const book = createCitationBook();
  const nameOf = createSourceNamer(store);
  const graph: GraphData = { nodes: [], edges: [], truncated: false };
  const subjects: DossierSubject[] = [];
  const timeline: Dossier["timeline"] = [];
  const pathIds = options.paths ?? [];
  const graphIds = new Set([...options.ids, ...pathIds.flat()]);
  for (const id of graphIds) {
    mergeGraph(
      graph,
      await expandNeighbours(store, id, {
        maxNodes: 200,
        ...(options.tierOf ? { tierOf: options.tierOf } : {}),
      }),
    );
  }
  for (const id of options.ids) {
    const page = await buildEntityPage(store, id, (await options.extras?.(id)) ?? {}, nameOf);
    if (!page) continue;
    const facts = page.properties.map((value) => ({
      label: value.label,
      value: value.value,
      cites: value.citations.map((citation) => book.cite(citation)),
    }));
    const sanctionCites = page.sanctions.map((s) => s.citations.map((c) => book.cite(c)));
    subjects.push({ page, facts, sanctionCites });
    for (const event of page.timeline) {
      timeline.push({ ...event, cite: event.citation ? book.cite(event.citation) : null });
    }
  }
  const seen = new Set<string>();
  const events = timeline
    .filter((event) => {
      const key = `${event.date}|${event.label}|${event.entity.id}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    title: options.title,
    generatedAt: options.now ?? new Date().toISOString(),
    subjects,
    paths: pathIds.map((ids) => pathOf(ids, graph)),
    graph,
    timeline: events,
    citations: book.list,
  };
}
