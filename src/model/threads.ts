import { Worker, type WorkerOptions } from "node:worker_threads";

/** Workers started ahead of their use (`warmWorker`), by script URL. */
const warm = new Map<string, Worker>();

function scriptUrl(base: string, name: string): URL {
  return new URL(`./${name}.${base.endsWith(".ts") ? "ts" : "js"}`, base);
}

function spawn(url: URL, options: WorkerOptions): Worker {
  if (url.pathname.endsWith(".js")) return new Worker(url, options);
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * Start the worker script `name` that sits beside the module whose `import.meta.url` is
 * `base`: its `.js` file when running compiled, its `.ts` source from the sources (tests,
 * benchmarks), with tsx registered first, since a worker does not inherit the loader hooks of
 * its parent. Without options, takes the worker `warmWorker` started for the script, if any.
 * @example const worker = startWorker(import.meta.url, "screen-worker", { workerData });
 */
export function startWorker(base: string, name: string, options?: WorkerOptions): Worker {
  const url = scriptUrl(base, name);
  const started = options ? undefined : warm.get(url.href);
  if (!started) return spawn(url, options ?? {});
  warm.delete(url.href);
  started.ref();
  return started;
}

/**
 * Start the worker that the next `startWorker(base, name)` will take, so that it loads its
 * code while this thread loads its own: for an entry point that knows its command will want
 * it. It does not keep the process alive until taken; one that fails before is dropped, and
 * `startWorker` starts another, whose failure its taker sees. Returns the warm worker.
 * @example warmWorker(new URL("../dist/ingest/table-thread.js", import.meta.url).href, "table-worker");
 */
export function warmWorker(base: string, name: string): Worker {
  const url = scriptUrl(base, name);
  const already = warm.get(url.href);
  if (already) return already;
  const worker = spawn(url, {});
  worker.unref();
  const drop = () => {
    if (warm.get(url.href) === worker) warm.delete(url.href);
  };
  worker.once("error", drop);
  worker.once("exit", drop);
  warm.set(url.href, worker);
  return worker;
}
