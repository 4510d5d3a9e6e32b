import type {
  ApiError,
  CaseRecord,
  CitationContext,
  EntityPage,
  GraphData,
  JudgeRequest,
  ReviewHit,
  ReviewResponse,
  TraceResponse,
  TypeaheadResponse,
} from "../../src/api/types.js";
import { showBusy } from "./status.js";

/** An error the API answered with, carrying its stable code. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit, label?: string): Promise<T> {
  const done = label ? showBusy(label) : () => {};
  try {
    const response = await fetch(path, init);
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
      throw new ApiFailure(
        body?.error.code ?? "http_error",
        body?.error.message ?? response.statusText,
        response.status,
      );
    }
    return (await response.json()) as T;
  } finally {
    done();
  }
}

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

const q = encodeURIComponent;

export const api = {
  search: (query: string, signal?: AbortSignal) =>
    request<TypeaheadResponse>(
      `/api/search?q=${q(query)}&limit=10`,
      signal ? { signal } : undefined,
    ),
  entity: (id: string) =>
    request<EntityPage>(`/api/entities/${q(id)}`, undefined, "Loading entity…"),
  hits: (id: string) => request<ReviewHit[]>(`/api/entities/${q(id)}/hits`),
  citation: (dataset: string, source: string, locator: string) =>
    request<CitationContext>(
      `/api/citation?dataset=${q(dataset)}&source=${q(source)}&locator=${q(locator)}`,
    ),
  neighbours: (id: string) => request<GraphData>(`/api/graph/${q(id)}`, undefined, "Expanding…"),
  workspaceGraph: (max: number) =>
    request<GraphData>(`/api/graph?max=${max}`, undefined, "Loading the workspace graph…"),
  trace: (from: string) =>
    request<TraceResponse>(`/api/trace?from=${q(from)}&sanctioned=1`, undefined, "Tracing paths…"),
  review: () =>
    request<ReviewResponse>("/api/review?limit=100", undefined, "Screening for the review queue…"),
  judge: (body: JudgeRequest) =>
    request<{ ok: boolean }>("/api/judgements", post(body), "Saving judgement…"),
  cases: () => request<CaseRecord[]>("/api/cases"),
  getCase: (name: string) => request<CaseRecord>(`/api/cases/${q(name)}`),
  saveCase: (name: string, title: string) =>
    request<CaseRecord>("/api/cases", post({ name, title })),
  addToCase: (name: string, kind: "entity" | "path", ids: string[], note = "") =>
    request<CaseRecord>(
      `/api/cases/${q(name)}/items`,
      post({ kind, ids, note }),
      "Adding to case…",
    ),
  removeFromCase: (name: string, kind: "entity" | "path", ids: string[]) =>
    request<CaseRecord>(`/api/cases/${q(name)}/items`, {
      ...post({ kind, ids }),
      method: "DELETE",
    }),
};

/** Fetch a report file and hand it to the browser as a download, showing progress. */
export async function downloadReport(path: string, filename: string): Promise<void> {
  const done = showBusy(`Generating ${filename}…`);
  try {
    const response = await fetch(path);
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
      throw new ApiFailure(
        body?.error.code ?? "http_error",
        body?.error.message ?? response.statusText,
        response.status,
      );
    }
    const url = URL.createObjectURL(await response.blob());
    const anchor = Object.assign(document.createElement("a"), { href: url, download: filename });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } finally {
    done();
  }
}
