/** One workbench route as `/openapi.json` lists it. */
interface WorkbenchDoc {
  method: "get" | "post" | "delete";
  path: string;
  operationId: string;
  summary: string;
  query?: string[];
  body?: boolean;
  produces?: string;
}

const docs: WorkbenchDoc[] = [
  {
    method: "get",
    path: "/api/search",
    operationId: "typeahead",
    summary: "Typeahead over every entity name, alias and script",
    query: ["q", "limit"],
  },
  {
    method: "get",
    path: "/api/entities/{id}",
    operationId: "entityPage",
    summary: "Entity page: values with citations, sanctions, hits, risk, relations, timeline",
  },
  {
    method: "get",
    path: "/api/entities/{id}/hits",
    operationId: "entityHits",
    summary: "Screening hits of one entity with their feature explanations, judged pairs left out",
  },
  {
    method: "get",
    path: "/api/entities/{id}/report",
    operationId: "entityReport",
    summary: "Dossier on one entity (html, md or pdf)",
    query: ["format"],
    produces: "text/html",
  },
  {
    method: "get",
    path: "/api/citation",
    operationId: "citation",
    summary: "A citation in context: the row's cells or the text around a span",
    query: ["dataset", "source", "locator"],
  },
  {
    method: "get",
    path: "/api/graph",
    operationId: "workspaceGraph",
    summary: "The workspace graph up to `max` nodes",
    query: ["max"],
  },
  {
    method: "get",
    path: "/api/graph/{id}",
    operationId: "neighbours",
    summary: "An entity and its neighbours, to expand the graph",
  },
  {
    method: "get",
    path: "/api/trace",
    operationId: "tracePaths",
    summary: "Best paths from an entity to a sanctioned party (or `to`)",
    query: ["from", "to", "sanctioned", "limit"],
  },
  {
    method: "get",
    path: "/api/review",
    operationId: "reviewQueue",
    summary: "Pending screening hits, best score first",
    query: ["limit"],
  },
  {
    method: "post",
    path: "/api/judgements",
    operationId: "judgeHit",
    summary: "Accept, reject or mark unsure a hit, with a note",
    body: true,
  },
  { method: "get", path: "/api/cases", operationId: "listCases", summary: "Every case" },
  {
    method: "post",
    path: "/api/cases",
    operationId: "saveCase",
    summary: "Create or retitle a case",
    body: true,
  },
  {
    method: "get",
    path: "/api/cases/{name}",
    operationId: "getCase",
    summary: "One case with its entities and paths",
  },
  {
    method: "post",
    path: "/api/cases/{name}/items",
    operationId: "addCaseItem",
    summary: "Add an entity or a path to a case",
    body: true,
  },
  {
    method: "delete",
    path: "/api/cases/{name}/items",
    operationId: "removeCaseItem",
    summary: "Remove an entity or a path from a case",
    body: true,
  },
  {
    method: "get",
    path: "/api/cases/{name}/report",
    operationId: "caseReport",
    summary: "Dossier on a case (html, md or pdf)",
    query: ["format"],
    produces: "text/html",
  },
];

const errorResponse = {
  description: "a bad request (4xx) or a server fault (5xx)",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

function describeDoc(doc: WorkbenchDoc) {
  const pathParams = [...doc.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const queryParams = (doc.query ?? []).map((name) => ({
    name,
    in: "query",
    schema: { type: "string" },
  }));
  const parameters = [...pathParams, ...queryParams];
  return {
    operationId: doc.operationId,
    summary: doc.summary,
    tags: ["workbench"],
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object" } } },
          },
        }
      : {}),
    responses: {
      "200": {
        description: "OK; shapes in src/api/workbench-types.ts",
        content: {
          [doc.produces ?? "application/json"]: {
            schema: { type: doc.produces ? "string" : "object" },
          },
        },
      },
      "4XX": errorResponse,
      "5XX": errorResponse,
    },
  };
}

/**
 * The workbench routes (`/api/...`) as OpenAPI path items, for `/openapi.json`.
 * @example workbenchPaths()["/api/search"].get.operationId // "typeahead"
 */
export function workbenchPaths(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) paths[doc.path] = { ...paths[doc.path], [doc.method]: describeDoc(doc) };
  return paths;
}
