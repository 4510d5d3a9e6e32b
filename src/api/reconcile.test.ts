import { describe, expect, it } from "vitest";
import { createFixture } from "../../test/helpers/api-fixture.js";
import type { ReconcileManifest } from "./types.js";

function form(fields: Record<string, unknown>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) body.set(key, JSON.stringify(value));
  return { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } };
}

describe("W3C Reconciliation API", () => {
  it("serves a manifest OpenRefine can use", async () => {
    const { app } = await createFixture();
    const response = await app.request("http://localhost/reconcile/default");
    const manifest = (await response.json()) as ReconcileManifest;
    expect({
      ...manifest,
      defaultTypes: manifest.defaultTypes.map((type) => type.id),
    }).toMatchInlineSnapshot(`
      {
        "defaultTypes": [
          "Airplane",
          "Company",
          "LegalEntity",
          "Organization",
          "Person",
          "PublicBody",
          "Vessel",
        ],
        "extend": {
          "property_settings": [],
          "propose_properties": {
            "service_path": "/reconcile/default/extend/propose",
            "service_url": "http://localhost",
          },
        },
        "identifierSpace": "http://localhost/entities/",
        "name": "sanctrace (default)",
        "schemaSpace": "http://localhost/reconcile/default#schema",
        "suggest": {
          "entity": {
            "service_path": "/reconcile/default/suggest/entity",
            "service_url": "http://localhost",
          },
          "property": {
            "service_path": "/reconcile/default/suggest/property",
            "service_url": "http://localhost",
          },
          "type": {
            "service_path": "/reconcile/default/suggest/type",
            "service_url": "http://localhost",
          },
        },
        "versions": [
          "0.1",
          "0.2",
        ],
        "view": {
          "url": "http://localhost/entities/{{id}}",
        },
      }
    `);
  });

  it("reconciles a batch of names from the queries form field", async () => {
    const { app } = await createFixture();
    const queries = {
      q0: { query: "Kupol", type: "Company", limit: 3, properties: [{ pid: "country", v: "ru" }] },
      q1: { query: "Петров Иван Иванович", type: ["Person"] },
      q2: { query: "Nobody Inparticular" },
    };
    const posted = await (await app.request("/reconcile/default", form({ queries }))).json();
    expect(posted).toMatchInlineSnapshot(`
      {
        "q0": {
          "result": [
            {
              "description": "Company · sdn",
              "id": "sdn-1",
              "match": true,
              "name": "Kupol JSC",
              "score": 1,
              "type": [
                {
                  "id": "Company",
                  "name": "Company",
                },
              ],
            },
            {
              "description": "Company · uk",
              "id": "uk-1",
              "match": true,
              "name": "Kupol",
              "score": 1,
              "type": [
                {
                  "id": "Company",
                  "name": "Company",
                },
              ],
            },
          ],
        },
        "q1": {
          "result": [
            {
              "description": "Person · sdn",
              "id": "sdn-2",
              "match": true,
              "name": "Ivan Ivanovich Petrov",
              "score": 1,
              "type": [
                {
                  "id": "Person",
                  "name": "Person",
                },
              ],
            },
          ],
        },
        "q2": {
          "result": [],
        },
      }
    `);
    const viaGet = await app.request(
      `/reconcile/default?queries=${encodeURIComponent(JSON.stringify(queries))}`,
    );
    expect(await viaGet.json()).toEqual(posted);
  });

  it("suggests entities, types and properties and extends rows", async () => {
    const { app } = await createFixture();
    const suggest = await (
      await app.request("/reconcile/default/suggest/entity?prefix=Kupol")
    ).json();
    expect(suggest).toMatchInlineSnapshot(`
      {
        "result": [
          {
            "description": "Company",
            "id": "sdn-1",
            "name": "Kupol JSC",
          },
          {
            "description": "Company",
            "id": "uk-1",
            "name": "Kupol",
          },
        ],
      }
    `);
    const types = await (await app.request("/reconcile/default/suggest/type?prefix=Pe")).json();
    expect(types).toEqual({ result: [{ id: "Person", name: "Person" }] });
    const props = (await (
      await app.request("/reconcile/default/suggest/property?prefix=inn")
    ).json()) as { result: unknown[] };
    expect(props.result).toEqual([{ id: "innCode", name: "INN" }]);
    const propose = (await (
      await app.request("/reconcile/default/extend/propose?type=Company&limit=3")
    ).json()) as { properties: unknown[] };
    expect(propose.properties).toHaveLength(3);
    const extend = { ids: ["sdn-1", "sdn-s1"], properties: [{ id: "country" }, { id: "entity" }] };
    expect(
      await (await app.request("/reconcile/default", form({ extend }))).json(),
    ).toMatchInlineSnapshot(`
      {
        "meta": [
          {
            "id": "country",
            "name": "Country",
          },
          {
            "id": "entity",
            "name": "Entity",
          },
        ],
        "rows": {
          "sdn-1": {
            "country": [
              {
                "str": "ru",
              },
            ],
            "entity": [],
          },
          "sdn-s1": {
            "country": [],
            "entity": [
              {
                "id": "sdn-1",
                "name": "Kupol JSC",
              },
            ],
          },
        },
      }
    `);
  });

  it("refuses malformed queries with a JSON error", async () => {
    const { app } = await createFixture();
    const bad = await app.request("/reconcile/default", {
      method: "POST",
      body: new URLSearchParams({ queries: "{oops" }),
    });
    const noQuery = await app.request(
      "/reconcile/default",
      form({ queries: { q0: { type: "Person" } } }),
    );
    expect([
      bad.status,
      await bad.json(),
      noQuery.status,
      await noQuery.json(),
    ]).toMatchInlineSnapshot(`
      [
        400,
        {
          "error": {
            "code": "request_malformed_json",
            "message": "the queries field is not valid JSON",
            "path": "queries",
          },
        },
        400,
        {
          "error": {
            "code": "request_invalid",
            "message": "each query needs a "query" string",
            "path": "queries.q0",
          },
        },
      ]
    `);
  });
});
