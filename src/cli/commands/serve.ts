import { once } from "node:events";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import { SanctraceError } from "../../model/index.js";
import { type CliContext, globalOptions, withStore } from "../context.js";
import { parseWorkers } from "./numbers.js";

interface ServeOptions {
  host: string;
  port: string;
  workers: number;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SanctraceError("option_invalid", `--port expects 0-65535, got "${text}"`);
  }
  return port;
}

export function registerServe(program: Command, context: CliContext): void {
  program
    .command("serve")
    .description("serve the HTTP API (yente-compatible /match, /search, /entities, /reconcile)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on", "8000")
    .option(
      "--workers <n>",
      "threads that search large /match batches (default: one per core; 1: none)",
      parseWorkers,
      availableParallelism(),
    )
    .action(async (options: ServeOptions, command: Command) => {
      const { db } = globalOptions(command, context);
      const port = parsePort(options.port);
      const startServer = context.serve;
      if (!startServer) {
        throw new SanctraceError(
          "serve_unavailable",
          "this entry point does not include the HTTP API",
        );
      }
      await withStore(db, async (store) => {
        const server = await startServer({
          store,
          host: options.host,
          port,
          workers: options.workers,
        });
        context.io.stderr(`sanctrace API on ${server.url} (docs: ${server.url}/openapi.json)\n`);
        await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
        await server.close();
      });
    });
}
