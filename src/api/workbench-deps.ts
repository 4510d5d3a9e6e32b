import type { ReviewHit, RiskReason, SearchIndex, TierOf, TracePathView } from "../report/index.js";
import type { Store } from "../store/index.js";
import type { JudgeRequest, ReviewResponse } from "./workbench-types.js";

/** Screening review: pending hits and the analyst's judgements (the matching engine). */
export interface ReviewProvider {
  /** Hits not judged yet, best score first. */
  pending(limit: number): Promise<ReviewResponse>;
  /** Hits for one entity, judged or not. */
  hitsFor(id: string): Promise<ReviewHit[]>;
  judge(request: JudgeRequest): Promise<void>;
}

/** Supply-chain tracing: paths and risk (the graph stage). */
export interface TraceProvider {
  paths(query: {
    from?: string;
    to?: string;
    toSanctioned: boolean;
    limit: number;
  }): Promise<TracePathView[]>;
  risk?(id: string): Promise<RiskReason[]>;
  tierOf?: TierOf;
}

/** What the workbench routes need; review and trace come from other stages when present. */
export interface WorkbenchDeps {
  store: Store;
  review?: ReviewProvider;
  trace?: TraceProvider;
  /** The typeahead index; rebuilt when the loaded datasets change. */
  searchIndex?: () => Promise<SearchIndex>;
}
