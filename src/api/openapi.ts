import type { RouteSpec } from "./routes.js";
import { schemas } from "./schemas.js";

const errorResponse = {
  description: "a bad request (4xx) or a server fault (5xx)",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

function describeRoute(route: RouteSpec) {
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.parameters ? { parameters: route.parameters } : {}),
    ...(route.requestBody
      ? {
          requestBody: {
            required: true,
            content: { [route.requestBody.contentType]: { schema: route.requestBody.schema } },
          },
        }
      : {}),
    responses: {
      "200": { description: "OK", content: { "application/json": { schema: route.response } } },
      "4XX": errorResponse,
      "5XX": errorResponse,
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API, generated from the route table.
 * @example buildOpenApi(routes).paths["/match/{dataset}"].post.operationId // "match"
 */
export function buildOpenApi(routes: RouteSpec[], version = "0.1.0") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method]: describeRoute(route) };
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "openapi",
      summary: "This document",
      tags: ["system"],
      responses: {
        "200": {
          description: "OK",
          content: { "application/json": { schema: { type: "object" } } },
        },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "sanctrace API",
      version,
      description:
        "Matching, search and reconciliation over the loaded sanctions lists; compatible with OpenSanctions yente clients and OpenRefine.",
    },
    paths,
    components: { schemas },
  };
}
