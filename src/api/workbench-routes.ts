import { Hono } from "hono";
import { isSanctraceError, SanctraceError } from "../model/index.js";
import {
  buildEntityPage,
  buildWorkspaceGraph,
  expandNeighbours,
  openCitation,
} from "../report/index.js";
import { mountCaseRoutes } from "./case-routes.js";
import { holdSearchIndex } from "./search-holder.js";
import type { WorkbenchDeps } from "./workbench-deps.js";
import type { ApiError, TypeaheadResponse } from "./workbench-types.js";

function intParam(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new SanctraceError("param_invalid", `expected a positive whole number, got "${value}"`);
  }
  return Math.min(n, max);
}

function required(value: string | undefined, name: string): string {
  if (!value)
    throw new SanctraceError("param_missing", `the "${name}" parameter is required`, name);
  return value;
}

function notFound(id: string): never {
  throw new SanctraceError("entity_not_found", `no entity with id "${id}"`, id);
}

/** HTTP status of a known error code. */
function statusOf(code: string): 400 | 404 | 501 {
  if (code.endsWith("_not_found")) return 404;
  if (code.endsWith("_unavailable")) return 501;
  return 400;
}

/**
 * The workbench routes the browser UI uses, as a Hono app to mount under `/api`: typeahead
 * search, entity pages, citations in context, graph neighbourhoods, trace paths, the review
 * queue, cases and reports. Known errors become JSON with a 4xx status, never a stack.
 * @example app.route("/api", createWorkbenchRoutes({ store }));
 */
export function createWorkbenchRoutes(deps: WorkbenchDeps): Hono {
  const app = new Hono();
  const searchIndex = deps.searchIndex ?? holdSearchIndex(deps.store);
  // Build the typeahead index while the analyst opens the page, not on the first keystroke.
  searchIndex().catch(() => {});
  const tierOf = deps.trace?.tierOf ? { tierOf: deps.trace.tierOf } : {};
  app.onError((error, c) => {
    if (isSanctraceError(error)) {
      const body: ApiError = {
        error: { code: error.code, message: error.message, path: error.path ?? null },
      };
      return c.json(body, statusOf(error.code));
    }
    console.error(error);
    return c.json(
      { error: { code: "internal_error", message: "internal error" } } satisfies ApiError,
      500,
    );
  });
  app.get("/search", async (c) => {
    const query = c.req.query("q") ?? "";
    const limit = intParam(c.req.query("limit"), 10, 50);
    const results = (await searchIndex()).search(query, limit);
    return c.json({ query, results } satisfies TypeaheadResponse);
  });
  app.get("/entities/:id", async (c) => {
    const id = c.req.param("id");
    const risk = deps.trace?.risk ? await deps.trace.risk(id) : [];
    const page = await buildEntityPage(deps.store, id, { risk });
    return page ? c.json(page) : notFound(id);
  });
  // Hits come apart from the page: the first screening waits for the match index.
  app.get("/entities/:id/hits", async (c) => {
    const id = c.req.param("id");
    if (!(await deps.store.getEntity(id))) notFound(id);
    return c.json(deps.review ? await deps.review.hitsFor(id) : []);
  });
  app.get("/citation", async (c) => {
    const dataset = required(c.req.query("dataset"), "dataset");
    const source = required(c.req.query("source"), "source");
    const locator = c.req.query("locator") ?? "";
    return c.json(await openCitation(deps.store, { dataset, source, locator }));
  });
  app.get("/graph", async (c) => {
    const maxNodes = intParam(c.req.query("max"), 2000, 20_000);
    return c.json(await buildWorkspaceGraph(deps.store, { maxNodes, ...tierOf }));
  });
  app.get("/graph/:id", async (c) => {
    const id = c.req.param("id");
    const graph = await expandNeighbours(deps.store, id, { maxNodes: 500, ...tierOf });
    return graph.nodes.length ? c.json(graph) : notFound(id);
  });
  app.get("/trace", async (c) => {
    if (!deps.trace)
      throw new SanctraceError("trace_unavailable", "tracing is not available on this server");
    const from = c.req.query("from");
    const to = c.req.query("to");
    const limit = intParam(c.req.query("limit"), 5, 50);
    const toSanctioned = c.req.query("sanctioned") === "1" || !to;
    const paths = await deps.trace.paths({
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      toSanctioned,
      limit,
    });
    return c.json({ paths });
  });
  mountReviewRoutes(app, deps);
  mountCaseRoutes(app, { ...deps, ...tierOf });
  return app;
}

function mountReviewRoutes(app: Hono, deps: WorkbenchDeps): void {
  const review = () => {
    if (!deps.review)
      throw new SanctraceError("review_unavailable", "screening review is not available");
    return deps.review;
  };
  app.get("/review", async (c) =>
    c.json(await review().pending(intParam(c.req.query("limit"), 50, 500))),
  );
  app.post("/judgements", async (c) => {
    const body = await c.req.json().catch(() => {
      throw new SanctraceError("body_invalid", "expected a JSON body");
    });
    await review().judge(body);
    return c.json({ ok: true });
  });
}
