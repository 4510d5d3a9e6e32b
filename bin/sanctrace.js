#!/usr/bin/env node
// The composition root: the CLI shell gets the API shell's server here, as shells never import each other.
import { setFlagsFromString } from "node:v8";

// Rows, cells and statements of a large ingest live for one batch, but V8's allocation-site
// pretenuring takes their sites for makers of long-lived objects and fills the old generation
// (mapping 1M customs rows: 13.5 CPU-s with it, 6.2 without; bench/ingest-customs.ts). Set
// before any of our code runs; objects that do live long are promoted as usual.
setFlagsFromString("--no-allocation-site-pretenuring");

// An ingest reads large tables in a thread of its own (src/ingest/table-thread.ts). Started
// first, the thread loads its code while this one loads the CLI's.
if (process.argv.slice(2).includes("ingest")) {
  const { warmWorker } = await import("../dist/model/threads.js");
  warmWorker(new URL("../dist/ingest/table-thread.js", import.meta.url).href, "table-worker");
}
// Output piped to a reader that stops early (`| head`): stop writing quietly, as Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
const { runCli } = await import("../dist/cli/index.js");
const { processIo } = await import("../dist/cli/output.js");

/** The API's modules load only for `serve`. */
const serve = async (options) => (await import("../dist/api/index.js")).startServer(options);

process.exitCode = await runCli(process.argv, { io: processIo, env: process.env, serve });
