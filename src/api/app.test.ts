import { describe, expect, it } from "vitest";
import { createFixture, loadEntities } from "../../test/helpers/api-fixture.js";
import { judgePair } from "../match/index.js";

const post = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

describe("yente-compatible API", () => {
  it("matches a batch of queries with features and targets", async () => {
    const { app } = await createFixture();
    const response = await app.request(
      "/match/default?limit=2&algorithm=logic-v2",
      post({
        queries: {
          q1: { schema: "Company", properties: { name: "Kupol" } },
          q2: { schema: "Person", properties: { name: ["Petrov Ivan"], birthDate: ["1970"] } },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "limit": 2,
        "matcher": {
          "name": "sanctrace",
          "threshold": 0.7,
        },
        "responses": {
          "q1": {
            "query": {
              "properties": {
                "name": [
                  "Kupol",
                ],
              },
              "schema": "Company",
            },
            "results": [
              {
                "caption": "Kupol JSC",
                "datasets": [
                  "sdn",
                ],
                "explanation": [
                  {
                    "contribution": 1,
                    "detail": "kupol | kupol: kupol~kupol=1.00",
                    "name": "name_similarity",
                    "value": 1,
                    "weight": 1,
                  },
                ],
                "features": {
                  "name_similarity": 1,
                },
                "id": "sdn-1",
                "match": true,
                "properties": {
                  "country": [
                    "ru",
                  ],
                  "innCode": [
                    "1831083343",
                  ],
                  "name": [
                    "Kupol JSC",
                    "АО Купол",
                  ],
                },
                "referents": [
                  "sdn-1",
                ],
                "schema": "Company",
                "score": 1,
                "target": true,
              },
              {
                "caption": "Kupol",
                "datasets": [
                  "uk",
                ],
                "explanation": [
                  {
                    "contribution": 1,
                    "detail": "kupol | kupol: kupol~kupol=1.00",
                    "name": "name_similarity",
                    "value": 1,
                    "weight": 1,
                  },
                ],
                "features": {
                  "name_similarity": 1,
                },
                "id": "uk-1",
                "match": true,
                "properties": {
                  "country": [
                    "ru",
                  ],
                  "name": [
                    "Kupol",
                  ],
                  "topics": [
                    "sanction",
                  ],
                },
                "referents": [
                  "uk-1",
                ],
                "schema": "Company",
                "score": 1,
                "target": true,
              },
            ],
            "status": 200,
            "total": {
              "relation": "eq",
              "value": 2,
            },
          },
          "q2": {
            "query": {
              "properties": {
                "birthDate": [
                  "1970",
                ],
                "name": [
                  "Petrov Ivan",
                ],
              },
              "schema": "Person",
            },
            "results": [
              {
                "caption": "Ivan Ivanovich Petrov",
                "datasets": [
                  "sdn",
                ],
                "explanation": [
                  {
                    "contribution": 0.9187419904059388,
                    "detail": "petrov ivan | ivan ivanovich petrov: petrov~petrov=1.00 ivan~ivan=1.00",
                    "name": "name_similarity",
                    "value": 0.9187419904059388,
                    "weight": 1,
                  },
                ],
                "features": {
                  "name_similarity": 0.9187419904059388,
                },
                "id": "sdn-2",
                "match": true,
                "properties": {
                  "birthDate": [
                    "1970-03-01",
                  ],
                  "name": [
                    "Ivan Ivanovich Petrov",
                  ],
                  "nationality": [
                    "ru",
                  ],
                },
                "referents": [
                  "sdn-2",
                ],
                "schema": "Person",
                "score": 0.9187,
                "target": false,
              },
            ],
            "status": 200,
            "total": {
              "relation": "eq",
              "value": 1,
            },
          },
        },
      }
    `);
  });

  it("restricts to one list, and refuses unknown lists and bad bodies", async () => {
    const { app, errors } = await createFixture();
    const query = { queries: { q: { schema: "Company", properties: { name: ["Kupol"] } } } };
    const uk = (await (await app.request("/match/uk", post(query))).json()) as {
      responses: { q: { results: Array<{ id: string }> } };
    };
    expect(uk.responses.q.results.map((r) => r.id)).toEqual(["uk-1"]);
    const cases: Array<[string, unknown]> = [
      ["/match/nope", query],
      ["/match/default", "{not json"],
      ["/match/default", { queries: { q: { schema: "Sanction", properties: {} } } }],
      [
        "/match/default",
        { queries: { q: { schema: "Company", properties: { birthDate: "1970" } } } },
      ],
      ["/match/default?threshold=2", query],
      ["/match/default", { query: {} }],
    ];
    const answers = [];
    for (const [url, body] of cases) {
      const res = await app.request(url, post(body));
      answers.push([res.status, await res.json()]);
    }
    expect(answers).toMatchInlineSnapshot(`
      [
        [
          404,
          {
            "error": {
              "code": "dataset_not_found",
              "message": "no list named "nope" is loaded (loaded: sdn, uk)",
              "path": "nope",
            },
          },
        ],
        [
          400,
          {
            "error": {
              "code": "request_malformed_json",
              "message": "the body is not valid JSON; send {"queries": {...}}",
              "path": "body",
            },
          },
        ],
        [
          400,
          {
            "error": {
              "code": "query_schema_not_matchable",
              "message": "schema Sanction cannot be matched",
              "path": "queries.q",
            },
          },
        ],
        [
          400,
          {
            "error": {
              "code": "ftm_unknown_property",
              "message": "schema Company has no property "birthDate"",
              "path": "queries.q",
            },
          },
        ],
        [
          400,
          {
            "error": {
              "code": "request_bad_parameter",
              "message": "threshold must be a number from 0 to 1, got "2"",
              "path": "threshold",
            },
          },
        ],
        [
          400,
          {
            "error": {
              "code": "request_invalid",
              "message": "the body needs "queries": {key: {schema, properties}}",
              "path": "queries",
            },
          },
        ],
      ]
    `);
    const big = await app.request(
      "/match/default",
      post({ queries: {}, pad: "x".repeat(11 << 20) }),
    );
    expect([big.status, await big.json()]).toEqual([
      413,
      { error: { code: "request_too_large", message: "the body exceeds 10485760 bytes" } },
    ]);
    expect(errors).toEqual([]);
  });

  it("hides negatively judged pairs and merges positive ones", async () => {
    const { app, store } = await createFixture();
    await judgePair(store, { left: "sdn-1", right: "uk-1", judgement: "positive" });
    const query = {
      queries: { q: { id: "sdn-2", schema: "Company", properties: { name: ["Kupol"] } } },
    };
    const merged = (await (await app.request("/match/default", post(query))).json()) as {
      responses: { q: { results: Array<Record<string, unknown>> } };
    };
    expect(
      merged.responses.q.results.map((r) => [r.id, r.referents, r.datasets, r.properties]),
    ).toMatchInlineSnapshot(`
      [
        [
          "sdn-1",
          [
            "sdn-1",
            "uk-1",
          ],
          [
            "sdn",
            "uk",
          ],
          {
            "country": [
              "ru",
            ],
            "innCode": [
              "1831083343",
            ],
            "name": [
              "Kupol JSC",
              "АО Купол",
              "Kupol",
            ],
            "topics": [
              "sanction",
            ],
          },
        ],
      ]
    `);
    await judgePair(store, { left: "sdn-2", right: "uk-1", judgement: "negative" });
    const hidden = (await (await app.request("/match/default", post(query))).json()) as {
      responses: { q: { results: unknown[] } };
    };
    expect(hidden.responses.q.results).toEqual([]);
  });

  it("searches, browses and shows entities with provenance", async () => {
    const { app, store } = await createFixture();
    const search = await (await app.request("/search/default?q=Kupol&limit=5")).json();
    expect(search).toMatchInlineSnapshot(`
      {
        "limit": 5,
        "offset": 0,
        "results": [
          {
            "caption": "Kupol JSC",
            "datasets": [
              "sdn",
            ],
            "id": "sdn-1",
            "properties": {
              "country": [
                "ru",
              ],
              "innCode": [
                "1831083343",
              ],
              "name": [
                "Kupol JSC",
                "АО Купол",
              ],
            },
            "referents": [
              "sdn-1",
            ],
            "schema": "Company",
            "score": 1,
            "target": true,
          },
          {
            "caption": "Kupol",
            "datasets": [
              "uk",
            ],
            "id": "uk-1",
            "properties": {
              "country": [
                "ru",
              ],
              "name": [
                "Kupol",
              ],
              "topics": [
                "sanction",
              ],
            },
            "referents": [
              "uk-1",
            ],
            "schema": "Company",
            "score": 1,
            "target": true,
          },
        ],
        "total": {
          "relation": "eq",
          "value": 2,
        },
      }
    `);
    const browse = (await (await app.request("/search/sdn?schema=Person")).json()) as {
      results: Array<{ id: string }>;
    };
    expect(browse.results.map((r) => r.id)).toEqual(["sdn-2"]);
    await judgePair(store, { left: "sdn-1", right: "uk-1", judgement: "positive" });
    const redirect = await app.request("/entities/uk-1");
    expect([redirect.status, redirect.headers.get("location")]).toEqual([308, "/entities/sdn-1"]);
    expect(await (await app.request("/entities/sdn-1")).json()).toMatchInlineSnapshot(`
      {
        "caption": "Kupol JSC",
        "datasets": [
          "sdn",
          "uk",
        ],
        "id": "sdn-1",
        "linked": [
          {
            "caption": "RUSSIA-EO14024",
            "direction": "in",
            "id": "sdn-s1",
            "schema": "Sanction",
            "via": "entity",
          },
        ],
        "properties": {
          "country": [
            "ru",
          ],
          "innCode": [
            "1831083343",
          ],
          "name": [
            "Kupol JSC",
            "АО Купол",
            "Kupol",
          ],
          "topics": [
            "sanction",
          ],
        },
        "referents": [
          "sdn-1",
          "uk-1",
        ],
        "schema": "Company",
        "statements": [
          {
            "dataset": "sdn",
            "entity_id": "sdn-1",
            "locator": "line:1",
            "prop": "name",
            "source": "sdn0000000000000000000000000000000000000000000000000000000000000",
            "source_name": "sdn.json",
            "value": "Kupol JSC",
          },
          {
            "dataset": "sdn",
            "entity_id": "sdn-1",
            "locator": "line:1",
            "prop": "name",
            "source": "sdn0000000000000000000000000000000000000000000000000000000000000",
            "source_name": "sdn.json",
            "value": "АО Купол",
          },
          {
            "dataset": "sdn",
            "entity_id": "sdn-1",
            "locator": "line:1",
            "prop": "country",
            "source": "sdn0000000000000000000000000000000000000000000000000000000000000",
            "source_name": "sdn.json",
            "value": "ru",
          },
          {
            "dataset": "sdn",
            "entity_id": "sdn-1",
            "locator": "line:1",
            "prop": "innCode",
            "source": "sdn0000000000000000000000000000000000000000000000000000000000000",
            "source_name": "sdn.json",
            "value": "1831083343",
          },
          {
            "dataset": "uk",
            "entity_id": "uk-1",
            "locator": "line:1",
            "prop": "name",
            "source": "uk00000000000000000000000000000000000000000000000000000000000000",
            "source_name": "uk.json",
            "value": "Kupol",
          },
          {
            "dataset": "uk",
            "entity_id": "uk-1",
            "locator": "line:1",
            "prop": "country",
            "source": "uk00000000000000000000000000000000000000000000000000000000000000",
            "source_name": "uk.json",
            "value": "ru",
          },
          {
            "dataset": "uk",
            "entity_id": "uk-1",
            "locator": "line:1",
            "prop": "topics",
            "source": "uk00000000000000000000000000000000000000000000000000000000000000",
            "source_name": "uk.json",
            "value": "sanction",
          },
        ],
        "target": true,
      }
    `);
    const missing = await app.request("/entities/zzz");
    expect([missing.status, await missing.json()]).toMatchInlineSnapshot(`
      [
        404,
        {
          "error": {
            "code": "entity_not_found",
            "message": "no entity with id "zzz"",
            "path": "zzz",
          },
        },
      ]
    `);
  });

  it("rebuilds the index when a list is loaded after the server started", async () => {
    const { app, store } = await createFixture();
    const query = post({
      queries: { q: { schema: "Person", properties: { name: ["Olga Smirnova"] } } },
    });
    const ids = async () => {
      const body = (await (await app.request("/match/default", query)).json()) as {
        responses: { q: { results: Array<{ id: string }> } };
      };
      return body.responses.q.results.map((r) => r.id);
    };
    expect(await ids()).toEqual([]);
    await loadEntities(store, "eu", [["eu-1", "Person", { name: "Smirnova, Olga" }]]);
    expect(await ids()).toEqual(["eu-1"]);
  });

  it("answers health and unknown routes in JSON", async () => {
    const { app } = await createFixture();
    expect(await (await app.request("/healthz")).json()).toEqual({
      status: "ok",
      entities: 3,
      lists: ["sdn", "uk"],
    });
    const missing = await app.request("/nowhere");
    expect([missing.status, await missing.json()]).toMatchInlineSnapshot(`
      [
        404,
        {
          "error": {
            "code": "route_not_found",
            "message": "no route GET /nowhere; see /openapi.json",
          },
        },
      ]
    `);
  });
});
