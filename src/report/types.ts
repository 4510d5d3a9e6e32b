/**
 * Shapes of the workbench views and dossiers (entity pages, citations, graphs, cases). Types
 * only and self-contained, so the web UI can import them through `src/api/types.ts`.
 */

/** Where a value came from: a dataset, a source file (sha256 and name) and a locator. */
export interface Citation {
  dataset: string;
  source: string;
  sourceName: string | null;
  locator: string;
}

/** A citation numbered within a dossier, so that `[3]` in the text points at it. */
export interface NumberedCitation extends Citation {
  n: number;
}

export interface SearchResult {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  /** The name that matched the query (an alias or a transliteration may match). */
  matched: string;
  sanctioned: boolean;
}

/** One property value of an entity with every citation behind it. */
export interface PropertyValue {
  prop: string;
  label: string;
  type: string;
  value: string;
  citations: Citation[];
}

export interface EntityRef {
  id: string;
  caption: string;
  schema: string;
}

/** A sanction on an entity, as the list states it. */
export interface SanctionView {
  id: string;
  authority: string[];
  program: string[];
  reason: string[];
  listingDate: string[];
  datasets: string[];
  citations: Citation[];
}

/** A relation of the entity: an edge entity (Ownership, Payment, ...) or a direct reference. */
export interface RelationView {
  id: string;
  schema: string;
  label: string;
  direction: "in" | "out";
  other: EntityRef;
  date: string | null;
  detail: string;
}

export interface TimelineEvent {
  date: string;
  label: string;
  /** The entity that states the date (the subject, or a sanction, shipment, payment...). */
  entity: EntityRef;
  citation: Citation | null;
}

export interface FeatureView {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  detail?: string;
}

/** A screening hit waiting for (or showing) an analyst's judgement. */
export interface ReviewHit {
  query: EntityRef;
  candidate: EntityRef & { datasets: string[] };
  score: number;
  features: FeatureView[];
}

export type JudgementKind = "positive" | "negative" | "unsure";

export interface RiskReason {
  code: string;
  explanation: string;
  contribution: number;
}

export interface EntityPage {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  sanctioned: boolean;
  properties: PropertyValue[];
  sanctions: SanctionView[];
  relations: RelationView[];
  timeline: TimelineEvent[];
  hits: ReviewHit[];
  risk: RiskReason[];
}

/** A citation opened in context: a row with its cells, or a text span inside its document. */
export interface CitationContext extends Citation {
  kind: "row" | "line" | "span" | "page" | "other";
  /** For rows and lines: the values stated from that same place, as the row's cells. */
  cells: Array<{ entity: string; prop: string; value: string }>;
  /** For spans: the document text before, in and after the span. */
  before: string | null;
  text: string | null;
  after: string | null;
  document: EntityRef | null;
}

export interface GraphNode {
  id: string;
  caption: string;
  schema: string;
  sanctioned: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  schema: string;
  label: string;
  date: string | null;
  /** Common High Priority List tier of the goods on a shipment, when known. */
  tier: string | null;
  goods: string[];
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when a node or edge limit cut the graph short. */
  truncated: boolean;
}

/** A path found by `trace`, as node ids and the edges between them. */
export interface TracePathView {
  score: number;
  nodes: string[];
  edges: string[];
  reasons: string[];
}

export interface TraceResponse {
  paths: TracePathView[];
}

/** Cases are stored by the store; the wire shape is the same. */
export type { CaseItem, CaseRecord } from "../store/index.js";
