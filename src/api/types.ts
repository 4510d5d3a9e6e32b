/**
 * The wire contract of the sanctrace HTTP API. The web UI imports these with `import type`.
 * Match, search, entities and reconciliation follow OpenSanctions yente and W3C
 * Reconciliation API v0.2, so their clients work unchanged.
 */

/** Every 4xx/5xx body. */
export interface ErrorResponse {
  error: { code: string; message: string; path?: string };
}

/** An FtM-shaped example to match; a property may be one string or a list (as in yente). */
export interface EntityExample {
  id?: string;
  schema: string;
  properties: Record<string, string | string[]>;
}

/** Body of `POST /match/{dataset}`. */
export interface MatchRequest {
  queries: Record<string, EntityExample>;
}

/** One named feature's share of a score. */
export interface FeatureContribution {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  detail?: string;
}

/** An entity as the API shows it: judgements applied (`referents` are the merged ids). */
export interface ApiEntity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  /** True when a sanction names it (a list's subject). */
  target: boolean;
}

export interface ScoredEntity extends ApiEntity {
  score: number;
  match: boolean;
  features: Record<string, number>;
  explanation: FeatureContribution[];
}

export interface Total {
  value: number;
  relation: "eq";
}

export interface QueryMatches {
  status: 200;
  results: ScoredEntity[];
  total: Total;
  query: { id?: string; schema: string; properties: Record<string, string[]> };
}

/** Response of `POST /match/{dataset}`. */
export interface MatchResponse {
  responses: Record<string, QueryMatches>;
  matcher: { name: string; threshold: number };
  limit: number;
}

/** Response of `GET /search/{dataset}`. */
export interface SearchResponse {
  results: Array<ApiEntity & { score: number }>;
  total: Total;
  limit: number;
  offset: number;
}

export interface StatementView {
  entity_id: string;
  prop: string;
  value: string;
  dataset: string;
  source: string;
  source_name: string | undefined;
  locator: string;
}

export interface LinkedEntity {
  id: string;
  schema: string;
  caption: string;
  via: string;
  direction: "in" | "out";
}

/** Response of `GET /entities/{id}`: the entity with provenance of every value. */
export interface EntityResponse extends ApiEntity {
  statements: StatementView[];
  linked: LinkedEntity[];
}

export interface HealthResponse {
  status: "ok";
  entities: number;
  lists: string[];
}

/** W3C Reconciliation API v0.2. */
export interface ReconcileType {
  id: string;
  name: string;
}

export interface ServiceEndpoint {
  service_url: string;
  service_path: string;
}

export interface ReconcileManifest {
  versions: string[];
  name: string;
  identifierSpace: string;
  schemaSpace: string;
  view: { url: string };
  suggest: { entity: ServiceEndpoint; type: ServiceEndpoint; property: ServiceEndpoint };
  extend: { propose_properties: ServiceEndpoint; property_settings: unknown[] };
  defaultTypes: ReconcileType[];
}

export interface ReconcileQuery {
  query: string;
  type?: string | string[];
  limit?: number;
  properties?: Array<{ pid: string; v: unknown }>;
  type_strict?: string;
}

export interface ReconcileCandidate {
  id: string;
  name: string;
  score: number;
  match: boolean;
  type: ReconcileType[];
  description: string;
}

export type ReconcileResponse = Record<string, { result: ReconcileCandidate[] }>;

export interface SuggestResponse {
  result: Array<{ id: string; name: string; description?: string }>;
}

export interface ExtendRequest {
  ids: string[];
  properties: Array<{ id: string }>;
}

export type ExtendValue = { str: string } | { id: string; name: string };

export interface ExtendResponse {
  meta: ReconcileType[];
  rows: Record<string, Record<string, ExtendValue[]>>;
}

export interface ProposePropertiesResponse {
  type: string;
  properties: ReconcileType[];
  limit: number;
}
