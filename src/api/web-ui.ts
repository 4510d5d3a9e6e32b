import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono, MiddlewareHandler } from "hono";

/**
 * No inline script anywhere, nothing from other origins; layout workers run from blob URLs.
 * Data shown in the UI is always set as text, so a hostile name cannot run.
 */
export const WORKBENCH_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Security headers on every response: the strict CSP, no sniffing, no framing, no referrer.
 * @example app.use(securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set("Content-Security-Policy", WORKBENCH_CSP);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("X-Frame-Options", "DENY");
    c.res.headers.set("Referrer-Policy", "no-referrer");
  };
}

/** Where `npm run build` puts the web UI (`web/dist` in the package). */
export function webDistPath(): string {
  return fileURLToPath(new URL("../../web/dist", import.meta.url));
}

/**
 * Serve the built web UI as static files at `/`; says how to build it when it is missing.
 * @example mountWebUi(app);
 */
export function mountWebUi(app: Hono, root: string = webDistPath()): void {
  if (!existsSync(root)) {
    app.get("/", (c) =>
      c.text("The web UI is not built: run `npm run build` in the sanctrace folder.", 503),
    );
    return;
  }
  app.use("/*", serveStatic({ root }));
  app.get("/", serveStatic({ root, path: "index.html" }));
}
