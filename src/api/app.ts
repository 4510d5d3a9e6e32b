import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { WarmPool } from "../match/index.js";
import type { Store } from "../store/index.js";
import type { ApiDeps } from "./deps.js";
import { createErrorHandler, errorBody } from "./errors.js";
import { buildOpenApi } from "./openapi.js";
import { routes } from "./routes.js";
import { MatcherHolder } from "./service.js";
import { mountWebUi, securityHeaders } from "./web-ui.js";
import { createWorkbenchRoutes } from "./workbench-routes.js";
import { createReviewProvider, createTraceProvider } from "./workbench-services.js";

export interface AppOptions {
  store: Store;
  threshold?: number;
  limit?: number;
  maxQueries?: number;
  /** Largest request body in bytes (default 10 MiB). */
  maxBodyBytes?: number;
  /** Where unexpected errors are logged (their stack never reaches the client). */
  log?: (error: unknown) => void;
  /** The built web UI served at `/` (default: `web/dist` of the package). */
  webRoot?: string;
  /** Worker threads for large `/match` batches (the caller closes it); default: none. */
  pool?: WarmPool;
}

/** `/match/{dataset}` -> `/match/:dataset`. */
function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * The sanctrace HTTP API as a Hono app; serve it with @hono/node-server or call
 * `app.request()` in tests. The match index is built on first use and after each load.
 * @example const app = createApp({ store }); await app.request("/healthz");
 */
export function createApp(options: AppOptions): Hono {
  const deps: ApiDeps = {
    store: options.store,
    matchers: new MatcherHolder(options.store),
    threshold: options.threshold ?? 0.7,
    limit: options.limit ?? 5,
    maxQueries: options.maxQueries ?? 1000,
    ...(options.pool ? { pool: options.pool } : {}),
  };
  const app = new Hono();
  app.use(securityHeaders());
  const maxSize = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const tooLarge = errorBody("request_too_large", `the body exceeds ${maxSize} bytes`);
  app.use(bodyLimit({ maxSize, onError: (c) => c.json(tooLarge, 413) }));
  for (const route of routes) {
    app.on(route.method.toUpperCase(), honoPath(route.path), (c) => route.handle(c, deps));
  }
  const openapi = buildOpenApi(routes);
  app.get("/openapi.json", (c) => c.json(openapi));
  const review = createReviewProvider(options.store, deps.matchers);
  const trace = createTraceProvider(options.store);
  app.route("/api", createWorkbenchRoutes({ store: options.store, review, trace }));
  mountWebUi(app, options.webRoot);
  app.notFound((c) =>
    c.json(
      errorBody("route_not_found", `no route ${c.req.method} ${c.req.path}; see /openapi.json`),
      404,
    ),
  );
  app.onError(createErrorHandler(options.log ?? ((error) => console.error(error))));
  return app;
}
