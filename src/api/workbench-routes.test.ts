import { join } from "node:path";
import type { Hono } from "hono";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { HOSTILE_NAME, invoiceSource, loadCaseWorld } from "../../test/helpers/case-world.js";
import { tempDir } from "../../test/helpers/cli.js";
import { SqliteStore } from "../store/index.js";
import { createApp } from "./app.js";
import type {
  CaseRecord,
  EntityPage,
  GraphData,
  ReviewHit,
  ReviewResponse,
  TypeaheadResponse,
} from "./types.js";
import { WORKBENCH_CSP } from "./web-ui.js";
import { createWorkbenchApp } from "./workbench-app.js";

let app: Hono;

beforeAll(async () => {
  const store = new SqliteStore(join(tempDir(), "w.db"));
  await loadCaseWorld(store);
  app = createWorkbenchApp({ store }, join(tempDir(), "no-ui-built"));
});

async function json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const response = await app.request(path, init);
  return { status: response.status, body: (await response.json()) as T };
}

describe("workbench API", () => {
  it("answers typeahead, entity, citation and graph requests with the strict CSP", async () => {
    const response = await app.request("/api/search?q=transit");
    expect(response.headers.get("content-security-policy")).toBe(WORKBENCH_CSP);
    const search = (await response.json()) as TypeaheadResponse;
    expect(search.results.map((r) => [r.id, r.caption])).toEqual([
      ["inv-transit", "Transit Trade LLC"],
    ]);
    const page = await json<EntityPage>("/api/entities/tl-hostile");
    expect([page.body.caption, page.body.sanctioned, page.body.relations[0]?.other.id]).toEqual([
      HOSTILE_NAME,
      true,
      "inv-transit",
    ]);
    const citation = await json<{ cells: unknown[]; sourceName: string }>(
      `/api/citation?dataset=invoices&source=${invoiceSource.sha256}&locator=row:4`,
    );
    expect(citation.body).toMatchObject({ sourceName: "invoices.csv", kind: "row" });
    expect(citation.body.cells).toHaveLength(3);
    const graph = await json<GraphData>("/api/graph/inv-transit");
    expect(graph.body.edges.map((e) => e.id).sort()).toEqual([
      "inv-link",
      "inv-ship-1",
      "inv-ship-2",
    ]);
  });

  it("answers bad requests with a JSON error and a 4xx", async () => {
    expect(await json("/api/entities/nope")).toEqual({
      status: 404,
      body: {
        error: {
          code: "entity_not_found",
          message: 'nope: no entity with id "nope"',
          path: "nope",
        },
      },
    });
    expect((await json("/api/search?q=a&limit=-1")).status).toBe(400);
    expect((await json("/api/review")).status).toBe(501);
    const bad = await json("/api/cases", { method: "POST", body: "{not json" });
    expect([bad.status, (bad.body as { error: { code: string } }).error.code]).toEqual([
      400,
      "body_invalid",
    ]);
  });

  it("collects a case and exports its report as HTML and Markdown", async () => {
    const post = (path: string, body: unknown) =>
      json<CaseRecord>(path, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    await post("/api/cases", { name: "drones", title: "Drones for Kupol" });
    await post("/api/cases/drones/items", { kind: "entity", ids: ["tl-hostile"] });
    const saved = await post("/api/cases/drones/items", {
      kind: "path",
      ids: ["inv-maker", "inv-transit", "inv-kupol"],
    });
    expect(saved.body.items.map((i) => i.ids.length)).toEqual([1, 3]);
    const html = await app.request("/api/cases/drones/report?format=html");
    expect(html.headers.get("content-disposition")).toBe('attachment; filename="drones.html"');
    const text = await html.text();
    expect(text).toContain("<h1>Drones for Kupol</h1>");
    expect(text).toContain("<li>Shenzhen Sky Drone Co → Transit Trade LLC → IEMZ Kupol</li>");
    expect(text).not.toContain("<img");
    const md = await (await app.request("/api/entities/inv-transit/report?format=md")).text();
    expect(md.split("\n")[0]).toBe("# Dossier: Transit Trade LLC");
  });
});

describe("review through the matching engine", () => {
  it("lists pending hits with features; a judged pair leaves the queue and the entity page", async () => {
    const store = new SqliteStore(join(tempDir(), "w.db"));
    await loadCaseWorld(store);
    const full = createApp({ store, log: () => {} });
    const get = async <T>(path: string) => (await (await full.request(path)).json()) as T;
    const queue = await get<ReviewResponse>("/api/review");
    expect(queue.screened).toBe(4);
    expect(queue.hits.map((h) => [h.query.id, h.candidate.id, h.score])).toEqual([
      ["inv-kupol", "tl-kupol", 1],
      ["news-kupol", "tl-kupol", 1],
    ]);
    expect(queue.hits[0]?.features.map((f) => f.name)).toEqual([
      "name_similarity",
      "identifier_match",
    ]);
    const judged = await full.request("/api/judgements", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        left: "news-kupol",
        right: "tl-kupol",
        judgement: "negative",
        note: "a namesake",
      }),
    });
    expect(judged.status).toBe(200);
    const reads = vi.spyOn(store, "getEntity");
    const after = await get<ReviewResponse>("/api/review");
    expect(after.hits.map((h) => h.query.id)).toEqual(["inv-kupol"]);
    expect(reads).not.toHaveBeenCalled(); // a judgement settles hits without re-screening
    reads.mockRestore();
    expect(await get<ReviewHit[]>("/api/entities/news-kupol/hits")).toEqual([]);
    expect(
      (await get<ReviewHit[]>("/api/entities/inv-kupol/hits")).map((h) => h.candidate.id),
    ).toEqual(["tl-kupol"]);
    const page = await get<EntityPage>("/api/entities/inv-transit");
    expect(page.risk).toEqual([
      {
        code: "recently_incorporated",
        explanation: "incorporated 52 days before its first trade (inv-ship-1)",
        contribution: 0.7,
      },
      {
        code: "chpl_tier_1",
        explanation: "ships or receives CHPL tier 1 goods",
        contribution: 0.4,
      },
    ]);
  });
});
