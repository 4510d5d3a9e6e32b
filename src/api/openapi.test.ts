import { describe, expect, it } from "vitest";
import { createFixture } from "../../test/helpers/api-fixture.js";
import { buildOpenApi } from "./openapi.js";
import { routes } from "./routes.js";

describe("openapi.json", () => {
  it("is committed at the repo root and matches the route table (vitest -u regenerates it)", async () => {
    const spec = buildOpenApi(routes);
    await expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot("../../openapi.json");
  });

  it("is served, and lists every route the app answers", async () => {
    const { app } = await createFixture();
    const served = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, object>;
    };
    expect(served).toEqual(buildOpenApi(routes));
    expect(
      Object.entries(served.paths).map(
        ([path, methods]) => `${Object.keys(methods).join(",")} ${path}`,
      ),
    ).toEqual([
      "post /match/{dataset}",
      "get /search/{dataset}",
      "get /entities/{id}",
      "get,post /reconcile/{dataset}",
      "get /reconcile/{dataset}/suggest/entity",
      "get /reconcile/{dataset}/suggest/type",
      "get /reconcile/{dataset}/suggest/property",
      "get /reconcile/{dataset}/extend/propose",
      "get /healthz",
      "get /openapi.json",
    ]);
  });
});
