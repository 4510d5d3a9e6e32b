import { Hono } from "hono";
import { mountWebUi, securityHeaders } from "./web-ui.js";
import type { WorkbenchDeps } from "./workbench-deps.js";
import { createWorkbenchRoutes } from "./workbench-routes.js";

/**
 * Add the workbench to an app: security headers, `/api/...` routes and the web UI at `/`.
 * @example const app = new Hono(); mountWorkbench(app, { store });
 */
export function mountWorkbench(app: Hono, deps: WorkbenchDeps, webRoot?: string): Hono {
  app.use(securityHeaders());
  app.route("/api", createWorkbenchRoutes(deps));
  mountWebUi(app, webRoot);
  return app;
}

/** A Hono app with only the workbench, for tests and embedding. */
export function createWorkbenchApp(deps: WorkbenchDeps, webRoot?: string): Hono {
  return mountWorkbench(new Hono(), deps, webRoot);
}
