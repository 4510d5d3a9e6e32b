import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { serve } from "@hono/node-server";
import { WarmPool } from "../match/index.js";
import { SanctraceError } from "../model/index.js";
import { type AppOptions, createApp } from "./app.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve the API over HTTP (port 0 picks a free one). Large `/match` batches are searched by
 * `workers` threads (default: one per core; 1: none), started on the first such batch and
 * kept until the server closes.
 * @example const server = await startServer({ store, host: "127.0.0.1", port: 8000 });
 */
export function startServer(
  options: AppOptions & { host: string; port: number; workers?: number },
): Promise<RunningServer> {
  const pool = options.pool ?? new WarmPool(options.workers ?? availableParallelism());
  const app = createApp({ ...options, pool });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: async () => {
            await new Promise((done) => server.close(() => done(undefined)));
            if (!options.pool) await pool.close();
          },
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
