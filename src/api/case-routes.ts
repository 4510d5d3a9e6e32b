import type { Context, Hono } from "hono";
import { SanctraceError } from "../model/index.js";
import {
  buildCaseDossier,
  buildEntityDossier,
  type Dossier,
  type RenderedReport,
  renderReport,
  reportFormat,
  type TierOf,
} from "../report/index.js";
import type { CaseItem } from "../store/index.js";
import type { WorkbenchDeps } from "./workbench-deps.js";

async function readJson(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new SanctraceError("body_invalid", "expected a JSON object body");
  }
  return body as Record<string, unknown>;
}

function readItem(body: Record<string, unknown>): Omit<CaseItem, "addedAt"> {
  const { kind, ids, note } = body;
  const idsOk = Array.isArray(ids) && ids.length > 0 && ids.every((id) => typeof id === "string");
  if ((kind !== "entity" && kind !== "path") || !idsOk) {
    throw new SanctraceError("case_item_invalid", 'expected {"kind":"entity"|"path","ids":[...]}');
  }
  return { kind, ids: ids as string[], note: typeof note === "string" ? note.slice(0, 2000) : "" };
}

function sendReport(c: Context, report: RenderedReport, name: string): Response {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80) || "report";
  c.header("Content-Type", report.contentType);
  c.header("Content-Disposition", `attachment; filename="${safe}.${report.format}"`);
  const body = typeof report.body === "string" ? report.body : new Uint8Array(report.body);
  return c.body(body);
}

async function respondWith(c: Context, dossier: Promise<Dossier>, name: string) {
  const format = reportFormat(c.req.query("format") ?? "html");
  return sendReport(c, await renderReport(await dossier, format), name);
}

/** Routes for cases (collect entities and paths) and their reports. */
export function mountCaseRoutes(app: Hono, deps: WorkbenchDeps & { tierOf?: TierOf }): void {
  const { store } = deps;
  const risk = deps.trace?.risk;
  const options = {
    ...(deps.tierOf ? { tierOf: deps.tierOf } : {}),
    ...(risk ? { extras: async (id: string) => ({ risk: await risk(id) }) } : {}),
  };
  app.get("/cases", async (c) => c.json(await store.listCases()));
  app.post("/cases", async (c) => {
    const body = await readJson(c);
    const name = typeof body.name === "string" ? body.name.trim() : "";
    const title =
      typeof body.title === "string" && body.title.trim() ? body.title.trim() : undefined;
    return c.json(await store.saveCase(name, title));
  });
  app.get("/cases/:name", async (c) => {
    const found = await store.getCase(c.req.param("name"));
    if (!found)
      throw new SanctraceError("case_not_found", `no case named "${c.req.param("name")}"`);
    return c.json(found);
  });
  app.post("/cases/:name/items", async (c) =>
    c.json(await store.addCaseItem(c.req.param("name"), readItem(await readJson(c)))),
  );
  app.delete("/cases/:name/items", async (c) =>
    c.json(await store.removeCaseItem(c.req.param("name"), readItem(await readJson(c)))),
  );
  app.get("/cases/:name/report", async (c) =>
    respondWith(c, buildCaseDossier(store, c.req.param("name"), options), c.req.param("name")),
  );
  app.get("/entities/:id/report", async (c) =>
    respondWith(c, buildEntityDossier(store, c.req.param("id"), options), c.req.param("id")),
  );
}
