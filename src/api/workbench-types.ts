/**
 * Wire contract of the workbench routes (`/api/...`) that the browser UI uses. Types only and
 * self-contained, so `web/` can `import type` them without pulling in Node code.
 */
import type { JudgementKind, ReviewHit, SearchResult } from "../report/types.js";

export type * from "../report/types.js";

export interface TypeaheadResponse {
  query: string;
  results: SearchResult[];
}

export interface ReviewResponse {
  hits: ReviewHit[];
  /** Entities screened to build the queue. */
  screened: number;
}

export interface JudgeRequest {
  left: string;
  right: string;
  judgement: JudgementKind;
  note?: string;
  user?: string;
}

export interface ApiError {
  error: { code: string; message: string; path?: string | null };
}
