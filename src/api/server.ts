import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { SanctraceError } from "../model/index.js";
import { type AppOptions, createApp } from "./app.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve the API over HTTP (port 0 picks a free one).
 * @example const server = await startServer({ store, host: "127.0.0.1", port: 8000 });
 */
export function startServer(
  options: AppOptions & { host: string; port: number },
): Promise<RunningServer> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      },
    );
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new SanctraceError(
          "server_listen_failed",
          `cannot listen: ${error.message}`,
          `${options.host}:${options.port}`,
        ),
      ),
    );
  });
}
