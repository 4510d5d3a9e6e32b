/** JSON Schemas of the wire types in `types.ts`, for `/openapi.json`. */
export type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const strings = { type: "array", items: { type: "string" } };
const propertyMap = { type: "object", additionalProperties: strings };
const numberMap = { type: "object", additionalProperties: { type: "number" } };
const total = {
  type: "object",
  required: ["value", "relation"],
  properties: { value: { type: "integer" }, relation: { type: "string", enum: ["eq"] } },
};
const typeRef = {
  type: "object",
  required: ["id", "name"],
  properties: { id: { type: "string" }, name: { type: "string" } },
};
const endpoint = {
  type: "object",
  required: ["service_url", "service_path"],
  properties: { service_url: { type: "string" }, service_path: { type: "string" } },
};

const apiEntityProperties = {
  id: { type: "string" },
  caption: { type: "string" },
  schema: { type: "string" },
  properties: propertyMap,
  datasets: strings,
  referents: strings,
  target: { type: "boolean" },
};

export const schemas: Record<string, JsonSchema> = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string" },
          message: { type: "string" },
          path: { type: "string" },
        },
      },
    },
  },
  EntityExample: {
    type: "object",
    required: ["schema", "properties"],
    properties: {
      id: { type: "string" },
      schema: { type: "string", description: "a matchable FtM schema" },
      properties: {
        type: "object",
        additionalProperties: { oneOf: [{ type: "string" }, strings] },
      },
    },
  },
  MatchRequest: {
    type: "object",
    required: ["queries"],
    properties: { queries: { type: "object", additionalProperties: ref("EntityExample") } },
  },
  FeatureContribution: {
    type: "object",
    required: ["name", "value", "weight", "contribution"],
    properties: {
      name: { type: "string" },
      value: { type: "number" },
      weight: { type: "number" },
      contribution: { type: "number" },
      detail: { type: "string" },
    },
  },
  Entity: {
    type: "object",
    required: Object.keys(apiEntityProperties),
    properties: apiEntityProperties,
  },
  ScoredEntity: {
    allOf: [
      ref("Entity"),
      {
        type: "object",
        required: ["score", "match", "features", "explanation"],
        properties: {
          score: { type: "number", minimum: 0, maximum: 1 },
          match: { type: "boolean" },
          features: numberMap,
          explanation: { type: "array", items: ref("FeatureContribution") },
        },
      },
    ],
  },
  MatchResponse: {
    type: "object",
    required: ["responses", "matcher", "limit"],
    properties: {
      responses: {
        type: "object",
        additionalProperties: {
          type: "object",
          required: ["status", "results", "total", "query"],
          properties: {
            status: { type: "integer" },
            results: { type: "array", items: ref("ScoredEntity") },
            total,
            query: ref("EntityExample"),
          },
        },
      },
      matcher: {
        type: "object",
        properties: { name: { type: "string" }, threshold: { type: "number" } },
      },
      limit: { type: "integer" },
    },
  },
  SearchResponse: {
    type: "object",
    required: ["results", "total", "limit", "offset"],
    properties: {
      results: {
        type: "array",
        items: {
          allOf: [ref("Entity"), { type: "object", properties: { score: { type: "number" } } }],
        },
      },
      total,
      limit: { type: "integer" },
      offset: { type: "integer" },
    },
  },
  EntityResponse: {
    allOf: [
      ref("Entity"),
      {
        type: "object",
        required: ["statements", "linked"],
        properties: {
          statements: {
            type: "array",
            items: {
              type: "object",
              properties: Object.fromEntries(
                ["entity_id", "prop", "value", "dataset", "source", "source_name", "locator"].map(
                  (key) => [key, { type: "string" }],
                ),
              ),
            },
          },
          linked: {
            type: "array",
            items: {
              type: "object",
              properties: {
                ...Object.fromEntries(
                  ["id", "schema", "caption", "via"].map((key) => [key, { type: "string" }]),
                ),
                direction: { type: "string", enum: ["in", "out"] },
              },
            },
          },
        },
      },
    ],
  },
  Health: {
    type: "object",
    required: ["status", "entities", "lists"],
    properties: {
      status: { type: "string", enum: ["ok"] },
      entities: { type: "integer" },
      lists: strings,
    },
  },
  ReconcileManifest: {
    type: "object",
    required: ["versions", "name", "identifierSpace", "schemaSpace", "defaultTypes"],
    properties: {
      versions: strings,
      name: { type: "string" },
      identifierSpace: { type: "string" },
      schemaSpace: { type: "string" },
      view: { type: "object", properties: { url: { type: "string" } } },
      suggest: { type: "object", additionalProperties: endpoint },
      extend: {
        type: "object",
        properties: { propose_properties: endpoint, property_settings: { type: "array" } },
      },
      defaultTypes: { type: "array", items: typeRef },
    },
  },
  ReconcileResponse: {
    description: "answers to `queries`, or to `extend` (meta and rows)",
    type: "object",
    additionalProperties: {
      type: "object",
      properties: {
        result: {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              name: { type: "string" },
              score: { type: "number" },
              match: { type: "boolean" },
              type: { type: "array", items: typeRef },
              description: { type: "string" },
            },
          },
        },
      },
    },
  },
  SuggestResponse: {
    type: "object",
    required: ["result"],
    properties: { result: { type: "array", items: typeRef } },
  },
  ProposeProperties: {
    type: "object",
    required: ["type", "properties", "limit"],
    properties: {
      type: { type: "string" },
      properties: { type: "array", items: typeRef },
      limit: { type: "integer" },
    },
  },
};

export { ref };
