import type { Context } from "hono";
import { buildNameQuery, describeCanonical } from "../match/index.js";
import { getSchema, model, propertyType, SanctraceError } from "../model/index.js";
import type { ApiDeps } from "./deps.js";
import { selectDatasets } from "./match.js";
import { integerParam } from "./params.js";
import { matchableTypes } from "./reconcile-types.js";
import type {
  ExtendResponse,
  ExtendValue,
  ProposePropertiesResponse,
  ReconcileType,
  SuggestResponse,
} from "./types.js";

function propertyLabel(prop: string): string {
  for (const schema of Object.values(model.schemata)) {
    if (!schema) continue;
    const found = schema.getProperties().get(prop);
    if (found) return found.label;
  }
  throw new SanctraceError("ftm_unknown_property", `no FtM property "${prop}"`, prop);
}

function parseExtend(raw: unknown): { ids: string[]; props: string[] } {
  const request = raw as { ids?: unknown; properties?: unknown };
  if (!Array.isArray(request?.ids) || !Array.isArray(request.properties)) {
    throw new SanctraceError(
      "request_invalid",
      'extend needs "ids" and "properties" arrays',
      "extend",
    );
  }
  const ids = request.ids.map(String);
  const props = request.properties.map((p) => String((p as { id?: unknown })?.id ?? ""));
  return { ids, props };
}

/** Data extension: the values of the requested properties for each id. */
export async function extendEntities(deps: ApiDeps, raw: unknown): Promise<ExtendResponse> {
  const { ids, props } = parseExtend(raw);
  const meta = props.map((id) => ({ id, name: propertyLabel(id) }));
  const { resolver } = await deps.matchers.get();
  const rows: ExtendResponse["rows"] = {};
  for (const id of ids) {
    const view = await describeCanonical(deps.store, resolver, id);
    const row: Record<string, ExtendValue[]> = {};
    for (const prop of props) {
      const values = view?.properties[prop] ?? [];
      const isEntity = view
        ? getSchema(view.schema).getProperties().get(prop)?.type.name === "entity"
        : false;
      row[prop] = await Promise.all(
        values.map(async (value) =>
          isEntity
            ? { id: value, name: (await deps.store.getEntity(value))?.caption ?? value }
            : { str: value },
        ),
      );
    }
    rows[id] = row;
  }
  return { meta, rows };
}

/** `GET /reconcile/{dataset}/extend/propose?type=`: properties one can add as columns. */
export async function handlePropose(c: Context): Promise<Response> {
  const type = c.req.query("type") || "LegalEntity";
  const limit = integerParam(c, "limit", 50, 1, 500);
  const schema = getSchema(type, "type");
  const properties = [...schema.getProperties().values()]
    .filter((prop) => !prop.hidden && propertyType(type, prop.name) !== "json")
    .map((prop) => ({ id: prop.name, name: prop.label }))
    .slice(0, limit);
  const body: ProposePropertiesResponse = { type, properties, limit };
  return c.json(body);
}

function byPrefix(items: ReconcileType[], prefix: string): ReconcileType[] {
  const wanted = prefix.toLowerCase();
  return items.filter(
    (item) =>
      item.id.toLowerCase().startsWith(wanted) || item.name.toLowerCase().startsWith(wanted),
  );
}

/** `GET /reconcile/{dataset}/suggest/entity?prefix=`: names as one types them. */
export async function handleSuggestEntity(c: Context, deps: ApiDeps): Promise<Response> {
  const prefix = c.req.query("prefix")?.trim() ?? "";
  const limit = integerParam(c, "limit", deps.limit, 1, 100);
  const matcher = await deps.matchers.get();
  const datasets = selectDatasets(c, matcher);
  if (!prefix) return c.json({ result: [] } satisfies SuggestResponse);
  const hits = await matcher.match(buildNameQuery({ name: prefix }), {
    threshold: deps.threshold,
    limit,
    ...(datasets ? { datasets } : {}),
  });
  const result = hits.map((hit) => ({
    id: hit.id,
    name: hit.caption,
    description: getSchema(hit.schema).label,
  }));
  return c.json({ result } satisfies SuggestResponse);
}

/** `GET /reconcile/{dataset}/suggest/type?prefix=`: matchable schemata. */
export async function handleSuggestType(c: Context): Promise<Response> {
  const result = byPrefix(matchableTypes(), c.req.query("prefix") ?? "");
  return c.json({ result } satisfies SuggestResponse);
}

/** `GET /reconcile/{dataset}/suggest/property?prefix=`: properties of matchable schemata. */
export async function handleSuggestProperty(c: Context): Promise<Response> {
  const seen = new Map<string, ReconcileType>();
  for (const type of matchableTypes()) {
    for (const prop of getSchema(type.id).getProperties().values()) {
      if (!prop.hidden && !seen.has(prop.name))
        seen.set(prop.name, { id: prop.name, name: prop.label });
    }
  }
  const all = [...seen.values()].sort((a, b) => a.id.localeCompare(b.id));
  return c.json({
    result: byPrefix(all, c.req.query("prefix") ?? "").slice(0, 50),
  } satisfies SuggestResponse);
}
