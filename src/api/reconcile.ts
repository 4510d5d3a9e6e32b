import type { Context } from "hono";
import { parseQuery } from "../match/index.js";
import { getSchema, SanctraceError } from "../model/index.js";
import type { ApiDeps } from "./deps.js";
import { selectDatasets } from "./match.js";
import { jsonField } from "./params.js";
import { extendEntities } from "./reconcile-extend.js";
import { matchableTypes } from "./reconcile-types.js";
import type {
  ReconcileCandidate,
  ReconcileManifest,
  ReconcileQuery,
  ReconcileResponse,
} from "./types.js";

function manifest(c: Context, dataset: string): ReconcileManifest {
  const origin = new URL(c.req.url).origin;
  const endpoint = (path: string) => ({
    service_url: origin,
    service_path: `/reconcile/${dataset}${path}`,
  });
  return {
    versions: ["0.1", "0.2"],
    name: `sanctrace (${dataset})`,
    identifierSpace: `${origin}/entities/`,
    schemaSpace: `${origin}/reconcile/${dataset}#schema`,
    view: { url: `${origin}/entities/{{id}}` },
    suggest: {
      entity: endpoint("/suggest/entity"),
      type: endpoint("/suggest/type"),
      property: endpoint("/suggest/property"),
    },
    extend: { propose_properties: endpoint("/extend/propose"), property_settings: [] },
    defaultTypes: matchableTypes(),
  };
}

/** A reconciliation query to an FtM query: the type is the schema, properties are pid/v. */
function toMatchQuery(raw: ReconcileQuery, path: string) {
  if (typeof raw?.query !== "string" || !raw.query.trim()) {
    throw new SanctraceError("request_invalid", 'each query needs a "query" string', path);
  }
  const type = Array.isArray(raw.type) ? raw.type[0] : raw.type;
  const properties: Record<string, unknown[]> = { name: [raw.query] };
  for (const { pid, v } of raw.properties ?? []) {
    const values = (Array.isArray(v) ? v : [v]).map((value) =>
      typeof value === "object" && value !== null ? (value as { id?: string }).id : value,
    );
    properties[pid] = [...(properties[pid] ?? []), ...values];
  }
  return parseQuery({ schema: type ?? "LegalEntity", properties }, path);
}

async function reconcile(c: Context, deps: ApiDeps, queries: unknown): Promise<ReconcileResponse> {
  if (typeof queries !== "object" || queries === null || Array.isArray(queries)) {
    throw new SanctraceError(
      "request_invalid",
      "queries must be an object of named queries",
      "queries",
    );
  }
  const entries = Object.entries(queries as Record<string, ReconcileQuery>);
  if (entries.length > deps.maxQueries) {
    throw new SanctraceError(
      "request_too_large",
      `at most ${deps.maxQueries} queries per request`,
      "queries",
    );
  }
  const matcher = await deps.matchers.get();
  const datasets = selectDatasets(c, matcher);
  const response: ReconcileResponse = {};
  for (const [key, raw] of entries) {
    const query = toMatchQuery(raw, `queries.${key}`);
    const limit = Math.min(Math.max(Number(raw.limit) || deps.limit, 1), 100);
    const hits = await matcher.match(query, {
      threshold: deps.threshold,
      limit,
      ...(datasets ? { datasets } : {}),
    });
    response[key] = {
      result: hits.map((hit): ReconcileCandidate => {
        const schema = getSchema(hit.schema);
        const type = [{ id: schema.name, name: schema.label }];
        const description = [schema.label, ...hit.datasets].join(" · ");
        return {
          id: hit.id,
          name: hit.caption,
          score: hit.score,
          match: hit.match,
          type,
          description,
        };
      }),
    };
  }
  return response;
}

/** `GET|POST /reconcile/{dataset}`: the manifest, or answers to `queries`, or `extend`. */
export async function handleReconcile(c: Context, deps: ApiDeps): Promise<Response> {
  const dataset = c.req.param("dataset") ?? "default";
  const queries = await jsonField(c, "queries");
  if (queries !== undefined) return c.json(await reconcile(c, deps, queries));
  const extend = await jsonField(c, "extend");
  if (extend !== undefined) return c.json(await extendEntities(deps, extend));
  selectDatasets(c, await deps.matchers.get());
  return c.json(manifest(c, dataset));
}
