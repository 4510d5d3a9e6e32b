import type { Context } from "hono";
import { buildNameQuery, describeCanonical, type Matcher } from "../match/index.js";
import { type EntityRecord, isA, SanctraceError } from "../model/index.js";
import type { ApiDeps } from "./deps.js";
import { toApiEntity } from "./entities.js";
import { selectDatasets } from "./match.js";
import { integerParam } from "./params.js";
import type { EntityResponse, SearchResponse } from "./types.js";

/** Entities of the lists in id order, for a search without `q` (browsing). */
async function browse(
  deps: ApiDeps,
  matcher: Matcher,
  datasets: string[] | undefined,
  schema: string | undefined,
  offset: number,
  limit: number,
) {
  const page: EntityRecord[] = [];
  let index = 0;
  const query = {
    kind: "list" as const,
    ...(datasets ? { datasets } : {}),
    ...(schema ? { schemata: [schema] } : {}),
  };
  for await (const entity of deps.store.iterateEntities(query)) {
    if (matcher.resolver.canonicalId(entity.id) !== entity.id) continue;
    if (index++ < offset) continue;
    page.push(entity);
    if (page.length >= limit) break;
  }
  return Promise.all(
    page.map(async (entity) => ({
      ...(await toApiEntity(deps.store, entity, [entity.id])),
      score: 1,
    })),
  );
}

/** `GET /search/{dataset}?q=&schema=&limit=&offset=`: names ranked by the matcher. */
export async function handleSearch(c: Context, deps: ApiDeps): Promise<Response> {
  const limit = integerParam(c, "limit", 10, 1, 500);
  const offset = integerParam(c, "offset", 0, 0, 10_000);
  const q = c.req.query("q")?.trim() ?? "";
  const schema = c.req.query("schema") || undefined;
  if (schema && !isA(schema, "Thing")) {
    throw new SanctraceError("ftm_unknown_schema", `unknown FtM schema "${schema}"`, "schema");
  }
  const matcher = await deps.matchers.get();
  const datasets = selectDatasets(c, matcher);
  let results: SearchResponse["results"];
  if (!q) {
    results = await browse(deps, matcher, datasets, schema, offset, limit);
  } else {
    const query = buildNameQuery({ name: q, ...(schema ? { schema } : {}) });
    const hits = await matcher.match(query, {
      threshold: 0.7,
      limit: offset + limit,
      ...(datasets ? { datasets } : {}),
    });
    results = await Promise.all(
      hits.slice(offset).map(async (hit) => ({
        ...(await toApiEntity(deps.store, hit.entity, hit.referents)),
        score: hit.score,
      })),
    );
  }
  const body: SearchResponse = {
    results,
    total: { value: offset + results.length, relation: "eq" },
    limit,
    offset,
  };
  return c.json(body);
}

/** `GET /entities/{id}`: the canonical entity with provenance; a merged-away id redirects. */
export async function handleEntity(c: Context, deps: ApiDeps): Promise<Response> {
  const id = c.req.param("id") ?? "";
  const { resolver } = await deps.matchers.get();
  const canonicalId = resolver.canonicalId(id);
  if (canonicalId !== id) return c.redirect(`/entities/${encodeURIComponent(canonicalId)}`, 308);
  const view = await describeCanonical(deps.store, resolver, id);
  if (!view) throw new SanctraceError("entity_not_found", `no entity with id "${id}"`, id);
  const entity = await toApiEntity(deps.store, view, view.referents);
  const body: EntityResponse = { ...entity, statements: view.statements, linked: view.linked };
  return c.json(body);
}
