import type { WarmPool } from "../match/index.js";
import type { Store } from "../store/index.js";
import type { MatcherHolder } from "./service.js";

/** What every route handler gets besides the request. */
export interface ApiDeps {
  store: Store;
  matchers: MatcherHolder;
  /** Default `threshold` of `/match` (yente: 0.7). */
  threshold: number;
  /** Default `limit` of `/match` and `/search`. */
  limit: number;
  /** Most queries one `/match` or `/reconcile` request may carry. */
  maxQueries: number;
  /** Worker threads for large `/match` batches; without it every batch is matched in-thread. */
  pool?: WarmPool;
}
