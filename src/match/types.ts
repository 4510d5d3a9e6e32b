import type { EntityRecord } from "../model/index.js";

/** An FtM-shaped record to match: a query or a candidate. */
export interface MatchQuery {
  id?: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** One named feature of a score: `contribution = value * weight`. */
export interface FeatureContribution {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  detail?: string;
}

/** A score in [0,1], each feature's value and how it contributed. */
export interface PairScore {
  score: number;
  features: Record<string, number>;
  explanation: FeatureContribution[];
}

export interface MatchOptions {
  /** Score at or above which `match` is true; default 0.7. */
  threshold?: number;
  /** Most hits returned; default 5. */
  limit?: number;
  /** Only candidates in one of these datasets. */
  datasets?: string[];
  /** Only candidates whose schema is compatible with this one (default: the query's). */
  schema?: string;
  exclude?: (candidateId: string) => boolean;
  /** Return each feature's contribution and detail (default true); screening prints only the features. */
  explain?: boolean;
}

export interface MatchHit extends PairScore {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  match: boolean;
  entity: EntityRecord;
}

export interface MatchIndex {
  readonly size: number;
  add(entity: EntityRecord): void;
  match(query: MatchQuery, options?: MatchOptions): MatchHit[];
}

export const DEFAULT_THRESHOLD = 0.7;
export const DEFAULT_LIMIT = 5;
