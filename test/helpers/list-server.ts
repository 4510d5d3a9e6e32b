import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** How the server misbehaves for one path. */
export interface Route {
  file: string;
  /** Answer 503 this many times before serving. */
  failFirst?: number;
  /** Announce the full length but send only half, then cut the connection. */
  truncate?: boolean;
  /** Send a `Repr-Digest` header; `"wrong"` sends a digest of other bytes. */
  digest?: "right" | "wrong";
  /** Omit content-length (chunked), so only the streamed count can catch a big body. */
  chunked?: boolean;
}

export interface ListServer {
  url: string;
  /** Requests seen per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

function sendBody(response: import("node:http").ServerResponse, route: Route, body: Buffer) {
  const headers: Record<string, string | number> = { "content-type": "application/octet-stream" };
  if (!route.chunked) headers["content-length"] = body.length;
  if (route.digest) {
    const bytes = route.digest === "right" ? body : Buffer.concat([body, Buffer.from("x")]);
    headers["repr-digest"] = `sha-256=:${createHash("sha256").update(bytes).digest("base64")}:`;
  }
  response.writeHead(200, headers);
  if (route.truncate) {
    response.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => response.socket?.destroy(), 20);
    return;
  }
  response.end(body);
}

/**
 * A real HTTP server on 127.0.0.1 serving local files at `/<list>/<file>`, with scripted
 * failures, for testing `lists update` without the internet.
 * @example const server = await startListServer({ "/un_sc_sanctions/consolidated.xml": { file } });
 */
export async function startListServer(routes: Record<string, Route>): Promise<ListServer> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? "/";
    const seen = (hits.get(path) ?? 0) + 1;
    hits.set(path, seen);
    const route = routes[path];
    if (!route) return void response.writeHead(404).end("not found");
    if (seen <= (route.failFirst ?? 0)) return void response.writeHead(503).end("busy");
    sendBody(response, route, readFileSync(route.file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
