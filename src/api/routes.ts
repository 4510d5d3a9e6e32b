import type { Context } from "hono";
import type { ApiDeps } from "./deps.js";
import { handleMatch } from "./match.js";
import { handleReconcile } from "./reconcile.js";
import {
  handlePropose,
  handleSuggestEntity,
  handleSuggestProperty,
  handleSuggestType,
} from "./reconcile-extend.js";
import { type JsonSchema, ref } from "./schemas.js";
import { handleEntity, handleSearch } from "./search.js";
import type { HealthResponse } from "./types.js";

export interface RouteParameter {
  name: string;
  in: "path" | "query";
  description: string;
  schema: JsonSchema;
  required?: boolean;
}

/** One route: how it is served and how `/openapi.json` describes it. */
export interface RouteSpec {
  method: "get" | "post";
  /** OpenAPI-style path: `/match/{dataset}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  parameters?: RouteParameter[];
  requestBody?: { contentType: string; schema: JsonSchema };
  response: JsonSchema;
  handle: (c: Context, deps: ApiDeps) => Promise<Response>;
}

const text = { type: "string" };
const integer = { type: "integer" };
const dataset: RouteParameter = {
  name: "dataset",
  in: "path",
  required: true,
  description: "a loaded list, or `default` for every loaded list",
  schema: text,
};
const query = (name: string, description: string, schema: JsonSchema = text): RouteParameter => ({
  name,
  in: "query",
  description,
  schema,
});
const limit = query("limit", "most results", integer);
const reconcileForm = {
  contentType: "application/x-www-form-urlencoded",
  schema: {
    type: "object",
    properties: {
      queries: {
        type: "string",
        description: "JSON: {key: {query, type, limit, properties: [{pid, v}]}}",
      },
      extend: { type: "string", description: "JSON: {ids: [...], properties: [{id}]}" },
    },
  },
};

async function handleHealth(c: Context, deps: ApiDeps): Promise<Response> {
  const matcher = await deps.matchers.get();
  const body: HealthResponse = {
    status: "ok",
    entities: matcher.index.size,
    lists: matcher.lists.map((l) => l.name),
  };
  return c.json(body);
}

/** Every route of the API; `openapi.json` is generated from this table. */
export const routes: RouteSpec[] = [
  {
    method: "post",
    path: "/match/{dataset}",
    operationId: "match",
    summary: "Match FtM-shaped queries against the lists (yente-compatible)",
    tag: "matching",
    parameters: [
      dataset,
      query("threshold", "score at which `match` is true (default 0.7)", { type: "number" }),
      query("cutoff", "lowest score returned (default 0.5)", { type: "number" }),
      limit,
      query("algorithm", "accepted for yente clients; sanctrace has one scorer"),
      query("include_dataset", "only these lists (repeatable)"),
    ],
    requestBody: { contentType: "application/json", schema: ref("MatchRequest") },
    response: ref("MatchResponse"),
    handle: handleMatch,
  },
  {
    method: "get",
    path: "/search/{dataset}",
    operationId: "search",
    summary: "Search list entities by name; without `q`, browse them",
    tag: "matching",
    parameters: [
      dataset,
      query("q", "a name in any script"),
      query("schema", "FtM schema"),
      limit,
      query("offset", "results to skip", integer),
    ],
    response: ref("SearchResponse"),
    handle: handleSearch,
  },
  {
    method: "get",
    path: "/entities/{id}",
    operationId: "getEntity",
    summary:
      "An entity with judgements applied and the provenance of every value (308 to the canonical id)",
    tag: "entities",
    parameters: [
      { name: "id", in: "path", required: true, description: "entity id", schema: text },
    ],
    response: ref("EntityResponse"),
    handle: handleEntity,
  },
  ...(["get", "post"] as const).map(
    (method): RouteSpec => ({
      method,
      path: "/reconcile/{dataset}",
      operationId: `reconcile${method === "get" ? "Get" : "Post"}`,
      summary: "W3C Reconciliation API v0.2: the manifest, or answers to `queries` / `extend`",
      tag: "reconciliation",
      parameters: [
        dataset,
        query("queries", "JSON reconciliation queries"),
        query("extend", "JSON extend request"),
      ],
      ...(method === "post" ? { requestBody: reconcileForm } : {}),
      response: { oneOf: [ref("ReconcileManifest"), ref("ReconcileResponse")] },
      handle: handleReconcile,
    }),
  ),
  {
    method: "get",
    path: "/reconcile/{dataset}/suggest/entity",
    operationId: "suggestEntity",
    summary: "Suggest entities for a name prefix",
    tag: "reconciliation",
    parameters: [dataset, query("prefix", "what the user typed"), limit],
    response: ref("SuggestResponse"),
    handle: handleSuggestEntity,
  },
  {
    method: "get",
    path: "/reconcile/{dataset}/suggest/type",
    operationId: "suggestType",
    summary: "Suggest matchable FtM schemata",
    tag: "reconciliation",
    parameters: [dataset, query("prefix", "what the user typed")],
    response: ref("SuggestResponse"),
    handle: async (c) => handleSuggestType(c),
  },
  {
    method: "get",
    path: "/reconcile/{dataset}/suggest/property",
    operationId: "suggestProperty",
    summary: "Suggest FtM properties",
    tag: "reconciliation",
    parameters: [dataset, query("prefix", "what the user typed")],
    response: ref("SuggestResponse"),
    handle: async (c) => handleSuggestProperty(c),
  },
  {
    method: "get",
    path: "/reconcile/{dataset}/extend/propose",
    operationId: "proposeProperties",
    summary: "Properties that data extension can add for a type",
    tag: "reconciliation",
    parameters: [dataset, query("type", "FtM schema (default LegalEntity)"), limit],
    response: ref("ProposeProperties"),
    handle: async (c) => handlePropose(c),
  },
  {
    method: "get",
    path: "/healthz",
    operationId: "health",
    summary: "Liveness, with the number of indexed list entities",
    tag: "system",
    response: ref("Health"),
    handle: handleHealth,
  },
];
