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
}
